"""Hostile input on every part of a report spec is refused or treated as a
plain value: no path, operator, value, sort, group or summary reaches SQL
as text."""

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from lao_moha.customization.reports import engine, spec
from lao_moha.personnel.models import Official
from tests import factories

pytestmark = pytest.mark.django_db

SQL = [
    "name_lo; DROP TABLE personnel_official; --",
    "name_lo' OR '1'='1",
    "name_lo)--",
    "1=1",
    "(SELECT 1)",
    "RAND()",
    "?",
]
PATHS = [
    *SQL,
    "",
    "__",
    "pk__in",
    "id__gt",
    "name_lo__icontains",
    "unit__path",
    "created_by__password",
    "modified_by__username",
    "unit__officials__name_lo",
    "unit__memberships__user__password",
    "custom_fields",
    "custom_fields__x",
    "search_name",
    "__class__",
    "_meta",
    "objects",
    "history",
    "unit__parent__parent__parent__name_lo",
    "cf_",
    "cf_missing",
    "cf_Blood",
    "cf_blood_group__x",
    "unit__cf_blood_group",
    "photo",
    "photo__url",
    "national_id",
    "date_of_birth",
    "unit__province__name_lo__exact",
    ["name_lo"],
    {"f": 1},
    7,
    None,
]
BASE = {"doctype": "personnel.Official"}


@pytest.fixture
def analyst(make_user, ministry, make_field):
    make_field("blood_group", filterable=True)
    factories.official(ministry["p01"], custom_fields={"blood_group": "A"})
    factories.official(ministry["p13"], name_lo="ນາງ ຫົວໜ່ວຍອື່ນ")
    return make_user(
        "analyst", perms=["personnel.view_official"], units=[ministry["p01"]]
    )


def refused(data, user):
    with pytest.raises(spec.SpecError) as error:
        spec.clean({**BASE, **data}, user)
    return error.value.messages


def each_refused(user, inputs, build):
    """Every hostile input is refused with a message, none slips through."""
    for item in inputs:
        assert refused(build(item), user), item


def test_hostile_column_paths(analyst):
    each_refused(analyst, PATHS, lambda path: {"columns": [path]})


def test_hostile_filter_paths(analyst):
    each_refused(
        analyst,
        PATHS,
        lambda path: {
            "columns": ["name_lo"],
            "filters": [{"field": path, "op": "eq", "value": "x"}],
        },
    )


def test_hostile_group_paths(analyst):
    each_refused(analyst, PATHS, lambda path: {"group_by": [path]})


def test_hostile_aggregate_fields(analyst):
    each_refused(
        analyst,
        PATHS,
        lambda path: {
            "group_by": ["gender"],
            "aggregates": [{"func": "sum", "field": path}],
        },
    )


def test_hostile_operators(analyst):
    operators = [
        *SQL,
        "exact",
        "regex",
        "iregex",
        "__in",
        "raw",
        "",
        None,
        1,
        ["eq"],
        "EQ",
        "eq ",
    ]
    each_refused(
        analyst,
        operators,
        lambda op: {
            "columns": ["name_lo"],
            "filters": [{"field": "name_lo", "op": op, "value": "x"}],
        },
    )


def test_hostile_aggregate_functions(analyst):
    functions = [*SQL, "COUNT(*)", "stddev", "", None, "Sum", "count; --", ["count"]]
    each_refused(
        analyst,
        functions,
        lambda func: {"group_by": ["gender"], "aggregates": [{"func": func}]},
    )


def test_hostile_ordering(analyst):
    orders = [
        *[{"field": s} for s in SQL],
        {"field": "-name_lo"},
        {"field": "pk"},
        {"field": "name_lo", "desc": "yes"},
        {"field": "national_id"},
        {"field": "name_lo", "extra": "1"},
        "name_lo",
        {"field": "count"},
        {"field": ["name_lo"]},
    ]
    each_refused(
        analyst, orders, lambda order: {"columns": ["name_lo"], "order_by": [order]}
    )


