"""What happens to stored values when a custom field is renamed, removed,
restored or purged.

Values stay under the field's key in each record's `custom_fields`. A
rename moves them to the new key in the same transaction as the rename; a
removal only hides the field, so restoring it brings every value back; a
purge erases the values and then the definition.
"""

import logging

from django.db import connection, transaction
from django.db.models import F, Func, JSONField, Value
from django.utils import timezone

logger = logging.getLogger(__name__)


def _path(key):
    return f"$.{key}"


def count_values(cf):
    """How many records hold a value for the field."""
    model = cf.get_doctype().model
    return model._base_manager.filter(custom_fields__has_key=cf.name).count()


def move_values(cf, old_key):
    """Move every stored value from `old_key` to the field's current key."""
    model = cf.get_doctype().model
    holders = model._base_manager.filter(custom_fields__has_key=old_key)
    if connection.vendor == "mysql":
        # One statement for any number of rows; MariaDB keeps the JSON type
        # of the value it copies from JSON_EXTRACT.
        moved = Func(
            Func(
                F("custom_fields"),
                Value(_path(cf.name)),
                Func(
                    F("custom_fields"), Value(_path(old_key)), function="JSON_EXTRACT"
                ),
                function="JSON_SET",
            ),
            Value(_path(old_key)),
            function="JSON_REMOVE",
            output_field=JSONField(),
        )
        count = holders.update(custom_fields=moved)
    else:
        # SQLite's json_extract turns true into 1; copy in Python instead
        # (sites on SQLite are small).
        count = 0
        for pk, values in holders.values_list("pk", "custom_fields").iterator():
            values = dict(values)
            values[cf.name] = values.pop(old_key)
            model._base_manager.filter(pk=pk).update(custom_fields=values)
            count += 1
    logger.info("Custom field %s renamed: values moved in %d records", cf.pk, count)
    return count


def strip_values(cf):
    """Erase the field's values from every record."""
    model = cf.get_doctype().model
    holders = model._base_manager.filter(custom_fields__has_key=cf.name)
    stripped = Func(
        F("custom_fields"),
        Value(_path(cf.name)),
        function="JSON_REMOVE",
        output_field=JSONField(),
    )
    count = holders.update(custom_fields=stripped)
    logger.info("Custom field %s purged: values erased in %d records", cf.pk, count)
    return count


def remove(cf):
    """Hide the field everywhere; its values stay until it is purged."""
    if cf.removed_at is None:
        cf.removed_at = timezone.now()
        cf.save(update_fields=["removed_at", "modified_at"])
        logger.info("Custom field %s removed; values kept", cf.pk)


def restore(cf):
    """Show a removed field again, with the values it had."""
    if cf.removed_at is not None:
        cf.removed_at = None
        cf.save(update_fields=["removed_at", "modified_at"])
        logger.info("Custom field %s restored", cf.pk)


@transaction.atomic
def purge(cf):
    """Erase a removed field's values and its definition."""
    if cf.removed_at is None:
        raise ValueError("Only a removed custom field can be purged.")
    cf.delete()
