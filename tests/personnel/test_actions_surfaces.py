"""The career actions through the desk and the REST API."""

import datetime

import pytest
from rest_framework.test import APIClient

from lao_moha.personnel.models import GradeStepChange, Official, Transfer
from tests import factories
from tests.personnel.test_services import CAREER_PERMS

pytestmark = pytest.mark.django_db

D = datetime.date
OFFICIALS = "/api/personnel/officials/"


@pytest.fixture
def official(ministry):
    return factories.official(ministry["d0101"], entry_date=D(2008, 9, 1), grade=3, step=4)


@pytest.fixture
def clerk(make_user, ministry):
    return make_user("clerk01", perms=CAREER_PERMS, units=[ministry["p01"]])


@pytest.fixture
def api_for():
    def make(user):
        client = APIClient(HTTP_HOST="127.0.0.1")
        client.force_authenticate(user)
        return client

    return make


# -- desk ---------------------------------------------------------------------


@pytest.mark.smoke
def test_desk_transfer_page_records_the_transfer(admin_client, official, ministry):
    url = f"/app/personnel/official/{official.pk}/transfer/"
    page = admin_client.get(url)
    assert page.status_code == 200
    response = admin_client.post(url, {"to_unit": ministry["p01"].pk,
                                       "effective_date": "2024-01-15",
                                       "decision_no": "12/PHA"})
    assert response.status_code == 302
    assert Official.objects.get(pk=official.pk).unit == ministry["p01"]
    change_page = admin_client.get(response.url).content.decode()
    assert "12/PHA" in change_page  # the transfers tab lists it


def test_desk_refuses_a_unit_outside_the_clerks_scope(client_for, clerk, official, ministry):
    url = f"/app/personnel/official/{official.pk}/transfer/"
    response = client_for(clerk).post(url, {"to_unit": ministry["d1301"].pk,
                                            "effective_date": "2024-01-15"})
    assert response.status_code == 200
    assert "is outside your units: you may not move officials into it" in \
        response.content.decode()
    assert Official.objects.get(pk=official.pk).unit == ministry["d0101"]


def test_desk_actions_need_the_rights(client_for, make_user, official, ministry):
    reader = make_user("reader", perms=["personnel.view_official"], units=[ministry["root"]])
    url = f"/app/personnel/official/{official.pk}/transfer/"
    assert client_for(reader).get(url).status_code == 403


def test_desk_grade_step_and_undo(admin_client, official):
    admin_client.post(f"/app/personnel/official/{official.pk}/grade-step/", {
        "kind": "step", "grade": 3, "step": 5, "effective_date": "2025-03-01"})
    change = GradeStepChange.objects.get(official=official)
    page = admin_client.get(f"/app/personnel/gradestepchange/{change.pk}/undo/")
    assert page.status_code == 200
    admin_client.post(f"/app/personnel/gradestepchange/{change.pk}/undo/",
                      {"effective_date": "2025-04-01", "reason": "Wrong person"})
    assert Official.objects.get(pk=official.pk).step == 4
    assert GradeStepChange.objects.filter(official=official).count() == 2


def test_desk_status_and_cv(admin_client, official):
    admin_client.post(f"/app/personnel/official/{official.pk}/status/", {
        "status_to": "on_leave", "effective_date": "2024-01-01"})
    assert Official.objects.get(pk=official.pk).status == "on_leave"
    pdf = admin_client.get(f"/app/personnel/official/{official.pk}/cv/")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")


