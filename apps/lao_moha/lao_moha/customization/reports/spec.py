"""A report specification: what an analyst asks for, checked in full.

A spec arrives as plain data (from the builder form, the API or a saved
report). `clean` checks every part of it against the DocType registry and
the user's rights and returns a typed `Spec`; nothing of the raw data
reaches a query except through it: field paths become ORM paths the
registry knows, operators come from the table below, values are typed by
their field and bound as query parameters.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lao_moha.core import registry

from ..choices import ChartType
from .catalog import PathError, resolve
from .visibility import can_view

ALL_KINDS = {"text", "number", "date", "bool", "choice", "link"}
ORDERED_KINDS = {"text", "number", "date"}

#: name: (label, ORM lookup, kinds it applies to, how many values)
OPERATORS = {
    "eq": (gettext_lazy("is"), "exact", ALL_KINDS, 1),
    "ne": (gettext_lazy("is not"), "exact", ALL_KINDS, 1),
    "lt": (gettext_lazy("is less than"), "lt", ORDERED_KINDS, 1),
    "lte": (gettext_lazy("is at most"), "lte", ORDERED_KINDS, 1),
    "gt": (gettext_lazy("is more than"), "gt", ORDERED_KINDS, 1),
    "gte": (gettext_lazy("is at least"), "gte", ORDERED_KINDS, 1),
    "between": (gettext_lazy("is between"), "range", {"number", "date"}, 2),
    "in": (gettext_lazy("is one of"), "in", ALL_KINDS - {"bool"}, "many"),
    "not_in": (gettext_lazy("is none of"), "in", ALL_KINDS - {"bool"}, "many"),
    "contains": (gettext_lazy("contains"), "icontains", {"text"}, 1),
    "startswith": (gettext_lazy("starts with"), "istartswith", {"text"}, 1),
    "empty": (gettext_lazy("is empty"), "isnull", ALL_KINDS, 0),
    "not_empty": (gettext_lazy("is not empty"), "isnull", ALL_KINDS, 0),
}
NEGATED = {"ne", "not_in", "not_empty"}

#: name: (label, kinds of field it needs; None: no field)
AGGREGATES = {
    "count": (gettext_lazy("count"), None),
    "sum": (gettext_lazy("sum"), {"number"}),
    "avg": (gettext_lazy("average"), {"number"}),
    "min": (gettext_lazy("lowest"), {"number", "date"}),
    "max": (gettext_lazy("highest"), {"number", "date"}),
}

MAX_COLUMNS = 40
MAX_FILTERS = 30
MAX_GROUPS = 3
MAX_AGGREGATES = 6
MAX_ORDER = 5
MAX_VALUES = 200
MAX_TEXT = 500
DEFAULT_LIMIT = 500
#: Rows a report may return at most (exports included).
MAX_LIMIT = 100_000
KEYS = {
    "doctype",
    "columns",
    "filters",
    "group_by",
    "aggregates",
    "order_by",
    "chart",
    "limit",
}


class SpecError(ValueError):
    """A spec that cannot run; `messages` says what and where."""

    def __init__(self, messages):
        self.messages = list(messages)
        super().__init__("; ".join(self.messages))


@dataclass
class Filter:
    field: object
    op: str
    value: object = None


@dataclass
class Aggregate:
    func: str
    field: object = None

    @property
    def key(self):
        return self.func if self.field is None else f"{self.func}__{self.field.path}"

    @property
    def label(self):
        name = str(AGGREGATES[self.func][0])
        return name if self.field is None else f"{name}: {self.field.label}"


@dataclass
class Order:
    key: str
    desc: bool = False


@dataclass
class Spec:
    doctype: object
    columns: list = field(default_factory=list)
    filters: list = field(default_factory=list)
    group_by: list = field(default_factory=list)
    aggregates: list = field(default_factory=list)
    order_by: list = field(default_factory=list)
    chart_type: str = ""
    chart_value: str = ""
    limit: int = DEFAULT_LIMIT

    @property
    def grouped(self):
        return bool(self.group_by)

    def as_data(self):
        """The spec as plain JSON data, as it is saved."""
        data = {
            "doctype": self.doctype.label,
            "columns": [c.path for c in self.columns],
            "filters": [
                {"field": f.field.path, "op": f.op, "value": _plain(f.value)}
                for f in self.filters
            ],
            "group_by": [g.path for g in self.group_by],
            "aggregates": [
                {"func": a.func, **({"field": a.field.path} if a.field else {})}
                for a in self.aggregates
            ],
            "order_by": [{"field": o.key, "desc": o.desc} for o in self.order_by],
            "limit": self.limit,
        }
        if self.chart_type:
            data["chart"] = {"type": self.chart_type, "value": self.chart_value}
        return data


def _plain(value):
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _list(raw, name, errors, limit):
    if raw is None:
        return []
    if not isinstance(raw, list):
        errors.append(_("“{name}” must be a list.").format(name=name))
        return []
    if len(raw) > limit:
        errors.append(
            _("“{name}” may hold at most {limit} entries.").format(
                name=name, limit=limit
            )
        )
        return []
    return raw


def _field(doctype, path, user, where, errors):
    try:
        return resolve(doctype, path, user)
    except PathError as error:
        errors.append(f"{where}: {error}")
        return None


def _value(report_field, raw, where, errors):
    if isinstance(raw, str) and len(raw) > MAX_TEXT:
        errors.append(_("{where}: the value is too long.").format(where=where))
        return None
    if not isinstance(raw, str | int | float | bool):
        errors.append(_("{where}: give a single value.").format(where=where))
        return None
    try:
        value = report_field.to_python(raw)
    except ValueError as error:
        errors.append(f"{where}: {error}")
        return None
    if value is None:
        errors.append(_("{where}: a value is needed.").format(where=where))
    return value


def _filter(doctype, raw, user, number, errors):
    where = _("Filter {number}").format(number=number)
    if not isinstance(raw, dict) or set(raw) - {"field", "op", "value"}:
        errors.append(
            _("{where}: write it as field, op and value.").format(where=where)
        )
        return None
    report_field = _field(doctype, raw.get("field"), user, where, errors)
    op = raw.get("op")
    if not isinstance(op, str) or op not in OPERATORS:
        errors.append(
            _("{where}: unknown operator; use one of {ops}.").format(
                where=where, ops=", ".join(OPERATORS)
            )
        )
        return None
    if report_field is None:
        return None
    _label, _lookup, kinds, count = OPERATORS[op]
    if (
        report_field.kind not in kinds
        or report_field.long_text
        and op not in ("contains", "empty", "not_empty")
    ):
        errors.append(
            _("{where}: “{op}” does not apply to {field}.").format(
                where=where, op=OPERATORS[op][0], field=report_field.label
            )
        )
        return None
    raw_value = raw.get("value")
    if count == 0:
        return Filter(report_field, op)
    if count == 1:
        value = _value(report_field, raw_value, where, errors)
        return Filter(report_field, op, value) if value is not None else None
    expected = 2 if count == 2 else None
    if (
        not isinstance(raw_value, list)
        or not raw_value
        or len(raw_value) > MAX_VALUES
        or (expected and len(raw_value) != expected)
    ):
        errors.append(
            _("{where}: give a list of values.").format(where=where)
            if expected is None
            else _("{where}: give two values, lowest first.").format(where=where)
        )
        return None
    values = [_value(report_field, v, where, errors) for v in raw_value]
    if any(v is None for v in values):
        return None
    return Filter(report_field, op, values)


def _aggregate(doctype, raw, user, number, errors):
    where = _("Summary {number}").format(number=number)
    if not isinstance(raw, dict) or set(raw) - {"func", "field"}:
        errors.append(_("{where}: write it as func and field.").format(where=where))
        return None
    func = raw.get("func")
    if not isinstance(func, str) or func not in AGGREGATES:
        errors.append(
            _("{where}: unknown summary; use one of {funcs}.").format(
                where=where, funcs=", ".join(AGGREGATES)
            )
        )
        return None
    kinds = AGGREGATES[func][1]
    if kinds is None:
        if raw.get("field") not in (None, ""):
            errors.append(_("{where}: a count takes no field.").format(where=where))
            return None
        return Aggregate(func)
    report_field = _field(doctype, raw.get("field"), user, where, errors)
    if report_field is None:
        return None
    if report_field.kind not in kinds:
        errors.append(
            _("{where}: {func} needs a number field, not {field}.").format(
                where=where, func=AGGREGATES[func][0], field=report_field.label
            )
        )
        return None
    return Aggregate(func, report_field)


def clean(data, user):
    """Check a raw spec for `user`; returns a Spec or raises SpecError."""
    if not isinstance(data, dict):
        raise SpecError([_("A report is described by an object.")])
    errors = []
    unknown = set(data) - KEYS
    if unknown:
        errors.append(
            _("Unknown parts: {names}.").format(
                names=", ".join(sorted(str(u)[:40] for u in unknown))
            )
        )
    label = data.get("doctype")
    doctype = registry.by_label(label) if isinstance(label, str) else None
    if doctype is None or not can_view(user, doctype):
        raise SpecError([*errors, _("Choose a record type you may read.")])
    spec = Spec(doctype)

    for number, path in enumerate(
        _list(data.get("columns"), "columns", errors, MAX_COLUMNS), start=1
    ):
        found = _field(
            doctype, path, user, _("Column {number}").format(number=number), errors
        )
        if found is not None:
            spec.columns.append(found)
    for number, raw in enumerate(
        _list(data.get("filters"), "filters", errors, MAX_FILTERS), start=1
    ):
        found = _filter(doctype, raw, user, number, errors)
        if found is not None:
            spec.filters.append(found)
    for number, path in enumerate(
        _list(data.get("group_by"), "group_by", errors, MAX_GROUPS), start=1
    ):
        where = _("Group {number}").format(number=number)
        found = _field(doctype, path, user, where, errors)
        if found is not None and not found.groupable:
            errors.append(
                _("{where}: long text cannot be grouped.").format(where=where)
            )
        elif found is not None:
            spec.group_by.append(found)
    for number, raw in enumerate(
        _list(data.get("aggregates"), "aggregates", errors, MAX_AGGREGATES), start=1
    ):
        found = _aggregate(doctype, raw, user, number, errors)
        if found is not None:
            spec.aggregates.append(found)
    if spec.group_by and not spec.aggregates:
        spec.aggregates.append(Aggregate("count"))
    if not spec.group_by and spec.aggregates:
        errors.append(_("Summaries need at least one group."))
    if not spec.group_by and not spec.columns and not errors:
        errors.append(_("Choose at least one column or one group."))

    _clean_order(spec, data.get("order_by"), errors)
    _clean_chart(spec, data.get("chart"), errors)
    limit = data.get("limit", DEFAULT_LIMIT)
    if (
        isinstance(limit, bool)
        or not isinstance(limit, int)
        or not 1 <= limit <= MAX_LIMIT
    ):
        errors.append(
            _("The row limit must be a number from 1 to {max}.").format(max=MAX_LIMIT)
        )
    else:
        spec.limit = limit
    if errors:
        raise SpecError(errors)
    return spec


def sortable_keys(spec):
    if spec.grouped:
        return [g.path for g in spec.group_by] + [a.key for a in spec.aggregates]
    return [c.path for c in spec.columns]


def _clean_order(spec, raw, errors):
    allowed = sortable_keys(spec)
    for number, entry in enumerate(_list(raw, "order_by", errors, MAX_ORDER), start=1):
        where = _("Sort {number}").format(number=number)
        if not isinstance(entry, dict) or set(entry) - {"field", "desc"}:
            errors.append(_("{where}: write it as field and desc.").format(where=where))
            continue
        key, desc = entry.get("field"), entry.get("desc", False)
        if not isinstance(key, str) or key not in allowed or not isinstance(desc, bool):
            errors.append(
                _("{where}: sort by one of the columns or summaries.").format(
                    where=where
                )
            )
            continue
        spec.order_by.append(Order(key, desc))


def _clean_chart(spec, raw, errors):
    if raw in (None, {}, ""):
        return
    if not isinstance(raw, dict) or set(raw) - {"type", "value"}:
        errors.append(_("Chart: write it as type and value."))
        return
    chart_type = raw.get("type") or ""
    if not isinstance(chart_type, str) or chart_type not in ChartType.values:
        errors.append(_("Chart: choose bar, line or pie."))
        return
    if not chart_type:
        return
    if not spec.grouped:
        errors.append(_("Chart: a chart needs at least one group."))
        return
    keys = [a.key for a in spec.aggregates]
    value = raw.get("value") or keys[0]
    if not isinstance(value, str) or value not in keys:
        errors.append(_("Chart: show one of the summaries."))
        return
    spec.chart_type, spec.chart_value = chart_type, value
