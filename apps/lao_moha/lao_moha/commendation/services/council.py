"""The council: members' votes on nominees and the outcome."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..choices import NomineeStatus, ProposalStage, VoteChoice
from ..models import CouncilVote
from . import require

logger = logging.getLogger(__name__)


@transaction.atomic
def cast_vote(nominee, member, choice, comment=""):
    """Record (or change) a member's vote on a nominee while at council."""
    proposal = nominee.proposal
    require(member, "commendation.vote_proposal", proposal)
    if proposal.stage != ProposalStage.COUNCIL:
        raise ValidationError(_("Votes are taken only while the proposal is at the council."))
    council = proposal.council
    if council is None or not council.members.filter(pk=member.pk).exists():
        raise PermissionDenied(_("Only members of the council may vote."))
    if nominee.status != NomineeStatus.PROPOSED:
        raise ValidationError(_("“{name}” is not before the council ({status}).").format(
            name=nominee, status=nominee.get_status_display()))
    if choice not in VoteChoice.values:
        raise ValidationError(_("Vote for, against or abstain."))
    vote, _created = CouncilVote.objects.update_or_create(
        nominee=nominee, member=member, defaults={"choice": choice, "comment": comment})
    logger.info("Council vote on nominee %s by user %s", nominee.pk, member.pk)
    return vote


def tally(nominee, council=None, members=None):
    council = council or nominee.proposal.council
    votes = [vote.choice for vote in nominee.votes.all()]
    return council.tally(votes, members=members)


def tallies(proposal):
    """{nominee: tally} for the nominees before the council."""
    council = proposal.council
    if council is None:
        return {}
    members = council.members.count()
    nominees = proposal.nominees.filter(status=NomineeStatus.PROPOSED).prefetch_related(
        "votes")
    return {nominee: tally(nominee, council, members) for nominee in nominees}


def close_votes(proposal, approve):
    """Write the council's outcome on each nominee before it."""
    outcome = tallies(proposal)
    for nominee, result in outcome.items():
        passed = approve and result["approved"]
        nominee.status = NomineeStatus.APPROVED if passed else NomineeStatus.REJECTED
        nominee.save(update_fields=["status"])
    logger.info("Council closed on proposal %s: %d nominees", proposal.pk, len(outcome))
