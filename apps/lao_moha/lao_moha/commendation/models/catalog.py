"""The award catalog: who decides, which awards exist, and their criteria.

All of it is data an administrator edits in the desk: the Lao rules on
emulation and commendation were not found in public sources, so the
shipped entries say whether they are confirmed (see reference.py).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from lao_moha.core.models import DocTypeModel
from lao_moha.core.text import localized_name
from lao_moha.organization.models import OrgUnit

from ..choices import AwardKind, AwardLevel, Confirmation, CriterionKind, Recipients

LEVEL_ORDER = [OrgUnit.Level.DISTRICT, OrgUnit.Level.PROVINCE, OrgUnit.Level.CENTRAL]


class Authority(DocTypeModel):
    """Someone who decides awards: the President, the Prime Minister, a
    minister, a provincial governor. Their decisions are numbered from
    their own naming series."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200, blank=True)
    level = models.CharField(_("level"), max_length=20, choices=AwardLevel.choices)
    naming_series = models.ForeignKey(
        "core.NamingSeries", verbose_name=_("decision numbering"), on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("deciding authority")
        verbose_name_plural = _("deciding authorities")
        ordering = ["code"]

    def __str__(self):
        return localized_name(self)


class AwardType(DocTypeModel):
    """An order, medal, certificate or emulation title that can be awarded,
    with its class, level, who may receive, propose and decide it."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AwardKind.choices)
    award_class = models.PositiveSmallIntegerField(
        _("class"), null=True, blank=True,
        help_text=_("1 is the highest class; empty for a single-class award."),
    )
    level = models.CharField(_("level"), max_length=20, choices=AwardLevel.choices)
    recipients = models.CharField(
        _("awarded to"), max_length=20, choices=Recipients.choices, default=Recipients.BOTH
    )
    decided_by = models.ForeignKey(
        Authority, verbose_name=_("decided by"), on_delete=models.PROTECT,
        related_name="award_types",
    )
    lowest_proposing_level = models.CharField(
        _("lowest level that may propose"), max_length=10, choices=OrgUnit.Level.choices,
        default=OrgUnit.Level.DISTRICT,
    )
    precedence = models.PositiveSmallIntegerField(
        _("precedence"), default=100, help_text=_("Lower numbers are higher awards.")
    )
    confirmation = models.CharField(
        _("confirmation"), max_length=20, choices=Confirmation.choices,
        default=Confirmation.TO_CONFIRM,
    )
    source_note = models.CharField(_("source"), max_length=300, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("award type")
        verbose_name_plural = _("award types")
        ordering = ["precedence", "code"]

    def __str__(self):
        return localized_name(self)

    def for_individuals(self):
        return self.recipients in (Recipients.INDIVIDUAL, Recipients.BOTH)

    def for_collectives(self):
        return self.recipients in (Recipients.COLLECTIVE, Recipients.BOTH)

    def may_be_proposed_by(self, unit):
        return LEVEL_ORDER.index(unit.level) >= LEVEL_ORDER.index(self.lowest_proposing_level)


class AwardCriterion(DocTypeModel):
    """One rule a nominee must meet for an award, checked from their record.

    The fields used depend on the kind: years of service (`years`);
    consecutive ratings (`years` in a row at `rating` or better); a prior
    award (`prior_award`, received at least `years` before); no discipline
    (in the last `years`); quota (`quota` nominees per unit and year).
    """

    award = models.ForeignKey(
        AwardType, verbose_name=_("award"), on_delete=models.CASCADE, related_name="criteria"
    )
    kind = models.CharField(_("criterion"), max_length=30, choices=CriterionKind.choices)
    applies_to = models.CharField(
        _("applies to"), max_length=20, choices=Recipients.choices,
        default=Recipients.INDIVIDUAL,
    )
    years = models.PositiveSmallIntegerField(_("years"), null=True, blank=True)
    rating = models.ForeignKey(
        "personnel.EvaluationRating", verbose_name=_("lowest rating"),
        on_delete=models.PROTECT, null=True, blank=True, related_name="+",
    )
    prior_award = models.ForeignKey(
        AwardType, verbose_name=_("prior award required"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="required_by",
    )
    quota = models.PositiveSmallIntegerField(_("quota"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    #: The parameters each kind needs.
    NEEDS = {
        CriterionKind.YEARS_OF_SERVICE: ("years",),
        CriterionKind.CONSECUTIVE_RATINGS: ("years", "rating"),
        CriterionKind.PRIOR_AWARD: ("prior_award",),
        CriterionKind.NO_DISCIPLINE: ("years",),
        CriterionKind.UNIT_QUOTA: ("quota",),
    }

    class Meta:
        verbose_name = _("award criterion")
        verbose_name_plural = _("award criteria")
        ordering = ["award", "pk"]

    def __str__(self):
        return f"{self.award}: {self.describe()}"

    def clean(self):
        errors = {}
        for name in self.NEEDS.get(self.kind, ()):
            if getattr(self, f"{name}_id", getattr(self, name, None)) in (None, ""):
                errors[name] = _("“{criterion}” needs this value.").format(
                    criterion=self.get_kind_display())
        if self.kind == CriterionKind.PRIOR_AWARD and self.prior_award_id == self.award_id:
            errors["prior_award"] = _("An award cannot require itself.")
        if errors:
            raise ValidationError(errors)

    def describe(self):
        """The rule in words, e.g. "At least 15 years of service"."""
        if self.kind == CriterionKind.YEARS_OF_SERVICE:
            return _("At least {years} years of service").format(years=self.years)
        if self.kind == CriterionKind.CONSECUTIVE_RATINGS:
            return _("Rated “{rating}” or better {years} years in a row").format(
                rating=self.rating, years=self.years)
        if self.kind == CriterionKind.PRIOR_AWARD:
            if self.years:
                return _("Holds “{award}”, received at least {years} years before").format(
                    award=self.prior_award, years=self.years)
            return _("Holds “{award}”").format(award=self.prior_award)
        if self.kind == CriterionKind.NO_DISCIPLINE:
            return _("No disciplinary measure in the last {years} years").format(
                years=self.years)
        if self.kind == CriterionKind.UNIT_QUOTA:
            return _("At most {quota} nominees per unit and year").format(quota=self.quota)
        return str(self.get_kind_display())

    def applies_to_nominee(self, nominee):
        if self.applies_to == Recipients.BOTH:
            return True
        wanted = Recipients.COLLECTIVE if nominee.collective_id else Recipients.INDIVIDUAL
        return self.applies_to == wanted
