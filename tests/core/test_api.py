import pytest
from rest_framework.test import APIClient

from lao_moha.personnel.models import Official
from tests import factories

pytestmark = pytest.mark.django_db

OFFICIALS = "/api/personnel/officials/"


@pytest.fixture
def api(admin_user):
    client = APIClient(HTTP_HOST="127.0.0.1")
    client.force_authenticate(admin_user)
    return client


@pytest.fixture
def people(ministry):
    return [
        factories.official(ministry["d0101"], name_lo="ບຸນມີ ສີລາວົງ", name_latin="Bounmy SILAVONG"),
        factories.official(ministry["d1301"], name_lo="ມະນີວອນ ຈັນທະວົງ",
                           name_latin="Manivone CHANTHAVONG", gender="F", grade=2),
        factories.official(ministry["department"], status="retired"),
    ]


def new_official(ministry, **overrides):
    data = {
        "civil_service_no": "API-0001", "name_lo": "ວັນນີ ໄຊຍະວົງ", "name_latin": "Vanny XAYAVONG",
        "gender": "F", "date_of_birth": "1992-02-29", "category": factories.OfficialCategory.objects.get(code="CS").pk,
        "unit": ministry["p13"].pk, "grade": 1, "step": 2, "entry_date": "2015-10-01",
    }
    data.update(overrides)
    return data


@pytest.mark.smoke
def test_list_is_paged(api, people):
    body = api.get(OFFICIALS, {"page_size": 2}).json()
    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert body["next"]


def test_filter_search_and_order(api, people):
    assert [r["name_latin"] for r in api.get(OFFICIALS, {"gender": "F"}).json()["results"]] == [
        "Manivone CHANTHAVONG"
    ]
    assert api.get(OFFICIALS, {"status": "retired"}).json()["count"] == 1
    assert api.get(OFFICIALS, {"grade__lte": 2}).json()["count"] == 1
    found = api.get(OFFICIALS, {"search": "ສີລາວົງ"}).json()["results"]
    assert [r["name_latin"] for r in found] == ["Bounmy SILAVONG"]
    ordered = api.get(OFFICIALS, {"ordering": "-civil_service_no"}).json()["results"]
    assert [r["civil_service_no"] for r in ordered] == sorted(
        (p.civil_service_no for p in people), reverse=True)


def test_filter_within_unit_subtree(api, people, ministry):
    body = api.get(OFFICIALS, {"within_unit": ministry["p01"].pk}).json()
    assert [r["name_latin"] for r in body["results"]] == ["Bounmy SILAVONG"]


def test_create_runs_model_validation(api, ministry):
    response = api.post(OFFICIALS, new_official(ministry, entry_date="2005-01-01", step=20), format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["entry_date"][0].startswith("An official must be at least 18 years old")
    assert body["step"] == ["Grade I has steps 1 to 15; 20 is outside it."]
    assert not Official.objects.filter(civil_service_no="API-0001").exists()


def test_create_and_read_back_lao_text(api, ministry):
    response = api.post(OFFICIALS, new_official(ministry), format="json")
    assert response.status_code == 201, response.content
    official = Official.objects.get(civil_service_no="API-0001")
    assert official.name_lo == "ວັນນີ ໄຊຍະວົງ"
    detail = api.get(f"{OFFICIALS}{official.pk}/")
    assert detail.json()["name_lo"] == "ວັນນີ ໄຊຍະວົງ"
    assert detail["ETag"] == '"1"'


def test_write_refused_without_permission(make_user, ministry, people):
    reader = make_user("reader", perms=["personnel.view_official"], units=[ministry["root"]])
    client = APIClient(HTTP_HOST="127.0.0.1")
    client.force_authenticate(reader)
    assert client.get(OFFICIALS).status_code == 200
    response = client.post(OFFICIALS, new_official(ministry), format="json")
    assert response.status_code == 403
    assert not Official.objects.filter(civil_service_no="API-0001").exists()


def test_anonymous_is_refused(people):
    assert APIClient(HTTP_HOST="127.0.0.1").get(OFFICIALS).status_code == 401


def test_stale_update_is_refused_with_412(api, people):
    official = people[0]
    url = f"{OFFICIALS}{official.pk}/"
    assert api.patch(url, {"phone": "020 5555 1234"}, format="json", HTTP_IF_MATCH='"1"').status_code == 200
    response = api.patch(url, {"phone": "020 9999 0000"}, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 412
    [change] = response.json()["changes"]
    assert (change["field"], change["old"], change["new"]) == ("phone", "—", "020 5555 1234")
    official.refresh_from_db()
    assert official.phone == "020 5555 1234"


def test_token_authentication(make_user, ministry, people):
    user = make_user("integrator", perms=["personnel.view_official"], units=[ministry["root"]])
    user.set_password("a-long-test-password")
    user.save()
    client = APIClient(HTTP_HOST="127.0.0.1")
    token = client.post("/api/auth/token/", {"username": "integrator",
                                             "password": "a-long-test-password"}).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get(OFFICIALS).json()["count"] == 3
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert client.get(OFFICIALS).status_code == 401
