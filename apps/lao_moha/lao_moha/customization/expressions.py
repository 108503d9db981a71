"""ORM expressions reading a custom field's value, for filters, sorting,
grouping and sums.

On MariaDB a filterable field has an indexed generated column (see
indexing.py) and its own records are read through it, so the index is
used; elsewhere the value is read from the JSON column.
"""

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Expression,
    ExpressionWrapper,
    Value,
    When,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast

from .choices import FieldType
from .fieldtypes import field_type


class GeneratedColumn(Expression):
    """A column of the queried table that the model does not declare."""

    def __init__(self, column, output_field):
        super().__init__(output_field=output_field)
        self.column = column
        self.alias = None

    def resolve_expression(
        self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False
    ):
        resolved = self.copy()
        resolved.alias = query.get_initial_alias() if query is not None else None
        return resolved

    def as_sql(self, compiler, connection):
        column = connection.ops.quote_name(self.column)
        if self.alias is None:
            return column, []
        return f"{compiler.quote_name_unless_alias(self.alias)}.{column}", []

    def get_group_by_cols(self):
        return [self]

    def __repr__(self):
        return f"GeneratedColumn({self.column!r})"


def value_expression(cf, prefix=""):
    """An expression for `cf`'s value on the records `prefix` leads to
    ("" for the queried DocType itself, "unit__" for its unit …)."""
    kind = field_type(cf)
    if not prefix and cf.index_column and connection.vendor == "mysql":
        return GeneratedColumn(cf.index_column, output_field=kind.output_field)
    path = f"{prefix}custom_fields__{cf.name}"
    if cf.field_type == FieldType.CHECK:
        # JSON true reads as 'true' on MariaDB and 1 on SQLite; compare as
        # JSON instead so both give the same answer.
        return Case(
            When(**{path: True}, then=Value(True)),
            When(**{path: False}, then=Value(False)),
            default=Value(None),
            output_field=BooleanField(),
        )
    text = KT(path)
    if cf.field_type in (FieldType.TEXT, FieldType.LONG_TEXT, FieldType.SELECT):
        # Plain text lookups: KT's own "exact" would compare JSON documents.
        return ExpressionWrapper(text, output_field=kind.output_field)
    return Cast(text, output_field=kind.output_field)
