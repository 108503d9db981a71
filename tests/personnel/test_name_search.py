"""Officials are found by Lao or Latin name whatever the spelling variant,
and lists sorted by name follow Lao alphabetical order (desk and API)."""

import pytest

from lao_moha.core.text import lao_sort_key
from tests import factories

pytestmark = pytest.mark.django_db

PEOPLE = [
    ("ສົມພອນ ພົມມະຈັນ", "Somphone PHOMMACHANH"),
    ("ບຸນມີ ສີລາວົງ", "Bounmy SILAVONG"),
    ("ແກ້ວມະນີ ໄຊຍະວົງ", "Keomany XAYAVONG"),
    ("ຈັນທະລາ ສຸວັນນະວົງ", "Chanthala SOUVANNAVONG"),
    ("ໄຊສົມພອນ ວົງພະຈັນ", "Xaysomphone VONGPHACHANH"),
]
# Lao order: ກ(ແກ້ວ) ຈ ສ ຊ(ໄຊ) ບ; code-point order would put ແ and ໄ last.
LAO_ORDER = [
    "ແກ້ວມະນີ ໄຊຍະວົງ",
    "ຈັນທະລາ ສຸວັນນະວົງ",
    "ສົມພອນ ພົມມະຈັນ",
    "ໄຊສົມພອນ ວົງພະຈັນ",
    "ບຸນມີ ສີລາວົງ",
]


@pytest.fixture
def people(ministry):
    return {
        lao: factories.official(ministry["d0101"], name_lo=lao, name_latin=latin)
        for lao, latin in PEOPLE
    }


def desk_names(admin_client, query):
    page = admin_client.get("/app/personnel/official/", query).content.decode()
    return {lao for lao, _latin in PEOPLE if lao in page}


def api_names(admin_client, query):
    rows = admin_client.get("/api/personnel/officials/", query).json()["results"]
    return [row["name_lo"] for row in rows]


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Som phone Phom", "ສົມພອນ ພົມມະຈັນ"),
        ("phomachan", "ສົມພອນ ພົມມະຈັນ"),
        ("Kaewmany Sayavong", "ແກ້ວມະນີ ໄຊຍະວົງ"),
        ("Suvanawong", "ຈັນທະລາ ສຸວັນນະວົງ"),
        ("Bounmi", "ບຸນມີ ສີລາວົງ"),
        ("ສົມ ພອນ ພົມມະຈັນ", "ສົມພອນ ພົມມະຈັນ"),
        ("ທ້າວ ບຸນມີ", "ບຸນມີ ສີລາວົງ"),
        ("ເເກ້ວມະນີ", "ແກ້ວມະນີ ໄຊຍະວົງ"),
        ("ວົງພະຈັນ", "ໄຊສົມພອນ ວົງພະຈັນ"),
    ],
)
def test_desk_and_api_search_find_spelling_variants(
    admin_client, people, query, expected
):
    assert desk_names(admin_client, {"q": query}) == {expected}
    assert api_names(admin_client, {"search": query}) == [expected]


def test_search_by_civil_service_number_still_works(admin_client, people):
    official = people["ບຸນມີ ສີລາວົງ"]
    assert api_names(admin_client, {"search": official.civil_service_no}) == [
        "ບຸນມີ ສີລາວົງ"
    ]


@pytest.mark.smoke
def test_api_orders_names_in_lao_order(admin_client, people):
    assert api_names(admin_client, {"ordering": "name_lo"}) == LAO_ORDER
    assert api_names(admin_client, {"ordering": "-name_lo"}) == LAO_ORDER[::-1]


def test_desk_column_sorts_names_in_lao_order(admin_client, people):
    from lao_moha.core import registry
    from lao_moha.personnel.models import Official

    # The desk puts the selection checkbox in column 0.
    column = registry.get(Official).list_display.index("name_lo") + 1
    page = admin_client.get(
        "/app/personnel/official/", {"o": str(column)}
    ).content.decode()
    positions = [page.index(name) for name in LAO_ORDER]
    assert positions == sorted(positions)


def test_keys_follow_a_rename(people):
    official = people["ບຸນມີ ສີລາວົງ"]
    official.name_lo = "ອານຸສອນ ສີລາວົງ"
    official.save(update_fields=["name_lo"])
    official.refresh_from_db()
    assert "ອານຸສອນ" in official.search_name
    assert official.name_sort_key == lao_sort_key("ອານຸສອນ ສີລາວົງ")


def test_reference_lists_sort_by_lao_name(admin_client):
    from lao_moha.core import registry
    from lao_moha.geo.models import Province

    column = registry.get(Province).list_display.index("name_lo") + 1
    page = admin_client.get("/app/geo/province/", {"o": str(column)}).content.decode()
    # ຄຳມ່ວນ (ຄ) before ຈຳປາສັກ (ຈ) before ສາລະວັນ (ສ) before ເຊກອງ (ຊ)
    order = ["ຄຳມ່ວນ", "ຈຳປາສັກ", "ສາລະວັນ", "ເຊກອງ", "ໄຊຍະບູລີ", "ບໍ່ແກ້ວ"]
    positions = [page.index(name) for name in order]
    assert positions == sorted(positions)
