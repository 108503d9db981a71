"""Request middleware of the customization app."""

from . import definitions


class CustomFieldsMiddleware:
    """Brings this process's custom-field definitions up to date once per
    request and keeps them fixed until the response is made."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with definitions.pinned():
            return self.get_response(request)
