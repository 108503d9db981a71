"""Custom-field changes in the audit trail, one readable line per field.

simple-history already records the whole `custom_fields` column with each
version; this names each changed key by its field's label (also for keys a
field had before a rename, and for removed fields) and shows values as the
form does.
"""

from lao_moha.core import registry

from . import definitions
from .values import display


def _field_for(doctype, key):
    for cf in definitions.all_fields(doctype):
        if cf.name == key or key in (cf.previous_names or ()):
            return cf
    return None


def expand_change(changes, model, field_name, old, new):
    if field_name != "custom_fields":
        return changes
    doctype = registry.get(model)
    if doctype is None:
        return changes
    # Versions saved before a rename hold the old key: compare by field.
    fields = {}
    old = _by_field(doctype, old or {}, fields)
    new = _by_field(doctype, new or {}, fields)
    lines = []
    for key in sorted(set(old) | set(new), key=lambda k: _order(fields.get(k), k)):
        if old.get(key) == new.get(key):
            continue
        cf = fields.get(key)
        if cf is None:
            lines.append((key, old.get(key, ""), new.get(key, "")))
        else:
            lines.append(
                (str(cf.label), display(cf, old.get(key)), display(cf, new.get(key)))
            )
    return [*changes, *lines]


def _by_field(doctype, values, fields):
    result = {}
    for key, value in values.items():
        cf = _field_for(doctype, key)
        name = cf.name if cf is not None else key
        if cf is not None:
            fields[name] = cf
        result[name] = value
    return result


def _order(cf, key):
    return (cf.position, cf.pk) if cf is not None else (10**6, 0)
