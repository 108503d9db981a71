"""The public page: issued decisions and their beneficiaries, no login, and
no other personal field."""

import datetime

import pytest
from django.conf import settings

from lao_moha.commendation.models import AwardType
from lao_moha.commendation.services import decisions, revocation
from lao_moha.commendation.views import PAGE_SIZE
from tests import factories
from tests.commendation.builders import YEAR, draft_for, issue_for

pytestmark = pytest.mark.django_db

URL = "/public/awards/"


@pytest.fixture
def medal(db):
    return AwardType.objects.get(code="LABOUR-MEDAL-3")


@pytest.fixture
def person(world):
    return factories.official(
        world.units["d0101"], name_lo="ວັນນີ ໄຊຍະວົງ", name_latin="Vanny XAYAVONG",
        gender="F", national_id="998877665544", phone="020 5555 1234",
        email="vanny@example.la", date_of_birth=datetime.date(1984, 2, 29),
        ethnicity="ຂະມຸ", civil_service_no="CS-77-0042",
    )


@pytest.mark.smoke
def test_anyone_sees_issued_awards_with_the_public_columns(client, world, person, medal):
    decision = issue_for(world, [person, world.units["d0101"]], medal,
                         datetime.date(YEAR, 5, 4))
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    for shown in ("ວັນນີ ໄຊຍະວົງ", "ຫ້ອງການພາຍໃນເມືອງ ຈັນທະບູລີ", "Labour Medal, Class III",
                  decision.number, f"04/05/{YEAR}"):
        assert shown in html
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "lo"
    assert "ຫຼຽນກາແຮງງານ ຊັ້ນ III" in client.get(URL).content.decode()
    # No other personal field of the official reaches the page.
    for hidden in ("998877665544", "020 5555 1234", "vanny@example.la", "1984", "29/02",
                   "ຂະມຸ", "CS-77-0042", "Female", "ຍິງ"):
        assert hidden not in html


def test_the_public_query_reads_only_public_columns(world, person, medal):
    from lao_moha.commendation.views import PUBLIC_COLUMNS, public_awards_queryset

    issue_for(world, [person], medal, datetime.date(YEAR, 5, 4))
    (row,) = public_awards_queryset()
    assert set(row) == set(PUBLIC_COLUMNS)
    assert not any(key.startswith("official__") and key not in (
        "official__name_lo", "official__name_latin") for key in row)


def test_drafts_never_show_and_cancelled_or_revoked_are_marked(client, world, medal):
    first, second, third = world.officials
    draft_for(world, [first], medal, datetime.date(YEAR, 1, 2))
    cancelled = issue_for(world, [second], medal, datetime.date(YEAR, 2, 3))
    decisions.cancel_decision(cancelled, world.hr, "ຜິດ")
    revoked = issue_for(world, [third], medal, datetime.date(YEAR, 3, 4))
    revocation.revoke_award(revoked.awards.get(), world.hr, "ປອມ")
    html = client.get(URL).content.decode()
    assert "ບຸນມີ ສີລາວົງ" not in html  # only on a draft
    assert "Decision cancelled" in html and cancelled.number in html
    assert "Revoked" in html


def test_search_and_paging(client, world, medal):
    people = [factories.official(world.units["d1301"], name_lo=f"ຄົນທີ {n}",
                                 name_latin=f"Person {n:03d}") for n in range(PAGE_SIZE + 5)]
    issue_for(world, people, medal, datetime.date(YEAR, 5, 4))
    first = client.get(URL).content.decode()
    assert "Page 1 of 2" in first
    second = client.get(URL, {"page": 2}).content.decode()
    assert second.count("<tr") == 1 + 5
    found = client.get(URL, {"q": "Person 007"}).content.decode()
    assert "ຄົນທີ 7<" in found and "ຄົນທີ 8<" not in found
    # Spacing and case are ignored for names.
    assert "ຄົນທີ 7<" in client.get(URL, {"q": "person007"}).content.decode()
    assert "No award matches." in client.get(URL, {"q": "nobody"}).content.decode()
