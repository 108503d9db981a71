"""Reading the audit trail kept by django-simple-history.

Each save of a DocType leaves a full copy of the record (a historical row);
what changed is the difference between a row and the one before it. These
helpers turn that into (field, value then, value now) lines, leaving out
bookkeeping fields and hiding what the reader may not see.
"""

from dataclasses import dataclass

from django.utils.formats import localize
from django.utils.translation import gettext as _
from simple_history.models import ModelChange, ModelDelta

from . import access, scope
from .hook_mixins import expand_change

__all__ = [
    "Change",
    "changes_since",
    "describe",
    "diff",
    "previous_record",
    "saves_since",
]

# Bookkeeping columns every DocType has; their changes say nothing to a reader.
BOOKKEEPING = {"version", "modified_at", "modified_by", "created_at", "created_by"}

def diff(newer, older, **kwargs):
    """simple-history's diff of two versions, plus the custom-field values
    (it skips columns that are not editable, and that one is edited field
    by field)."""
    delta = newer.diff_against(older, **kwargs)
    old_values = getattr(older, "custom_fields", None) or {}
    new_values = getattr(newer, "custom_fields", None) or {}
    if old_values == new_values:
        return delta
    changes = [*delta.changes, ModelChange("custom_fields", old_values, new_values)]
    return ModelDelta(
        changes, [c.field for c in changes], delta.old_record, delta.new_record
    )


@dataclass
class Change:
    field: str
    label: str
    old: str
    new: str


def _tracked_names(model, historical):
    """Fields of `model` whose changes the trail shows (and keeps)."""
    kept = {f.name for f in historical._meta.concrete_fields}
    names = []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in BOOKKEEPING or field.name not in kept:
            continue
        if not field.editable and field.name != "custom_fields":
            continue
        names.append(field.name)
    return names


def _m2m_changes(record, previous, model):
    """Links added and removed (a user's groups, a role's permissions)."""
    changes = []
    for field in getattr(record, "_history_m2m_fields", ()):
        target = field.m2m_reverse_field_name()

        def linked(row, field=field, target=target):
            if row is None:
                return set()
            return {str(getattr(link, target)) for link in getattr(row, field.name).all()}

        old, new = linked(previous), linked(record)
        if old != new:
            changes.append(
                Change(
                    field.name,
                    str(field.verbose_name),
                    ", ".join(sorted(old)) or "—",
                    ", ".join(sorted(new)) or "—",
                )
            )
    return changes


def _display(model, name, value, user):
    """A value as a reader sees it: choice labels, related records by name."""
    if value is None or value == "":
        return "—"
    field = model._meta.get_field(name)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        related = field.related_model._base_manager.filter(pk=value)
        if user is not None:
            related = scope.restrict(related, user)
        obj = related.first()
        return f"{obj} (#{value})" if obj is not None else f"#{value}"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(localize(value))


def describe(record, previous, user=None):
    """[Change] between a historical row and the one before it (None for the
    first row, which then lists the values it was created with)."""
    model = record.instance_type
    hidden = access.hidden_fields(user, model) if user is not None else frozenset()
    changes = []
    for name in _tracked_names(model, type(record)):
        attname = model._meta.get_field(name).attname
        new = getattr(record, attname)
        old = getattr(previous, attname) if previous is not None else None
        if name == "custom_fields":
            changes.extend(_custom_changes(model, old or {}, new or {}))
            continue
        if old == new or (previous is None and new in (None, "")):
            continue
        label = str(model._meta.get_field(name).verbose_name)
        if name in hidden:
            changes.append(
                Change(name, label, access.HIDDEN_VALUE, access.HIDDEN_VALUE)
            )
            continue
        changes.append(
            Change(
                name,
                label,
                _display(model, name, old, user) if previous is not None else "—",
                _display(model, name, new, user),
            )
        )
    return changes + _m2m_changes(record, previous, model)


def _custom_changes(model, old, new):
    if old == new:
        return []
    # The customization app names each custom field readably.
    readable = expand_change(model, "custom_fields", old, new)
    if readable:
        return [
            Change("custom_fields", str(label), _plain(value_old), _plain(value_new))
            for label, value_old, value_new in readable
        ]
    changes = []
    for key in sorted(set(old) | set(new)):
        if old.get(key) != new.get(key):
            changes.append(
                Change(
                    f"custom_fields.{key}",
                    key,
                    "—" if old.get(key) in (None, "") else str(old.get(key)),
                    "—" if new.get(key) in (None, "") else str(new.get(key)),
                )
            )
    return changes


def _plain(value):
    return "—" if value in (None, "") else str(value)


def previous_record(record):
    """The historical row of the same record just before `record`."""
    return (
        type(record)
        ._default_manager.filter(
            **{
                record.instance_type._meta.pk.attname: getattr(
                    record, record.instance_type._meta.pk.attname
                )
            },
            history_date__lte=record.history_date,
        )
        .exclude(history_id=record.history_id)
        .order_by("-history_date", "-history_id")
        .first()
    )


def changes_since(instance, version, user=None):
    """[(field label, value then, value now)] changed after `version`,
    oldest first (see `saves_since` for who saved each)."""
    return [
        (change.label, change.old, change.new)
        for _who, _when, changes in saves_since(instance, version, user)
        for change in changes
    ]


def saves_since(instance, version, user=None):
    """What others changed in `instance` after the user loaded `version`.

    Returns [(who, when, [Change])], oldest first. The baseline is the last
    historical row at or below that version, so changes saved without a
    history row of their own (bulk updates) still show up.
    """
    history = instance.history.order_by("history_date", "history_id")
    baseline = history.filter(version__lte=version).last()
    later = history.filter(version__gt=version)
    if baseline is not None:
        later = later.filter(history_date__gte=baseline.history_date)
    result = []
    previous = baseline
    for record in later:
        changes = describe(record, previous, user) if previous is not None else []
        result.append((record.history_user, record.history_date, changes))
        previous = record
    return result
