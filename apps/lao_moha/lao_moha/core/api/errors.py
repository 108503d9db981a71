"""JSON errors with a message per field, for every API failure."""

import logging

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from ..audit import AuditTrailImmutable
from ..exceptions import StaleRecordError
from ..history import saves_since

logger = logging.getLogger(__name__)


def exception_handler(exc, context):
    request = context.get("request")
    user = getattr(request, "user", None)
    if isinstance(exc, StaleRecordError):
        return stale_response(exc.instance, exc.instance.version, user)
    if isinstance(exc, DjangoValidationError):
        detail = (
            exc.message_dict
            if hasattr(exc, "error_dict")
            else {"non_field_errors": exc.messages}
        )
        return Response(detail, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, ProtectedError | RestrictedError):
        blocking = (
            exc.protected_objects
            if isinstance(exc, ProtectedError)
            else (exc.restricted_objects)
        )
        kinds = sorted({str(obj._meta.verbose_name_plural) for obj in blocking})
        return Response(
            {
                "detail": _(
                    "This record cannot be deleted: {count} other records refer "
                    "to it ({kinds}). Remove or change those first."
                ).format(count=len(blocking), kinds=", ".join(kinds))
            },
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, AuditTrailImmutable):
        return Response({"detail": str(exc)}, status=status.HTTP_403_FORBIDDEN)
    return drf_exception_handler(exc, context)


def stale_response(instance, loaded_version, user=None, code=status.HTTP_409_CONFLICT):
    """409 or 412: the record changed since the client read it; say what
    changed and who changed it. Nothing is merged."""
    changes = [
        {
            "by": getattr(who, "username", None),
            "at": when.isoformat(),
            "field": change.field,
            "label": change.label,
            "old": change.old,
            "new": change.new,
        }
        for who, when, lines in saves_since(instance, loaded_version, user)
        for change in lines
    ]
    logger.info(
        "Stale write refused: %s #%s, version %s against %s",
        instance._meta.label,
        instance.pk,
        loaded_version,
        instance.version,
    )
    response = Response(
        {
            "detail": _(
                "This record was changed by someone else since you read it "
                "(your version {loaded}, now {current}). Nothing was saved: read "
                "it again and reapply your change."
            ).format(loaded=loaded_version, current=instance.version),
            "version": instance.version,
            "changes": changes,
        },
        status=code,
    )
    response["ETag"] = f'"{instance.version}"'
    return response


def precondition_required():
    """428: a write must say which version of the record it is based on."""
    return Response(
        {
            "detail": _(
                "Say which version of the record your change is based on: send "
                "the ETag you read in an If-Match header, or the record's "
                "“version” in the body."
            )
        },
        status=status.HTTP_428_PRECONDITION_REQUIRED,
    )
