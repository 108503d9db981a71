"""Two people edit one record: the later save is refused, says what changed
meanwhile and who changed it, and nothing is merged (desk and API)."""

import pytest
from django.test import RequestFactory

from lao_moha.core.admin_factory import build_inline
from lao_moha.organization.models import UnitMembership
from tests import factories
from tests.utils import matrix

pytestmark = pytest.mark.django_db

OFFICIALS = "/api/personnel/officials/"


@pytest.fixture
def person(ministry):
    return factories.official(ministry["d0101"], phone="020 1")


@pytest.fixture
def colleagues(ministry):
    perms = [
        "personnel.view_official",
        "personnel.change_official",
        "personnel.view_sensitive_official",
    ]
    return (
        factories.user("first", perms=perms, units=[ministry["p01"]]),
        factories.user("second", perms=perms, units=[ministry["p01"]]),
    )


def test_desk_later_save_refused_with_what_changed(colleagues, person):
    first, second = (matrix.desk_client(u) for u in colleagues)
    url = f"/app/personnel/official/{person.pk}/change/"
    first_form = matrix.form_post_data(first.get(url))
    second_form = matrix.form_post_data(second.get(url))

    assert first.post(url, {**first_form, "phone": "020 2"}).status_code == 302
    response = second.post(url, {**second_form, "phone": "020 3", "ethnicity": "Lao"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "changed by someone else" in page
    assert "first" in page and "020 1" in page and "020 2" in page
    person.refresh_from_db()
    assert (person.phone, person.ethnicity, person.version) == ("020 2", "", 2)


def test_desk_change_form_needs_the_loaded_version(colleagues, person):
    desk = matrix.desk_client(colleagues[0])
    url = f"/app/personnel/official/{person.pk}/change/"
    data = matrix.form_post_data(desk.get(url))
    data.pop("loaded_version")
    assert desk.post(url, {**data, "phone": "020 9"}).status_code == 200
    person.refresh_from_db()
    assert person.phone == "020 1"


@pytest.mark.smoke
def test_api_if_match_conflict_is_412_with_changes(colleagues, person):
    first, second = (matrix.api_client(u) for u in colleagues)
    url = f"{OFFICIALS}{person.pk}/"
    etag = first.get(url)["ETag"]
    assert etag == second.get(url)["ETag"] == '"1"'

    saved = first.patch(url, {"phone": "020 2"}, format="json", HTTP_IF_MATCH=etag)
    assert saved.status_code == 200 and saved["ETag"] == '"2"'
    refused = second.patch(url, {"phone": "020 3"}, format="json", HTTP_IF_MATCH=etag)
    assert refused.status_code == 412
    body = refused.json()
    assert body["version"] == 2 and refused["ETag"] == '"2"'
    assert [(c["field"], c["old"], c["new"], c["by"]) for c in body["changes"]] == [
        ("phone", "020 1", "020 2", "first")
    ]
    person.refresh_from_db()
    assert person.phone == "020 2"


def test_api_body_version_conflict_is_409(colleagues, person):
    api = matrix.api_client(colleagues[0])
    url = f"{OFFICIALS}{person.pk}/"
    assert (
        api.patch(url, {"phone": "020 2", "version": 1}, format="json").status_code
        == 200
    )
    assert (
        api.patch(url, {"phone": "020 3", "version": 1}, format="json").status_code
        == 409
    )
    assert (
        api.put(
            url, {**api.get(url).json(), "phone": "020 4", "version": 1}, format="json"
        ).status_code
        == 409
    )


def test_api_write_without_version_is_428(colleagues, person):
    api = matrix.api_client(colleagues[0])
    response = api.patch(f"{OFFICIALS}{person.pk}/", {"phone": "020 2"}, format="json")
    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"]


def test_api_stale_delete_refused(admin_user, person):
    api = matrix.api_client(admin_user)
    url = f"{OFFICIALS}{person.pk}/"
    api.patch(url, {"phone": "020 2", "version": 1}, format="json")
    assert api.delete(url, HTTP_IF_MATCH='"1"').status_code == 412
    assert api.delete(url, HTTP_IF_MATCH='"2"').status_code == 204


def test_api_race_inside_the_save_is_409(admin_user, person, monkeypatch):
    """A save that loses the race after the version check is refused too."""
    from lao_moha.personnel.models import Official

    api = matrix.api_client(admin_user)
    url = f"{OFFICIALS}{person.pk}/"
    original = Official.clean

    def colleague_saves_meanwhile(self):
        original(self)
        Official.objects.filter(pk=self.pk).update(version=5)

    monkeypatch.setattr(Official, "clean", colleague_saves_meanwhile)
    response = api.patch(url, {"phone": "020 2"}, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 409
    person.refresh_from_db()
    assert person.phone == "020 1"


def test_inline_rows_carry_their_own_version(admin_user, ministry):
    """A child row edited inline is refused when it changed meanwhile."""
    from django.contrib import admin

    membership = UnitMembership.objects.create(user=admin_user, unit=ministry["p01"])
    inline_class = build_inline(UnitMembership)
    inline = inline_class(ministry["p01"].__class__, admin.site)
    request = RequestFactory().get("/")
    request.user = admin_user
    formset_class = inline.get_formset(request, ministry["p01"])
    prefix = formset_class.get_default_prefix()
    data = {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "1",
        f"{prefix}-0-id": str(membership.pk),
        f"{prefix}-0-unit": str(ministry["p01"].pk),
        f"{prefix}-0-user": str(admin_user.pk),
        f"{prefix}-0-loaded_version": "1",
    }
    membership.save()  # a colleague's save: version 2
    formset = formset_class(data=data, instance=ministry["p01"], prefix=prefix)
    assert not formset.is_valid()
    assert "changed by someone else" in str(formset.errors)
