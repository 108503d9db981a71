"""Activates the language of each request (replaces Django's LocaleMiddleware).

Placed after AuthenticationMiddleware: the signed-in user's stored choice
wins over the cookie, on every request and every device.
"""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

from .preference import request_language, user_language


class UserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        translation.activate(request_language(request))
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie", "Accept-Language"))
        response.headers.setdefault("Content-Language", translation.get_language())
        # Keep the cookie in step with the stored choice, so the sign-in
        # page after signing out is in the user's language too.
        chosen = user_language(request) if hasattr(request, "user") else ""
        if chosen and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != chosen:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                chosen,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
