"""Council votes: who may vote and when, quorum and majority as settings."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework.test import APIClient

from lao_moha.commendation.models import Council
from lao_moha.commendation.services.council import cast_vote, tally
from lao_moha.core.workflow import WorkflowError
from tests import factories
from tests.commendation.builders import ROLES, act, nominate, proposal, to_council

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_council(world):
    draft = proposal(world.units["d0101"])
    nominate(draft, *world.officials[:2])
    return to_council(draft, world)


def votes(council, *choices, members=None):
    return council.tally(list(choices), members=members)


@pytest.mark.smoke
@pytest.mark.parametrize("choices, quorum, approved", [
    (("for", "for"), False, False),            # 2 of 3 members: 200 < 67 * 3
    (("for", "for", "against"), True, True),   # 2 of 3 cast: more than half
    (("for", "against", "abstain"), True, False),  # 1 of 3 cast is not a majority
    (("for", "for", "abstain"), True, True),   # an abstention counts as cast
    (("against", "against", "for"), True, False),
])
def test_default_quorum_and_majority(world, choices, quorum, approved):
    result = votes(world.council, *choices, members=3)
    assert (result["quorum"], result["approved"]) == (quorum, approved)
    assert result["cast"] == len(choices)


def test_quorum_and_majority_are_settings(world):
    council = Council(name_lo="x", unit=world.units["root"], quorum_percent=50,
                      majority_percent=66)
    # Half of 4 members is a quorum at 50%.
    assert votes(council, "for", "for", members=4)["approved"] is True
    # Two thirds needed: 2 of 3 is 66.7% > 66%; 1 of 2 is not.
    assert votes(council, "for", "for", "against", members=4)["approved"] is True
    assert votes(council, "for", "against", members=4)["approved"] is False
    # Exactly half is not "more than half".
    simple = Council(name_lo="y", unit=world.units["root"], quorum_percent=50,
                     majority_percent=50)
    assert votes(simple, "for", "against", members=2)["approved"] is False


def test_only_members_vote_and_only_at_the_council(world, at_council):
    nominee = at_council.nominees.first()
    outsider = factories.user("outsider", ROLES["member"], [world.units["root"]])
    with pytest.raises(PermissionDenied, match="Only members of the council may vote"):
        cast_vote(nominee, outsider, "for")
    with pytest.raises(PermissionDenied, match="Your role does not allow"):
        cast_vote(nominee, world.hr, "for")
    early = proposal(world.units["d0101"], award="MERIT-MINISTER")
    early_nominee = nominate(early, world.officials[0])[0]
    with pytest.raises(ValidationError, match="only while the proposal is at the council"):
        cast_vote(early_nominee, world.members[0], "for")


def test_a_member_votes_once_and_may_change_the_vote(world, at_council):
    nominee = at_council.nominees.first()
    cast_vote(nominee, world.members[0], "against")
    cast_vote(nominee, world.members[0], "for", "ປ່ຽນໃຈ")
    assert nominee.votes.count() == 1
    assert tally(nominee)["for"] == 1


def test_approve_needs_quorum_and_a_majority(world, at_council):
    first, second = at_council.nominees.all()
    for member in world.members[:2]:
        cast_vote(first, member, "for")
        cast_vote(second, member, "against")
    with pytest.raises(WorkflowError, match="The quorum is not reached for"):
        act(at_council, "approve", world.hr)
    cast_vote(first, world.members[2], "for")
    cast_vote(second, world.members[2], "against")
    with pytest.raises(WorkflowError, match="approve the proposal instead"):
        act(at_council, "reject", world.hr, comment="no")
    act(at_council, "approve", world.hr)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("approved", "rejected")


def test_reject_when_no_nominee_has_a_majority(world, at_council):
    for nominee in at_council.nominees.all():
        for member in world.members:
            cast_vote(nominee, member, "against")
    with pytest.raises(WorkflowError, match="No nominee has the council's majority"):
        act(at_council, "approve", world.hr)
    act(at_council, "reject", world.hr, comment="ຜົນງານບໍ່ພຽງພໍ")
    assert set(at_council.nominees.values_list("status", flat=True)) == {"rejected"}


def test_votes_over_rest_and_on_the_desk(world, at_council, client_for):
    nominee = at_council.nominees.first()
    api = APIClient(HTTP_HOST="127.0.0.1")
    api.force_authenticate(world.members[0])
    response = api.post(f"/api/commendation/nominees/{nominee.pk}/vote/",
                        {"choice": "for"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["tally"]["for"] == 1
    desk = client_for(world.members[1])
    page = desk.get(f"/app/commendation/proposal/{at_council.pk}/change/").content.decode()
    assert "Votes: 1 for" in page
    reply = desk.post(f"/app/commendation/proposal/{at_council.pk}/vote/",
                      {"nominee": nominee.pk, "choice": "against", "comment": ""})
    assert reply.status_code == 302
    assert tally(nominee)["against"] == 1
