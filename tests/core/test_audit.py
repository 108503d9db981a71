"""Every create, update and delete is in the trail with who, when and each
field's old and new value; nobody can change or delete the trail."""

import pytest
from django.contrib.auth.models import Group

from lao_moha.core import audit
from lao_moha.core.audit import AuditTrailImmutable
from lao_moha.personnel.models import Official
from tests import factories
from tests.utils import matrix

pytestmark = pytest.mark.django_db

OFFICIALS = "/api/personnel/officials/"


@pytest.fixture
def clerk(ministry):
    return factories.user(
        "clerk01",
        perms=[
            "personnel.view_official",
            "personnel.change_official",
            "personnel.delete_official",
            "personnel.view_sensitive_official",
        ],
        units=[ministry["p01"]],
    )


@pytest.fixture
def auditor(ministry):
    return factories.user(
        "auditor",
        perms=[
            "personnel.view_official",
            "organization.view_orgunit",
            "core.view_audittrail",
        ],
        units=[ministry["root"]],
    )


@pytest.mark.smoke
def test_update_and_delete_recorded_with_who_and_values(clerk, ministry):
    person = factories.official(ministry["d0101"], phone="020 1")
    api = matrix.api_client(clerk)
    url = f"{OFFICIALS}{person.pk}/"
    assert (
        api.patch(url, {"phone": "020 2", "version": 1}, format="json").status_code
        == 200
    )
    assert api.delete(url).status_code == 204

    rows = list(Official.history.filter(id=person.pk).order_by("history_date"))
    assert [r.history_type for r in rows] == ["+", "~", "-"]
    assert rows[1].history_user == clerk and rows[2].history_user == clerk
    root = factories.user(
        "root",
        perms=["personnel.view_official", "core.view_audittrail"],
        units=[ministry["root"]],
    )
    entries, _ = audit.search(
        root, {"object_id": person.pk, "model": "personnel.official"}
    )
    update = next(e for e in entries if e.action == "update")
    assert [(c.field, c.old, c.new) for c in update.changes] == [
        ("phone", "020 1", "020 2")
    ]
    assert update.who == clerk


def test_trail_rows_cannot_be_changed_or_deleted(ministry):
    person = factories.official(ministry["d0101"])
    row = person.history.first()
    row.history_change_reason = "rewritten"
    with pytest.raises(AuditTrailImmutable):
        row.save()
    with pytest.raises(AuditTrailImmutable):
        row.delete()
    with pytest.raises(AuditTrailImmutable):
        Official.history.filter(id=person.pk).update(history_change_reason="x")
    with pytest.raises(AuditTrailImmutable):
        Official.history.model.objects.all().delete()
    with pytest.raises(AuditTrailImmutable):
        Group.history.model.objects.all().delete()
    assert person.history.count() == 1


def test_no_surface_edits_the_trail(admin_client, admin_user, ministry):
    person = factories.official(ministry["d0101"])
    row = person.history.first()
    # Not even a superuser: no desk page for historical rows, revert refused.
    assert admin_client.get("/app/personnel/historicalofficial/").status_code == 404
    url = f"/app/personnel/official/{person.pk}/history/{row.history_id}/"
    assert admin_client.get(url).status_code == 200
    assert admin_client.post(url, {"name_lo": "x"}).status_code == 403
    api = matrix.api_client(admin_user)
    history_url = f"{OFFICIALS}{person.pk}/history/"
    assert api.get(history_url).status_code == 200
    for method in ("post", "put", "patch", "delete"):
        assert getattr(api, method)(history_url).status_code == 405
    audit_page = admin_client.get("/app/core/audittrail/")
    assert audit_page.status_code == 200
    assert admin_client.post("/app/core/audittrail/", {}).status_code in (200, 405)
    assert admin_client.get("/app/core/audittrail/1/delete/").status_code == 404
    assert person.history.count() == 1


def test_auditor_searches_across_doctypes_within_units(auditor, ministry):
    factories.official(ministry["d0101"], name_latin="Khamla FIRST")
    factories.official(ministry["d1301"], name_latin="Noy SECOND")
    desk = matrix.desk_client(auditor)
    page = desk.get("/app/core/audittrail/", {"text": "Khamla"})
    assert page.status_code == 200
    assert "Khamla FIRST" in page.content.decode()
    assert "Noy SECOND" not in page.content.decode()
    every = desk.get("/app/core/audittrail/").content.decode()
    assert "Noy SECOND" in every and "ກະຊວງພາຍໃນ" in every  # officials and units

    province_auditor = factories.user(
        "auditor01",
        perms=["personnel.view_official", "core.view_audittrail"],
        units=[ministry["p01"]],
    )
    page = (
        matrix.desk_client(province_auditor)
        .get("/app/core/audittrail/")
        .content.decode()
    )
    assert "Khamla FIRST" in page and "Noy SECOND" not in page


def test_audit_page_needs_its_permission(ministry):
    viewer = factories.user(
        "viewer", perms=["personnel.view_official"], units=[ministry["p01"]]
    )
    assert matrix.desk_client(viewer).get("/app/core/audittrail/").status_code == 403


def test_role_and_unit_grants_are_in_the_trail(admin_client, admin_user, ministry):
    group = Group.objects.create(name="Test role")
    account = factories.user("grantee")
    account.groups.add(group)
    rows = account.history.order_by("history_date")
    assert [g.group_id for g in rows.last().groups.all()] == [group.pk]
    from lao_moha.organization.models import UnitMembership

    membership = UnitMembership.objects.create(user=account, unit=ministry["p13"])
    assert membership.history.count() == 1


def test_jobs_say_whom_they_act_for(ministry, admin_user):
    person = factories.official(ministry["d0101"])
    with audit.acting_as(admin_user):
        person.phone = "020 3"
        person.save()
    person.refresh_from_db()
    assert person.modified_by == admin_user
    assert person.history.first().history_user == admin_user


def test_audit_page_names_each_record_type(admin_client, ministry):
    factories.official(ministry["d0101"])
    page = admin_client.get("/app/core/audittrail/", HTTP_ACCEPT_LANGUAGE="en")
    entries = page.context["entries"]
    assert {e.model._meta.label for e in entries} >= {
        "personnel.Official", "organization.OrgUnit"}
    for entry in entries:
        assert type(entry.record).instance_type is entry.model
