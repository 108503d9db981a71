"""Which language a request is served in.

Order: the signed-in user's stored choice, then the language cookie (set by
the switcher, also before sign-in), then Lao. A browser's Accept-Language is
ignored in the desk, because most browsers in Laos are set to English and a
Lao reader must meet Lao first; other systems calling the REST API may ask
for a language with it.
"""

from django.conf import settings
from django.utils import translation

SESSION_KEY = "_lao_moha_language"
API_PREFIX = "/api/"


def available():
    return {code for code, _name in settings.LANGUAGES}


def stored_language(user):
    """The user's stored choice, or "" (one query)."""
    from .models import LanguagePreference

    language = (
        LanguagePreference.objects.filter(user=user)
        .values_list("language", flat=True)
        .first()
    )
    return language if language in available() else ""


def user_language(request):
    """The signed-in user's choice, read once per session."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    session = getattr(request, "session", None)
    if session is None:
        return stored_language(user)
    if SESSION_KEY not in session:
        session[SESSION_KEY] = stored_language(user)
    return session[SESSION_KEY]


def request_language(request):
    language = user_language(request)
    if language:
        return language
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie in available():
        return cookie
    if request.path.startswith(API_PREFIX):
        header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
        for code, _quality in translation.trans_real.parse_accept_lang_header(header):
            try:
                return translation.get_supported_language_variant(code)
            except LookupError:
                continue
    return settings.LANGUAGE_CODE


def remember(request, language):
    """Store `language` as the signed-in user's choice."""
    from .models import LanguagePreference

    LanguagePreference.objects.update_or_create(
        user=request.user, defaults={"language": language}
    )
    if getattr(request, "session", None) is not None:
        request.session[SESSION_KEY] = language
