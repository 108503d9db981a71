"""Runs a checked report spec as one scoped, parameterised query.

Every field of the spec becomes an alias (`c0`, `c1` …) of an ORM
expression built from the registry; filters, grouping, sums and sorting
refer to those aliases only, so no text of the user's is ever written into
SQL. The rows are the user's rows: the query starts from
`scope.restrict`.
"""

import decimal
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Max, Min, Q, Sum
from django.utils.translation import gettext as _

from lao_moha.core import scope

from .spec import NEGATED, OPERATORS

AGGREGATE_FUNCTIONS = {"sum": Sum, "avg": Avg, "min": Min, "max": Max}
EMPTY = "—"


@dataclass
class Result:
    """A report's answer: headers, rows of display values, raw values for
    charts and exports, and the chart data when one was asked for."""

    spec: object
    headers: list
    rows: list
    #: Values as stored (numbers stay numbers), row by row.
    values: list
    total: int
    truncated: bool = False
    chart: dict = field(default_factory=dict)


class Query:
    def __init__(self, spec, user):
        self.spec = spec
        self.user = user
        self.aliases = {}

    def alias(self, report_field):
        if report_field.path not in self.aliases:
            self.aliases[report_field.path] = f"c{len(self.aliases)}"
        return self.aliases[report_field.path]

    def base(self):
        model = self.spec.doctype.model
        queryset = scope.restrict(model._default_manager.all(), self.user)
        used = [
            *self.spec.columns,
            *self.spec.group_by,
            *(f.field for f in self.spec.filters),
            *(a.field for a in self.spec.aggregates if a.field is not None),
        ]
        expressions = {self.alias(f): f.expression() for f in used}
        # Shown fields are annotations (selected, grouped); the others are
        # aliases, used by filters and sums only.
        shown = {
            self.alias(f)
            for f in (self.spec.group_by if self.spec.grouped else self.spec.columns)
        }
        queryset = queryset.annotate(
            **{k: v for k, v in expressions.items() if k in shown}
        ).alias(**{k: v for k, v in expressions.items() if k not in shown})
        for report_filter in self.spec.filters:
            queryset = queryset.filter(self.condition(report_filter))
        return queryset

    def condition(self, report_filter):
        name = self.alias(report_filter.field)
        op = report_filter.op
        lookup = OPERATORS[op][1]
        if op in ("empty", "not_empty"):
            condition = Q(**{f"{name}__isnull": True})
            if report_filter.field.kind == "text":
                condition |= Q(**{name: ""})
            return ~condition if op in NEGATED else condition
        condition = Q(**{f"{name}__{lookup}": report_filter.value})
        if op in NEGATED:
            # "is not X" keeps the records with no value at all, as a person
            # reading the list would expect.
            return ~condition | Q(**{f"{name}__isnull": True})
        return condition

    def ordering(self, default):
        keys = {path: self.aliases[path] for path in self.aliases}
        keys.update({a.key: f"a{i}" for i, a in enumerate(self.spec.aggregates)})
        order = []
        for entry in self.spec.order_by:
            name = keys[entry.key]
            order.append(f"-{name}" if entry.desc else name)
        return order or default


def run(spec, user, limit=None):
    """The Result of `spec` for `user` (at most `limit` rows)."""
    query = Query(spec, user)
    queryset = query.base()
    limit = min(limit or spec.limit, spec.limit)
    if spec.grouped:
        return _grouped(spec, query, queryset, limit)
    return _detail(spec, query, queryset, limit)


def _detail(spec, query, queryset, limit):
    names = [query.alias(c) for c in spec.columns]
    total = queryset.count()
    ordered = queryset.order_by(*query.ordering(["pk"]))
    raw_rows = list(ordered.values_list(*names)[:limit])
    labels = _link_labels(spec.columns, raw_rows)
    values, rows = [], []
    for raw in raw_rows:
        values.append([_plain(v) for v in raw])
        rows.append(
            [_display(c, v, labels) for c, v in zip(spec.columns, raw, strict=True)]
        )
    return Result(
        spec=spec,
        headers=[c.label for c in spec.columns],
        rows=rows,
        values=values,
        total=total,
        truncated=total > len(rows),
    )


def _grouped(spec, query, queryset, limit):
    names = [query.alias(g) for g in spec.group_by]
    summaries = {}
    for i, aggregate in enumerate(spec.aggregates):
        if aggregate.func == "count":
            summaries[f"a{i}"] = Count("pk")
        else:
            function = AGGREGATE_FUNCTIONS[aggregate.func]
            summaries[f"a{i}"] = function(query.alias(aggregate.field))
    grouped = queryset.values(*names).annotate(**summaries)
    grouped = grouped.order_by(*query.ordering(names))
    raw_rows = [
        [row[n] for n in names] + [row[f"a{i}"] for i in range(len(spec.aggregates))]
        for row in grouped[: limit + 1]
    ]
    truncated = len(raw_rows) > limit
    raw_rows = raw_rows[:limit]
    labels = _link_labels(spec.group_by, raw_rows)
    values, rows = [], []
    for raw in raw_rows:
        keys, sums = raw[: len(names)], raw[len(names) :]
        values.append([_plain(v) for v in raw])
        rows.append(
            [
                *(
                    _display(g, v, labels)
                    for g, v in zip(spec.group_by, keys, strict=True)
                ),
                *(_number(v) for v in sums),
            ]
        )
    result = Result(
        spec=spec,
        headers=[g.label for g in spec.group_by] + [a.label for a in spec.aggregates],
        rows=rows,
        values=values,
        total=len(rows),
        truncated=truncated,
    )
    if spec.chart_type:
        from .charts import chart_data

        result.chart = chart_data(result)
    return result


def _link_labels(report_fields, raw_rows):
    """{(path, pk): text} for every linked record shown, one query per link."""
    labels = {}
    for index, report_field in enumerate(report_fields):
        model = report_field.link_model
        if model is None:
            continue
        pks = {row[index] for row in raw_rows if row[index] is not None}
        for pk, obj in model._default_manager.in_bulk(pks).items():
            labels[(report_field.path, pk)] = str(obj)
    return labels


def _display(report_field, value, labels):
    if value is None or value == "":
        return EMPTY
    if report_field.kind == "link":
        return labels.get((report_field.path, value), f"#{value}")
    shown = report_field.display(value)
    if hasattr(shown, "isoformat"):
        return shown.isoformat()
    return EMPTY if shown in ("", None) else shown


def _number(value):
    if value is None:
        return EMPTY
    if isinstance(value, decimal.Decimal | float):
        rounded = round(decimal.Decimal(str(value)), 2)
        return int(rounded) if rounded == rounded.to_integral() else float(rounded)
    return value


def _plain(value):
    if isinstance(value, decimal.Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def describe(spec):
    """One line per filter, as shown above a report."""
    lines = []
    for report_filter in spec.filters:
        value = report_filter.value
        if isinstance(value, list):
            value = ", ".join(str(report_filter.field.display(v)) for v in value)
        elif value is not None:
            value = report_filter.field.display(value)
        lines.append(
            " ".join(
                str(p)
                for p in (
                    report_filter.field.label,
                    OPERATORS[report_filter.op][0],
                    value,
                )
                if p not in (None, "")
            )
        )
    return lines or [_("All records you may see.")]
