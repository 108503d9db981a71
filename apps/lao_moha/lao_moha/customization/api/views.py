"""REST endpoints of the customization app: custom-field definitions, the
report builder and saved reports."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from rest_framework import permissions, serializers, status, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from lao_moha.core import registry
from lao_moha.core.api.permissions import DocTypePermission

from ..choices import ExportFormat
from ..models import CustomField, SavedReport
from ..reports import catalog, engine, exports, service, spec


class CustomFieldSerializer(serializers.ModelSerializer):
    class Meta:
        model = CustomField
        exclude = ["indexed_key"]
        read_only_fields = ["previous_names", "removed_at", "created_at", "modified_at"]

    def validate(self, attrs):
        probe = (
            CustomField(
                **{
                    f.attname: getattr(self.instance, f.attname)
                    for f in CustomField._meta.concrete_fields
                }
            )
            if self.instance
            else CustomField()
        )
        for name, value in attrs.items():
            setattr(probe, name, value)
        if self.instance is not None:
            for name in ("doctype", "field_type", "link_doctype"):
                if name in attrs and attrs[name] != getattr(self.instance, name):
                    raise serializers.ValidationError(
                        {
                            name: [
                                _(
                                    "This cannot change once the field exists; make a new field."
                                )
                            ]
                        }
                    )
        try:
            probe.full_clean(exclude=["history"])
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        return attrs


class CustomFieldViewSet(viewsets.ModelViewSet):
    """Custom-field definitions; deleting one purges its values (only a
    removed field can be deleted)."""

    queryset = CustomField.objects.all()
    serializer_class = CustomFieldSerializer
    permission_classes = [DocTypePermission]
    filterset_fields = ["doctype", "field_type", "filterable"]

    def perform_destroy(self, instance):
        from .. import lifecycle

        if instance.removed_at is None:
            raise PermissionDenied(
                _("Remove the field first; deleting erases its values.")
            )
        lifecycle.purge(instance)


def result_data(result):
    return {
        "headers": [str(h) for h in result.headers],
        "rows": [
            [c if isinstance(c, int | float) else str(c) for c in row]
            for row in result.rows
        ],
        "values": result.values,
        "total": result.total,
        "truncated": result.truncated,
        "chart": result.chart or None,
        "filters": [str(line) for line in engine.describe(result.spec)],
    }


def errors_response(messages):
    return Response(
        {"errors": [str(m) for m in messages]}, status=status.HTTP_400_BAD_REQUEST
    )


def file_response(result, export_format, title, user):
    if export_format not in ExportFormat.values:
        raise serializers.ValidationError({"export": [_("Choose xlsx, csv or pdf.")]})
    content, content_type, name = exports.render(result, export_format, title, user)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@api_view(["GET"])
@permission_classes([permissions.IsAuthenticated])
def report_fields(request):
    """The fields the user may use in a report on ?doctype=app.Model."""
    doctype = registry.by_label(request.query_params.get("doctype", ""))
    if doctype is None or not spec.can_view(request.user, doctype):
        return errors_response([_("Choose a record type you may read.")])
    return Response(
        [
            {
                "path": f.path,
                "label": str(f.label),
                "kind": f.kind,
                "choices": [[k, str(v)] for k, v in f.choice_map.items()] or None,
            }
            for f in catalog.catalog(doctype, request.user)
        ]
    )


@api_view(["POST"])
@permission_classes([permissions.IsAuthenticated])
def run_report(request):
    """Run a report spec (JSON body) and answer its rows and chart data;
    ?export=xlsx|csv|pdf answers the file instead."""
    try:
        checked = spec.clean(request.data, request.user)
    except spec.SpecError as error:
        return errors_response(error.messages)
    result = engine.run(checked, request.user)
    export_format = request.query_params.get("export")
    if export_format:
        return file_response(result, export_format, _("Report"), request.user)
    return Response(result_data(result))


class SavedReportSerializer(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner.username", read_only=True)
    shared_with = serializers.SlugRelatedField(
        slug_field="name", many=True, queryset=Group.objects.all(), required=False
    )

    class Meta:
        model = SavedReport
        fields = [
            "id",
            "title",
            "description",
            "doctype",
            "spec",
            "owner",
            "shared_with",
            "created_at",
            "modified_at",
        ]
        read_only_fields = ["doctype", "created_at", "modified_at"]


class SavedReportViewSet(viewsets.ModelViewSet):
    """Reports the user owns or that are shared with their roles; only the
    owner changes or deletes one."""

    serializer_class = SavedReportSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return SavedReport.objects.visible_to(self.request.user).select_related("owner")

    def _save(self, serializer, report=None):
        data = serializer.validated_data
        try:
            saved = service.save_report(
                self.request.user,
                data.get("spec", report.spec if report else {}),
                title=data.get("title", report.title if report else ""),
                description=data.get(
                    "description", report.description if report else ""
                ),
                report=report,
                shared_with=data.get(
                    "shared_with", list(report.shared_with.all()) if report else []
                ),
            )
        except spec.SpecError as error:
            raise serializers.ValidationError({"spec": error.messages}) from error
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        serializer.instance = saved

    def perform_create(self, serializer):
        self._save(serializer)

    def perform_update(self, serializer):
        self._save(serializer, serializer.instance)

    def perform_destroy(self, instance):
        if not instance.can_edit(self.request.user):
            raise PermissionDenied(_("Only the report's owner may delete it."))
        instance.delete()

    @action(detail=True, methods=["get"])
    def run(self, request, pk=None):
        report = get_object_or_404(self.get_queryset(), pk=pk)
        try:
            result = service.run_saved(report, request.user)
        except spec.SpecError as error:
            return errors_response(error.messages)
        export_format = request.query_params.get("export")
        if export_format:
            return file_response(result, export_format, report.title, request.user)
        return Response(result_data(result))
