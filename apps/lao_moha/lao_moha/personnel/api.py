"""REST actions of the personnel app, mixed into the generated viewsets.

  POST /api/personnel/officials/{id}/transfer/   (and appoint/, raise-step/ …)
  GET  /api/personnel/officials/{id}/cv/         the profile as a PDF
  GET  /api/personnel/officials/step-raises-due/?months=6&within_unit=7
  GET  /api/personnel/officials/retirements-due/?months=12
  GET  /api/personnel/officials/incomplete/
       (work lists: add file_format=xlsx|csv to download them)
  POST /api/personnel/transfers/{id}/undo/       (and appointments, grade-
       step-changes, status-changes)

Permissions and scope are checked by the services; the official itself is
looked up in the user's scope, so one outside it is "not found".
"""

from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from lao_moha.core import registry, scope
from lao_moha.core.api.factory import build_serializer
from lao_moha.core.pdf import pdf_response
from lao_moha.core.resources import table_response
from lao_moha.organization.models import OrgUnit

from . import forms, lists
from .cv import render_cv

DEFAULT_MONTHS = {"step-raises": 6, "retirements": 12, "incomplete": None}


def run_form(request, form_class, target):
    form = form_class(data=request.data, target=target, user=request.user)
    record = form.apply()
    if record is None:
        raise ValidationError({
            "non_field_errors" if field == "__all__" else field:
                [error["message"] for error in errors]
            for field, errors in form.errors.get_json_data().items()})
    serializer = build_serializer(registry.get(type(record)))
    return Response(serializer(record).data, status=status.HTTP_201_CREATED)


def make_action(segment, form_class):
    def handler(self, request, pk=None):
        return run_form(request, form_class, self.get_object())

    handler.__name__ = segment.replace("-", "_")
    handler.__doc__ = _("Record the action “{action}” on the official.").format(
        action=segment)
    return action(detail=True, methods=["post"], url_path=segment,
                  permission_classes=[IsAuthenticated])(handler)


class OfficialApi:
    """Career actions, CV and work lists on /api/personnel/officials/."""

    @action(detail=True, methods=["get"], url_path="cv")
    def cv(self, request, pk=None):
        official = self.get_object()
        return pdf_response(render_cv(official, request.user),
                            f"cv-{official.civil_service_no}.pdf")

    def work_list_response(self, request, kind):
        params = request.query_params
        months = DEFAULT_MONTHS[kind]
        if "months" in params:
            try:
                months = int(params["months"])
            except ValueError:
                raise ValidationError({"months": [_("Give a whole number of months.")]}) \
                    from None
        unit = None
        if params.get("within_unit"):
            unit = scope.restrict(OrgUnit.objects.all(), request.user).filter(
                pk=params["within_unit"]).first()
            if unit is None:
                raise ValidationError({"within_unit": [_("No unit of yours has this id.")]})
        queryset = lists.work_list(kind, request.user, months=months, unit=unit)
        headers, rows = lists.rows(kind, queryset)
        if params.get("file_format"):
            title = str(lists.WORK_LISTS[kind][0])
            return table_response(headers, rows, params["file_format"], kind,
                                  sheet_title=title)
        page = self.paginate_queryset(queryset)
        _headers, page_rows = lists.rows(kind, page)
        names = lists.keys(kind)
        data = [
            {"id": official.pk, **dict(zip(names, map(_json, row), strict=True))}
            for official, row in zip(page, page_rows, strict=True)
        ]
        return self.get_paginated_response(data)

    @action(detail=False, methods=["get"], url_path="step-raises-due")
    def step_raises_due(self, request):
        return self.work_list_response(request, "step-raises")

    @action(detail=False, methods=["get"], url_path="retirements-due")
    def retirements_due(self, request):
        return self.work_list_response(request, "retirements")

    @action(detail=False, methods=["get"], url_path="incomplete")
    def incomplete(self, request):
        return self.work_list_response(request, "incomplete")


for _segment, _form in forms.ACTION_FORMS.items():
    setattr(OfficialApi, _segment.replace("-", "_"), make_action(_segment, _form))


def _json(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


class UndoApi:
    """POST …/{id}/undo/ on the history rows written by actions."""

    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def undo(self, request, pk=None):
        return run_form(request, forms.UndoForm, self.get_object())
