"""The report builder's engine: related fields, filters, groups, sums,
custom fields, the user's scope and hidden fields."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db.models import Avg, Count, Sum

from lao_moha.customization.reports import engine, spec
from lao_moha.customization.reports.computed import AgeBand
from lao_moha.personnel.models import Official
from tests import factories

pytestmark = pytest.mark.django_db


def run(data, user):
    return engine.run(spec.clean(data, user), user)


@pytest.fixture
def people(ministry, make_field):
    make_field("blood_group", filterable=True)
    make_field("allowance", "decimal")
    return [
        factories.official(
            ministry["d0101"],
            gender="F",
            grade=2,
            step=1,
            custom_fields={"blood_group": "A", "allowance": "10.5"},
        ),
        factories.official(
            ministry["d0101"],
            gender="M",
            grade=3,
            step=2,
            custom_fields={"blood_group": "B", "allowance": "4"},
        ),
        factories.official(
            ministry["p01"],
            gender="F",
            grade=4,
            step=3,
            custom_fields={"blood_group": "A"},
        ),
        factories.official(
            ministry["p13"],
            gender="M",
            grade=5,
            step=4,
            date_of_birth=datetime.date(1960, 1, 1),
        ),
        factories.official(
            ministry["d1301"], gender="F", grade=1, step=5, status="retired"
        ),
    ]


@pytest.mark.smoke
def test_columns_follow_links(admin_user, people, ministry):
    result = run(
        {
            "doctype": "personnel.Official",
            "columns": [
                "civil_service_no",
                "unit",
                "unit__province__name_en",
                "gender",
                "cf_blood_group",
            ],
            "order_by": [{"field": "civil_service_no"}],
        },
        admin_user,
    )
    assert result.headers[2] == "Current unit › Province › Name (English)"
    assert result.rows[0] == [
        people[0].civil_service_no,
        str(ministry["d0101"]),
        "Vientiane Capital",
        "Female",
        "Group A",
    ]
    assert result.total == 5


def test_filters_by_operator(admin_user, people, ministry):
    def count(*filters):
        return run(
            {
                "doctype": "personnel.Official",
                "columns": ["civil_service_no"],
                "filters": list(filters),
            },
            admin_user,
        ).total

    assert count({"field": "grade", "op": "gte", "value": 3}) == 3
    assert count({"field": "grade", "op": "between", "value": [2, 4]}) == 3
    assert count({"field": "gender", "op": "eq", "value": "Female"}) == 3
    assert count({"field": "status", "op": "ne", "value": "active"}) == 1
    assert count({"field": "cf_blood_group", "op": "eq", "value": "A"}) == 2
    assert count({"field": "cf_blood_group", "op": "ne", "value": "A"}) == 3
    assert count({"field": "cf_blood_group", "op": "empty"}) == 2
    assert count({"field": "cf_allowance", "op": "gt", "value": "5"}) == 1
    assert count({"field": "unit__province__code", "op": "in", "value": ["01"]}) == 3
    assert count({"field": "unit", "op": "eq", "value": ministry["p13"].pk}) == 1
    assert count({"field": "name_latin", "op": "contains", "value": "phomma"}) == 5
    assert count({"field": "age_band", "op": "eq", "value": "60_up"}) == 1


def test_group_by_with_count_sum_average_equals_direct_queries(admin_user, people):
    result = run(
        {
            "doctype": "personnel.Official",
            "group_by": ["unit__province__code", "gender"],
            "aggregates": [
                {"func": "count"},
                {"func": "sum", "field": "grade"},
                {"func": "avg", "field": "step"},
            ],
            "order_by": [{"field": "unit__province__code"}, {"field": "gender"}],
        },
        admin_user,
    )
    direct = (
        Official.objects.values("unit__province__code", "gender")
        .annotate(n=Count("pk"), s=Sum("grade"), a=Avg("step"))
        .order_by("unit__province__code", "gender")
    )
    assert [v[2:] for v in result.values] == [
        [d["n"], d["s"], float(d["a"])] for d in direct
    ]
    assert result.headers == [
        "Current unit › Province › Code",
        "Gender",
        "count",
        "sum: Grade",
        "average: Step",
    ]


def test_group_by_custom_field_with_chart(admin_user, people):
    result = run(
        {
            "doctype": "personnel.Official",
            "group_by": ["cf_blood_group"],
            "aggregates": [{"func": "count"}, {"func": "sum", "field": "cf_allowance"}],
            "order_by": [{"field": "count", "desc": True}],
            "chart": {"type": "pie", "value": "count"},
        },
        admin_user,
    )
    by_group = {row[0]: row[1:] for row in result.rows}
    assert by_group["Group A"] == [2, 10.5]
    assert by_group["Group B"] == [1, 4]
    assert result.chart["type"] == "pie"
    assert dict(
        zip(result.chart["labels"], result.chart["datasets"][0]["data"], strict=True)
    ) == {"Group A": 2, "Group B": 1, "—": 2}


def test_age_band_groups_by_birthday(admin_user, people):
    result = run(
        {"doctype": "personnel.Official", "group_by": ["age_band"]}, admin_user
    )
    expected = {}
    for official in Official.objects.all():
        key = dict(AgeBand().choices())[AgeBand().band_of(official.date_of_birth)]
        expected[str(key)] = expected.get(str(key), 0) + 1
    assert {row[0]: row[1] for row in result.rows} == expected


def test_results_stay_inside_the_users_units(make_user, people, ministry):
    province = make_user(
        "p01", perms=["personnel.view_official"], units=[ministry["p01"]]
    )
    result = run(
        {"doctype": "personnel.Official", "columns": ["civil_service_no"]}, province
    )
    assert sorted(r[0] for r in result.rows) == sorted(
        o.civil_service_no for o in people[:3]
    )
    grouped = run(
        {"doctype": "personnel.Official", "group_by": ["unit__province__code"]},
        province,
    )
    assert grouped.rows == [["01", 3]]
    outsider = make_user("nobody", perms=["personnel.view_official"])
    assert (
        run(
            {"doctype": "personnel.Official", "columns": ["civil_service_no"]}, outsider
        ).total
        == 0
    )


def test_sensitive_fields_need_their_permission(make_user, people, ministry):
    user = make_user(
        "analyst", perms=["personnel.view_official"], units=[ministry["root"]]
    )
    for data in (
        {"columns": ["date_of_birth"]},
        {
            "columns": ["name_lo"],
            "filters": [{"field": "national_id", "op": "startswith", "value": "1"}],
        },
        {"group_by": ["date_of_birth"]},
        {
            "group_by": ["gender"],
            "aggregates": [{"func": "min", "field": "date_of_birth"}],
        },
    ):
        with pytest.raises(spec.SpecError) as error:
            spec.clean({"doctype": "personnel.Official", **data}, user)
        assert "You may not see" in str(error.value)
    Permission.objects.get_or_create(
        codename="view_sensitive_official",
        content_type=Permission.objects.get(codename="view_official").content_type,
        defaults={"name": "Can view sensitive fields of official"},
    )
    user = make_user(
        "hr",
        perms=["personnel.view_official", "personnel.view_sensitive_official"],
        units=[ministry["root"]],
    )
    assert (
        run({"doctype": "personnel.Official", "columns": ["date_of_birth"]}, user).total
        == 5
    )


def test_doctype_needs_view_permission(make_user, ministry):
    user = make_user("clerk", perms=[], units=[ministry["root"]])
    with pytest.raises(spec.SpecError, match="Choose a record type you may read"):
        spec.clean({"doctype": "personnel.Official", "columns": ["name_lo"]}, user)
