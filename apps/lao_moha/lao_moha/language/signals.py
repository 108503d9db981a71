"""On sign-in, apply the user's stored language; a first choice made on the
sign-in page becomes the stored one."""

import logging

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation

from .preference import SESSION_KEY, available, remember, stored_language

logger = logging.getLogger(__name__)


@receiver(user_logged_in, dispatch_uid="lao_moha_language_on_login")
def apply_language_on_login(sender, request, user, **kwargs):
    if request is None or getattr(request, "session", None) is None:
        return
    language = stored_language(user)
    if not language:
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if cookie in available() and cookie != settings.LANGUAGE_CODE:
            remember(request, cookie)
            logger.info(
                "User %s: language %s stored from the sign-in page", user.pk, cookie
            )
            language = cookie
    request.session[SESSION_KEY] = language
    if language:
        translation.activate(language)
        request.LANGUAGE_CODE = language
