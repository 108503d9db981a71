"""Builds the desk (django-unfold admin) for each DocType declaration."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin
from unfold.admin import ModelAdmin
from unfold.contrib.filters.admin import (
    BooleanRadioFilter,
    ChoicesDropdownFilter,
    RangeDateFilter,
    RelatedDropdownFilter,
)
from unfold.contrib.import_export.forms import ExportForm, ImportForm

from . import registry, scope
from .doctype import Inline
from .exceptions import StaleRecordError
from .fields import lao_ordering, sorting_field
from .hook_mixins import DeskHooksMixin
from .imports.admin import ImportAdminMixin
from .resources import build_resource
from .search import search_queryset


class ScopedRelatedFilter(RelatedDropdownFilter):
    """A related-record filter offering only records inside the user's units."""

    def field_choices(self, field, request, model_admin):
        related = field.related_model
        queryset = scope.restrict(related._default_manager.all(), request.user)
        return [(obj.pk, str(obj)) for obj in queryset]


def filter_for(model, name):
    field = model._meta.get_field(name)
    if field.is_relation:
        return (name, ScopedRelatedFilter)
    if field.choices:
        return (name, ChoicesDropdownFilter)
    if isinstance(field, models.BooleanField):
        return (name, BooleanRadioFilter)
    if isinstance(field, models.DateField):
        return (name, RangeDateFilter)
    return name


