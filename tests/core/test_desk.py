"""Every declared DocType gets working desk pages, with no admin written by hand."""

import pytest

from lao_moha.core import registry

pytestmark = pytest.mark.django_db


def doctypes():
    return registry.all_doctypes()


@pytest.mark.parametrize("doctype", doctypes(), ids=lambda d: d.label)
def test_generated_desk_pages(admin_client, doctype, ministry):
    opts = doctype.model._meta
    base = f"/app/{opts.app_label}/{opts.model_name}/"
    assert admin_client.get(base).status_code == 200
    # Records only services write have no add page.
    expected = 403 if doctype.read_only else 200
    assert admin_client.get(f"{base}add/").status_code == expected
    obj = doctype.model.objects.first()
    if obj is not None:
        assert admin_client.get(f"{base}{obj.pk}/change/").status_code == 200


@pytest.mark.parametrize("doctype", [d for d in doctypes() if d.api], ids=lambda d: d.label)
def test_generated_api_lists(admin_client, doctype):
    response = admin_client.get(f"/api/{doctype.app_label}/{doctype.url_name}/")
    assert response.status_code == 200
    assert "results" in response.json()


def test_desk_shows_provinces_in_lao(admin_client):
    page = admin_client.get("/app/geo/province/").content.decode()
    assert "ສະຫວັນນະເຂດ" in page
    assert "ນະຄອນຫຼວງວຽງຈັນ" in page


def test_stale_desk_save_is_refused(admin_client, ministry):
    unit = ministry["p01"]
    url = f"/app/organization/orgunit/{unit.pk}/change/"
    form = {
        "code": unit.code, "name_lo": unit.name_lo, "name_en": "first", "name_vi": "",
        "parent": unit.parent_id, "level": unit.level, "kind": unit.kind,
        "province": unit.province_id, "district": "", "is_active": "on",
        "staffing_quota": "", "loaded_version": unit.version,
    }
    assert admin_client.post(url, form).status_code == 302
    response = admin_client.post(url, {**form, "name_en": "second"})
    assert response.status_code == 200
    assert "changed by someone else" in response.content.decode()
    unit.refresh_from_db()
    assert unit.name_en == "first"


def test_library_import_confirm_step_is_closed(admin_client):
    """Imports go through import jobs; the library's own confirm URL refuses."""
    response = admin_client.post("/app/personnel/official/process_import/", {
        "import_file_name": "x.csv", "original_file_name": "x.csv", "format": "0",
    })
    assert response.status_code == 403
