"""Reading the audit trail kept by django-simple-history."""

from simple_history.models import ModelChange, ModelDelta

from .hook_mixins import expand_change


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


def changes_since(instance, version):
    """Field changes made to `instance` after it was at `version`.

    Returns [(field verbose name, old value, new value)], oldest first.
    """
    records = list(
        instance.history.filter(version__gte=version).order_by("history_date")
    )
    changes = []
    for older, newer in zip(records, records[1:], strict=False):
        delta = diff(newer, older, excluded_fields=["version", "modified_at"])
        for change in delta.changes:
            readable = expand_change(
                type(instance), change.field, change.old, change.new
            )
            if readable:
                changes.extend(readable)
                continue
            field = instance._meta.get_field(change.field)
            changes.append((str(field.verbose_name), change.old, change.new))
    return changes
