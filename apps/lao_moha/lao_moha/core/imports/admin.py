"""The desk side of imports: the upload page of every importable DocType,
its template download, and the page of each import job with its progress
and problems."""

import logging

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from import_export.formats import base_formats
from unfold.admin import ModelAdmin

from ..forms import desk_styled
from . import runner
from .models import ImportJob
from .reader import max_bytes, megabytes
from .template_files import template_bytes

logger = logging.getLogger(__name__)
SHOWN_PROBLEMS = 500


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("file (.xlsx or .csv)"))
    commit_when_valid = forms.BooleanField(
        label=gettext_lazy("Import straight away if the check finds no problem"),
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = max_bytes()
        if upload.size > limit:
            raise forms.ValidationError(_(
                "“{name}” is {size} MB; files up to {limit} MB are accepted. Split it "
                "into several files."
            ).format(name=upload.name, size=megabytes(upload.size),
                     limit=megabytes(limit)))
        if not upload.name.lower().endswith((".xlsx", ".csv", ".txt")):
            raise forms.ValidationError(_(
                "“{name}”: only .xlsx and .csv files are read."
            ).format(name=upload.name))
        return upload


def may_import(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.add_{opts.model_name}") or user.has_perm(
        f"{opts.app_label}.change_{opts.model_name}")


def create_job(user, doctype, upload, commit_when_valid=False) -> ImportJob:
    job = ImportJob(user=user, doctype=doctype.label, original_name=upload.name[:255],
                    size=upload.size, commit_when_valid=commit_when_valid)
    job.file.save(upload.name, upload, save=False)
    job.save()
    logger.info("Import job %s created by user %s for %s (%d bytes)",
                job.pk, user.pk, doctype.label, job.size)
    return job


def template_response(doctype, fmt):
    from django.http import HttpResponse

    from ..resources import CONTENT_TYPES

    fmt = "xlsx" if fmt == "xlsx" else "csv"
    response = HttpResponse(template_bytes(doctype, fmt), content_type=CONTENT_TYPES[fmt])
    name = doctype.model._meta.model_name
    response["Content-Disposition"] = f'attachment; filename="{name}-template.{fmt}"'
    return response


class ImportAdminMixin:
    """Replaces django-import-export's import with the all-or-nothing one."""

    def get_export_formats(self):
        return [base_formats.CSV, base_formats.XLSX]

    def get_import_formats(self):
        return [base_formats.CSV, base_formats.XLSX]

    def has_import_permission(self, request):
        return self.doctype.importable and may_import(request.user, self.model)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_urls(self):
        opts = self.model._meta
        extra = [path(
            "import-template/",
            self.admin_site.admin_view(self.import_template_view),
            name=f"{opts.app_label}_{opts.model_name}_import_template",
        )]
        return extra + super().get_urls()

    def import_template_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        return template_response(self.doctype, request.GET.get("format", "xlsx"))

    def process_import(self, request, **kwargs):
        # django-import-export's own confirm step would save rows outside the
        # checks of an import job (scope, all-or-nothing): it is closed.
        raise PermissionDenied

    def import_action(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        form = desk_styled(UploadForm(request.POST or None, request.FILES or None))
        if request.method == "POST" and form.is_valid():
            job = create_job(request.user, self.doctype, form.cleaned_data["file"],
                             form.cleaned_data["commit_when_valid"])
            runner.start(job)
            return redirect("admin:core_importjob_change", job.pk)
        recent = ImportJob.objects.filter(user=request.user, doctype=self.doctype.label)[:10]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import {doctype}").format(doctype=opts.verbose_name_plural),
            "opts": opts,
            "form": form,
            "verbose_name_plural": opts.verbose_name_plural,
            "template_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_import_template"),
            "changelist_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
            "recent_jobs": jobs_table(recent),
        }
        return TemplateResponse(request, "lao_moha/imports/upload.html", context)


def jobs_table(jobs):
    rows = []
    for job in jobs:
        link = reverse("admin:core_importjob_change", args=[job.pk])
        from django.utils.html import format_html

        rows.append([format_html('<a class="underline" href="{}">{}</a>', link,
                                 job.original_name),
                     job.get_status_display(), job.created_count, job.updated_count,
                     job.problem_count, job.created_at.strftime("%Y-%m-%d %H:%M")])
    if not rows:
        return None
    return {"headers": [_("file"), _("status"), _("new"), _("updated"), _("problems"),
                        _("started")], "rows": rows}


def summary_text(job):
    created, updated, unchanged = job.created_count, job.updated_count, job.unchanged_count
    if job.status == ImportJob.Status.DONE:
        return _("Imported: {new} new, {updated} updated, {unchanged} unchanged.").format(
            new=created, updated=updated, unchanged=unchanged)
    return _("No problem found: {new} new, {updated} to update, {unchanged} unchanged. "
             "Nothing is saved until you press “Import now”.").format(
        new=created, updated=updated, unchanged=unchanged)


@admin.register(ImportJob)
class ImportJobAdmin(ModelAdmin):
    """Each user sees their own import jobs (administrators see all)."""

    list_display = ("original_name", "doctype", "status", "created_count", "updated_count",
                    "problem_count", "created_at")
    list_filter = ("status",)
    ordering = ("-created_at",)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(user=request.user)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        if not (request.user.is_active and request.user.is_staff):
            return False
        return obj is None or obj.user_id == request.user.pk or request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def change_view(self, request, object_id, form_url="", extra_context=None):
        job = get_object_or_404(self.get_queryset(request), pk=object_id)
        if request.method == "POST" and request.POST.get("commit"):
            if job.status == ImportJob.Status.VALID:
                job.status = ImportJob.Status.QUEUED
                job.save(update_fields=["status"])
                runner.start(job, commit=True)
            return redirect("admin:core_importjob_change", job.pk)
        return TemplateResponse(request, "lao_moha/imports/job.html",
                                self.job_context(request, job))

    def job_context(self, request, job):
        from .. import registry

        doctype = registry.by_label(job.doctype)
        opts = doctype.model._meta if doctype else None
        done, total = job.progress()
        problems = job.result.get("problems", []) if job.result else []
        notes = [note for sheet in (job.result or {}).get("sheets", [])
                 for note in sheet.get("notes", [])]
        table = None
        if problems:
            table = {
                "headers": [_("sheet"), _("row"), _("column"), _("field"), _("value"),
                            _("problem")],
                "rows": [[p["sheet"], p["row"] or "", p["column"], p["field"], p["value"],
                          p["message"]] for p in problems[:SHOWN_PROBLEMS]],
            }
        return {
            **self.admin_site.each_context(request),
            "title": _("Import of {name}").format(name=job.original_name),
            "opts": self.model._meta,
            "job": job,
            "doctype_label": opts.verbose_name_plural if opts else job.doctype,
            "progress_text": ngettext("{done} of {total} row", "{done} of {total} rows",
                                      total).format(done=done, total=total),
            "refresh_seconds": 2 if job.is_running else None,
            "summary": summary_text(job),
            "notes": notes,
            "problems": table,
            "problems_cut": len(problems) > SHOWN_PROBLEMS,
            "upload_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_import")
            if opts else "",
            "jobs_url": reverse("admin:core_importjob_changelist"),
        }
