"""Custom fields in the desk: form fields, form sections, list columns and
list filters, built per request from the current definitions."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from unfold.contrib.filters.admin import (
    DropdownFilter,
    RangeNumericListFilter,
    TextFilter,
)
from unfold.contrib.filters.forms import RangeDateForm
from unfold.utils import parse_date_str

from . import definitions
from .choices import FieldType
from .expressions import value_expression
from .fieldtypes import LINK_SELECT_LIMIT, field_type
from .values import display, set_value, stored, with_defaults

DEFAULT_SECTION = _("Additional information")


# Form
# ----


class CustomFieldsFormMixin:
    """Shows a record's custom values in the form and writes them back into
    its `custom_fields` before the model validates it."""

    custom_field_defs = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        values = self.instance.custom_fields or {}
        if self.instance._state.adding:
            values = with_defaults(self.custom_doctype, values)
        for cf in self.custom_field_defs:
            if cf.param not in self.initial and cf.name in values:
                formfield = self.fields[cf.param]
                self.initial[cf.param] = field_type(cf).initial(
                    cf, values[cf.name], formfield
                )

    def _post_clean(self):
        values = dict(self.instance.custom_fields or {})
        for cf in self.custom_field_defs:
            if cf.param in self.cleaned_data:
                cleaned = self.cleaned_data[cf.param]
                set_value(values, cf, field_type(cf).stored_from_form(cleaned))
        self.instance.custom_fields = values
        super()._post_clean()


def extend_form(form_class, doctype, request, obj):
    fields = definitions.active_fields(doctype)
    if not fields:
        return form_class
    attrs = {
        "custom_field_defs": tuple(fields),
        "custom_doctype": doctype,
        **{cf.param: field_type(cf).formfield(cf, request.user) for cf in fields},
    }
    return type(form_class.__name__, (CustomFieldsFormMixin, form_class), attrs)


def _same_title(title, section):
    if title is None or not section:
        return False
    with translation.override("en"):
        english = str(title)
    return section.casefold() in {str(title).casefold(), english.casefold()}


def extend_fieldsets(fieldsets, doctype, request, obj):
    fields = definitions.active_fields(doctype)
    if not fields:
        return fieldsets
    params = {cf.param for cf in fields}
    # When the form shows its sections as tabs, a new section is a tab too.
    tabbed = next(
        (
            {"classes": options["classes"]}
            for _title, options in fieldsets
            if "tab" in (options.get("classes") or ())
        ),
        {},
    )
    result = []
    for title, options in fieldsets:
        names = [n for n in options.get("fields", ()) if n not in params]
        result.append([title, {**options, "fields": names}])
    for cf in sorted(fields, key=lambda f: (f.position, f.pk)):
        target = next((fs for fs in result if _same_title(fs[0], cf.section)), None)
        if target is None:
            title = cf.section or DEFAULT_SECTION
            target = next((fs for fs in result if fs[0] == title), None)
        if target is None:
            target = [title, {"fields": [], **tabbed}]
            result.append(target)
        target[1]["fields"] = [*target[1]["fields"], cf.param]
    return [tuple(fs) for fs in result if fs[1]["fields"]]


# List
# ----


def column(cf):
    """A list column (or read-only form value) showing the field."""

    def show(obj):
        return display(cf, stored(obj, cf))

    show.short_description = cf.label
    show.admin_order_field = value_expression(cf)
    show.__name__ = cf.param
    return show


def extend_list_display(list_display, doctype, request):
    shown = [column(cf) for cf in definitions.active_fields(doctype) if cf.show_in_list]
    return [*list_display, *shown] if shown else list_display


def attribute(name, doctype):
    if doctype is None or not name.startswith("cf_"):
        return None
    cf = definitions.get_field(doctype, name)
    return column(cf) if cf is not None else None


class CustomFieldFilterMixin:
    custom_field = None

    def filter_value(self, queryset, lookup, value):
        alias = f"_{self.custom_field.param}"
        expression = value_expression(self.custom_field)
        return queryset.alias(**{alias: expression}).filter(
            **{f"{alias}{lookup}": value}
        )


class ChoiceCustomFilter(CustomFieldFilterMixin, DropdownFilter):
    def lookups(self, request, model_admin):
        return self.custom_choices(request)

    def queryset(self, request, queryset):
        value = self.value()
        if value in (None, ""):
            return queryset
        cf = self.custom_field
        if cf.field_type == FieldType.CHECK:
            return self.filter_value(queryset, "", value == "1")
        if cf.field_type == FieldType.LINK:
            if not str(value).isdigit():
                return queryset.none()
            value = int(value)
        return self.filter_value(queryset, "", value)


class TextCustomFilter(CustomFieldFilterMixin, TextFilter):
    def queryset(self, request, queryset):
        value = (self.value() or "").strip()
        if not value:
            return queryset
        cf = self.custom_field
        if cf.field_type == FieldType.LINK:
            try:
                pk = field_type(cf).clean_external(cf, value, request.user)
            except ValidationError:
                return queryset.none()
            return self.filter_value(queryset, "", pk)
        return self.filter_value(queryset, "__istartswith", value)


class NumberRangeCustomFilter(CustomFieldFilterMixin, RangeNumericListFilter):
    def queryset(self, request, queryset):
        for suffix, lookup in (("_from", "__gte"), ("_to", "__lte")):
            raw = self.used_parameters.get(f"{self.parameter_name}{suffix}")
            if raw not in (None, ""):
                try:
                    value = field_type(self.custom_field).clean_external(
                        self.custom_field, raw
                    )
                except ValidationError:
                    return queryset.none()
                queryset = self.filter_value(queryset, lookup, value)
        return queryset


class DateRangeCustomFilter(CustomFieldFilterMixin, admin.SimpleListFilter):
    template = "unfold/filters/filters_date_range.html"

    def __init__(self, request, params, model, model_admin):
        self.request = request
        super().__init__(request, params, model, model_admin)
        for suffix in ("_from", "_to"):
            key = f"{self.parameter_name}{suffix}"
            if key in params:
                value = params.pop(key)
                value = value[0] if isinstance(value, list) else value
                if value:
                    self.used_parameters[key] = value

    def has_output(self):
        return True

    def lookups(self, request, model_admin):
        return ()

    def expected_parameters(self):
        return [f"{self.parameter_name}_from", f"{self.parameter_name}_to"]

    def queryset(self, request, queryset):
        for suffix, lookup in (("_from", "__gte"), ("_to", "__lte")):
            raw = self.used_parameters.get(f"{self.parameter_name}{suffix}")
            if raw:
                day = parse_date_str(raw)
                if day is None:
                    return queryset.none()
                queryset = self.filter_value(queryset, lookup, day)
        return queryset

    def choices(self, changelist):
        name = self.parameter_name
        yield {
            "request": self.request,
            "parameter_name": name,
            "form": RangeDateForm(
                name=name,
                data={
                    f"{name}_from": self.used_parameters.get(f"{name}_from"),
                    f"{name}_to": self.used_parameters.get(f"{name}_to"),
                },
            ),
        }


def filter_class(cf, request):
    """The desk list filter class for a filterable field."""
    attrs = {"title": cf.label, "parameter_name": cf.param, "custom_field": cf}
    kind = cf.field_type
    if kind in (FieldType.INTEGER, FieldType.DECIMAL):
        return type(f"{cf.param}Filter", (NumberRangeCustomFilter,), attrs)
    if kind == FieldType.DATE:
        return type(f"{cf.param}Filter", (DateRangeCustomFilter,), attrs)
    if kind == FieldType.SELECT:
        options = field_type(cf).choices(cf)
        attrs["custom_choices"] = lambda self, request: options
        return type(f"{cf.param}Filter", (ChoiceCustomFilter,), attrs)
    if kind == FieldType.CHECK:
        attrs["custom_choices"] = lambda self, request: (
            ("1", _("Yes")),
            ("0", _("No")),
        )
        return type(f"{cf.param}Filter", (ChoiceCustomFilter,), attrs)
    if kind == FieldType.LINK:
        queryset = field_type(cf).queryset(cf, request.user)
        if queryset.count() <= LINK_SELECT_LIMIT:
            attrs["custom_choices"] = lambda self, request: [
                (str(obj.pk), str(obj)) for obj in queryset
            ]
            return type(f"{cf.param}Filter", (ChoiceCustomFilter,), attrs)
    return type(f"{cf.param}Filter", (TextCustomFilter,), attrs)


def extend_list_filter(list_filter, doctype, request):
    added = [
        filter_class(cf, request)
        for cf in definitions.active_fields(doctype)
        if cf.filterable
    ]
    return [*list_filter, *added] if added else list_filter
