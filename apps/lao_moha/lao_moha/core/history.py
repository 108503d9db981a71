"""Reading the audit trail kept by django-simple-history."""


def changes_since(instance, version):
    """Field changes made to `instance` after it was at `version`.

    Returns [(field verbose name, old value, new value)], oldest first.
    """
    records = list(
        instance.history.filter(version__gte=version).order_by("history_date")
    )
    changes = []
    for older, newer in zip(records, records[1:], strict=False):
        delta = newer.diff_against(older, excluded_fields=["version", "modified_at"])
        for change in delta.changes:
            field = instance._meta.get_field(change.field)
            changes.append((str(field.verbose_name), change.old, change.new))
    return changes
