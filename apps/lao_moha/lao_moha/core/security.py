"""Sign-in protection: login lockout (django-axes), idle sessions.

django-axes counts failed sign-ins per user name and address and locks the
pair out for a while; it hooks into Django's authentication, so the desk's
(unfold) login form, the API's session login and token sign-in are all
covered without a form of our own.
"""

import time

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import render
from django.utils.translation import gettext as _


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' backend, letting authentication without a request pass.

    Every sign-in over the network carries a request and is counted; only
    code inside the server (shell, management commands, tests) authenticates
    without one, and that is not an attack surface.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(
            request, username=username, password=password, **kwargs
        )


def lockout_response(request, original_response=None, credentials=None):
    """The page shown to a locked-out sign-in: plain words and how long."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "core/lockout.html",
        {
            "message": _(
                "Too many failed sign-ins for this account from your computer. "
                "Try again in {minutes} minutes, or ask an administrator to "
                "unlock it."
            ).format(minutes=minutes),
        },
        status=429,
    )


class IdleSessionMiddleware:
    """Signs out a session left unused for SESSION_IDLE_TIMEOUT seconds.

    SESSION_COOKIE_AGE caps a session's whole life; this closes the desk
    of someone who walked away. The time is written at most once a minute.
    """

    KEY = "lao_moha_last_seen"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = getattr(settings, "SESSION_IDLE_TIMEOUT", None)
        user = getattr(request, "user", None)
        if (
            timeout
            and user is not None
            and user.is_authenticated
            and hasattr(request, "session")
        ):
            now = int(time.time())
            last = request.session.get(self.KEY)
            if last is not None and now - last > timeout:
                logout(request)
            elif last is None or now - last > 60:
                request.session[self.KEY] = now
        return self.get_response(request)
