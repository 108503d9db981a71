"""Custom fields over REST: one `custom_fields` object per record, and a
`cf_<key>` query filter for each filterable field."""

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import SkipField, empty

from .. import definitions, values
from ..choices import FieldType
from ..expressions import value_expression
from ..fieldtypes import field_type


@extend_schema_field(
    {
        "type": "object",
        "additionalProperties": True,
        "description": "Custom-field values by key.",
    }
)
class CustomFieldsField(serializers.Field):
    """{"key": value} for every custom field in use on the DocType.

    Reading gives every field (null when empty). Writing accepts any subset;
    each value is checked like the desk form checks it, unknown keys are
    refused, and values of removed fields are kept untouched.
    """

    def __init__(self, doctype, **kwargs):
        self.doctype = doctype
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            _(
                "Values of the custom fields, by key; see /api/customization/"
                "custom-fields/ for the keys, types and options."
            ),
        )
        super().__init__(**kwargs)

    def validate_empty_values(self, data):
        if data is empty:
            if getattr(self.root, "partial", False):
                raise SkipField()
            # Absent on create or full update: still apply defaults and
            # required checks.
            return (False, {})
        if data is None:
            self.fail("null")
        return (False, data)

    def to_representation(self, value):
        value = value or {}
        return {
            cf.name: value.get(cf.name)
            for cf in definitions.active_fields(self.doctype)
        }

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            raise serializers.ValidationError(
                _("Send an object of custom-field values, by key.")
            )
        instance = getattr(self.parent, "instance", None)
        request = self.context.get("request")
        try:
            return values.merge_submitted(
                self.doctype,
                data,
                existing=instance.custom_fields if instance is not None else {},
                user=getattr(request, "user", None),
                creating=instance is None,
            )
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error


def serializer_fields(fields, doctype):
    if doctype is None:
        return fields
    return {**fields, "custom_fields": CustomFieldsField(doctype)}


def _filter_method(cf):
    def apply(queryset, name, value):
        if value in (None, ""):
            return queryset
        lookup = name[len(cf.param) :]
        if cf.field_type == FieldType.LINK:
            value = int(value)
        alias = f"_{cf.param}"
        return queryset.alias(**{alias: value_expression(cf)}).filter(
            **{f"{alias}{lookup}": value}
        )

    return apply


def query_filters(filters, doctype, request):
    """Query filters `cf_<key>` (and `__gte`/`__lte` for numbers and dates)."""
    if doctype is None:
        return filters
    added = {}
    for cf in definitions.active_fields(doctype):
        if not cf.filterable:
            continue
        method = _filter_method(cf)
        label = cf.label
        kind = cf.field_type
        if kind == FieldType.SELECT:
            added[cf.param] = django_filters.ChoiceFilter(
                field_name=cf.param,
                choices=field_type(cf).choices(cf),
                method=method,
                label=label,
            )
        elif kind == FieldType.CHECK:
            added[cf.param] = django_filters.BooleanFilter(
                field_name=cf.param, method=method, label=label
            )
        elif kind in (FieldType.INTEGER, FieldType.DECIMAL, FieldType.DATE):
            filter_class = (
                django_filters.DateFilter
                if kind == FieldType.DATE
                else django_filters.NumberFilter
            )
            for suffix in ("", "__gte", "__lte"):
                added[f"{cf.param}{suffix}"] = filter_class(
                    field_name=f"{cf.param}{suffix}", method=method, label=label
                )
        elif kind == FieldType.LINK:
            added[cf.param] = django_filters.NumberFilter(
                field_name=cf.param, method=method, label=label
            )
        else:
            added[cf.param] = django_filters.CharFilter(
                field_name=cf.param, method=method, label=label
            )
    return {**filters, **added}
