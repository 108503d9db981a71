"""Search keys fold spelling variants; the sort key follows Lao order."""

import pytest

from lao_moha.core.text import (
    LAO_CONSONANTS,
    lao_sort_key,
    search_key,
    search_terms,
    to_lao_digits,
)


@pytest.mark.smoke
@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Somphone Phommachanh", "Som Phone Phomachan"),  # spacing, doubles, final h
        ("Souvannavong", "Suvannawong"),  # ou/u, v/w
        ("Xayavong", "Sayavong"),  # x/s, y/i
        ("Keo", "Kaew"),  # final ວ as o or w
        ("Sisavath", "Sisavat"),  # th/t
        ("Khamla", "Khamhla"),  # h of a ຫ cluster
        ("Bounmy", "Bounmi"),
        ("Somsack", "Somsak"),
        ("Chanthavong", "Janthavong"),  # ch/j
        ("Meuang", "Mueang"),
        ("Phonesavanh", "Phonsavan"),  # silent e
        ("Latsavong", "Ratsavong"),  # r/l
        ("Phetsamone", "Phetsamon"),
        ("ຫຼວງພະບາງ", "ຫລວງພະບາງ"),  # subscript lo or full ລ
        ("ໜອງບົກ", "ຫນອງບົກ"),  # ໜ or ຫນ
        ("ຄຳຫຼ້າ", "ຄໍາຫລ້າ"),  # ຳ or ໍ + າ
        ("ສົມພອນ ພົມມະຈັນ", "ສົມພອນພົມມະຈັນ"),
        ("ແກ້ວມະນີ", "ເເກ້ວມະນີ"),  # ແ typed as two ເ
        ("ອາລຸນີ", "ອາຣຸນີ"),  # ຣ/ລ
        ("ສີ່ສະຫວາດ", "ສີສະຫວາດ"),  # tone mark left out
        ("ທ້າວ ສົມພອນ", "ສົມພອນ"),  # honorific
        ("ສົມ\u200bພອນ", "ສົມພອນ"),  # zero-width space between words
    ],
)
def test_variants_share_a_search_key(one, other):
    assert search_key(one) == search_key(other) != ""


def test_different_names_keep_different_keys():
    assert search_key("Bounmy") != search_key("Bounthanh")
    assert search_key("ສົມພອນ") != search_key("ສົມສັກ")
    assert search_key("ບຸນມີ") != search_key("ບຸນທັນ")


def test_honorifics_are_not_search_words():
    assert search_terms("ທ້າວ ສົມພອນ") == ["ສົມພອນ"]
    assert search_terms("ນາງ") == ["ນາງ"]


@pytest.mark.smoke
def test_consonants_sort_in_lao_order():
    shuffled = sorted(LAO_CONSONANTS)  # code-point order puts ສ after ຫ
    assert sorted(shuffled, key=lao_sort_key) == list(LAO_CONSONANTS)


def test_preposed_vowels_sort_by_their_consonant():
    names = [
        "ໄຊຍະວົງ",
        "ສີລາວົງ",
        "ຈັນທະວົງ",
        "ເກົ້າ",
        "ກະຊວງ",
        "ແກ້ວວົງສາ",
        "ໂພນ",
        "ຂັນທະວົງ",
        "ພົມມະຈັນ",
        "ຮັກ",
        "ອິນທະວົງ",
        "ໜອງ",
        "ວົງສະຫວັນ",
    ]
    assert sorted(names, key=lao_sort_key) == [
        "ກະຊວງ",
        "ເກົ້າ",
        "ແກ້ວວົງສາ",
        "ຂັນທະວົງ",
        "ຈັນທະວົງ",
        "ສີລາວົງ",
        "ໄຊຍະວົງ",
        "ພົມມະຈັນ",
        "ໂພນ",
        "ວົງສະຫວັນ",
        "ໜອງ",
        "ອິນທະວົງ",
        "ຮັກ",
    ]


def test_ho_clusters_sort_under_ho_by_their_second_letter():
    assert sorted(["ຫຼວງ", "ໜອງ", "ຫົວ", "ໝາກ"], key=lao_sort_key) == [
        "ໜອງ",
        "ໝາກ",
        "ຫຼວງ",
        "ຫົວ",
    ]


def test_tone_marks_only_break_ties():
    assert sorted(["ກ້າ", "ກາ", "ກ່າ", "ກາກ"], key=lao_sort_key) == [
        "ກາ",
        "ກ່າ",
        "ກ້າ",
        "ກາກ",
    ]


def test_shorter_name_and_word_break_sort_first():
    assert sorted(["ບຸນມີ ສີລາວົງ", "ບຸນ", "ບຸນມີ"], key=lao_sort_key) == [
        "ບຸນ",
        "ບຸນມີ",
        "ບຸນມີ ສີລາວົງ",
    ]


def test_sort_key_is_plain_ascii_so_any_collation_keeps_it():
    key = lao_sort_key("ແກ້ວມະນີ ສຸວັນນະພູມມາ")
    assert key.isascii() and key == key.lower()


def test_lao_digits():
    assert to_lao_digits("04/12/2026") == "໐໔/໑໒/໒໐໒໖"
    assert to_lao_digits("ຂັ້ນ 3") == "ຂັ້ນ ໓"
