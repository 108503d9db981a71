"""The report builder's form in the desk.

The form only gathers choices into a raw spec; `spec.clean` checks it, as
it checks a spec from the API, so both paths refuse the same things.
"""

from django import forms
from django.contrib.auth.models import Group
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from unfold import widgets

from lao_moha.core import registry

from ..choices import ChartType
from . import catalog
from .spec import AGGREGATES, DEFAULT_LIMIT, MAX_LIMIT, OPERATORS
from .visibility import can_view

FILTER_ROWS = 6
GROUP_ROWS = 3
SUMMARY_ROWS = 3
ORDER_ROWS = 2
#: Operators whose value is a list, typed with commas between values.
LIST_OPERATORS = {"in", "not_in", "between"}


def doctype_choices(user):
    return sorted(
        (
            (d.label, str(d.model._meta.verbose_name_plural).capitalize())
            for d in registry.all_doctypes()
            if can_view(user, d)
        ),
        key=lambda c: c[1],
    )


def _select(choices, blank=True):
    options = [("", "---------")] if blank else []
    return forms.ChoiceField(
        choices=[*options, *choices],
        required=False,
        widget=widgets.UnfoldAdminSelectWidget,
    )


class ReportBuilderForm(forms.Form):
    doctype = forms.ChoiceField(
        label=_("record type"), widget=widgets.UnfoldAdminSelectWidget
    )
    columns = forms.MultipleChoiceField(
        label=_("columns"),
        required=False,
        widget=widgets.UnfoldAdminSelect2MultipleWidget,
    )
    count = forms.BooleanField(
        label=_("count the records of each group"),
        required=False,
        initial=True,
        widget=widgets.UnfoldBooleanSwitchWidget,
    )
    chart_type = forms.ChoiceField(
        label=_("chart"),
        choices=ChartType.choices,
        required=False,
        widget=widgets.UnfoldAdminSelectWidget,
    )
    chart_value = forms.ChoiceField(
        label=_("chart shows"),
        required=False,
        widget=widgets.UnfoldAdminSelectWidget,
        choices=[
            ("", _("the count, or the first summary")),
            ("count", AGGREGATES["count"][0]),
        ]
        + [
            # format_lazy: the label is made at import, shown in the
            # reader's language later.
            (f"summary:{i}", format_lazy(_("summary {number}"), number=i + 1))
            for i in range(SUMMARY_ROWS)
        ],
    )
    limit = forms.IntegerField(
        label=_("at most this many rows"),
        min_value=1,
        max_value=MAX_LIMIT,
        initial=DEFAULT_LIMIT,
        widget=widgets.UnfoldAdminIntegerFieldWidget,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["doctype"].choices = doctype_choices(user)
        label = self.data.get("doctype") or self.initial.get("doctype")
        doctype = registry.by_label(label or "")
        if doctype is None or not can_view(user, doctype):
            choices = self.fields["doctype"].choices
            doctype = registry.by_label(choices[0][0]) if choices else None
        self.doctype = doctype
        available = catalog.catalog(doctype, user) if doctype else []
        field_choices = [(f.path, f.label) for f in available]
        numeric = [(f.path, f.label) for f in available if f.kind in ("number", "date")]
        self.fields["columns"].choices = field_choices
        operators = [(k, v[0]) for k, v in OPERATORS.items()]
        for i in range(FILTER_ROWS):
            self.fields[f"filter_field_{i}"] = _select(field_choices)
            self.fields[f"filter_op_{i}"] = _select(operators, blank=False)
            self.fields[f"filter_value_{i}"] = forms.CharField(
                required=False,
                max_length=1000,
                widget=widgets.UnfoldAdminTextInputWidget,
            )
        for i in range(GROUP_ROWS):
            self.fields[f"group_{i}"] = _select(field_choices)
        functions = [(k, v[0]) for k, v in AGGREGATES.items() if k != "count"]
        for i in range(SUMMARY_ROWS):
            self.fields[f"summary_func_{i}"] = _select(functions)
            self.fields[f"summary_field_{i}"] = _select(numeric)
        # Sorting offers the fields, the count and the summaries by number.
        sortable = [
            *field_choices,
            ("count", AGGREGATES["count"][0]),
            *(
                (f"summary:{i}", _("summary {number}").format(number=i + 1))
                for i in range(SUMMARY_ROWS)
            ),
        ]
        for i in range(ORDER_ROWS):
            self.fields[f"order_choice_{i}"] = _select(sortable)
            self.fields[f"order_desc_{i}"] = forms.BooleanField(
                required=False,
                label=_("descending"),
                widget=widgets.UnfoldBooleanSwitchWidget,
            )

    def filter_rows(self):
        return [
            (
                self[f"filter_field_{i}"],
                self[f"filter_op_{i}"],
                self[f"filter_value_{i}"],
            )
            for i in range(FILTER_ROWS)
        ]

    def group_rows(self):
        return [self[f"group_{i}"] for i in range(GROUP_ROWS)]

    def summary_rows(self):
        return [
            (self[f"summary_func_{i}"], self[f"summary_field_{i}"])
            for i in range(SUMMARY_ROWS)
        ]

    def order_rows(self):
        return [
            (self[f"order_choice_{i}"], self[f"order_desc_{i}"])
            for i in range(ORDER_ROWS)
        ]

    def to_spec(self):
        """The raw spec the cleaned form describes (still to be checked)."""
        data = self.cleaned_data
        filters = []
        for i in range(FILTER_ROWS):
            path = data.get(f"filter_field_{i}")
            if not path:
                continue
            op = data.get(f"filter_op_{i}") or "eq"
            value = data.get(f"filter_value_{i}", "")
            entry = {"field": path, "op": op}
            if op in LIST_OPERATORS:
                entry["value"] = [v.strip() for v in value.split(",") if v.strip()]
            elif OPERATORS.get(op, (None, None, None, 1))[3] != 0:
                entry["value"] = value
            filters.append(entry)
        group_by = [
            data[f"group_{i}"] for i in range(GROUP_ROWS) if data.get(f"group_{i}")
        ]
        aggregates = [{"func": "count"}] if data.get("count") else []
        summaries = []
        for i in range(SUMMARY_ROWS):
            func, path = data.get(f"summary_func_{i}"), data.get(f"summary_field_{i}")
            if func and path:
                summaries.append({"func": func, "field": path})
        aggregates += summaries
        if not group_by:
            aggregates = []
        order_by = []
        for i in range(ORDER_ROWS):
            key = data.get(f"order_choice_{i}")
            key = self._summary_key(key, summaries)
            if key:
                order_by.append(
                    {"field": key, "desc": bool(data.get(f"order_desc_{i}"))}
                )
        spec = {
            "doctype": data["doctype"],
            "columns": data.get("columns") or [],
            "filters": filters,
            "group_by": group_by,
            "aggregates": aggregates,
            "order_by": order_by,
            "limit": data.get("limit") or DEFAULT_LIMIT,
        }
        if data.get("chart_type"):
            spec["chart"] = {
                "type": data["chart_type"],
                "value": self._summary_key(data.get("chart_value"), summaries) or "",
            }
        return spec

    @staticmethod
    def _summary_key(choice, summaries):
        if not choice or not choice.startswith("summary:"):
            return choice
        index = int(choice.split(":")[1])
        if index >= len(summaries):
            return "?"
        return f"{summaries[index]['func']}__{summaries[index]['field']}"


def initial_from_spec(spec):
    """Form values that show a saved spec in the builder."""
    initial = {
        "doctype": spec.get("doctype"),
        "columns": spec.get("columns", []),
        "limit": spec.get("limit", DEFAULT_LIMIT),
        "count": any(a.get("func") == "count" for a in spec.get("aggregates", [])),
    }
    for i, entry in enumerate(spec.get("filters", [])[:FILTER_ROWS]):
        value = entry.get("value", "")
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        initial.update(
            {
                f"filter_field_{i}": entry.get("field"),
                f"filter_op_{i}": entry.get("op"),
                f"filter_value_{i}": "" if value is None else value,
            }
        )
    for i, path in enumerate(spec.get("group_by", [])[:GROUP_ROWS]):
        initial[f"group_{i}"] = path
    summaries = [a for a in spec.get("aggregates", []) if a.get("func") != "count"]
    for i, entry in enumerate(summaries[:SUMMARY_ROWS]):
        initial.update(
            {
                f"summary_func_{i}": entry.get("func"),
                f"summary_field_{i}": entry.get("field"),
            }
        )
    summary_keys = [f"{a.get('func')}__{a.get('field')}" for a in summaries]
    for i, entry in enumerate(spec.get("order_by", [])[:ORDER_ROWS]):
        key = entry.get("field")
        if key in summary_keys:
            key = f"summary:{summary_keys.index(key)}"
        initial.update(
            {f"order_choice_{i}": key, f"order_desc_{i}": entry.get("desc", False)}
        )
    chart = spec.get("chart") or {}
    if chart:
        initial["chart_type"] = chart.get("type", "")
        value = chart.get("value", "")
        if value in summary_keys:
            value = f"summary:{summary_keys.index(value)}"
        initial["chart_value"] = value
    return initial


class SaveReportForm(forms.Form):
    title = forms.CharField(
        label=_("title"), max_length=200, widget=widgets.UnfoldAdminTextInputWidget
    )
    description = forms.CharField(
        label=_("description"),
        required=False,
        widget=widgets.UnfoldAdminTextareaWidget(attrs={"rows": 2}),
    )
    shared_with = forms.ModelMultipleChoiceField(
        label=_("share with roles"),
        queryset=Group.objects.order_by("name"),
        required=False,
        widget=widgets.UnfoldAdminSelect2MultipleWidget,
    )
