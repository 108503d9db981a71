"""Award decisions: drafting from approved proposals, issuing (numbered,
awards written onto every beneficiary's record), cancelling, amending."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from lao_moha.core import docstatus, workflow
from lao_moha.core.naming import next_name

from ..choices import AwardStatus, NomineeStatus, ProposalStage
from ..models import Award, AwardDecision, DecisionLine, Nominee
from . import require

logger = logging.getLogger(__name__)


@transaction.atomic
def draft_decision(proposals, user, **fields):
    """A draft decision listing the approved nominees of `proposals`.

    `fields` are the decision's own (authority, issuing_unit, decision_date,
    title, signer_name, signer_title ...).
    """
    decision = AwardDecision(**fields)
    decision.full_clean()
    for proposal in proposals:
        if proposal.stage != ProposalStage.APPROVED:
            raise ValidationError(_("“{proposal}” is not approved.").format(proposal=proposal))
        if proposal.award.decided_by_id != decision.authority_id:
            raise ValidationError(
                _("“{award}” is decided by {authority}, not by {other}.").format(
                    award=proposal.award, authority=proposal.award.decided_by,
                    other=decision.authority))
    decision.save()
    decision.proposals.set(proposals)
    for proposal in proposals:
        for nominee in proposal.nominees.filter(status=NomineeStatus.APPROVED):
            DecisionLine.objects.create(
                decision=decision, nominee=nominee, official_id=nominee.official_id,
                collective_id=nominee.collective_id, award_type_id=nominee.award_id)
    logger.info("Decision %s drafted from %d proposals by user %s",
                decision.pk, len(proposals), user.pk)
    return decision


@transaction.atomic
def issue_decision(decision, user):
    """Number and submit a draft decision; write its awards onto every
    beneficiary's record and move its proposals to "decision issued"."""
    require(user, "commendation.submit_awarddecision", decision)
    decision = (
        AwardDecision.objects.select_for_update()
        .select_related("authority__naming_series", "issuing_unit").get(pk=decision.pk)
    )
    if decision.docstatus != docstatus.DocStatus.DRAFT:
        raise ValidationError(_("“{decision}” is already issued.").format(decision=decision))
    lines = list(decision.lines.select_related("official__unit", "collective", "nominee"))
    if not lines:
        raise ValidationError(_("Add at least one beneficiary before issuing."))
    for line in lines:
        if line.nominee_id and line.nominee.status != NomineeStatus.APPROVED:
            raise ValidationError(_("“{name}” is not approved by the council ({status}).")
                                  .format(name=line, status=line.nominee.get_status_display()))

    year = decision.decision_date.year
    series = decision.authority.naming_series
    decision.sequence, decision.number = next_name(series, decision.issuing_unit.code, year)
    decision.series_year = year if series.per_year else 0
    docstatus.mark_submitted(decision, user)

    bulk_create_with_history([
        Award(decision=decision, line=line, official_id=line.official_id,
              collective_id=line.collective_id,
              unit=line.collective or line.official.unit,
              award_type_id=line.award_type_id, awarded_on=decision.decision_date,
              created_by=user, modified_by=user)
        for line in lines
    ], Award)
    for line in lines:
        if line.nominee_id:
            line.nominee.status = NomineeStatus.AWARDED
            line.nominee.save(update_fields=["status"])
    for proposal in decision.proposals.select_related("workflow_state"):
        move_to_stage(proposal, ProposalStage.DECIDED, user, comment=decision.number)
    logger.info("Decision %s issued as number %s with %d awards by user %s",
                decision.pk, decision.sequence, len(lines), user.pk)
    return decision


def move_to_stage(proposal, stage, user, comment=""):
    """Take the transition leading to `stage`, if the proposal is not there."""
    if proposal.stage == stage:
        return None
    transition = next(
        (t for t in workflow.transitions_from(proposal) if t.to_state.stage == stage), None)
    if transition is None:
        return None
    return workflow.apply(proposal, transition.action, user, comment=comment)


@transaction.atomic
def cancel_decision(decision, user, reason):
    """Cancel an issued decision: kept, with its reason; its awards are
    marked cancelled and its nominees may go on an amendment."""
    require(user, "commendation.cancel_awarddecision", decision)
    decision = AwardDecision.objects.select_for_update().get(pk=decision.pk)
    docstatus.mark_cancelled(decision, user, reason)
    for award in decision.awards.filter(status=AwardStatus.VALID):
        award.status = AwardStatus.CANCELLED
        award.save(update_fields=["status"])
    nominees = Nominee.objects.filter(decision_lines__decision=decision,
                                      status=NomineeStatus.AWARDED)
    for nominee in nominees:
        nominee.status = NomineeStatus.APPROVED
        nominee.save(update_fields=["status"])
    logger.info("Decision %s cancelled by user %s", decision.pk, user.pk)
    return decision


@transaction.atomic
def amend_decision(decision, user):
    """A new draft replacing a cancelled decision, with its beneficiaries."""
    require(user, "commendation.amend_awarddecision", decision)
    docstatus.check_amendable(decision)
    copied = {
        field.name: getattr(decision, field.name)
        for field in AwardDecision._meta.concrete_fields
        if field.editable and field.name not in ("id",)
    }
    amendment = AwardDecision(**copied, amended_from=decision)
    amendment.save()
    amendment.proposals.set(decision.proposals.all())
    for line in decision.lines.all():
        DecisionLine.objects.create(
            decision=amendment, nominee_id=line.nominee_id, official_id=line.official_id,
            collective_id=line.collective_id, award_type_id=line.award_type_id)
    logger.info("Decision %s amended as draft %s by user %s", decision.pk, amendment.pk,
                user.pk)
    return amendment


@transaction.atomic
def record_presentation(decision, user, presenter_name, presenter_title, presented_on):
    """Record who presented the awards on the decider's behalf, and when."""
    require(user, "commendation.change_awarddecision", decision)
    decision = AwardDecision.objects.select_for_update().get(pk=decision.pk)
    decision.presenter_name = presenter_name
    decision.presenter_title = presenter_title
    decision.presented_on = presented_on
    decision.save(update_fields=["presenter_name", "presenter_title", "presented_on"])
    return decision