def test_desk_work_list_pages_and_export(admin_client, official, ministry):
    for path in ("step-raises-due", "retirements-due", "incomplete"):
        page = admin_client.get(f"/app/personnel/official/{path}/?months=600")
        assert page.status_code == 200, path
        assert official.civil_service_no in page.content.decode(), path
    export = admin_client.get("/app/personnel/official/step-raises-due/",
                              {"months": 600, "unit": ministry["p01"].pk,
                               "file_format": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    assert official.civil_service_no in export.content.decode("utf-8-sig")
    other = admin_client.get("/app/personnel/official/step-raises-due/",
                             {"months": 600, "unit": ministry["p13"].pk, "file_format": "csv"})
    assert official.civil_service_no not in other.content.decode("utf-8-sig")


# -- REST ---------------------------------------------------------------------


@pytest.mark.smoke
def test_api_transfer(api_for, clerk, official, ministry):
    response = api_for(clerk).post(f"{OFFICIALS}{official.pk}/transfer/", {
        "to_unit": ministry["p01"].pk, "effective_date": "2024-01-15",
        "decision_no": "12/PHA"}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["from_unit"], body["to_unit"]) == (ministry["d0101"].pk, ministry["p01"].pk)
    assert Official.objects.get(pk=official.pk).unit == ministry["p01"]


def test_api_transfer_out_of_scope_is_refused_with_a_message(api_for, clerk, official,
                                                              ministry):
    response = api_for(clerk).post(f"{OFFICIALS}{official.pk}/transfer/", {
        "to_unit": ministry["d1301"].pk, "effective_date": "2024-01-15"}, format="json")
    assert response.status_code == 400
    assert "is outside your units" in response.json()["to_unit"][0]
    assert not Transfer.objects.exists()


def test_api_official_outside_scope_is_not_found(api_for, clerk, ministry):
    stranger = factories.official(ministry["d1301"])
    response = api_for(clerk).post(f"{OFFICIALS}{stranger.pk}/raise-step/",
                                   {"effective_date": "2024-01-15"}, format="json")
    assert response.status_code == 404


def test_api_raise_step_retire_and_undo(api_for, admin_user, official):
    api = api_for(admin_user)
    raised = api.post(f"{OFFICIALS}{official.pk}/raise-step/",
                      {"effective_date": "2025-03-01"}, format="json")
    assert raised.status_code == 201
    assert (raised.json()["grade"], raised.json()["step"]) == (3, 5)
    retired = api.post(f"{OFFICIALS}{official.pk}/retire/",
                       {"effective_date": "2025-06-01", "decision_no": "9/MOHA"}, format="json")
    assert retired.status_code == 201
    assert Official.objects.get(pk=official.pk).status == "retired"
    undone = api.post(f"/api/personnel/status-changes/{retired.json()['id']}/undo/", {},
                      format="json")
    assert undone.status_code == 201
    assert Official.objects.get(pk=official.pk).status == "active"
    bad = api.post(f"{OFFICIALS}{official.pk}/return-from-leave/",
                   {"effective_date": "2025-07-01"}, format="json")
    assert bad.status_code == 400
    assert bad.json()["non_field_errors"][0].endswith("is not “On leave”.")


def test_api_form_errors_are_per_field(api_for, admin_user, official):
    response = api_for(admin_user).post(f"{OFFICIALS}{official.pk}/transfer/", {},
                                        format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"to_unit", "effective_date"}


def test_api_work_lists(api_for, admin_user, official, ministry):
    api = api_for(admin_user)
    body = api.get(f"{OFFICIALS}step-raises-due/", {"months": 600}).json()
    assert body["count"] == 1
    assert body["results"][0]["civil_service_no"] == official.civil_service_no
    official.refresh_from_db()
    assert body["results"][0]["next_step_due"] == official.next_step_due.isoformat()
    assert api.get(f"{OFFICIALS}step-raises-due/",
                   {"months": 600, "within_unit": ministry["p13"].pk}).json()["count"] == 0
    export = api.get(f"{OFFICIALS}retirements-due/", {"months": 600, "file_format": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    assert api.get(f"{OFFICIALS}incomplete/").json()["count"] == 1


def test_api_cv(api_for, admin_user, official):
    response = api_for(admin_user).get(f"{OFFICIALS}{official.pk}/cv/")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
