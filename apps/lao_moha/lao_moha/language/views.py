"""The language switcher's target: Django's set_language, stored per user."""

import logging

from django.views import i18n

from .preference import available, remember

logger = logging.getLogger(__name__)


def set_language(request):
    response = i18n.set_language(request)
    language = request.POST.get("language") if request.method == "POST" else None
    if language in available() and request.user.is_authenticated:
        remember(request, language)
        logger.info("User %s switched the interface to %s", request.user.pk, language)
    return response
