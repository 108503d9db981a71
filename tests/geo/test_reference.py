from collections import Counter

import pytest

from lao_moha.geo.models import District, Province
from lao_moha.geo.reference import load_divisions

pytestmark = pytest.mark.django_db

# Districts per province in the 2019 boundary set.
EXPECTED_PER_PROVINCE = {
    "01": 9, "02": 7, "03": 5, "04": 7, "05": 5, "06": 12, "07": 10, "08": 11,
    "09": 7, "10": 11, "11": 7, "12": 10, "13": 15, "14": 8, "15": 4, "16": 10,
    "17": 5, "18": 5,
}


@pytest.mark.smoke
def test_all_divisions_are_loaded():
    assert Province.objects.count() == 18
    assert District.objects.count() == 148
    counts = Counter(District.objects.values_list("province__code", flat=True))
    assert dict(counts) == EXPECTED_PER_PROVINCE


def test_capital_is_the_only_prefecture():
    capital = Province.objects.get(kind=Province.Kind.CAPITAL)
    assert (capital.code, capital.iso_code, capital.name_lo) == ("01", "LA-VT", "ນະຄອນຫຼວງວຽງຈັນ")


def test_loading_again_creates_nothing_and_keeps_edits():
    province = Province.objects.get(code="13")
    province.name_vi = "Xavannakhet"
    province.save()
    assert load_divisions() == (0, 0)
    province.refresh_from_db()
    assert province.name_vi == "Xavannakhet"


def test_district_found_by_any_spelling():
    # 0205 is spelled ບຸນເໜືອ and ບູນເໜືອ in real files.
    assert list(District.objects.matching("ບູນເໜືອ").values_list("code", flat=True)) == ["0205"]
    assert list(District.objects.matching("ບຸນເໜືອ").values_list("code", flat=True)) == ["0205"]
    assert list(District.objects.matching("boon neua").values_list("code", flat=True)) == ["0205"]
    assert list(District.objects.matching("ເມືອງ ບູນເໜືອ").values_list("code", flat=True)) == ["0205"]


def test_repeated_district_names_stay_apart_by_code():
    codes = sorted(District.objects.matching("Xaysetha").values_list("code", flat=True))
    assert len(codes) == 2
    assert {code[:2] for code in codes} == {"01", "17"}


def test_unknown_spelling_finds_nothing():
    assert not District.objects.matching("Atlantis").exists()
    assert not District.objects.matching("").exists()
