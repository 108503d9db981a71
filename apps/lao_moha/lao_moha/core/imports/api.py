"""REST side of import and export.

Every DocType list gains:
  GET  …/export/?file_format=xlsx|csv  the filtered list as a file
  GET  …/import-template/?file_format=xlsx|csv
  POST …/import/  (multipart "file", optional "commit")  -> an import job
and /api/core/import-jobs/ lists the user's jobs, with POST …/{id}/commit/.
`file_format` is used because DRF keeps `format` for its own renderers.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from ..resources import build_resource, table_response
from . import runner
from .admin import create_job, may_import, template_response
from .models import ImportJob
from .reader import max_bytes, megabytes


class ImportJobSerializer(serializers.ModelSerializer):
    progress = serializers.SerializerMethodField()
    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = ImportJob
        fields = ["id", "doctype", "original_name", "size", "status", "status_display",
                  "commit_when_valid", "progress", "created_count", "updated_count",
                  "unchanged_count", "problem_count", "message", "result", "created_at",
                  "started_at", "finished_at"]
        read_only_fields = fields

    def get_progress(self, job):
        done, total = job.progress()
        return {"done": done, "total": total, "percent": job.percent()}


def truthy(value):
    return str(value).strip().lower() in {"1", "true", "yes", "on"}


class ImportExportViewSetMixin:
    """Export, template and import actions on a generated DocType viewset."""

    @action(detail=False, methods=["get"], url_path="export")
    def export(self, request):
        fmt = request.query_params.get("file_format", "csv")
        queryset = self.filter_queryset(self.get_queryset())
        resource = build_resource(self.doctype)()
        dataset = resource.export(queryset=queryset)
        opts = self.doctype.model._meta
        stamp = timezone.localdate().isoformat()
        # The resource already neutralised formulas; table_response keeps
        # dates and numbers typed.
        return table_response(dataset.headers, dataset, fmt, f"{opts.model_name}-{stamp}",
                              sheet_title=str(opts.verbose_name_plural))

    @action(detail=False, methods=["get"], url_path="import-template")
    def import_template(self, request):
        if not may_import(request.user, self.doctype.model):
            raise PermissionDenied(_("You may not import these records."))
        return template_response(self.doctype, request.query_params.get("file_format", "xlsx"))

    @action(detail=False, methods=["post"], url_path="import",
            parser_classes=[MultiPartParser, FormParser],
            permission_classes=[IsAuthenticated])
    def import_file(self, request):
        if not self.doctype.importable or not may_import(request.user, self.doctype.model):
            raise PermissionDenied(_("You may not import these records."))
        upload = request.FILES.get("file")
        if upload is None:
            raise ValidationError({"file": [_("Attach the file to import as “file”.")]})
        if upload.size > max_bytes():
            raise ValidationError({"file": [_(
                "“{name}” is {size} MB; files up to {limit} MB are accepted."
            ).format(name=upload.name, size=megabytes(upload.size),
                     limit=megabytes(max_bytes()))]})
        job = create_job(request.user, self.doctype, upload,
                         commit_when_valid=truthy(request.data.get("commit", "")))
        runner.start(job)
        job.refresh_from_db()
        return Response(ImportJobSerializer(job).data, status=status.HTTP_202_ACCEPTED)


class ImportJobViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                       viewsets.GenericViewSet):
    """The user's import jobs, their progress and their problems."""

    serializer_class = ImportJobSerializer
    permission_classes = [IsAuthenticated]
    filterset_fields = ["status", "doctype"]
    ordering_fields = ["created_at"]

    def get_queryset(self):
        queryset = ImportJob.objects.order_by("-created_at")
        if self.request.user.is_superuser:
            return queryset
        return queryset.filter(user=self.request.user)

    @action(detail=True, methods=["post"])
    def commit(self, request, pk=None):
        job = self.get_object()
        if job.status != ImportJob.Status.VALID:
            raise ValidationError({"status": [_(
                "Only a checked file with no problem can be imported; this one is "
                "“{status}”."
            ).format(status=job.get_status_display())]})
        job.status = ImportJob.Status.QUEUED
        job.save(update_fields=["status"])
        runner.start(job, commit=True)
        job.refresh_from_db()
        return Response(ImportJobSerializer(job).data, status=status.HTTP_202_ACCEPTED)
