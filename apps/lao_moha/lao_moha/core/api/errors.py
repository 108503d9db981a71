"""JSON errors with a message per field, for every API failure."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from ..exceptions import StaleRecordError
from ..history import changes_since


def exception_handler(exc, context):
    if isinstance(exc, StaleRecordError):
        return stale_response(exc.instance, exc.instance.version)
    if isinstance(exc, DjangoValidationError):
        detail = (
            exc.message_dict
            if hasattr(exc, "error_dict")
            else {"non_field_errors": exc.messages}
        )
        return Response(detail, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)


def stale_response(instance, loaded_version):
    """409: the record changed since the client read it; say what changed."""
    changes = [
        {"field": label, "old": str(old), "new": str(new)}
        for label, old, new in changes_since(instance, loaded_version)
    ]
    return Response(
        {
            "detail": _(
                "This record was changed by someone else since you read it "
                "(your version {loaded}). Read it again and reapply your change."
            ).format(loaded=loaded_version),
            "changes": changes,
        },
        status=status.HTTP_409_CONFLICT,
    )
