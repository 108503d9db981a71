"""Reading and writing a record's custom-field values, the same way on
every surface."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import definitions
from .fieldtypes import field_type


def stored(instance, cf):
    return (getattr(instance, "custom_fields", None) or {}).get(cf.name)


def display(cf, value):
    return field_type(cf).display(cf, value)


def set_value(values, cf, value):
    """Store `value` (already cleaned) in the dict; None removes the key."""
    if value is None:
        values.pop(cf.name, None)
    else:
        values[cf.name] = value


def with_defaults(doctype, values, given=()):
    """`values` plus the defaults of the fields it has no value for and that
    were not given explicitly (new records)."""
    values = dict(values)
    for cf in definitions.active_fields(doctype):
        if cf.name not in values and cf.name not in given and cf.default:
            set_value(values, cf, field_type(cf).parse_default(cf))
    return values


def missing_required(doctype, values):
    """The required fields without a value, as {param: message}."""
    return {
        cf.param: _("This field is required.")
        for cf in definitions.active_fields(doctype)
        if cf.required
        and values.get(cf.name) in (None, "")
        and cf.field_type != "check"
    }


def merge_submitted(doctype, submitted, existing, user, creating):
    """Check submitted {key: raw value} against the definitions.

    Returns the values to store: the existing ones (removed fields' values
    included) updated by the submitted ones, with defaults on creation.
    Raises ValidationError({key: [messages]}) naming each wrong key.
    """
    errors = {}
    values = dict(existing or {})
    known = {cf.name: cf for cf in definitions.active_fields(doctype)}
    given = set()
    for key, raw in submitted.items():
        name = key[3:] if key.startswith("cf_") and key[3:] in known else key
        cf = known.get(name)
        given.add(name)
        if cf is None:
            errors[key] = [
                _("Unknown custom field; the fields are: {names}.").format(
                    names=", ".join(sorted(known)) or "—"
                )
            ]
            continue
        try:
            set_value(values, cf, field_type(cf).clean_external(cf, raw, user))
        except ValidationError as error:
            errors[key] = error.messages
    if creating:
        values = with_defaults(doctype, values, given)
    for param, message in missing_required(doctype, values).items():
        errors.setdefault(param[3:], [message])
    if errors:
        raise ValidationError(errors)
    return values
