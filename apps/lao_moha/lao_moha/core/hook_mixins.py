"""Mixins through which the generated surfaces call the hooks of hooks.py.

Each generated class (desk admin, serializer, filter set, resource) takes
one of these as a base, so an app plugs into every DocType at once and the
factories themselves stay unaware of what is plugged in.
"""

from simple_history.template_utils import HistoricalRecordContextHelper

from . import hooks, registry


class DeskHooksMixin:
    """Lets hooks extend the form, fieldsets, list and audit view."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        if "form" not in kwargs:
            form = hooks.apply("desk_form", self.form, self.doctype, request, obj)
            # Django drops declared form fields that are read-only; keep that.
            readonly = self.get_readonly_fields(request, obj)
            dropped = dict.fromkeys(f for f in readonly if f in form.declared_fields)
            kwargs["form"] = type(form.__name__, (form,), dropped)
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        return hooks.apply("desk_fieldsets", fieldsets, self.doctype, request, obj)

    def get_list_display(self, request):
        list_display = super().get_list_display(request)
        return hooks.apply("desk_list_display", list_display, self.doctype, request)

    def get_list_filter(self, request):
        list_filter = super().get_list_filter(request)
        return hooks.apply("desk_list_filter", list_filter, self.doctype, request)

    def __getattr__(self, name):
        # Read-only forms and lists look names up on the admin; hooks answer
        # for the names they add (such as custom fields), nothing else.
        if name.startswith("_") or "doctype" not in type(self).__dict__:
            raise AttributeError(name)
        attribute = hooks.first("desk_attribute", name, type(self).doctype)
        if attribute is None:
            raise AttributeError(name)
        return attribute

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistoryHelper(self.model, historical_record)

    def set_history_delta_changes(
        self, request, historical_records, foreign_keys_are_objs=True
    ):
        # As simple-history does, but comparing custom-field values too.
        from .history import diff

        previous = None
        for current in historical_records:
            if previous is not None:
                delta = diff(
                    previous, current, foreign_keys_are_objs=foreign_keys_are_objs
                )
                helper = self.get_historical_record_context_helper(request, previous)
                previous.history_delta_changes = helper.context_for_delta_changes(delta)
            previous = current


class ReadableHistoryHelper(HistoricalRecordContextHelper):
    """Shows each audit change as hooks describe it (one line per custom
    field instead of the raw JSON column, for instance)."""

    def context_for_delta_changes(self, delta):
        lines = []
        for change in delta.changes:
            expanded = hooks.apply(
                "expand_change", [], self.model, change.field, change.old, change.new
            )
            if expanded:
                lines.extend(
                    {"field": label, "old": old, "new": new}
                    for label, old, new in expanded
                )
                continue
            formatted = self.format_delta_change(change)
            lines.append(
                {"field": formatted.field, "old": formatted.old, "new": formatted.new}
            )
        return lines


class SerializerHooksMixin:
    """Adds the serializer fields hooks declare for the DocType."""

    def get_fields(self):
        fields = super().get_fields()
        doctype = registry.get(self.Meta.model)
        extra = hooks.apply("api_serializer_fields", {}, doctype)
        fields.update({k: v for k, v in extra.items() if k not in fields})
        return fields


class FilterSetHooksMixin:
    """Adds the filters hooks offer for this request (e.g. ?cf_colour=red)."""

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        doctype = registry.get(self._meta.model)
        self.filters.update(hooks.apply("api_filters", {}, doctype, request))


class ResourceHooksMixin:
    """Adds the import/export columns hooks declare for the DocType, and
    their checks of a whole imported row."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        doctype = registry.get(self._meta.model)
        if doctype is not None:
            for name, field in hooks.apply("resource_fields", {}, doctype).items():
                self.fields.setdefault(name, field)

    def validate_instance(
        self, instance, import_validation_errors=None, validate_unique=True
    ):
        doctype = registry.get(self._meta.model)
        errors = hooks.apply(
            "resource_validate", dict(import_validation_errors or {}), instance, doctype
        )
        return super().validate_instance(instance, errors, validate_unique)


def expand_change(model, field_name, old, new):
    """[(label, old, new)] describing one audit change, or [] to use the
    field's own label and raw values."""
    return hooks.apply("expand_change", [], model, field_name, old, new)
