"""Conditions the proposal workflow's transitions may require.

Registered by name with the workflow engine; an administrator picks them
on a transition. Each returns why it is not met, or None.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lao_moha.core.docstatus import DocStatus
from lao_moha.core.workflow import condition

from . import eligibility
from .choices import NomineeStatus


@condition("commendation.has_eligible_nominee",
           gettext_lazy("At least one nominee meets the criteria or has an override"))
def has_eligible_nominee(proposal):
    nominees = list(proposal.nominees.select_related("official", "collective"))
    if not nominees:
        return _("Add at least one nominee first.")
    failures = []
    for nominee in nominees:
        findings = eligibility.evaluate(nominee)
        if eligibility.passes(findings) or nominee.overridden:
            return None
        failures.extend(
            f"{nominee}: {finding.reason}" for finding in findings if not finding.passed
        )
    return _("No nominee meets the criteria: {reasons}").format(reasons=" ".join(failures))


def council_refusal(proposal):
    from .services.council import tallies

    if proposal.council_id is None:
        return _("No council is chosen for this proposal.")
    outcome = tallies(proposal)
    if not outcome:
        return _("No nominee is before the council.")
    short = [str(nominee) for nominee, result in outcome.items() if not result["quorum"]]
    if short:
        return _("The quorum is not reached for: {names}.").format(names=", ".join(short))
    return None


@condition("commendation.council_approves",
           gettext_lazy("Council quorum reached and at least one nominee has a majority"))
def council_approves(proposal):
    from .services.council import tallies

    refusal = council_refusal(proposal)
    if refusal:
        return refusal
    if not any(result["approved"] for result in tallies(proposal).values()):
        return _("No nominee has the council's majority.")
    return None


@condition("commendation.council_rejects",
           gettext_lazy("Council quorum reached and no nominee has a majority"))
def council_rejects(proposal):
    from .services.council import tallies

    refusal = council_refusal(proposal)
    if refusal:
        return refusal
    if any(result["approved"] for result in tallies(proposal).values()):
        return _("A nominee has the council's majority: approve the proposal instead.")
    return None


@condition("commendation.decision_issued",
           gettext_lazy("Every approved nominee is on an issued decision"))
def decision_issued(proposal):
    waiting = proposal.nominees.filter(status=NomineeStatus.APPROVED)
    if not proposal.decisions.filter(docstatus=DocStatus.SUBMITTED).exists():
        return _("No issued decision covers this proposal yet.")
    if waiting.exists():
        count = waiting.count()
        return ngettext(
            "{count} approved nominee is on no issued decision yet.",
            "{count} approved nominees are on no issued decision yet.",
            count,
        ).format(count=count)
    return None