def test_hostile_structure(analyst):
    specs = [
        {"doctype": "auth.User", "columns": ["username"]},
        {"doctype": "personnel.Official; --"},
        {"doctype": "customization.CustomField"},
        {"doctype": None},
        {"doctype": ["x"]},
        {**BASE, "columns": "name_lo"},
        {**BASE, "columns": ["name_lo"] * 41},
        {**BASE, "columns": ["name_lo"], "limit": 10**9},
        {**BASE, "columns": ["name_lo"], "limit": "1; --"},
        {**BASE, "columns": ["name_lo"], "limit": True},
        {**BASE, "columns": ["name_lo"], "extra": {"x": 1}},
        {**BASE, "columns": ["name_lo"], "where": "1=1"},
        {**BASE, "group_by": ["gender"], "chart": {"type": "bar; --"}},
        {
            **BASE,
            "group_by": ["gender"],
            "chart": {"type": "bar", "value": "sum__grade"},
        },
        {**BASE, "columns": ["name_lo"], "chart": {"type": "bar"}},
        {
            **BASE,
            "group_by": ["gender"],
            "aggregates": [{"func": "count", "field": "grade"}],
        },
        {
            **BASE,
            "group_by": ["gender"],
            "aggregates": [{"func": "sum", "field": "name_lo"}],
        },
        {
            **BASE,
            "group_by": ["gender"],
            "aggregates": [{"func": "avg", "field": "cf_blood_group"}],
        },
        {**BASE, "columns": ["name_lo"], "filters": "status=active"},
        {**BASE, "columns": ["name_lo"], "filters": [["status", "eq", "active"]]},
        ["not", "an", "object"],
    ]
    for data in specs:
        with pytest.raises(spec.SpecError):
            spec.clean(data, analyst)


def test_hostile_values_are_refused_by_type(analyst):
    values = [
        {"$gt": ""},
        ["a", "b"],
        "x" * 501,
        None,
        ["nested", ["list"]],
        {"__class__": "x"},
        "1 OR 1=1",
        "5; DROP TABLE x",
    ]
    each_refused(
        analyst,
        values,
        lambda value: {
            "columns": ["name_lo"],
            "filters": [{"field": "grade", "op": "eq", "value": value}],
        },
    )


@pytest.mark.parametrize(
    "value",
    [
        "' OR '1'='1",
        "x'); DELETE FROM personnel_official; --",
        "%",
        "_",
        "\\",
        "ນາງ ຫົວໜ່ວຍອື່ນ",
    ],
    ids=repr,
)
def test_sql_in_values_is_only_a_value(analyst, value):
    """Text values are bound as parameters: they match nothing here, and
    never reach a record outside the user's units."""
    for op in ("eq", "contains", "startswith", "in"):
        result = engine.run(
            spec.clean(
                {
                    **BASE,
                    "columns": ["name_lo"],
                    "filters": [
                        {
                            "field": "name_lo",
                            "op": op,
                            "value": [value] if op == "in" else value,
                        }
                    ],
                },
                analyst,
            ),
            analyst,
        )
        assert result.total == 0, (op, value)
    assert Official.objects.count() == 2
    assert get_user_model().objects.filter(username="analyst").exists()


def test_select_value_must_be_an_option(analyst):
    messages = refused(
        {
            "columns": ["name_lo"],
            "filters": [{"field": "cf_blood_group", "op": "eq", "value": "A' OR 1=1"}],
        },
        analyst,
    )
    assert messages[0].startswith("Filter 1: Select a valid choice.")


def test_api_refuses_hostile_specs_with_messages(analyst):
    client = APIClient(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="en")
    client.force_authenticate(analyst)
    response = client.post(
        "/api/customization/reports/run/",
        {
            **BASE,
            "columns": ["unit__path"],
            "order_by": [{"field": "RAND()"}],
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"] == [
        "Column 1: “unit__path” is not a field of officials.",
        "Sort 1: sort by one of the columns or summaries.",
    ]
