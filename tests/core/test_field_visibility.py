"""Sensitive fields (national ID, date of birth …) reach only the roles
allowed to see them, in the desk, the API, exports, search and history."""

import csv
import io

import pytest

from lao_moha.core import audit
from tests import factories
from tests.utils import matrix

pytestmark = pytest.mark.django_db

OFFICIALS = "/api/personnel/officials/"
NATIONAL_ID = "1234-5678-9012"


@pytest.fixture
def person(ministry):
    return factories.official(ministry["d0101"], national_id=NATIONAL_ID)


@pytest.fixture
def reader(ministry):
    """A province reader holding view and change, but not view_sensitive."""
    return factories.user(
        "reader",
        perms=[
            "personnel.view_official",
            "personnel.change_official",
            "core.view_audittrail",
        ],
        units=[ministry["p01"]],
    )


@pytest.fixture
def hr(ministry):
    return factories.user(
        "hr",
        perms=["personnel.view_official", "personnel.view_sensitive_official"],
        units=[ministry["p01"]],
    )


@pytest.mark.smoke
def test_api_hides_sensitive_fields(reader, hr, person):
    url = f"{OFFICIALS}{person.pk}/"
    shown = matrix.api_client(reader).get(url).json()
    assert "national_id" not in shown and "date_of_birth" not in shown
    assert (
        "national_id"
        not in matrix.api_client(reader).get(OFFICIALS).json()["results"][0]
    )
    assert matrix.api_client(hr).get(url).json()["national_id"] == NATIONAL_ID


def test_api_refuses_writing_a_hidden_field(reader, person):
    response = matrix.api_client(reader).patch(
        f"{OFFICIALS}{person.pk}/",
        {"national_id": "9999", "version": person.version},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"national_id": ["You may not see or change this field."]}
    person.refresh_from_db()
    assert person.national_id == NATIONAL_ID


def test_search_and_ordering_ignore_hidden_fields(reader, hr, person):
    assert (
        matrix.api_client(reader)
        .get(OFFICIALS, {"search": NATIONAL_ID})
        .json()["count"]
        == 0
    )
    desk = matrix.desk_client(reader)
    assert (
        "national_id"
        not in desk.get("/app/personnel/official/").context["cl"].search_fields
    )
    ordered = matrix.api_client(reader).get(OFFICIALS, {"ordering": "date_of_birth"})
    assert ordered.status_code == 200


def test_desk_form_and_list_hide_sensitive_fields(reader, hr, person):
    page = matrix.desk_client(reader).get(
        f"/app/personnel/official/{person.pk}/change/"
    )
    form = page.context["adminform"].form
    assert "national_id" not in form.fields and "date_of_birth" not in form.fields
    assert NATIONAL_ID not in page.content.decode()
    page = matrix.desk_client(hr).get(f"/app/personnel/official/{person.pk}/change/")
    assert NATIONAL_ID in page.content.decode()


def test_desk_save_without_sensitive_fields_keeps_them(reader, person):
    desk = matrix.desk_client(reader)
    url = f"/app/personnel/official/{person.pk}/change/"
    data = matrix.form_post_data(desk.get(url))
    data["phone"] = "020 1111 2222"
    assert desk.post(url, data).status_code == 302
    person.refresh_from_db()
    assert (person.phone, person.national_id) == ("020 1111 2222", NATIONAL_ID)


def test_export_leaves_out_sensitive_columns(reader, hr, person):
    def export(user):
        data = {"format": "0", "resource": "0"}
        for name in ("civil_service_no", "name_lo", "national_id", "date_of_birth"):
            data[f"officialresource_{name}"] = "on"
        response = matrix.desk_client(user).post(
            "/app/personnel/official/export/", data
        )
        assert response.status_code == 200
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))

    header, row = export(reader)
    assert "national_id" not in header and "date_of_birth" not in header
    assert NATIONAL_ID not in row
    header, row = export(hr)
    assert NATIONAL_ID in row


def test_history_masks_sensitive_values(reader, person):
    person.national_id = "5555-0000"
    person.save()
    body = matrix.api_client(reader).get(f"{OFFICIALS}{person.pk}/history/").json()
    changes = [
        c for entry in body for c in entry["changes"] if c["field"] == "national_id"
    ]
    assert changes and all(c["old"] == c["new"] == "•••" for c in changes)
    page = matrix.desk_client(reader).get(
        f"/app/personnel/official/{person.pk}/history/"
    )
    assert "5555-0000" not in page.content.decode()
    entries, _more = audit.search(reader, {"model": "personnel.official"})
    shown = [c for e in entries for c in e.changes if c.field == "national_id"]
    assert shown and all(c.new == "•••" for c in shown)


def test_wholly_sensitive_records_need_view_sensitive(ministry, person):
    """Discipline and family records are sensitive as a whole."""
    from lao_moha.core import access
    from lao_moha.core.registry import all_doctypes

    access.ensure_permissions()
    closed = [d for d in all_doctypes() if d.sensitive]
    assert {d.model.__name__ for d in closed} >= {"Discipline", "FamilyMember"}
    for doctype in closed:
        opts = doctype.model._meta
        view = f"{opts.app_label}.view_{opts.model_name}"
        reader = factories.user(
            f"r-{opts.model_name}", perms=[view], units=[ministry["p01"]]
        )
        hr = factories.user(
            f"hr-{opts.model_name}",
            perms=[view, f"{opts.app_label}.view_sensitive_{opts.model_name}"],
            units=[ministry["p01"]],
        )
        desk_url = f"/app/{opts.app_label}/{opts.model_name}/"
        api_url = f"/api/{doctype.app_label}/{doctype.url_name}/"
        assert matrix.desk_client(reader).get(desk_url).status_code == 403
        assert matrix.api_client(reader).get(api_url).status_code == 403
        assert matrix.desk_client(hr).get(desk_url).status_code == 200
        assert matrix.api_client(hr).get(api_url).status_code == 200
