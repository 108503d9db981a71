"""The desk home's dashboard: figures equal to direct queries and to the
report builder, inside the user's units."""

import datetime
import json
from urllib.parse import parse_qs, urlparse

import pytest
from django.db.models import Count, Q

from lao_moha.customization import dashboards
from lao_moha.customization.reports import engine, spec
from lao_moha.customization.reports.computed import AgeBand
from lao_moha.geo.models import Province
from lao_moha.organization.models import OrgUnit
from lao_moha.personnel.models import Official
from tests import factories

pytestmark = pytest.mark.django_db

IN_SERVICE = Q(status__in=["active", "on_leave"])


@pytest.fixture
def staff(ministry):
    ministry["p01"].staffing_quota = 3
    ministry["p01"].save()
    ministry["d1301"].staffing_quota = 1
    ministry["d1301"].save()
    born = datetime.date(1995, 6, 1)
    return [
        factories.official(ministry["p01"], gender="F", grade=2),
        factories.official(ministry["p01"], gender="M", grade=3, status="on_leave"),
        factories.official(
            ministry["d0101"],
            gender="F",
            grade=3,
            date_of_birth=born,
            entry_date=datetime.date(2020, 1, 1),
        ),
        factories.official(ministry["d1301"], gender="M", grade=4),
        factories.official(ministry["d1301"], gender="F", grade=5),
        factories.official(ministry["department"], gender="M", grade=6),
        factories.official(ministry["p13"], gender="F", grade=1, status="retired"),
    ]


def panel(board, key):
    return next(p for p in board["headcount"] if p["key"] == key)


def as_dict(panel):
    return {row[0]: row[-1] for row in panel["rows"]}


@pytest.mark.smoke
def test_headcount_equals_direct_queries(admin_user, staff):
    board = dashboards.dashboard(admin_user)
    assert board["total"] == Official.objects.filter(IN_SERVICE).count() == 6
    by_gender = (
        Official.objects.filter(IN_SERVICE).values("gender").annotate(n=Count("pk"))
    )
    labels = dict(Official.Gender.choices)
    assert as_dict(panel(board, "gender")) == {
        str(labels[r["gender"]]): r["n"] for r in by_gender
    }
    by_grade = (
        Official.objects.filter(IN_SERVICE).values("grade").annotate(n=Count("pk"))
    )
    assert {row[0]: row[1] for row in panel(board, "grade")["values"]} == {
        r["grade"]: r["n"] for r in by_grade
    }
    by_province = (
        Official.objects.filter(IN_SERVICE)
        .values("unit__province")
        .annotate(n=Count("pk"))
    )
    names = {p.pk: str(p) for p in Province.objects.all()}
    assert as_dict(panel(board, "province")) == {
        names.get(r["unit__province"], "—"): r["n"] for r in by_province
    }
    by_level = (
        Official.objects.filter(IN_SERVICE)
        .values("unit__level")
        .annotate(n=Count("pk"))
    )
    levels = dict(OrgUnit.Level.choices)
    assert as_dict(panel(board, "level")) == {
        str(levels[r["unit__level"]]): r["n"] for r in by_level
    }
    bands = {}
    for official in Official.objects.filter(IN_SERVICE):
        label = str(
            dict(AgeBand().choices())[AgeBand().band_of(official.date_of_birth)]
        )
        bands[label] = bands.get(label, 0) + 1
    assert as_dict(panel(board, "age")) == bands


def test_dashboard_equals_the_report_it_links_to(admin_user, staff):
    board = dashboards.dashboard(admin_user)
    for item in board["headcount"]:
        query = parse_qs(urlparse(item["link"]).query)
        data = json.loads(query["spec"][0])
        same = engine.run(spec.clean(data, admin_user), admin_user)
        assert [[str(c) for c in row[:-1]] + [row[-1]] for row in same.rows] == (
            item["rows"]
        )


def test_staffing_against_quota(admin_user, staff, ministry):
    board = dashboards.dashboard(admin_user)
    rows = {
        r["unit_pk"]: (r["quota"], r["actual"], r["gap"])
        for r in board["staffing"]["rows"]
    }
    assert rows[ministry["p01"].pk] == (3, 2, -1)
    assert rows[ministry["d1301"].pk] == (1, 2, 1)
    below = {r["unit_pk"]: r["with_sub_units"] for r in board["staffing"]["rows"]}
    assert below[ministry["p01"].pk] == 3  # its own 2 and 1 in its district
    assert below[ministry["d1301"].pk] == 2
    assert board["staffing"]["quota"] == 4 and board["staffing"]["actual"] == 4


def test_dashboard_follows_scope(make_user, staff, ministry):
    user = make_user("p13", perms=["personnel.view_official"], units=[ministry["p13"]])
    board = dashboards.dashboard(user)
    assert board["total"] == 2
    assert as_dict(panel(board, "province")) == {
        str(Province.objects.get(code="13")): 2
    }
    assert [r["unit_pk"] for r in board["staffing"]["rows"]] == [ministry["d1301"].pk]
    assert dashboards.dashboard(make_user("none", perms=[])) is None


def test_desk_home_renders_the_dashboard(client_for, make_user, staff, ministry):
    user = make_user("p01", perms=["personnel.view_official"], units=[ministry["p01"]])
    page = client_for(user).get("/app/")
    assert page.status_code == 200
    content = page.content.decode()
    assert 'id="headcount-total">3<' in content
    assert 'data-lao-chart="province"' in content
    for other_province in ("ສະຫວັນນະເຂດ", "Savannakhet"):
        assert other_province not in content


def test_figures_are_kept_until_a_counted_record_changes(
    admin_user, staff, ministry, django_assert_max_num_queries
):
    first = dashboards.dashboard(admin_user)
    with django_assert_max_num_queries(2):  # the user's units at most; no report
        assert dashboards.dashboard(admin_user) == first
    factories.official(ministry["p13"], gender="F")
    assert dashboards.dashboard(admin_user)["total"] == first["total"] + 1
