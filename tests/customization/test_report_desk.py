"""The report builder in the desk, saved reports, sharing, exports and
scheduled e-mail."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook
from rest_framework.test import APIClient

from lao_moha.customization.models import ReportSchedule, SavedReport
from lao_moha.customization.reports import service
from tests import factories

pytestmark = pytest.mark.django_db

BUILDER = "/app/customization/savedreport/builder/"
SPEC = {
    "doctype": "personnel.Official",
    "group_by": ["unit__province__name_en"],
    "aggregates": [{"func": "count"}, {"func": "avg", "field": "grade"}],
    "order_by": [{"field": "unit__province__name_en"}],
    "chart": {"type": "bar", "value": "count"},
}


@pytest.fixture
def people(ministry):
    return [
        factories.official(ministry["d0101"], grade=2),
        factories.official(ministry["p01"], grade=4),
        factories.official(
            ministry["p13"], grade=5, name_latin="Noy =cmd|' /C calc'!A0"
        ),
    ]


@pytest.fixture
def analyst(make_user, ministry):
    return make_user(
        "analyst",
        units=[ministry["root"]],
        perms=[
            "personnel.view_official",
            "customization.add_savedreport",
            "customization.change_savedreport",
            "customization.delete_savedreport",
        ],
    )


@pytest.mark.smoke
def test_builder_runs_a_grouped_report_with_chart(client_for, analyst, people):
    page = client_for(analyst).get(
        BUILDER,
        {
            "doctype": "personnel.Official",
            "group_0": "unit__province__name_en",
            "count": "on",
            "summary_func_0": "avg",
            "summary_field_0": "grade",
            "chart_type": "bar",
            "chart_value": "count",
            "limit": 500,
            "run": "1",
        },
    )
    assert page.status_code == 200
    result = page.context["result"]
    assert result.rows == [["Savannakhet", 1, 5], ["Vientiane Capital", 2, 3]]
    assert result.chart["labels"] == ["Savannakhet", "Vientiane Capital"]
    content = page.content.decode()
    assert 'data-lao-chart="report-chart"' in content
    assert "lao_moha/vendor/chart.js/chart.umd.min.js" in content


def test_builder_shows_spec_errors(client_for, analyst, people):
    page = client_for(analyst).get(
        BUILDER,
        {
            "doctype": "personnel.Official",
            "limit": 500,
            "run": "1",
            "filter_field_0": "grade",
            "filter_op_0": "between",
            "filter_value_0": "1",
        },
    )
    assert page.context["errors"] == ["Filter 1: give two values, lowest first."]


def test_builder_exports(client_for, analyst, people):
    client = client_for(analyst)
    params = {
        "doctype": "personnel.Official",
        "columns": ["civil_service_no", "name_latin"],
        "order_choice_0": "civil_service_no",
        "limit": 500,
    }
    response = client.get(BUILDER, {**params, "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Civil-service number", "Name (Latin transliteration)"]
    assert rows[3][1] == "Noy =cmd|' /C calc'!A0"
    workbook = load_workbook(
        io.BytesIO(client.get(BUILDER, {**params, "export": "xlsx"}).content)
    )
    assert workbook.active.max_row == 4
    pdf = client.get(BUILDER, {**params, "export": "pdf"})
    assert pdf.content.startswith(b"%PDF")


def test_formula_cells_are_neutralised(client_for, analyst, people):
    client = client_for(analyst)
    params = {
        "doctype": "personnel.Official",
        "columns": ["name_latin"],
        "filter_field_0": "grade",
        "filter_op_0": "eq",
        "filter_value_0": "5",
        "limit": 500,
        "export": "csv",
    }
    rows = list(
        csv.reader(io.StringIO(client.get(BUILDER, params).content.decode("utf-8-sig")))
    )
    assert rows[1] == ["Noy =cmd|' /C calc'!A0"]
    factories.official(people[0].unit, grade=6, name_latin='=HYPERLINK("x")')
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(BUILDER, {**params, "filter_value_0": "6"}).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert rows[1] == ['\'=HYPERLINK("x")']


def test_save_share_and_run_as_another_role(
    client_for, analyst, make_user, people, ministry
):
    province_role = Group.objects.create(name="Province HR")
    client = client_for(analyst)
    page = client.get(
        BUILDER,
        {
            "doctype": "personnel.Official",
            "group_0": "unit__province__name_en",
            "count": "on",
            "chart_type": "pie",
            "limit": 500,
            "run": "1",
        },
    )
    response = client.post(
        BUILDER,
        {
            "spec": page.context["spec_json"],
            "title": "Officials by province",
            "description": "",
            "shared_with": [province_role.pk],
        },
    )
    report = SavedReport.objects.get(title="Officials by province")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/{report.pk}/run/")
    assert report.owner == analyst and report.spec["chart"] == {
        "type": "pie",
        "value": "count",
    }

    officer = make_user(
        "p13hr", units=[ministry["p13"]], perms=["personnel.view_official"]
    )
    stranger = make_user(
        "stranger", units=[ministry["p13"]], perms=["personnel.view_official"]
    )
    officer.groups.add(province_role)
    run = client_for(officer).get(f"/app/customization/savedreport/{report.pk}/run/")
    assert run.context["result"].rows == [["Savannakhet", 1]]
    assert (
        client_for(stranger)
        .get(f"/app/customization/savedreport/{report.pk}/run/")
        .status_code
        == 404
    )
    listing = client_for(officer).get("/app/customization/savedreport/")
    assert list(listing.context["cl"].queryset) == [report]
    # A role member reads it but cannot change it.
    assert (
        client_for(officer)
        .get(f"/app/customization/savedreport/{report.pk}/change/")
        .context["has_change_permission"]
        is False
    )


def test_api_saved_reports(analyst, make_user, ministry, people):
    api = APIClient(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="en")
    api.force_authenticate(analyst)
    created = api.post(
        "/api/customization/saved-reports/",
        {"title": "By province", "spec": SPEC},
        format="json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    body = api.get(f"/api/customization/saved-reports/{pk}/run/").json()
    assert body["rows"] == [["Savannakhet", 1, 5], ["Vientiane Capital", 2, 3]]
    assert body["chart"]["datasets"][0]["data"] == [1, 2]
    bad = api.patch(
        f"/api/customization/saved-reports/{pk}/",
        {"spec": {**SPEC, "columns": ["unit__path"]}},
        format="json",
    )
    assert bad.status_code == 400
    assert "unit__path" in bad.json()["spec"][0]
    xlsx = api.get(f"/api/customization/saved-reports/{pk}/run/", {"export": "xlsx"})
    assert xlsx["Content-Disposition"].startswith('attachment; filename="by-province-')
    other = make_user(
        "other", units=[ministry["root"]], perms=["personnel.view_official"]
    )
    api.force_authenticate(other)
    assert api.get(f"/api/customization/saved-reports/{pk}/run/").status_code == 404
    assert api.get("/api/customization/saved-reports/").json()["count"] == 0


def test_schedule_times():
    schedule = ReportSchedule(
        frequency="weekly", weekday=0, send_time=datetime.time(7, 0)
    )
    tz = timezone.get_current_timezone()
    wednesday = datetime.datetime(2025, 1, 1, 12, 0, tzinfo=tz)
    assert schedule.following(wednesday) == datetime.datetime(
        2025, 1, 6, 7, 0, tzinfo=tz
    )
    schedule.frequency, schedule.day_of_month = "monthly", 31
    assert schedule.following(wednesday) == datetime.datetime(
        2025, 1, 31, 7, 0, tzinfo=tz
    )
    february = datetime.datetime(2025, 2, 1, 0, 0, tzinfo=tz)
    assert schedule.following(february) == datetime.datetime(
        2025, 2, 28, 7, 0, tzinfo=tz
    )
    schedule.frequency = "daily"
    assert schedule.following(wednesday) == datetime.datetime(
        2025, 1, 2, 7, 0, tzinfo=tz
    )


def test_scheduler_mails_each_recipient_their_own_rows(
    settings, analyst, make_user, ministry, people
):
    settings.REDIS_URL = ""  # the queued job runs inline
    role = Group.objects.create(name="Analyst")
    report = service.save_report(analyst, SPEC, title="By province", shared_with=[role])
    analyst.email = "analyst@example.test"
    analyst.save()
    officer = make_user(
        "p13", units=[ministry["p13"]], perms=["personnel.view_official"]
    )
    officer.email = "p13@example.test"
    officer.save()
    officer.groups.add(role)
    outsider = make_user(
        "out", units=[ministry["p13"]], perms=["personnel.view_official"]
    )
    outsider.email = "out@example.test"
    outsider.save()
    schedule = ReportSchedule.objects.create(
        report=report, frequency="daily", export_format="csv"
    )
    schedule.recipients.set([analyst, officer, outsider])
    schedule.next_run_at = timezone.now() - datetime.timedelta(minutes=1)
    schedule.save()

    call_command("run_scheduler", "--once")
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {"analyst@example.test", "p13@example.test"}
    attachment = by_recipient["p13@example.test"].attachments[0]
    assert attachment[0].startswith("by-province-") and attachment[0].endswith(".csv")
    content = attachment[1]
    text = content.decode("utf-8") if isinstance(content, bytes) else content
    lines = text.lstrip("\ufeff").splitlines()
    assert lines[1:] == ["Savannakhet,1,5"]
    schedule.refresh_from_db()
    assert schedule.next_run_at > timezone.now()
    assert schedule.last_result == "Sent to 2; skipped 1."
    mail.outbox.clear()
    call_command("run_scheduler", "--once")
    assert mail.outbox == []


def test_shipped_roles_may_build_and_define(make_user, ministry):
    from django.contrib.auth.models import Group

    from lao_moha.core.roles import load_roles

    load_roles()
    analyst = make_user("role-analyst", units=[ministry["root"]])
    analyst.groups.add(Group.objects.get(role__code="analyst"))
    manager = make_user("role-manager", units=[ministry["root"]])
    manager.groups.add(Group.objects.get(role__code="system_manager"))
    analyst = type(analyst).objects.get(pk=analyst.pk)
    manager = type(manager).objects.get(pk=manager.pk)
    assert analyst.has_perm("customization.add_savedreport")
    assert analyst.has_perm("customization.add_reportschedule")
    assert not analyst.has_perm("customization.add_customfield")
    assert manager.has_perm("customization.add_customfield")
