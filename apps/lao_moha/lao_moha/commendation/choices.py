"""Choice lists of the emulation and commendation records."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AwardKind(models.TextChoices):
    ORDER = "order", _("Order")
    MEDAL = "medal", _("Medal")
    CERTIFICATE = "certificate", _("Certificate")
    EMULATION_TITLE = "emulation_title", _("Emulation title")


class AwardLevel(models.TextChoices):
    """The level whose head decides the award, highest first."""

    STATE = "state", _("State (President)")
    GOVERNMENT = "government", _("Government (Prime Minister)")
    MINISTRY = "ministry", _("Ministry")
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District")


class Recipients(models.TextChoices):
    INDIVIDUAL = "individual", _("Individuals")
    COLLECTIVE = "collective", _("Collectives")
    BOTH = "both", _("Individuals and collectives")


class Confirmation(models.TextChoices):
    """Whether public sources confirm the catalog entry (domain notes)."""

    CONFIRMED = "confirmed", _("Confirmed")
    TO_CONFIRM = "to_confirm", _("To be confirmed with MoHA")


class CriterionKind(models.TextChoices):
    YEARS_OF_SERVICE = "years_of_service", _("Years of service")
    CONSECUTIVE_RATINGS = "consecutive_ratings", _("Consecutive evaluation ratings")
    PRIOR_AWARD = "prior_award", _("Prior award held")
    NO_DISCIPLINE = "no_discipline", _("No discipline in the period")
    UNIT_QUOTA = "unit_quota", _("Quota per unit and year")


class ProposalStage(models.TextChoices):
    """What the application does in a workflow state of a proposal."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    REVIEWED = "reviewed", _("Reviewed")
    COUNCIL = "council", _("Council")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    DECIDED = "decided", _("Decision issued")


class NomineeStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    NOT_MET = "not_met", _("Criteria not met")
    APPROVED = "approved", _("Approved by the council")
    REJECTED = "rejected", _("Rejected by the council")
    AWARDED = "awarded", _("Awarded")


class VoteChoice(models.TextChoices):
    FOR = "for", _("For")
    AGAINST = "against", _("Against")
    ABSTAIN = "abstain", _("Abstain")


class AwardStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    REVOKED = "revoked", _("Revoked")
    CANCELLED = "cancelled", _("Decision cancelled")
