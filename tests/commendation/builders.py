"""Builders of commendation test records and the roles acting on them."""

import datetime

from django.core.exceptions import ValidationError

from lao_moha.commendation.models import (
    AwardDecision,
    AwardType,
    Council,
    DecisionLine,
    Proposal,
)
from lao_moha.commendation.services import council as council_service
from lao_moha.commendation.services import decisions as decision_service
from lao_moha.commendation.services import proposals as proposal_service
from lao_moha.core import workflow
from lao_moha.personnel.models import (
    Discipline,
    DisciplineMeasure,
    Evaluation,
    EvaluationRating,
)
from tests import factories

# The award year: last year, so that its evaluations may exist.
YEAR = datetime.date.today().year - 1

VIEW = [
    "commendation.view_proposal", "commendation.view_nominee",
    "commendation.view_awarddecision", "commendation.view_award",
    "commendation.view_decisionline", "personnel.view_official",
]
ROLES = {
    "clerk": VIEW + [
        "commendation.add_proposal", "commendation.change_proposal",
        "commendation.add_nominee", "commendation.change_nominee",
        "commendation.submit_proposal",
    ],
    "reviewer": VIEW + ["commendation.review_proposal", "commendation.override_eligibility"],
    "hr": VIEW + [
        "commendation.refer_proposal", "commendation.decide_proposal",
        "commendation.add_awarddecision", "commendation.change_awarddecision",
        "commendation.submit_awarddecision", "commendation.cancel_awarddecision",
        "commendation.amend_awarddecision", "commendation.revoke_award",
        "commendation.override_eligibility",
    ],
    "member": VIEW + ["commendation.vote_proposal"],
}


def rate(official, year, code):
    return Evaluation.objects.create(
        official=official, year=year, rating=EvaluationRating.objects.get(code=code))


def good_record(official, years=(YEAR - 1, YEAR)):
    for year in years:
        rate(official, year, "GOOD")
    return official


def discipline(official, start, end=None, code="WARNING", number="12/ພນ"):
    return Discipline.objects.create(
        official=official, measure=DisciplineMeasure.objects.get(code=code),
        reason="late reports", start_date=start, end_date=end, decision_no=number)


def proposal(unit, award="LABOUR-MEDAL-3", year=YEAR, **fields):
    values = {"title": "ສະເໜີຫຼຽນກາແຮງງານ", "summary": "ຜົນງານດີເດັ່ນ"}
    values.update(fields)
    obj = Proposal(proposing_unit=unit, award=AwardType.objects.get(code=award), year=year,
                   **values)
    obj.full_clean()
    obj.save()
    return obj


def nominate(proposal, *people):
    """Nominees for officials and collective units, in order."""
    result = []
    for person in people:
        if person.__class__.__name__ == "OrgUnit":
            result.append(proposal_service.add_nominee(proposal, collective=person))
        else:
            result.append(proposal_service.add_nominee(proposal, official=person))
    return result


def act(proposal, action, user, comment="", **values):
    return workflow.apply(proposal, action, user, comment=comment, values=values)


def vote_all(proposal, members, choice="for"):
    for nominee in proposal.nominees.filter(status="proposed"):
        for member in members:
            council_service.cast_vote(nominee, member, choice)


def to_council(proposal, world):
    act(proposal, "submit", world.clerk)
    act(proposal, "forward", world.reviewer, review_note="ເອກະສານຄົບຖ້ວນ")
    act(proposal, "refer", world.hr, council=world.council)
    return proposal


def to_approved(proposal, world):
    to_council(proposal, world)
    vote_all(proposal, world.members)
    act(proposal, "approve", world.hr)
    return proposal


def draft_for(world, people, award, date, unit=None):
    """A draft decision without a proposal (one taken above the ministry)."""
    decision = AwardDecision.objects.create(
        authority=award.decided_by, issuing_unit=unit or world.units["root"],
        decision_date=date, title=f"ມອບ {award.name_lo}",
        signer_name="ທອງລຸນ ສີສຸລິດ", signer_title="ປະທານປະເທດ")
    for person in people:
        collective = person.__class__.__name__ == "OrgUnit"
        DecisionLine.objects.create(
            decision=decision, award_type=award,
            official=None if collective else person, collective=person if collective else None)
    return decision


def issue_for(world, people, award, date, unit=None):
    return decision_service.issue_decision(draft_for(world, people, award, date, unit),
                                           world.hr)


class World:
    """A ministry, its people in each role, a council and some officials."""

    def __init__(self):
        self.units = factories.ministry_tree()
        units = self.units
        self.clerk = factories.user("clerk", ROLES["clerk"], [units["d0101"]])
        self.other_clerk = factories.user("clerk1301", ROLES["clerk"], [units["d1301"]])
        self.reviewer = factories.user("reviewer", ROLES["reviewer"], [units["p01"]])
        self.hr = factories.user("hr", ROLES["hr"], [units["root"]])
        self.members = [
            factories.user(f"member{n}", ROLES["member"], [units["root"]]) for n in (1, 2, 3)
        ]
        self.council = Council.objects.create(
            name_lo="ສະພາແຂ່ງຂັນ-ຍ້ອງຍໍ ກະຊວງ", unit=units["root"])
        self.council.members.set(self.members)
        self.officials = [
            good_record(factories.official(
                units["d0101"], name_lo=name_lo, name_latin=name_latin, gender=gender))
            for name_lo, name_latin, gender in [
                ("ບຸນມີ ສີລາວົງ", "Bounmy SILAVONG", "M"),
                ("ມະນີວອນ ຈັນທະວົງ", "Manivone CHANTHAVONG", "F"),
                ("ສົມສັກ ພົມມະຈັນ", "Somsack PHOMMACHANH", "M"),
            ]
        ]


def messages_of(error):
    assert isinstance(error, ValidationError)
    return " ".join(error.messages)
