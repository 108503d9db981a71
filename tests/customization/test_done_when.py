"""Issue 6, done when: an administrator adds a filterable select field to
Official in the desk, a clerk fills it on a form and by import, an analyst
groups a saved report by it with a chart, and a province user sees only
their province's rows in it — all without a restart."""

import json

import pytest
from django.contrib.auth.models import Group
from django.db.models import Count

from lao_moha.core import scope
from lao_moha.core.imports.models import ImportJob
from lao_moha.customization import definitions
from lao_moha.customization.models import CustomField, SavedReport
from lao_moha.personnel.models import Official
from tests import factories
from tests.core.test_imports import HEADER, csv_bytes, person
from tests.core.test_imports_jobs import upload
from tests.desk_forms import change_form_data

pytestmark = pytest.mark.django_db

OFFICIALS = "/app/personnel/official/"
BUILDER = "/app/customization/savedreport/builder/"


@pytest.mark.smoke
def test_custom_field_from_desk_to_province_report(
    admin_client, client_for, make_user, ministry, private_media
):
    # The site is running: this process has read its (empty) definitions.
    with definitions.pinned():
        assert definitions.active_fields("personnel.Official") == []
    admin_client.get(OFFICIALS)

    # 1. The administrator adds a filterable select field in the desk.
    response = admin_client.post(
        "/app/customization/customfield/add/",
        {
            "doctype": "personnel.Official",
            "name": "blood_group",
            "field_type": "select",
            "label_lo": "ກຸ່ມເລືອດ",
            "label_en": "Blood group",
            "label_vi": "Nhóm máu",
            "options": "A | ກຸ່ມ A | Group A\nB | ກຸ່ມ B | Group B\nO | ກຸ່ມ O | Group O",
            "link_doctype": "",
            "default": "",
            "section": "",
            "position": "10",
            "show_in_list": "on",
            "filterable": "on",
        },
    )
    assert response.status_code == 302
    assert CustomField.objects.get(name="blood_group").filterable

    # 2. A clerk of Savannakhet fills it on the form …
    clerk = make_user(
        "clerk13",
        units=[ministry["p13"]],
        perms=[
            "personnel.view_official",
            "personnel.add_official",
            "personnel.change_official",
        ],
    )
    clerk_desk = client_for(clerk)
    official = factories.official(ministry["d1301"])
    page = clerk_desk.get(f"{OFFICIALS}{official.pk}/change/")
    assert "cf_blood_group" in page.context["adminform"].form.fields
    saved = clerk_desk.post(
        f"{OFFICIALS}{official.pk}/change/", change_form_data(page, cf_blood_group="B")
    )
    assert saved.status_code == 302
    official.refresh_from_db()
    assert official.custom_fields == {"blood_group": "B"}

    # … and by import, the column named by the field's label.
    data = csv_bytes(
        [person(1) + ["Group O"], person(2) + ["ກຸ່ມ B"], person(3) + ["O"]],
        header=[*HEADER, "Blood group"],
    )
    clerk_desk.post(
        f"{OFFICIALS}import/", {"file": upload(data), "commit_when_valid": "on"}
    )
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.DONE, job.message
    assert job.created_count == 3

    # Vientiane has its own officials with values: they must stay out of
    # Savannakhet's view.
    factories.official(ministry["p01"], custom_fields={"blood_group": "A"})
    factories.official(ministry["d0101"], custom_fields={"blood_group": "O"})
    listed = clerk_desk.get(OFFICIALS, {"cf_blood_group": "O"})
    assert {o.civil_service_no for o in listed.context["cl"].queryset} == {
        "IMP0001",
        "IMP0003",
    }

    # 3. An analyst groups a saved report by it, with a chart, shared with
    # the province HR role.
    province_hr = Group.objects.create(name="Province HR")
    analyst = make_user(
        "analyst",
        units=[ministry["root"]],
        perms=["personnel.view_official", "customization.add_savedreport"],
    )
    analyst_desk = client_for(analyst)
    page = analyst_desk.get(
        BUILDER,
        {
            "doctype": "personnel.Official",
            "group_0": "cf_blood_group",
            "count": "on",
            "chart_type": "bar",
            "limit": 500,
            "run": "1",
        },
    )
    assert page.context["errors"] == []
    assert {row[0]: row[1] for row in page.context["result"].rows} == {
        "Group A": 1,
        "Group B": 2,
        "Group O": 3,
    }
    analyst_desk.post(
        BUILDER,
        {
            "spec": page.context["spec_json"],
            "title": "Officials by blood group",
            "shared_with": [province_hr.pk],
        },
    )
    report = SavedReport.objects.get(title="Officials by blood group")
    assert report.spec["group_by"] == ["cf_blood_group"]
    assert report.spec["chart"] == {"type": "bar", "value": "count"}

    # 4. A province user sees only their province's rows, chart included.
    officer = make_user(
        "hr13", units=[ministry["p13"]], perms=["personnel.view_official"]
    )
    officer.groups.add(province_hr)
    run = client_for(officer).get(f"/app/customization/savedreport/{report.pk}/run/")
    result = run.context["result"]
    savannakhet = (
        scope.restrict(Official.objects.all(), officer)
        .values("custom_fields__blood_group")
        .annotate(n=Count("pk"))
    )
    expected = {f"Group {r['custom_fields__blood_group']}": r["n"] for r in savannakhet}
    assert (
        {row[0]: row[1] for row in result.rows}
        == expected
        == {"Group B": 2, "Group O": 2}
    )
    chart = json.loads(
        run.content.decode()
        .split('<script id="report-chart" type="application/json">')[1]
        .split("</script>")[0]
    )
    assert (
        dict(zip(chart["labels"], chart["datasets"][0]["data"], strict=True))
        == expected
    )
