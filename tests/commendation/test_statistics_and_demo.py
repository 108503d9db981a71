"""Award statistics in the desk, and the demo ministry's commendation data."""

import datetime

import pytest
from django.core.management import call_command

from lao_moha.commendation import statistics
from lao_moha.commendation.models import (
    Award,
    AwardDecision,
    AwardType,
    Movement,
    Proposal,
)
from lao_moha.commendation.services import revocation
from tests.commendation.builders import YEAR, issue_for

pytestmark = pytest.mark.django_db


def table(tables, title):
    return {row["label"]: row["count"] for row in next(
        t for t in tables if t["title"] == title)["rows"]}


def test_awards_by_year_level_province_gender_and_type(world):
    medal = AwardType.objects.get(code="LABOUR-MEDAL-3")
    merit = AwardType.objects.get(code="MERIT-MINISTER")
    first, second, third = world.officials  # M, F, M in Vientiane Capital
    issue_for(world, [first, second], medal, datetime.date(YEAR - 1, 3, 1))
    issue_for(world, [third, world.units["d1301"]], merit, datetime.date(YEAR, 3, 1))
    revoked = issue_for(world, [first], merit, datetime.date(YEAR, 4, 1))
    revocation.revoke_decision(revoked, world.hr, "ຜິດ")

    tables = statistics.tables(Award.objects.filter(status="valid"))
    assert table(tables, "By year") == {YEAR - 1: 2, YEAR: 2}
    assert table(tables, "By level") == {"State (President)": 2, "Ministry": 2}
    assert table(tables, "By province") == {"ນະຄອນຫຼວງວຽງຈັນ": 3, "ສະຫວັນນະເຂດ": 1}
    assert table(tables, "By gender") == {"Collectives": 1, "Female": 1, "Male": 2}
    assert table(tables, "By award") == {"ຫຼຽນກາແຮງງານ ຊັ້ນ III": 2,
                                         "ໃບຍ້ອງຍໍຂອງລັດຖະມົນຕີ": 2}


def test_statistics_page_in_the_desk_is_scoped(world, client_for):
    medal = AwardType.objects.get(code="LABOUR-MEDAL-3")
    issue_for(world, [world.officials[0], world.units["d1301"]], medal,
              datetime.date(YEAR, 3, 1))
    page = client_for(world.clerk).get("/app/commendation/award/statistics/",
                                       {"year_from": YEAR})
    assert page.status_code == 200
    html = page.content.decode()
    assert "ນະຄອນຫຼວງວຽງຈັນ" in html
    assert "ສະຫວັນນະເຂດ" not in html  # the other province's award is out of scope


def test_demo_builds_movements_proposals_and_issued_decisions():
    from lao_moha.personnel.demo import build_officials, build_units

    build_units()
    build_officials(1200, seed=3)
    call_command("demo_commendation", if_empty=True, verbosity=0)
    assert Movement.objects.count() == 2
    assert Proposal.objects.count() == 4
    assert sorted(p.stage for p in Proposal.objects.all()) == [
        "decided", "decided", "draft", "submitted"]
    assert AwardDecision.objects.filter(docstatus=1).count() == 2
    assert Award.objects.filter(status="valid").count() >= 4  # 2 + 2 at least
    # The warned official is stopped with the reason shown.
    stopped = Proposal.objects.get(award__code="LABOUR-MEDAL-3", workflow_state__code="decided")
    assert stopped.nominees.filter(status="not_met").count() == 1
    call_command("demo_commendation", if_empty=True, verbosity=0)
    assert Proposal.objects.count() == 4
