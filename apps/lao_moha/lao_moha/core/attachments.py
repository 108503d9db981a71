"""Handing out attached files only to users who may see their record.

Files are stored privately under the site folder (never served as static
media); `download` checks the user's permission on the record and its scope.
"""

import logging
import mimetypes

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from . import scope
from .models import Attachment

logger = logging.getLogger(__name__)


def may_see_record(user, record):
    """View permission on the record's model and the record inside the scope."""
    opts = record._meta
    if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
        return False
    visible = scope.restrict(type(record)._default_manager.filter(pk=record.pk), user)
    return visible.exists()


@login_required
def download(request, pk):
    """Hand out an attachment's file to a user allowed to see its record."""
    attachment = get_object_or_404(Attachment, pk=pk)
    record = attachment.record
    if record is None:
        raise Http404
    if not may_see_record(request.user, record):
        logger.warning("Refused download of attachment %s to user %s", pk, request.user.pk)
        raise PermissionDenied
    content_type = mimetypes.guess_type(attachment.original_name)[0] or "application/octet-stream"
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def attachment_inline():
    """The desk inline listing and adding a record's attachments."""
    from django.contrib.contenttypes.forms import BaseGenericInlineFormSet
    from django.urls import reverse
    from django.contrib import admin
    from django.utils.html import format_html
    from django.utils.translation import gettext_lazy as _
    from unfold.admin import GenericTabularInline

    class AttachmentInline(GenericTabularInline):
        model = Attachment
        formset = BaseGenericInlineFormSet
        fields = ("title", "file", "download_link", "size", "created_at", "created_by")
        readonly_fields = ("download_link", "size", "created_at", "created_by")
        extra = 0
        tab = True
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

        @staticmethod
        @admin.display(description=_("download"))
        def download_link(obj):
            if not obj.pk:
                return "—"
            return format_html(
                '<a href="{}">{}</a>', reverse("attachment_download", args=[obj.pk]),
                obj.original_name,
            )

        def has_view_permission(self, request, obj=None):
            return obj is None or may_see_record(request.user, obj)

    return AttachmentInline
