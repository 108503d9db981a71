"""The desk page where auditors search the trail across every record type."""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from unfold.admin import ModelAdmin

from . import audit
from .models import AuditTrail

PAGE_SIZE = 50


class AuditSearchForm(forms.Form):
    model = forms.ChoiceField(label=gettext_lazy("record type"), required=False)
    user = forms.CharField(label=gettext_lazy("changed by (user name)"), required=False)
    action = forms.ChoiceField(
        label=gettext_lazy("action"),
        required=False,
        choices=[
            ("", "—"),
            ("create", gettext_lazy("created")),
            ("update", gettext_lazy("changed")),
            ("delete", gettext_lazy("deleted")),
        ],
    )
    since = forms.DateField(label=gettext_lazy("from"), required=False)
    until = forms.DateField(label=gettext_lazy("to"), required=False)
    object_id = forms.CharField(label=gettext_lazy("record id"), required=False)
    text = forms.CharField(label=gettext_lazy("text in the record"), required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["model"].choices = [("", _("every record type"))] + [
            (model._meta.label_lower, str(model._meta.verbose_name_plural))
            for model, _historical in audit.visible_models(user)
        ]
        for field in self.fields.values():
            field.widget.attrs.setdefault(
                "class", "border rounded-default px-3 py-2 bg-white dark:bg-base-900"
            )


class AuditTrailAdmin(ModelAdmin):
    """Read-only: the page lists, it never edits."""

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("core.view_audittrail")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        from django.urls import path

        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "",
                self.admin_site.admin_view(self.changelist_view),
                name="{}_{}_changelist".format(*info),
            ),
        ]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = AuditSearchForm(request.GET or None, user=request.user)
        filters = form.cleaned_data if form.is_valid() else {}
        try:
            page = max(int(request.GET.get("p", 1)), 1)
        except ValueError:
            page = 1
        entries, more = audit.search(
            request.user, filters, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE
        )
        for entry in entries:
            entry.link = _history_link(entry)
        query = request.GET.copy()
        query.pop("p", None)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Audit trail"),
            "opts": self.opts,
            "form": form,
            "entries": entries,
            "page": page,
            "previous_page": page - 1 if page > 1 else None,
            "next_page": page + 1 if more else None,
            "query": query.urlencode(),
            "today": datetime.date.today(),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "core/audit_trail.html", context)


def _history_link(entry):
    opts = entry.model._meta
    try:
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_history", args=[entry.object_id]
        )
    except NoReverseMatch:
        return ""


def register(site):
    if not site.is_registered(AuditTrail):
        site.register(AuditTrail, AuditTrailAdmin)


__all__ = ["AuditTrailAdmin", "register"]
