"""Builds the desk (django-unfold admin) for each DocType declaration.

`DocTypeAdmin` holds what every generated admin does; each concern sits in
methods a subclass or a later layer (custom fields, workflow) can override:

- scope: `get_queryset`, `scope_form_fields`, `has_*_permission`,
  `save_model`, `delete_model`, `get_export_queryset`;
- field visibility: `hidden_fields` feeds `get_fields`, `get_fieldsets`,
  `get_list_display`, `get_list_filter`, `get_search_fields`, the
  resources and the history pages;
- lost updates: `VersionedForm` and `changeform_view`;
- the trail: `history_view`, `history_form_view` (read-only, scoped).
"""

import logging

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin
from unfold.admin import ModelAdmin, TabularInline
from unfold.contrib.filters.admin import (
    BooleanRadioFilter,
    ChoicesDropdownFilter,
    RangeDateFilter,
    RelatedDropdownFilter,
)
from unfold.contrib.import_export.forms import ExportForm, ImportForm

from . import access, history, registry, scope
from .doctype import Inline
from .exceptions import StaleRecordError, describe_conflict
from .fields import lao_ordering, sorting_field
from .history import BOOKKEEPING
from .hook_mixins import DeskHooksMixin
from .imports.admin import ImportAdminMixin
from .resources import build_resource
from .search import search_queryset

logger = logging.getLogger(__name__)

VERSION_FIELD = "loaded_version"


class ScopedRelatedFilter(RelatedDropdownFilter):
    """A related-record filter offering only records in the user's units."""

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


def _filter_name(entry):
    return entry[0] if isinstance(entry, tuple | list) else entry


def scope_choice_fields(form_fields, user, instance=None):
    """Limit the record pickers of a form to the user's units, keeping the
    value the record already has (a unit's parent above the user's units)."""
    for name, field in form_fields.items():
        queryset = getattr(field, "queryset", None)
        if queryset is None or not scope.is_scoped(queryset.model):
            continue
        narrowed = scope.restrict(queryset, user)
        current = (
            getattr(instance, f"{name}_id", None) if instance is not None else None
        )
        if current is not None:
            narrowed = narrowed | queryset.filter(pk=current)
        field.queryset = narrowed


class VersionedForm(forms.ModelForm):
    """Carries the version the user loaded, so a stale save is refused, and
    offers in its pickers only records inside the user's units."""

    loaded_version = forms.IntegerField(
        label=gettext_lazy("version you opened"),
        widget=forms.HiddenInput,
        required=False,
    )
    #: The user the form is built for; set by the admin per request.
    scope_user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields[VERSION_FIELD].initial = self.instance.version
            self.fields[VERSION_FIELD].required = True
        if self.scope_user is not None:
            scope_choice_fields(self.fields, self.scope_user, self.instance)

    def clean(self):
        cleaned = super().clean()
        loaded = cleaned.get(VERSION_FIELD)
        if self.instance.pk and loaded is not None and loaded != self.instance.version:
            raise ValidationError(
                stale_message(self.instance, loaded, self.scope_user), code="stale"
            )
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        # The record as it would be saved must stay inside the user's units;
        # say so on the form rather than after the save.
        if self.scope_user is None or self.errors:
            return
        try:
            scope.check_in_scope(self.scope_user, self.instance)
        except scope.ScopeError as error:
            self.add_error(self.scope_field(), error)

    def scope_field(self):
        """The form field that places the record in a unit, if on the form."""
        doctype = registry.get(self._meta.model)
        if doctype is None or doctype.scope_path is None:
            return None
        name = (
            "parent"
            if doctype.scope_path == "self"
            else doctype.scope_path.split("__")[0]
        )
        return name if name in self.fields else None


def stale_message(instance, loaded_version, user=None):
    lines = [
        _("{record} was changed by someone else since you opened it.").format(
            record=instance
        ),
        *describe_conflict(instance, loaded_version, user),
        _("Nothing of yours was saved. Reload the record and apply your change again."),
    ]
    return " ".join(lines)


