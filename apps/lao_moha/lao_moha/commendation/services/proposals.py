"""Proposals: nominees, eligibility overrides, and what each stage does."""

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import eligibility
from ..choices import NomineeStatus, ProposalStage
from ..models import Nominee
from . import require

logger = logging.getLogger(__name__)

#: Stages in which an override may still let a nominee go forward.
OVERRIDE_STAGES = (ProposalStage.DRAFT, ProposalStage.RETURNED, ProposalStage.SUBMITTED,
                   ProposalStage.REVIEWED)


def add_nominee(proposal, official=None, collective=None, achievements=""):
    """Put an official or a collective forward; refuses a duplicate."""
    nominee = Nominee(proposal=proposal, official=official, collective=collective,
                      achievements=achievements)
    nominee.full_clean(exclude=["award", "year"])
    try:
        with transaction.atomic():
            nominee.save()
    except IntegrityError as error:
        # Lost a race with another clerk nominating the same person.
        raise ValidationError(_("“{name}” is already nominated for this award and "
                                "year.").format(name=nominee)) from error
    return nominee


@transaction.atomic
def override_eligibility(nominee, user, reason):
    """Let a nominee who fails a criterion go forward; records who and why."""
    require(user, "commendation.override_eligibility", nominee)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for letting this nominee proceed."))
    nominee = Nominee.objects.select_for_update().select_related(
        "proposal__workflow_state").get(pk=nominee.pk)
    if nominee.proposal.stage not in OVERRIDE_STAGES:
        raise ValidationError(_("The proposal is past review: overrides are closed."))
    nominee.override_reason = reason
    nominee.override_by = user
    nominee.override_at = timezone.now()
    if nominee.status == NomineeStatus.NOT_MET:
        nominee.status = NomineeStatus.PROPOSED
    nominee.save(update_fields=["override_reason", "override_by", "override_at", "status"])
    logger.info("Eligibility override on nominee %s by user %s", nominee.pk, user.pk)
    return nominee


def on_stage_entered(proposal, stage, user):
    """What entering a stage does to the nominees (inside the transition)."""
    if stage == ProposalStage.SUBMITTED:
        for nominee in proposal.nominees.select_related("official", "collective"):
            eligibility.record(nominee)
    elif stage in (ProposalStage.APPROVED, ProposalStage.REJECTED):
        from .council import close_votes

        close_votes(proposal, approve=stage == ProposalStage.APPROVED)
