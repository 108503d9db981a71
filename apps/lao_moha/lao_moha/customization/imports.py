"""Custom fields in import and export files: one `cf_<key>` column each,
checked like the desk form checks it."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, widgets

from . import definitions
from .choices import FieldType
from .fieldtypes import field_type
from .values import missing_required, set_value, with_defaults


class CustomValueWidget(widgets.Widget):
    """Turns a cell into a stored value and back; errors in plain words."""

    def __init__(self, cf):
        super().__init__()
        self.cf = cf

    def clean(self, value, row=None, **kwargs):
        try:
            return field_type(self.cf).clean_external(self.cf, value)
        except ValidationError as error:
            raise ValueError(" ".join(error.messages)) from error

    def render(self, value, obj=None, **kwargs):
        rendered = field_type(self.cf).export(self.cf, value)
        return "" if rendered is None else rendered


class CustomFieldColumn(fields.Field):
    """The column of one custom field."""

    def __init__(self, cf):
        super().__init__(
            attribute=cf.param, column_name=cf.param, widget=CustomValueWidget(cf)
        )
        self.cf = cf

    @property
    def headings(self):
        """Headings a file may give the column: its key or a label in any
        language."""
        cf = self.cf
        return [h for h in (cf.param, cf.label_lo, cf.label_en, cf.label_vi) if h]

    def heading(self):
        """The heading of the import template, in the active language."""
        return str(self.cf.label) + (" *" if self.cf.required else "")

    def description(self):
        """What the column takes, for the template's notes."""
        cf = self.cf
        kind = cf.field_type
        if kind == FieldType.SELECT:
            text = _("One of: {values}.").format(
                values=", ".join(
                    f"{value} ({label})" for value, label in field_type(cf).choices(cf)
                )
            )
        elif kind == FieldType.DATE:
            text = _("A date, day/month/year (14/03/1985).")
        elif kind == FieldType.CHECK:
            text = _("Yes or no.")
        elif kind == FieldType.INTEGER:
            text = _("A whole number.")
        elif kind == FieldType.DECIMAL:
            text = _("A number.")
        elif kind == FieldType.LINK:
            target = cf.get_link_doctype()
            key = field_type(cf).key_field(cf)
            text = _("The {field} of a {model}.").format(
                field=target.model._meta.get_field(key).verbose_name
                if key != "id"
                else "id",
                model=target.model._meta.verbose_name,
            )
        else:
            text = _("Text.")
        if cf.help_text:
            text = f"{cf.help_text} {text}"
        if cf.required:
            text += " " + _("Required.")
        return text

    def get_value(self, instance):
        return (instance.custom_fields or {}).get(self.cf.name)

    def save(self, instance, row, is_m2m=False, **kwargs):
        values = dict(instance.custom_fields or {})
        set_value(values, self.cf, self.clean(row, **kwargs))
        instance.custom_fields = values


def resource_fields(fields_, doctype):
    return {
        **fields_,
        **{
            cf.param: CustomFieldColumn(cf) for cf in definitions.active_fields(doctype)
        },
    }


def complete_instance(errors, instance, doctype):
    """Defaults on new records and required values, after the row's columns
    were read: {column: message} added to `errors`."""
    values = instance.custom_fields or {}
    if instance._state.adding:
        values = with_defaults(doctype, values)
        instance.custom_fields = values
    found = missing_required(doctype, values)
    return {**{k: v for k, v in found.items() if k not in errors}, **errors}
