"""Desk pages of the personnel app, mixed into the generated admins: the
career actions on an official, undo on history rows, the printable CV and
the work lists."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from unfold.decorators import action

from lao_moha.core.forms import desk_styled
from lao_moha.core.pdf import pdf_response
from lao_moha.core.resources import table_response

from . import forms, lists
from .cv import render_cv

SHOWN_ROWS = 500
CHANGE_OFFICIAL = "personnel.change_official"


def may_record(user, model_name):
    """Recording an action writes a history row and changes the official."""
    return user.has_perm(f"personnel.add_{model_name}") and user.has_perm(CHANGE_OFFICIAL)


class ActionPageMixin:
    def action_page(self, request, target, form_class, title, back_url):
        form = desk_styled(form_class(request.POST or None, target=target, user=request.user))
        if request.method == "POST":
            record = form.apply()
            if record is not None:
                messages.success(request, _("Recorded: {record}.").format(record=record))
                return redirect(back_url)
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.model._meta,
            "target": target,
            "form": form,
            "back_url": back_url,
        }
        return TemplateResponse(request, "personnel/desk/action.html", context)


class OfficialDesk(ActionPageMixin):
    """Career actions, CV and work lists on the officials' desk."""

    actions_detail = ["transfer_action", "appoint_action", "grade_step_action",
                      "status_action", "print_cv"]
    actions_list = ["step_raises_list", "retirements_list", "incomplete_list"]

    # Permissions named by the actions below (unfold calls
    # has_<name>_permission).
    def has_read_records_permission(self, request, object_id=None):
        return self.has_view_permission(request)

    def has_record_transfer_permission(self, request, object_id=None):
        return may_record(request.user, "transfer")

    def has_record_appointment_permission(self, request, object_id=None):
        return may_record(request.user, "appointment")

    def has_record_gradestepchange_permission(self, request, object_id=None):
        return may_record(request.user, "gradestepchange")

    def has_record_statuschange_permission(self, request, object_id=None):
        return may_record(request.user, "statuschange")

    def _official_page(self, request, object_id, form_class, title):
        official = get_object_or_404(self.get_queryset(request), pk=object_id)
        back = reverse("admin:personnel_official_change", args=[official.pk])
        return self.action_page(request, official, form_class,
                                title.format(official=official), back)

    @action(description=gettext_lazy("Transfer"), url_path="transfer", icon="move_up",
            permissions=["record_transfer"])
    def transfer_action(self, request, object_id):
        return self._official_page(request, object_id, forms.TransferForm,
                                   _("Transfer {official}"))

    @action(description=gettext_lazy("Appoint"), url_path="appoint", icon="work",
            permissions=["record_appointment"])
    def appoint_action(self, request, object_id):
        return self._official_page(request, object_id, forms.AppointmentForm,
                                   _("Appoint {official}"))

    @action(description=gettext_lazy("Grade and step"), url_path="grade-step", icon="stairs",
            permissions=["record_gradestepchange"])
    def grade_step_action(self, request, object_id):
        return self._official_page(request, object_id, forms.GradeStepForm,
                                   _("Grade and step of {official}"))

    @action(description=gettext_lazy("Leave, return, retirement"), url_path="status",
            icon="published_with_changes",
            permissions=["record_statuschange"])
    def status_action(self, request, object_id):
        return self._official_page(request, object_id, forms.StatusForm,
                                   _("Service status of {official}"))

    @action(description=gettext_lazy("Print CV"), url_path="cv", icon="print",
            permissions=["read_records"])
    def print_cv(self, request, object_id):
        official = get_object_or_404(self.get_queryset(request), pk=object_id)
        return pdf_response(render_cv(official, request.user),
                            f"cv-{official.civil_service_no}.pdf")

    # -- work lists ---------------------------------------------------------

    @action(description=gettext_lazy("Step raises due"), url_path="step-raises-due",
            icon="stairs", permissions=["read_records"])
    def step_raises_list(self, request):
        return self.work_list_page(request, "step-raises")

    @action(description=gettext_lazy("Retirements due"), url_path="retirements-due",
            icon="elderly", permissions=["read_records"])
    def retirements_list(self, request):
        return self.work_list_page(request, "retirements")

    @action(description=gettext_lazy("Incomplete records"), url_path="incomplete",
            icon="rule", permissions=["read_records"])
    def incomplete_list(self, request):
        return self.work_list_page(request, "incomplete")

    def work_list_page(self, request, kind):
        title, _function = lists.WORK_LISTS[kind]
        form = desk_styled(forms.WorkListForm(request.GET or None, user=request.user))
        months, unit = (6 if kind == "step-raises" else 12), None
        if form.is_valid():
            months = form.cleaned_data["months"] if form.cleaned_data["months"] is not None \
                else months
            unit = form.cleaned_data["unit"]
        if kind == "incomplete":
            form.fields.pop("months")
        queryset = lists.work_list(kind, request.user, months=months, unit=unit)
        headers, rows = lists.rows(kind, queryset)
        fmt = request.GET.get("file_format")
        if fmt:
            return table_response(headers, rows, fmt, f"{kind}-{months}", sheet_title=title)
        shown = list(queryset[:SHOWN_ROWS])
        _headers, shown_rows = lists.rows(kind, shown)
        links = []
        for official, row in zip(shown, shown_rows, strict=True):
            url = reverse("admin:personnel_official_change", args=[official.pk])
            row[0] = format_html('<a class="underline" href="{}">{}</a>', url, row[0])
            links.append(row)
        query = request.GET.copy()
        query.pop("file_format", None)
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.model._meta,
            "form": form,
            "table": {"headers": headers, "rows": links},
            "count": queryset.count(),
            "shown": len(links),
            "query": query.urlencode(),
            "kind": kind,
            "months": months if kind != "incomplete" else None,
            "summary": lists.unit_counts(queryset) if kind == "incomplete" else None,
        }
        return TemplateResponse(request, "personnel/desk/work_list.html", context)


class UndoDesk(ActionPageMixin):
    """Undo on a history row written by an action."""

    actions_detail = ["undo_action"]

    def has_undo_permission(self, request, object_id=None):
        return may_record(request.user, self.model._meta.model_name)

    @action(description=gettext_lazy("Undo"), url_path="undo", icon="undo",
            permissions=["undo"])
    def undo_action(self, request, object_id):
        record = get_object_or_404(self.get_queryset(request), pk=object_id)
        back = reverse("admin:personnel_official_change", args=[record.official_id])
        return self.action_page(request, record, forms.UndoForm,
                                _("Undo: {record}").format(record=record), back)
