"""Scope on proposals, nominees, decisions and awards: a user works on the
records of their units and the units below them, on every surface."""

import datetime

import pytest
from rest_framework.test import APIClient

from lao_moha.commendation.models import AwardDecision, AwardType, Nominee, Proposal
from lao_moha.core import scope
from tests import factories
from tests.commendation.builders import (
    ROLES,
    YEAR,
    draft_for,
    issue_for,
    nominate,
    proposal,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(world):
    here = proposal(world.units["d0101"], title="here")
    nominate(here, world.officials[0])
    stranger = factories.official(world.units["d1301"])
    there = proposal(world.units["d1301"], title="there")
    nominate(there, stranger)
    medal = AwardType.objects.get(code="LABOUR-MEDAL-3")
    central = issue_for(world, [world.officials[1]], medal, datetime.date(YEAR, 4, 1))
    provincial = issue_for(world, [stranger], medal, datetime.date(YEAR, 4, 1),
                           unit=world.units["p13"])
    return {"here": here, "there": there, "central": central, "provincial": provincial}


def titles(user):
    return sorted(scope.restrict(Proposal.objects.all(), user).values_list("title", flat=True))


def test_proposals_by_proposing_unit(world, records):
    assert titles(world.clerk) == ["here"]
    assert titles(world.other_clerk) == ["there"]
    assert titles(world.reviewer) == ["here"]  # Vientiane's province sees its districts
    assert titles(world.hr) == ["here", "there"]  # the ministry sees all
    nominees = scope.restrict(Nominee.objects.all(), world.other_clerk)
    assert [n.proposal.title for n in nominees] == ["there"]


def test_decisions_by_issuing_unit_and_awards_by_unit(world, records):
    p13 = factories.user("p13", ROLES["hr"], [world.units["p13"]])
    decisions = scope.restrict(AwardDecision.objects.all(), p13)
    assert list(decisions) == [records["provincial"]]
    assert set(scope.restrict(AwardDecision.objects.all(), world.hr)) == {
        records["central"], records["provincial"]}
    # The district sees the awards of its own people, whoever issued them.
    from lao_moha.commendation.models import Award

    assert [a.official for a in scope.restrict(Award.objects.all(), world.clerk)] == [
        world.officials[1]]


def test_rest_lists_and_details_are_scoped(world, records):
    api = APIClient(HTTP_HOST="127.0.0.1")
    api.force_authenticate(world.other_clerk)
    listed = api.get("/api/commendation/proposals/").json()["results"]
    assert [row["title"] for row in listed] == ["there"]
    assert api.get(f"/api/commendation/proposals/{records['here'].pk}/").status_code == 404
    assert api.get(
        f"/api/commendation/proposals/{records['here'].pk}/workflow/").status_code == 404
    # Nor may a clerk create a proposal for another district.
    created = api.post("/api/commendation/proposals/", {
        "proposing_unit": world.units["d0101"].pk,
        "award": AwardType.objects.get(code="LABOUR-MEDAL-3").pk,
        "year": YEAR, "title": "x"}, format="json")
    assert created.status_code == 400
    # Units outside the scope are not even offered: the field is refused
    # as if the unit did not exist (no existence oracle).
    assert "proposing_unit" in created.json()


def test_desk_lists_and_pages_are_scoped(world, records, client_for):
    desk = client_for(world.other_clerk)
    listing = desk.get("/app/commendation/proposal/").content.decode()
    assert "there" in listing and ">here<" not in listing
    hidden = desk.get(f"/app/commendation/proposal/{records['here'].pk}/change/")
    assert hidden.status_code == 302  # the admin's "does not exist" redirect
    decision = records["central"]
    assert desk.get(
        f"/app/commendation/awarddecision/{decision.pk}/pdf/").status_code in (302, 403, 404)


def test_a_draft_decision_outside_scope_cannot_be_issued(world, records):
    from django.core.exceptions import PermissionDenied

    from lao_moha.commendation.services.decisions import issue_decision

    medal = AwardType.objects.get(code="LABOUR-MEDAL-3")
    draft = draft_for(world, [world.officials[2]], medal, datetime.date(YEAR, 9, 1))
    p13 = factories.user("p13", ROLES["hr"], [world.units["p13"]])
    with pytest.raises(PermissionDenied, match="outside your units"):
        issue_decision(draft, p13)
