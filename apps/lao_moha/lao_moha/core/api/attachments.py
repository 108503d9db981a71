"""REST access to attachments, checked against the record they belong to."""

from django.contrib.contenttypes.models import ContentType
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as APIValidationError
from rest_framework.permissions import IsAuthenticated

from .. import registry
from ..attachments import download, may_see_record
from ..models import Attachment


def _record_or_error(record_type, record_id):
    """The record named by "app_label.Model" and id, if it is an attachable DocType."""
    doctype = registry.by_label(record_type or "")
    if doctype is None or not doctype.attachable:
        raise APIValidationError({"record_type": _("“{value}” does not take attachments.").format(
            value=record_type)})
    record = doctype.model._default_manager.filter(pk=record_id).first()
    if record is None:
        raise APIValidationError({"record_id": _("No {doctype} has id {id}.").format(
            doctype=doctype.model._meta.verbose_name, id=record_id)})
    return record


def _may_change(user, record):
    opts = record._meta
    return may_see_record(user, record) and user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}"
    )


class AttachmentSerializer(serializers.ModelSerializer):
    record_type = serializers.CharField(write_only=True)
    record_id = serializers.IntegerField(source="object_id")
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["id", "record_type", "record_id", "title", "file", "original_name",
                  "size", "created_at", "download_url"]
        read_only_fields = ["original_name", "size", "created_at"]
        extra_kwargs = {"file": {"write_only": True}}

    def get_download_url(self, obj):
        return reverse("attachment_download", args=[obj.pk])

    def validate(self, attrs):
        record = _record_or_error(attrs.pop("record_type"), attrs["object_id"])
        if not _may_change(self.context["request"].user, record):
            raise PermissionDenied(_("You may not add files to this record."))
        attrs["content_type"] = ContentType.objects.get_for_model(record)
        return attrs


class AttachmentViewSet(mixins.ListModelMixin, mixins.CreateModelMixin,
                        mixins.RetrieveModelMixin, mixins.DestroyModelMixin,
                        viewsets.GenericViewSet):
    """Attachments of one record: list with ?record_type=app.Model&record_id=N."""

    serializer_class = AttachmentSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        if self.action == "list":
            params = self.request.query_params
            record = _record_or_error(params.get("record_type"), params.get("record_id"))
            if not may_see_record(self.request.user, record):
                raise PermissionDenied
            return Attachment.objects.filter(
                content_type=ContentType.objects.get_for_model(record), object_id=record.pk
            ).order_by("pk")
        return Attachment.objects.all()

    def get_object(self):
        attachment = get_object_or_404(Attachment, pk=self.kwargs["pk"])
        record = attachment.record
        if record is None or not may_see_record(self.request.user, record):
            raise PermissionDenied
        if self.action == "destroy" and not _may_change(self.request.user, record):
            raise PermissionDenied
        return attachment

    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        return download(request._request, pk=pk)
