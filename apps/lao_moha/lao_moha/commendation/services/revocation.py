"""Revoking a whole decision or a single award, with what must be returned."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lao_moha.core.docstatus import DocStatus

from ..choices import AwardStatus
from ..models import Award, AwardDecision, Revocation
from . import require

logger = logging.getLogger(__name__)


def _revoke(decision, awards, user, reason, items_to_return, reference, revoked_on,
            whole):
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for the revocation."))
    if decision.docstatus != DocStatus.SUBMITTED:
        raise ValidationError(_("Only an issued decision's awards can be revoked."))
    awards = [award for award in awards if award.status == AwardStatus.VALID]
    if not awards:
        raise ValidationError(_("There is no valid award left to revoke."))
    revocation = Revocation.objects.create(
        decision=decision, whole_decision=whole, reason=reason,
        items_to_return=(items_to_return or "").strip(), reference=reference or "",
        revoked_on=revoked_on or timezone.localdate(),
    )
    for award in awards:
        award.status = AwardStatus.REVOKED
        award.revocation = revocation
        award.save(update_fields=["status", "revocation"])
    logger.info("Revocation %s: %d awards of decision %s by user %s", revocation.pk,
                len(awards), decision.pk, user.pk)
    return revocation


@transaction.atomic
def revoke_decision(decision, user, reason, items_to_return="", reference="",
                    revoked_on=None):
    require(user, "commendation.revoke_award", decision)
    decision = AwardDecision.objects.select_for_update().get(pk=decision.pk)
    awards = list(decision.awards.select_for_update())
    return _revoke(decision, awards, user, reason, items_to_return, reference, revoked_on,
                   whole=True)


@transaction.atomic
def revoke_award(award, user, reason, items_to_return="", reference="", revoked_on=None):
    award = Award.objects.select_for_update().select_related("decision").get(pk=award.pk)
    require(user, "commendation.revoke_award", award.decision)
    return _revoke(award.decision, [award], user, reason, items_to_return, reference,
                   revoked_on, whole=False)
