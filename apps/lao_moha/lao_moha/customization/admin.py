"""Desk pages of the customization app: custom fields and saved reports."""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin
from unfold.admin import ModelAdmin, TabularInline
from unfold.decorators import action, display
from unfold.widgets import UnfoldAdminSelectWidget, UnfoldAdminTextareaWidget

from . import lifecycle, views
from .forms import CustomFieldForm
from .models import CustomField, ReportSchedule, SavedReport
from .reports import engine, spec


class RemovedFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return (("active", _("In use")), ("removed", _("Removed")))

    def queryset(self, request, queryset):
        if self.value() == "active":
            return queryset.filter(removed_at__isnull=True)
        if self.value() == "removed":
            return queryset.filter(removed_at__isnull=False)
        return queryset


@admin.register(CustomField)
class CustomFieldAdmin(SimpleHistoryAdmin, ModelAdmin):
    form = CustomFieldForm
    list_display = (
        "label_lo",
        "label_en",
        "doctype",
        "name",
        "field_type",
        "required",
        "show_in_list",
        "filterable",
        "position",
        "state",
    )
    list_filter = ("doctype", "field_type", RemovedFilter)
    search_fields = ("name", "label_lo", "label_en", "label_vi")
    ordering = ("doctype", "position", "pk")
    actions = ("remove_fields", "restore_fields")
    readonly_fields = ("records_with_value", "previous_names", "removed_at")
    fieldsets = (
        (None, {"fields": ("doctype", "name", "field_type")}),
        (
            _("Labels"),
            {
                "fields": (
                    "label_lo",
                    "label_en",
                    "label_vi",
                    "help_lo",
                    "help_en",
                    "help_vi",
                )
            },
        ),
        (_("Values"), {"fields": ("required", "default", "options", "link_doctype")}),
        (
            _("Display"),
            {"fields": ("show_in_list", "filterable", "section", "position")},
        ),
        (
            _("State"),
            {"fields": ("removed_at", "previous_names", "records_with_value")},
        ),
    )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        for name in ("doctype", "link_doctype"):
            if name in form.base_fields:
                form.base_fields[name].widget = UnfoldAdminSelectWidget(
                    choices=form.base_fields[name].choices
                )
        if "options" in form.base_fields:
            form.base_fields["options"].widget = UnfoldAdminTextareaWidget(
                attrs={"rows": 5}
            )
        return form

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            # Changing what a field holds would leave its stored values
            # unreadable: make a new field instead.
            readonly += ["doctype", "field_type", "link_doctype"]
        return readonly

    @display(description=_("state"), label=True)
    def state(self, obj):
        return _("In use") if obj.removed_at is None else _("Removed")

    @display(description=_("records with a value"))
    def records_with_value(self, obj):
        return lifecycle.count_values(obj) if obj.pk else "—"

    def has_delete_permission(self, request, obj=None):
        # Deleting erases every stored value; only a removed field can go.
        allowed = super().has_delete_permission(request, obj)
        if obj is not None:
            return allowed and obj.removed_at is not None
        return allowed

    def delete_queryset(self, request, queryset):
        for cf in queryset.filter(removed_at__isnull=False):
            lifecycle.purge(cf)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms, protected = super().get_deleted_objects(objs, request)
        active = [str(o) for o in objs if o.removed_at is None]
        if active:
            # Fields still in use are refused: remove them first.
            protected = [*protected, *active]
        return deleted, counts, perms, protected

    @action(description=_("Remove (values are kept and can be restored)"))
    def remove_fields(self, request, queryset):
        count = 0
        for cf in queryset.filter(removed_at__isnull=True):
            lifecycle.remove(cf)
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d field removed; its values are kept.",
                "%(count)d fields removed; their values are kept.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @action(description=_("Restore"))
    def restore_fields(self, request, queryset):
        count = 0
        for cf in queryset.filter(removed_at__isnull=False):
            lifecycle.restore(cf)
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d field restored with its values.",
                "%(count)d fields restored with their values.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


class ReportScheduleInline(TabularInline):
    model = ReportSchedule
    extra = 0
    fields = (
        "frequency",
        "weekday",
        "day_of_month",
        "send_time",
        "export_format",
        "recipients",
        "is_active",
        "next_run_at",
        "last_run_at",
        "last_result",
    )
    readonly_fields = ("next_run_at", "last_run_at", "last_result")
    autocomplete_fields = ("recipients",)
    tab = True


@admin.register(SavedReport)
class SavedReportAdmin(ModelAdmin):
    """Saved reports: each user sees theirs and those shared with their
    roles; the builder and the run page hang under this admin's URLs."""

    list_display = ("title", "doctype", "owner", "roles", "open_link")
    list_filter = ("doctype",)
    search_fields = ("title", "description")
    fields = ("title", "description", "shared_with", "summary")
    readonly_fields = ("summary",)
    filter_horizontal = ()
    autocomplete_fields = ()
    inlines = (ReportScheduleInline,)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "builder/",
                wrap(lambda r: views.builder(r, self.admin_site)),
                name="customization_savedreport_builder",
            ),
            path(
                "<int:pk>/run/",
                wrap(lambda r, pk: views.run_saved(r, self.admin_site, pk)),
                name="customization_savedreport_run",
            ),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .visible_to(request.user)
            .select_related("owner")
        )

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        # Shared reports are for every member of the roles they are shared
        # with; the queryset already limits which ones.
        return request.user.is_active and request.user.is_staff

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.can_edit(request.user))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.can_edit(request.user))

    def add_view(self, request, form_url="", extra_context=None):
        return HttpResponseRedirect(reverse("admin:customization_savedreport_builder"))

    @display(description=_("shared with roles"))
    def roles(self, obj):
        return ", ".join(g.name for g in obj.shared_with.all()) or "—"

    @display(description=_("open"))
    def open_link(self, obj):
        url = reverse("admin:customization_savedreport_run", args=[obj.pk])
        return format_html(
            '<a href="{}" class="text-primary-600">{}</a>', url, _("Run")
        )

    @display(description=_("what it shows"))
    def summary(self, obj):
        try:
            checked = spec.clean(obj.spec, obj.owner)
        except spec.SpecError as error:
            return "; ".join(error.messages)
        parts = [
            _("Columns: {names}").format(
                names=", ".join(c.label for c in checked.columns)
            )
            if checked.columns
            else "",
            _("Groups: {names}").format(
                names=", ".join(g.label for g in checked.group_by)
            )
            if checked.group_by
            else "",
            _("Filters: {lines}").format(lines="; ".join(engine.describe(checked))),
        ]
        url = reverse("admin:customization_savedreport_builder") + f"?report={obj.pk}"
        return format_html(
            '{}<br><a href="{}">{}</a>',
            " · ".join(p for p in parts if p),
            url,
            _("Edit in the report builder"),
        )