class AccessMixin:
    """Scope and field visibility shared by generated admins and inlines."""

    doctype = None

    def hidden_fields(self, request):
        return access.hidden_fields(request.user, self.model)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.doctype is not None and self.doctype.select_related:
            # Prefetched, not joined: see DocType.select_related.
            queryset = queryset.prefetch_related(*self.doctype.select_related)
        return scope.restrict(queryset, request.user)

    def in_scope(self, request, obj):
        return obj is None or scope.in_scope(request.user, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if formfield is not None and hasattr(formfield, "queryset"):
            formfield.queryset = scope.restrict(formfield.queryset, request.user)
        return formfield

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if formfield is not None and hasattr(formfield, "queryset"):
            formfield.queryset = scope.restrict(formfield.queryset, request.user)
        return formfield

    def get_form_class_for_user(self, form, request):
        """Bind the form to the user: scoped pickers, version message."""
        if not issubclass(form, VersionedForm):
            return form
        return type(form.__name__, (form,), {"scope_user": request.user})

    def get_fields(self, request, obj=None):
        hidden = self.hidden_fields(request)
        fields = [f for f in super().get_fields(request, obj) if f not in hidden]
        return _with_version_field(fields, obj)

    def get_readonly_fields(self, request, obj=None):
        hidden = self.hidden_fields(request)
        return [f for f in super().get_readonly_fields(request, obj) if f not in hidden]

    def record_hidden(self, request):
        return access.record_hidden(request.user, self.model)

    def has_view_permission(self, request, obj=None):
        if self.record_hidden(request):
            return False
        return super().has_view_permission(request, obj) and self.in_scope(request, obj)

    def has_add_permission(self, request, *args):
        return not self.record_hidden(request) and super().has_add_permission(
            request, *args
        )

    def has_change_permission(self, request, obj=None):
        if self.record_hidden(request):
            return False
        allowed = super().has_change_permission(request, obj)
        return allowed and self.in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self.record_hidden(request):
            return False
        allowed = super().has_delete_permission(request, obj)
        return allowed and self.in_scope(request, obj)


def _with_version_field(fields, obj):
    """The hidden version field once, on change forms only."""
    fields = [f for f in fields if f != VERSION_FIELD]
    if obj is not None:
        fields.append(VERSION_FIELD)
    return fields


class DocTypeAdmin(
    AccessMixin,
    ImportAdminMixin,
    DeskHooksMixin,
    SimpleHistoryAdmin,
    ImportExportModelAdmin,
    ModelAdmin,
):
    """Behaviour shared by every generated desk admin."""

    form = VersionedForm
    import_form_class = ImportForm
    export_form_class = ExportForm
    list_per_page = 50
    # Not False: Django would then join every link of the list (see
    # DocType.select_related for why links are prefetched instead).
    list_select_related = ()
    show_full_result_count = False
    warn_unsaved_form = True

    # -- form and lists, without the fields the user may not see -----------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return self.get_form_class_for_user(form, request)

    def get_fieldsets(self, request, obj=None):
        hidden = self.hidden_fields(request)
        fieldsets = []
        for title, options in super().get_fieldsets(request, obj):
            fields = [
                f for f in options["fields"] if f not in hidden and f != VERSION_FIELD
            ]
            if fields:
                fieldsets.append((title, {**options, "fields": fields}))
        if obj is not None:
            if not fieldsets:
                fieldsets.append((None, {"fields": []}))
            title, options = fieldsets[0]
            fieldsets[0] = (
                title,
                {**options, "fields": [*options["fields"], VERSION_FIELD]},
            )
        return fieldsets

    def get_list_display(self, request):
        hidden = self.hidden_fields(request)
        return [f for f in super().get_list_display(request) if f not in hidden]

    def get_list_filter(self, request):
        hidden = self.hidden_fields(request)
        return [
            f for f in super().get_list_filter(request) if _filter_name(f) not in hidden
        ]

    def get_search_fields(self, request):
        # Searching by a hidden value would tell whose value it is.
        hidden = self.hidden_fields(request)
        return [
            f
            for f in super().get_search_fields(request)
            if f.lstrip("^=@").split("__")[0] not in hidden
        ]

    def get_sortable_by(self, request):
        hidden = self.hidden_fields(request)
        return [f for f in super().get_sortable_by(request) if f not in hidden]

    # -- saving inside the user's units, without lost updates ---------------

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

    def delete_model(self, request, obj):
        scope.check_in_scope(request.user, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, scope.restrict(queryset, request.user))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleRecordError as error:
            # Lost the race between the form check and the save: the
            # transaction was rolled back, the user is told what changed.
            self.message_user(
                request,
                stale_message(error.instance, error.instance.version, request.user),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())
        except scope.ScopeError as error:
            # A save moved the record out of the user's units: refused.
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    # -- the record's history: scoped, read-only, hidden fields masked ------

    def history_object(self, request, object_id):
        """The record whose history is asked for, if the user may see it.

        A live record must lie in the user's units; a deleted one is judged
        by its last historical row.
        """
        pk_name = self.model._meta.pk.attname
        live = self.model._base_manager.filter(**{pk_name: object_id})
        if live.exists():
            return self.get_queryset(request).filter(**{pk_name: object_id}).first()
        rows = self.model.history.filter(**{pk_name: object_id})
        last = scope.restrict(rows, request.user).order_by("-history_date").first()
        return last.instance if last is not None else None

    def check_history_access(self, request, object_id):
        try:
            obj = self.history_object(request, unquote(object_id))
        except (ValueError, ValidationError):
            obj = None
        if obj is None:
            raise Http404(_("No such record in your units."))
        if not access.can_view_history(request.user, self.model):
            raise PermissionDenied

    def history_view(self, request, object_id, extra_context=None):
        self.check_history_access(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # The trail is read-only: reverting through this page is not offered.
        if request.method != "GET":
            raise PermissionDenied
        self.check_history_access(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True

    def set_history_delta_changes(
        self, request, historical_records, foreign_keys_are_objs=True
    ):
        excluded = set(self.hidden_fields(request)) | BOOKKEEPING
        previous = None
        for current in historical_records:
            if previous is not None:
                delta = history.diff(
                    previous,
                    current,
                    excluded_fields=excluded,
                    foreign_keys_are_objs=foreign_keys_are_objs,
                )
                helper = self.get_historical_record_context_helper(request, previous)
                previous.history_delta_changes = helper.context_for_delta_changes(delta)
            previous = current
        for record in historical_records:
            # The history list prints a missing reason as "None", in English.
            if record.history_change_reason is None:
                record.history_change_reason = ""

    # -- import and export inside the user's units --------------------------

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_resource_classes(self, request):
        return [
            bind_resource(resource, request.user)
            for resource in super().get_resource_classes(request)
        ]

    def get_export_queryset(self, request):
        return scope.restrict(super().get_export_queryset(request), request.user)

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


class ScopedResourceMixin:
    """A resource bound to one user: their units, the fields they may see."""

    scope_user = None

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if self.scope_user is not None:
            for name in access.hidden_fields(self.scope_user, self._meta.model):
                self.fields.pop(name, None)

    def get_export_order(self):
        hidden = (
            access.hidden_fields(self.scope_user, self._meta.model)
            if self.scope_user is not None
            else ()
        )
        return tuple(name for name in super().get_export_order() if name not in hidden)

    def get_import_order(self):
        hidden = (
            access.hidden_fields(self.scope_user, self._meta.model)
            if self.scope_user is not None
            else ()
        )
        return tuple(name for name in super().get_import_order() if name not in hidden)

    def get_queryset(self):
        # Rows of other units are neither found for update nor exported.
        queryset = super().get_queryset()
        if self.scope_user is None:
            return queryset
        return scope.restrict(queryset, self.scope_user)

    def validate_instance(
        self, instance, import_validation_errors=None, validate_unique=True
    ):
        errors = dict(import_validation_errors or {})
        if self.scope_user is not None:
            try:
                scope.check_in_scope(self.scope_user, instance)
            except scope.ScopeError as error:
                errors.setdefault("__all__", []).extend(error.messages)
        super().validate_instance(instance, errors, validate_unique)


def bind_resource(resource, user):
    """A subclass of `resource` bound to `user` (see ScopedResourceMixin)."""
    if issubclass(resource, ScopedResourceMixin):
        base = resource
    else:
        base = type(resource.__name__, (ScopedResourceMixin, resource), {})
    bound = type(resource.__name__, (base,), {"scope_user": user})
    bound.__module__ = resource.__module__
    return bound


class DocTypeInline(AccessMixin, TabularInline):
    """A child DocType edited on its parent's form: scoped, versioned."""

    form = VersionedForm
    extra = 0
    tab = True
    show_change_link = True

    # Each row carries its own version (AccessMixin.get_fields): a child row
    # changed meanwhile is refused like the parent.

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = self.get_form_class_for_user(formset.form, request)
        return formset


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
    if not isinstance(spec, Inline):
        spec = Inline(spec)
    child = registry.get(spec.model)
    fields = spec.fields or (
        (child.inline_fields or child.list_display) if child else "__all__"
    )
    if fields != "__all__":
        fields = [f for f in fields if f != "__str__"]
    attrs = {"model": spec.model, "doctype": child, "fields": fields}
    if spec.fk_name:
        attrs["fk_name"] = spec.fk_name
    if fields != "__all__":
        # Computed columns (not editable) can only be shown read-only.
        not_editable = {f.name for f in spec.model._meta.fields if not f.editable}
        computed = [name for name in fields if name in not_editable]
        attrs["readonly_fields"] = (
            *(child.readonly_fields if child else ()),
            *computed,
        )
    # Scoped, with hidden fields left out and a version on each row.
    bases = (DocTypeInline,)
    if spec.readonly or (child is not None and child.inline_readonly):
        attrs["readonly_fields"] = fields
        bases = (ReadOnlyInlineMixin, DocTypeInline)
    return type(f"{spec.model.__name__}Inline", bases, attrs)


def register_all(site=None):
    site = site or admin.site
    for doctype in registry.all_doctypes():
        if not site.is_registered(doctype.model):
            site.register(doctype.model, build_admin(doctype))
