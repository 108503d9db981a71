"""Indexes for filterable custom fields on MariaDB.

A filterable field gets a virtual generated column computing its value
from the JSON column, and an index on that column, so filtering 200,000
officials by it reads the index instead of every row. The column is named
after the field's id (`cf_<id>`), so a rename rebuilds it under the same
name with the new JSON key. On other databases nothing is built and the
value is read from the JSON column.
"""

import logging
import re

from django.db import connection

from .fieldtypes import field_type
from .models.fields import KEY_PATTERN

logger = logging.getLogger(__name__)


def supported():
    return connection.vendor == "mysql"


def wanted(cf):
    return bool(cf.filterable and cf.is_active and field_type(cf).column_sql)


def index_name(cf):
    return f"cf_{cf.pk}_idx"


def _table(cf):
    return cf.get_doctype().model._meta.db_table


def existing_columns(table):
    """Generated custom-field columns present on `table`."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = DATABASE() AND table_name = %s "
            "AND column_name LIKE %s",
            [table, "cf\\_%"],
        )
        return {row[0] for row in cursor.fetchall()}


def column_expression(cf):
    """The SQL computing the field's value from the JSON column."""
    # The key goes into the DDL text (DDL takes no parameters); it was
    # validated against KEY_PATTERN, checked again here.
    if not re.fullmatch(KEY_PATTERN, cf.name):
        raise ValueError(f"Unsafe custom-field key {cf.name!r}")
    column = connection.ops.quote_name("custom_fields")
    value = f"JSON_VALUE({column}, '$.{cf.name}')"
    column_sql = field_type(cf).column_sql
    if column_sql.startswith("VARCHAR"):
        return value
    if column_sql == "TINYINT(1)":
        # Only JSON true and false count, as in the JSON comparison used
        # where there is no index.
        return (
            f"CASE JSON_EXTRACT({column}, '$.{cf.name}') "
            "WHEN 'true' THEN 1 WHEN 'false' THEN 0 END"
        )
    if column_sql == "BIGINT":
        return f"CAST({value} AS SIGNED)"
    return f"CAST({value} AS {column_sql})"


def sync(cf):
    """Make the database match `cf`: build, rebuild or drop its column.

    Returns the key the column now serves ("" when there is none). Runs
    DDL, which commits on MariaDB: call it outside any transaction.
    """
    from .models import CustomField

    if not supported():
        if wanted(cf):
            logger.info(
                "Custom field %s is filterable; %s builds no index for it, "
                "filters read the JSON column",
                cf.pk,
                connection.vendor,
            )
        return ""
    if connection.in_atomic_block:
        # MariaDB commits any open transaction on DDL; never do that to a
        # caller's transaction. `manage.py sync_custom_field_indexes` or
        # the next change of the field builds it.
        logger.warning(
            "Index of custom field %s not synchronised: inside a transaction",
            cf.pk,
        )
        return cf.indexed_key
    table = _table(cf)
    column = f"cf_{cf.pk}"
    quote = connection.ops.quote_name
    present = column in existing_columns(table)
    keep = wanted(cf) and present and cf.indexed_key == cf.name
    if present and not keep:
        drop_column(table, column)
    indexed_key = cf.name if keep else ""
    if wanted(cf) and not keep:
        with connection.cursor() as cursor:
            cursor.execute(
                f"ALTER TABLE {quote(table)} ADD COLUMN {quote(column)} "
                f"{field_type(cf).column_sql} AS ({column_expression(cf)}) VIRTUAL"
            )
            cursor.execute(
                f"CREATE INDEX {quote(index_name(cf))} ON {quote(table)} "
                f"({quote(column)})"
            )
            scope_column = _scope_column(cf)
            if scope_column:
                # Scoped lists (a province's officials with this value) join
                # the unit tree first; this index then finds the value per
                # unit instead of reading every official.
                cursor.execute(
                    f"CREATE INDEX {quote(f'cf_{cf.pk}_scope_idx')} ON {quote(table)} "
                    f"({quote(scope_column)}, {quote(column)})"
                )
        indexed_key = cf.name
        logger.info("Built the index column of custom field %s on %s", cf.pk, table)
    if indexed_key != cf.indexed_key:
        CustomField.objects.filter(pk=cf.pk).update(indexed_key=indexed_key)
        cf.indexed_key = indexed_key
    return indexed_key


def _scope_column(cf):
    """The column through which the DocType reaches its unit, if it is a
    link of the table itself ("unit" -> unit_id)."""
    doctype = cf.get_doctype()
    if not doctype.scope_path:
        return None
    if doctype.scope_path == "self":
        return "path"
    field = doctype.model._meta.get_field(doctype.scope_path.split("__")[0])
    return field.column if field.many_to_one else None


def drop_column(table, column):
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        # MariaDB would keep a composite index minus the dropped column.
        cursor.execute(
            "SELECT DISTINCT index_name FROM information_schema.statistics "
            "WHERE table_schema = DATABASE() AND table_name = %s AND column_name = %s",
            [table, column],
        )
        for (index,) in cursor.fetchall():
            cursor.execute(f"DROP INDEX {quote(index)} ON {quote(table)}")
        cursor.execute(f"ALTER TABLE {quote(table)} DROP COLUMN {quote(column)}")
    logger.info("Dropped index column %s of %s", column, table)


def drop(cf):
    """Remove the field's column, if any (once the field is purged)."""
    if not supported() or connection.in_atomic_block:
        return
    table = _table(cf)
    column = f"cf_{cf.pk}"
    if column in existing_columns(table):
        drop_column(table, column)


def drop_all(model):
    """Remove every custom-field column of a table (tests, repairs)."""
    if not supported():
        return 0
    table = model._meta.db_table
    columns = existing_columns(table)
    for column in columns:
        drop_column(table, column)
    return len(columns)
