"""Desk pages of the report builder and of saved reports."""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import SavedReport
from .reports import engine, exports, service, spec
from .reports.forms import ReportBuilderForm, SaveReportForm, initial_from_spec

#: Rows drawn on a desk page; exports take the report's own limit.
SCREEN_ROWS = 1000


def file_response(result, export_format, title, user):
    if export_format not in exports.CONTENT_TYPES:
        raise PermissionDenied(_("Choose xlsx, csv or pdf."))
    content, content_type, name = exports.render(result, export_format, title, user)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def builder(request, admin_site):
    """Compose a report, run it, export it, save it."""
    report = None
    if request.GET.get("report"):
        report = get_object_or_404(
            SavedReport.objects.visible_to(request.user), pk=request.GET["report"]
        )
    if request.method == "POST":
        return _save(request, report)

    running = "run" in request.GET or "export" in request.GET
    initial = initial_from_spec(report.spec) if report else {}
    given = _spec_param(request)
    if given is not None:
        initial = initial_from_spec(given)
    form = ReportBuilderForm(
        request.GET if "doctype" in request.GET else None,
        initial=initial,
        user=request.user,
    )
    result, errors, raw = None, [], None
    if form.is_bound and form.is_valid() and running:
        raw = form.to_spec()
        try:
            checked = spec.clean(raw, request.user)
        except spec.SpecError as error:
            errors = error.messages
        else:
            if request.GET.get("export"):
                result = engine.run(checked, request.user)
                title = report.title if report else _("Report")
                return file_response(result, request.GET["export"], title, request.user)
            result = engine.run(checked, request.user, limit=SCREEN_ROWS)
    elif form.is_bound and not form.is_valid():
        errors = [
            f"{form.fields[name].label or name}: {' '.join(e)}"
            for name, e in form.errors.items()
            if name in form.fields
        ]
    elif given is not None and not form.is_bound:
        # A dashboard panel opens its own report: show it at once.
        try:
            result = engine.run(
                spec.clean(given, request.user), request.user, limit=SCREEN_ROWS
            )
            raw = given
        except spec.SpecError as error:
            errors = error.messages
    elif report is not None and not form.is_bound:
        # Opening a saved report in the builder shows its result at once.
        try:
            result = service.run_saved(report, request.user, limit=SCREEN_ROWS)
            raw = report.spec
        except spec.SpecError as error:
            errors = error.messages
    save_form = SaveReportForm(
        initial={
            "title": report.title if report else "",
            "description": report.description if report else "",
            "shared_with": list(report.shared_with.all()) if report else [],
        }
    )
    query = request.GET.copy()
    query.pop("export", None)
    context = {
        **admin_site.each_context(request),
        "title": _("Report builder"),
        "form": form,
        "save_form": save_form,
        "report": report,
        "result": result,
        "errors": errors,
        "spec_json": json.dumps(raw) if raw else "",
        "query": query.urlencode(),
        "can_save": request.user.has_perm("customization.add_savedreport")
        and (report is None or report.can_edit(request.user)),
        "describe": engine.describe(result.spec) if result else [],
    }
    return TemplateResponse(request, "customization/builder.html", context)


def _spec_param(request):
    """A spec passed as JSON in ?spec= (links from the dashboard)."""
    text = request.GET.get("spec")
    if not text or "doctype" in request.GET:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _save(request, report):
    save_form = SaveReportForm(request.POST)
    try:
        raw = json.loads(request.POST.get("spec", ""))
    except ValueError:
        raw = None
    if not save_form.is_valid() or raw is None:
        messages.error(request, _("Give the report a title, and run it before saving."))
        return HttpResponseRedirect(request.get_full_path())
    as_new = "save_as_new" in request.POST
    try:
        saved = service.save_report(
            request.user,
            raw,
            title=save_form.cleaned_data["title"],
            description=save_form.cleaned_data["description"],
            report=None if as_new else report,
            shared_with=save_form.cleaned_data["shared_with"],
        )
    except spec.SpecError as error:
        for line in error.messages:
            messages.error(request, line)
        return HttpResponseRedirect(request.get_full_path())
    messages.success(request, _("Report “{title}” saved.").format(title=saved.title))
    return HttpResponseRedirect(
        reverse("admin:customization_savedreport_run", args=[saved.pk])
    )


def run_saved(request, admin_site, pk):
    """A saved report, run now for the user who opens it."""
    report = get_object_or_404(SavedReport.objects.visible_to(request.user), pk=pk)
    result, errors = None, []
    try:
        if request.GET.get("export"):
            result = service.run_saved(report, request.user)
            return file_response(
                result, request.GET["export"], report.title, request.user
            )
        result = service.run_saved(report, request.user, limit=SCREEN_ROWS)
    except spec.SpecError as error:
        errors = error.messages
    context = {
        **admin_site.each_context(request),
        "title": report.title,
        "report": report,
        "result": result,
        "errors": errors,
        "describe": engine.describe(result.spec) if result else [],
        "can_edit": report.can_edit(request.user),
        "builder_url": reverse("admin:customization_savedreport_builder")
        + f"?report={report.pk}",
    }
    return TemplateResponse(request, "customization/report_run.html", context)
