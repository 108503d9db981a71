"""REST authentication that also applies the caller's stored language.

The middleware runs before REST-framework authentication, so for token
callers it cannot know the user yet; this class finishes the job.
"""

from django.utils import translation
from rest_framework.authentication import TokenAuthentication

from .preference import stored_language


class LanguageTokenAuthentication(TokenAuthentication):
    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            language = stored_language(result[0])
            if language:
                translation.activate(language)
                request._request.LANGUAGE_CODE = language
        return result