class VersionedForm(forms.ModelForm):
    """Carries the version the user loaded, so a stale save is refused."""

    loaded_version = forms.IntegerField(
        label=gettext_lazy("version you opened"), widget=forms.HiddenInput, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        loaded = cleaned.get("loaded_version")
        if self.instance.pk and loaded and loaded != self.instance.version:
            self.instance.version = loaded
            raise ValidationError(stale_message(StaleRecordError(self.instance)))
        return cleaned


def stale_message(error):
    lines = [str(error)]
    for label, old, new in error.changes_since():
        lines.append(
            _("{field}: “{old}” → “{new}”").format(field=label, old=old, new=new)
        )
    lines.append(_("Reload the record and apply your change again."))
    return " ".join(lines)


class DocTypeAdmin(
    ImportAdminMixin, DeskHooksMixin, SimpleHistoryAdmin, ImportExportModelAdmin, ModelAdmin
):
    """Behaviour shared by every generated desk admin."""

    doctype = None
    form = VersionedForm
    import_form_class = ImportForm
    export_form_class = ExportForm
    list_per_page = 50
    # Not False: Django would then join every link of the list (see
    # DocType.select_related for why links are prefetched instead).
    list_select_related = ()
    show_full_result_count = False
    warn_unsaved_form = True

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.doctype.select_related:
            queryset = queryset.prefetch_related(*self.doctype.select_related)
        return scope.restrict(queryset, request.user)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and fieldsets:
            title, options = fieldsets[0]
            fields = (*options["fields"], "loaded_version")
            fieldsets[0] = (title, {**options, "fields": fields})
        return fieldsets

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if formfield is not None and hasattr(formfield, "queryset"):
            formfield.queryset = scope.restrict(formfield.queryset, request.user)
        return formfield

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None:
            return self.get_queryset(request).filter(pk=obj.pk).exists()
        return allowed

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None:
            return self.get_queryset(request).filter(pk=obj.pk).exists()
        return allowed

    def get_formsets_with_inlines(self, request, obj=None):
        # Read-only rows take no posted data: a save of the parent form must
        # not need (nor trust) a formset for them.
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            if request.method == "POST" and isinstance(inline, ReadOnlyInlineMixin):
                continue
            yield formset, inline

    def save_model(self, request, obj, form, change):
        scope.check_in_scope(request.user, obj)
        super().save_model(request, obj, form, change)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleRecordError as error:
            # Lost the race between the form check and the save.
            self.message_user(request, stale_message(error), messages.ERROR)
            from django.http import HttpResponseRedirect

            return HttpResponseRedirect(request.get_full_path())

    # get_export_queryset is import-export's own: it applies the list's
    # filters and search to get_queryset (scoped), so "export" exports what
    # the user sees.

    @admin.display(description=gettext_lazy("version you opened"))
    def loaded_version(self, obj):
        # Shown instead of the hidden field when the whole form is read-only
        # (a submitted record); it names the version the page was made from.
        return obj.version if obj is not None else ""

    def get_export_data(self, file_format, request, queryset, **kwargs):
        # A byte-order mark tells spreadsheet programs that a CSV file is
        # UTF-8; without it Excel shows Lao as mojibake.
        if file_format.get_extension() in ("csv", "tsv"):
            kwargs["encoding"] = "utf-8-sig"
        return super().get_export_data(file_format, request, queryset, **kwargs)

    def get_search_results(self, request, queryset, search_term):
        # Names are matched through their folded keys (core/search.py).
        return search_queryset(queryset, self.get_search_fields(request), search_term)

    def get_ordering(self, request):
        return lao_ordering(self.model, super().get_ordering(request))

    def set_history_delta_changes(self, request, historical_records, *args, **kwargs):
        super().set_history_delta_changes(request, historical_records, *args, **kwargs)
        for record in historical_records:
            # The history list prints a missing reason as "None", in English.
            if record.history_change_reason is None:
                record.history_change_reason = ""

    def get_changelist(self, request, **kwargs):
        changelist = super().get_changelist(request, **kwargs)
        return type("LaoOrderChangeList", (LaoOrderMixin, changelist), {})


class LaoOrderMixin:
    """Sorting a list by a name column follows Lao alphabetical order."""

    def get_ordering_field(self, field_name):
        field = super().get_ordering_field(field_name)
        if not isinstance(field, str):
            return field
        sign = "-" if field.startswith("-") else ""
        return sign + sorting_field(self.model, field.lstrip("-"))


def build_admin(doctype):
    model = doctype.model
    attrs = {
        "doctype": doctype,
        "list_display": doctype.list_display or ("__str__",),
        "list_filter": [filter_for(model, name) for name in doctype.list_filter],
        "list_filter_submit": True,
        "search_fields": doctype.search_fields,
        "ordering": doctype.ordering or None,
        "autocomplete_fields": doctype.autocomplete_fields,
        "readonly_fields": doctype.readonly_fields,
        "resource_classes": [build_resource(doctype)] if doctype.importable else [],
        "inlines": [build_inline(child) for child in doctype.inlines],
    }
    if doctype.attachable:
        from .attachments import attachment_inline

        attrs["inlines"].append(attachment_inline())
    if doctype.fieldsets:
        attrs["fieldsets"] = [
            (title, {"fields": fields}) for title, fields in doctype.fieldsets
        ]
    read_only = (ReadOnlyAdminMixin,) if doctype.read_only else ()
    bases = (*doctype.admin_mixins, *read_only, DocTypeAdmin)
    return type(f"{model.__name__}Admin", bases, attrs)


class ReadOnlyInlineMixin:
    """An inline that shows rows kept by a service, never edited by hand."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdminMixin(ReadOnlyInlineMixin):
    """A desk list and page of records only services write."""

    def has_import_permission(self, request):
        return False


def build_inline(spec):
    """The inline of a child model: a model (its declaration's inline
    columns) or an `Inline` spec (another link, read-only rows)."""
    from unfold.admin import TabularInline

    if not isinstance(spec, Inline):
        spec = Inline(spec)
    child = registry.get(spec.model)
    fields = spec.fields or ((child.inline_fields or child.list_display) if child else "__all__")
    attrs = {
        "model": spec.model,
        "extra": 0,
        "fields": fields,
        "tab": True,
        "show_change_link": True,
    }
    if spec.fk_name:
        attrs["fk_name"] = spec.fk_name
    if fields != "__all__":
        # Computed columns (not editable) can only be shown read-only.
        not_editable = {f.name for f in spec.model._meta.fields if not f.editable}
        computed = [name for name in fields if name in not_editable]
        attrs["readonly_fields"] = (*(child.readonly_fields if child else ()), *computed)
    bases = (TabularInline,)
    if spec.readonly or (child is not None and child.inline_readonly):
        attrs["readonly_fields"] = fields
        bases = (ReadOnlyInlineMixin, TabularInline)
    return type(f"{spec.model.__name__}Inline", bases, attrs)


def register_all(site=admin.site):
    for doctype in registry.all_doctypes():
        if not site.is_registered(doctype.model):
            site.register(doctype.model, build_admin(doctype))
