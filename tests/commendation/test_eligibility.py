"""Each criterion, checked from the nominee's record, passes or fails with
its reason; an override is recorded; a second nomination is refused."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from lao_moha.commendation import eligibility
from lao_moha.commendation.models import AwardCriterion, AwardType, Nominee
from lao_moha.personnel.models import EvaluationRating
from tests import factories
from tests.commendation.builders import (
    YEAR,
    act,
    discipline,
    issue_for,
    nominate,
    proposal,
    rate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def award(db):
    """An award with no criteria but the one a test adds."""
    award = AwardType.objects.get(code="MERIT-MINISTER")
    award.criteria.all().delete()
    return award


def only(award, kind, **params):
    return AwardCriterion.objects.create(award=award, kind=kind, **params)


def finding(world, person, award_code="MERIT-MINISTER"):
    draft = proposal(world.units["d0101"], award=award_code)
    nominee = nominate(draft, person)[0]
    (result,) = eligibility.evaluate(nominee)
    return result


def test_years_of_service(world, award):
    only(award, "years_of_service", years=15)
    veteran = factories.official(world.units["d0101"], entry_date=datetime.date(2005, 1, 10))
    newcomer = factories.official(world.units["d0101"],
                                  entry_date=datetime.date(YEAR - 3, 6, 1))
    passed = finding(world, veteran)
    assert passed.passed is True
    assert passed.reason == (f"{YEAR - 2005} years of service at the end of {YEAR} "
                             "(entered 2005-01-10); 15 required.")
    failed = finding(world, newcomer)
    assert failed.passed is False
    assert failed.reason == (f"3 years of service at the end of {YEAR} "
                             f"(entered {YEAR - 3}-06-01); 15 required.")


def test_consecutive_ratings(world, award):
    only(award, "consecutive_ratings", years=3,
         rating=EvaluationRating.objects.get(code="GOOD"))
    steady = factories.official(world.units["d0101"])
    for year, code in ((YEAR - 2, "EXCELLENT"), (YEAR - 1, "GOOD"), (YEAR, "GOOD")):
        rate(steady, year, code)
    uneven = factories.official(world.units["d0101"])
    rate(uneven, YEAR - 2, "GOOD")
    rate(uneven, YEAR, "COMPLETED")
    assert finding(world, steady).passed is True
    failed = finding(world, uneven)
    assert failed.passed is False
    assert failed.reason == (
        f"Needs “ສຳເລັດໜ້າທີ່ດີ” or better in every year {YEAR - 2}–{YEAR}; "
        f"{YEAR - 1}: no evaluation; {YEAR}: “ສຳເລັດໜ້າທີ່”.")


def test_prior_award_and_how_long_before(world, award):
    medal = AwardType.objects.get(code="LABOUR-MEDAL-3")
    only(award, "prior_award", prior_award=medal, years=2)
    holder, recent, none = (factories.official(world.units["d0101"]) for _n in range(3))
    issue_for(world, [holder], medal, datetime.date(YEAR - 3, 5, 1))
    issue_for(world, [recent], medal, datetime.date(YEAR - 1, 5, 1))
    passed = finding(world, holder)
    assert passed.passed is True
    assert passed.reason.startswith(f"Received “Labour Medal, Class III” on {YEAR - 3}-05-01")
    too_recent = finding(world, recent)
    assert too_recent.passed is False
    assert too_recent.reason == (f"Received “Labour Medal, Class III” on {YEAR - 1}-05-01; "
                                 f"it must be received in {YEAR - 2} or earlier.")
    assert finding(world, none).reason == "Does not hold “Labour Medal, Class III”."


def test_no_discipline_in_the_period(world, award):
    only(award, "no_discipline", years=3)
    clean = factories.official(world.units["d0101"])
    discipline(clean, datetime.date(YEAR - 5, 1, 1), datetime.date(YEAR - 4, 12, 31))
    open_ended = factories.official(world.units["d0101"])
    discipline(open_ended, datetime.date(YEAR - 6, 4, 2), None, code="REPRIMAND",
               number="7/ພນ")
    passed = finding(world, clean)
    assert passed.passed is True
    assert passed.reason == (f"No disciplinary measure from {YEAR - 2}-01-01 "
                             f"to {YEAR}-12-31.")
    failed = finding(world, open_ended)
    assert failed.passed is False
    assert failed.reason == (f"Disciplinary measure in {YEAR - 2}–{YEAR}: "
                             f"“ຕິຕຽນ” from {YEAR - 6}-04-02 (decision 7/ພນ).")


def test_quota_per_unit_and_year(world, award):
    only(award, "unit_quota", quota=2, applies_to="both")
    draft = proposal(world.units["d0101"], award="MERIT-MINISTER")
    nominees = nominate(draft, *world.officials)
    results = [eligibility.evaluate(n)[0] for n in nominees]
    assert [r.passed for r in results] == [True, True, False]
    assert results[2].reason == (
        "Nominee 3 of 3 from “T-DHA-0101” for “Certificate of merit of the Minister” "
        f"in {YEAR}; the quota is 2.")
    # Another unit has its own quota.
    other = proposal(world.units["d1301"], award="MERIT-MINISTER")
    stranger = factories.official(world.units["d1301"])
    assert eligibility.evaluate(nominate(other, stranger)[0])[0].passed is True


def test_criteria_for_individuals_skip_collectives(world, award):
    only(award, "years_of_service", years=50)
    draft = proposal(world.units["d0101"], award="MERIT-MINISTER")
    (unit_nominee,) = nominate(draft, world.units["d0101"])
    assert eligibility.evaluate(unit_nominee) == []


def test_failing_nominee_is_stopped_and_may_proceed_by_a_recorded_override(world, award):
    only(award, "years_of_service", years=50)
    draft = proposal(world.units["d0101"], award="MERIT-MINISTER")
    first, second = nominate(draft, *world.officials[:2])
    with pytest.raises(ValidationError, match="No nominee meets the criteria"):
        act(draft, "submit", world.clerk)

    from lao_moha.commendation.services.proposals import override_eligibility

    with pytest.raises(PermissionDenied):
        override_eligibility(first, world.clerk, "ຜົນງານພິເສດ")
    with pytest.raises(ValidationError, match="Give the reason"):
        override_eligibility(first, world.hr, " ")
    override_eligibility(first, world.hr, "ຜົນງານພິເສດ")
    act(draft, "submit", world.clerk)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.eligible, first.override_by) == ("proposed", False, world.hr)
    assert first.override_reason == "ຜົນງານພິເສດ"
    assert second.status == "not_met"
    assert second.checks.get().passed is False


def test_duplicate_nomination_is_refused(world):
    official = world.officials[0]
    first = proposal(world.units["d0101"])
    nominate(first, official)
    again = proposal(world.units["d0101"], title="again")
    with pytest.raises(ValidationError, match="is already nominated for"):
        nominate(again, official)
    # Another award, or another year, is a new nomination.
    nominate(proposal(world.units["d0101"], award="MERIT-MINISTER"), official)
    nominate(proposal(world.units["d0101"], year=YEAR - 1), official)
    # The database refuses it too, should two clerks race past the check.
    with pytest.raises(IntegrityError), transaction.atomic():
        Nominee(proposal=again, official=official).save()


def test_nominee_outside_the_proposing_unit_is_refused(world):
    stranger = factories.official(world.units["d1301"])
    draft = proposal(world.units["d0101"])
    with pytest.raises(ValidationError, match="is not in “T-DHA-0101” or a unit below"):
        nominate(draft, stranger)


def test_eligibility_over_rest(world):
    from rest_framework.test import APIClient

    draft = proposal(world.units["d0101"])
    nominate(draft, world.officials[0])
    api = APIClient(HTTP_HOST="127.0.0.1")
    api.force_authenticate(world.clerk)
    body = api.get(f"/api/commendation/proposals/{draft.pk}/eligibility/").json()
    assert [c["passed"] for c in body[0]["checks"]] == [True, True, True]


def test_desk_add_page_refuses_a_duplicate_nominee(world, client_for):
    first = proposal(world.units["d0101"])
    nominate(first, world.officials[0])
    desk = client_for(world.clerk)
    form = {
        "proposing_unit": world.units["d0101"].pk,
        "award": first.award_id, "year": YEAR, "title": "again", "summary": "",
        "review_note": "", "nominees-TOTAL_FORMS": 1, "nominees-INITIAL_FORMS": 0,
        "nominees-0-official": world.officials[0].pk, "nominees-0-achievements": "",
    }
    response = desk.post("/app/commendation/proposal/add/", form)
    assert response.status_code == 200
    assert "is already nominated for" in response.content.decode()
