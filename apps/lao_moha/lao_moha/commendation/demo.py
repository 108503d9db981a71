"""Commendation in the demo ministry: movements, proposals at several
stages and issued decisions, made through the same services as the desk.

The demo acts through accounts that cannot sign in (no usable password):
an emulation officer of the ministry and three council members. Nominees
are demo officials whose evaluations meet the shipped example criteria;
one of them is given a warning, so that a stopped nominee can be seen.
"""

import datetime
import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Count, Q

from lao_moha.core import workflow
from lao_moha.organization.models import OrgUnit, UnitMembership
from lao_moha.personnel.models import (
    Discipline,
    DisciplineMeasure,
    Evaluation,
    EvaluationRating,
    Official,
)

from .models import AwardType, Council, Movement, Proposal
from .services import council as council_service
from .services import decisions
from .services import proposals as proposal_service

logger = logging.getLogger(__name__)

OFFICER = "demo-emulation-officer"
MEMBERS = ("demo-council-1", "demo-council-2", "demo-council-3")
MOVEMENTS = [
    ("MOV-SERVICE", "ຂະບວນການແຂ່ງຂັນ ບໍລິການປະຊາຊົນດີ", "Good public service movement",
     "Phong trào phục vụ nhân dân tốt", "ຫຼຸດເວລາອອກເອກະສານລົງເຄິ່ງໜຶ່ງ"),
    ("MOV-RECORDS", "ຂະບວນການແຂ່ງຂັນ ຄຸ້ມຄອງແຟ້ມລັດຖະກອນທັນສະໄໝ",
     "Modern civil-service records movement", "Phong trào hiện đại hoá hồ sơ công chức",
     "ແຟ້ມລັດຖະກອນທັງໝົດຢູ່ໃນລະບົບ"),
]


def demo_user(username, permissions, unit):
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults={"is_staff": True})
    if created:
        user.set_unusable_password()
        user.save()
    user.user_permissions.add(*permissions)
    UnitMembership.objects.get_or_create(user=user, unit=unit)
    return User.objects.get(pk=user.pk)


def commendation_permissions(*codenames):
    found = Permission.objects.filter(content_type__app_label="commendation")
    return list(found.filter(codename__in=codenames) if codenames else found)


def candidates(year):
    """Active officials of ten years' service or more, rated "good" or better
    in `year` and the year before: whom the shipped example criteria accept."""
    officials = Official.objects.filter(status="active",
                                        entry_date__lte=datetime.date(year - 10, 1, 1))
    good = EvaluationRating.objects.filter(code="GOOD").first()
    if good is None:
        return officials
    for rated_year in (year - 1, year):
        rated = Evaluation.objects.filter(year=rated_year, rating__rank__gte=good.rank)
        officials = officials.filter(pk__in=rated.values("official"))
    return officials


def warn(official, year):
    measure = DisciplineMeasure.objects.order_by("severity").first()
    if measure is not None:
        Discipline.objects.create(
            official=official, measure=measure, reason="ລາຍງານຊັກຊ້າ",
            start_date=datetime.date(year, 3, 1), end_date=datetime.date(year, 8, 31),
            decision_no="5/ຫພມ")


def travel(proposal, officer, members, until):
    """Take the proposal along the default path up to the stage `until`."""
    steps = [
        ("submitted", "submit", {}),
        ("reviewed", "forward", {"review_note": "ເອກະສານຄົບຖ້ວນ"}),
        ("council", "refer", {"council": members["council"]}),
    ]
    for stage, action, values in steps:
        workflow.apply(proposal, action, officer, values=values)
        if stage == until:
            return
    for nominee in proposal.nominees.filter(status="proposed"):
        for member in members["users"]:
            council_service.cast_vote(nominee, member, "for")
    workflow.apply(proposal, "approve", officer)


@transaction.atomic
def build_commendation_demo(year=None):
    """Movements, four proposals and two issued decisions; returns counts."""
    year = year or datetime.date.today().year - 1
    root = OrgUnit.objects.filter(parent__isnull=True, kind="ministry").first()
    eligible = candidates(year)
    districts = list(
        OrgUnit.objects.filter(level="district")
        .annotate(eligible=Count("officials", filter=Q(officials__in=eligible)))
        .filter(eligible__gte=2).order_by("-eligible", "code")[:4]
    )
    if root is None or len(districts) < 4 or workflow.initial_state(Proposal) is None:
        logger.info("Commendation demo skipped: no demo ministry or workflow")
        return {}
    officer = demo_user(OFFICER, commendation_permissions(), root)
    users = [demo_user(name, commendation_permissions("vote_proposal", "view_proposal"), root)
             for name in MEMBERS]
    council, _created = Council.objects.get_or_create(
        unit=root, name_lo="ສະພາແຂ່ງຂັນ-ຍ້ອງຍໍ ກະຊວງພາຍໃນ",
        defaults={"name_en": "Emulation and commendation council of the ministry"})
    council.members.set(users)
    members = {"council": council, "users": users}

    movements = []
    for code, name_lo, name_en, name_vi, targets in MOVEMENTS:
        movement, _created = Movement.objects.get_or_create(code=code, defaults={
            "name_lo": name_lo, "name_en": name_en, "name_vi": name_vi,
            "organizing_unit": root, "targets": targets,
            "start_date": datetime.date(year - 1, 1, 1),
            "end_date": datetime.date(year, 12, 31)})
        movement.participating_units.set(
            OrgUnit.objects.filter(level="province").order_by("code")[:6])
        movements.append(movement)

    plans = [  # (district, award, stage reached, collective nominated)
        (districts[0], "LABOUR-MEDAL-3", "approved", True),
        (districts[1], "MERIT-MINISTER", "approved", False),
        (districts[2], "LABOUR-MEDAL-3", "submitted", False),
        (districts[3], "MERIT-MINISTER", "draft", True),
    ]
    proposals = []
    for index, (district, award_code, until, collective) in enumerate(plans):
        award = AwardType.objects.get(code=award_code)
        people = list(eligible.filter(unit=district).order_by("civil_service_no")[:3])
        if index == 0 and len(people) > 1:
            warn(people[-1], year)
        proposal = Proposal(
            proposing_unit=district, award=award, year=year,
            movement=movements[index % 2], title=f"{award.name_lo} — {district.name_lo}",
            summary="ສຳເລັດໜ້າທີ່ດີເດັ່ນ ໃນຂະບວນການແຂ່ງຂັນ")
        proposal.save()
        for person in people:
            proposal_service.add_nominee(proposal, official=person,
                                         achievements="ຜົນງານດີເດັ່ນ")
        if collective:
            proposal_service.add_nominee(proposal, collective=district)
        if until != "draft":
            travel(proposal, officer, members, until)
        proposals.append(proposal)

    issued = []
    for proposal in proposals[:2]:
        proposal.refresh_from_db()
        decision = decisions.draft_decision(
            [proposal], officer, authority=proposal.award.decided_by, issuing_unit=root,
            decision_date=datetime.date(year, 12, 20), title=proposal.title,
            signer_name="ສົມພອນ ພົມມະຈັນ", signer_title=str(proposal.award.decided_by))
        issued.append(decisions.issue_decision(decision, officer))
    counts = {"movements": len(movements), "proposals": len(proposals),
              "decisions": len(issued)}
    logger.info("Commendation demo: %s", counts)
    return counts
