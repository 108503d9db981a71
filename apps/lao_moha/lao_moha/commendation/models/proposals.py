"""Award proposals, their nominees and the eligibility found for each."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lao_moha.core.models import DocTypeModel
from lao_moha.core.naming import NamingSeries, next_name
from lao_moha.core.workflow import WorkflowModel

from ..choices import NomineeStatus, ProposalStage

PROPOSAL_SERIES = "commendation-proposal"


class Proposal(WorkflowModel, DocTypeModel):
    """A unit's proposal of officials or collectives for an award, for a
    year or an emulation movement, travelling the proposal workflow."""

    workflow_stages = ProposalStage

    number = models.CharField(_("number"), max_length=60, blank=True, editable=False)
    proposing_unit = models.ForeignKey(
        "organization.OrgUnit", verbose_name=_("proposing unit"), on_delete=models.PROTECT,
        related_name="award_proposals",
    )
    award = models.ForeignKey(
        "commendation.AwardType", verbose_name=_("award proposed"),
        on_delete=models.PROTECT, related_name="proposals",
    )
    year = models.PositiveSmallIntegerField(_("award year"))
    movement = models.ForeignKey(
        "commendation.Movement", verbose_name=_("emulation movement"),
        on_delete=models.PROTECT, null=True, blank=True, related_name="proposals",
    )
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary of achievements"), blank=True)
    council = models.ForeignKey(
        "commendation.Council", verbose_name=_("council"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="proposals",
    )
    review_note = models.TextField(_("review opinion"), blank=True)

    class Meta:
        verbose_name = _("award proposal")
        verbose_name_plural = _("award proposals")
        ordering = ["-year", "-pk"]
        permissions = [
            ("submit_proposal", _("Can submit award proposals")),
            ("review_proposal", _("Can review, return or forward award proposals")),
            ("refer_proposal", _("Can refer award proposals to the council")),
            ("vote_proposal", _("Can vote on nominees as a council member")),
            ("decide_proposal", _("Can record the council's outcome on proposals")),
        ]

    def __str__(self):
        return self.number or self.title

    def clean(self):
        errors = {}
        if self.award_id and not self.award.is_active:
            errors["award"] = _("“{award}” is no longer awarded.").format(award=self.award)
        elif self.award_id and self.proposing_unit_id and not self.award.may_be_proposed_by(
            self.proposing_unit
        ):
            errors["award"] = _(
                "“{award}” is proposed from the {level} level upward; “{unit}” is below it."
            ).format(award=self.award, unit=self.proposing_unit,
                     level=self.award.get_lowest_proposing_level_display().lower())
        if self.movement_id and self.year and not (
            self.movement.start_date.year <= self.year <= self.movement.end_date.year
        ):
            errors["year"] = _("The movement “{movement}” runs {start} to {end}.").format(
                movement=self.movement, start=self.movement.start_date.year,
                end=self.movement.end_date.year)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        with transaction.atomic():
            if self._state.adding and not self.number:
                series = NamingSeries.objects.filter(code=PROPOSAL_SERIES).first()
                if series is not None:
                    _n, self.number = next_name(series, self.proposing_unit.code, self.year)
            super().save(*args, **kwargs)
            self._sync_nominees()

    def _sync_nominees(self):
        # Nominees carry the award and year so that the database refuses a
        # second nomination; keep them in step when a draft changes.
        stale = self.nominees.exclude(award_id=self.award_id, year=self.year)
        try:
            with transaction.atomic():
                stale.update(award_id=self.award_id, year=self.year)
        except IntegrityError as error:
            raise ValidationError(
                _("A nominee of this proposal is already nominated for this award "
                  "and year elsewhere.")
            ) from error

    def workflow_entered(self, transition, log, user):
        from ..services.proposals import on_stage_entered

        on_stage_entered(self, transition.to_state.stage, user)

    def eligible_nominees(self):
        return self.nominees.exclude(status=NomineeStatus.NOT_MET)


class Nominee(DocTypeModel):
    """An official or a collective unit put forward in a proposal."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE,
        related_name="nominees",
    )
    official = models.ForeignKey(
        "personnel.Official", verbose_name=_("official"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="award_nominations",
    )
    collective = models.ForeignKey(
        "organization.OrgUnit", verbose_name=_("collective (unit)"),
        on_delete=models.PROTECT, null=True, blank=True, related_name="award_nominations",
    )
    achievements = models.TextField(_("achievements"), blank=True)
    award = models.ForeignKey(
        "commendation.AwardType", verbose_name=_("award"), on_delete=models.PROTECT,
        editable=False, related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=NomineeStatus.choices,
        default=NomineeStatus.PROPOSED, editable=False,
    )
    eligible = models.BooleanField(_("meets the criteria"), null=True, editable=False)
    override_reason = models.TextField(_("reason for the override"), blank=True,
                                       editable=False)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("override by"), on_delete=models.PROTECT,
        null=True, blank=True, editable=False, related_name="+",
    )
    override_at = models.DateTimeField(_("override at"), null=True, blank=True,
                                       editable=False)

    class Meta:
        verbose_name = _("nominee")
        verbose_name_plural = _("nominees")
        ordering = ["proposal", "pk"]
        permissions = [
            ("override_eligibility", _("Can let a nominee who fails a criterion proceed")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(official__isnull=False, collective__isnull=True)
                | Q(official__isnull=True, collective__isnull=False),
                name="nominee_is_official_or_collective",
            ),
            # NULLs never collide, so each constraint binds one kind only.
            models.UniqueConstraint(
                fields=["official", "award", "year"], name="one_nomination_per_official"
            ),
            models.UniqueConstraint(
                fields=["collective", "award", "year"], name="one_nomination_per_collective"
            ),
        ]

    def __str__(self):
        return str(self.official.name_lo if self.official_id else self.collective)

    @property
    def is_collective(self):
        return self.collective_id is not None

    @property
    def beneficiary_unit(self):
        """The unit shown beside the name: the official's, or the collective
        itself."""
        return self.collective if self.collective_id else self.official.unit

    @property
    def overridden(self):
        return self.override_at is not None

    def clean(self):
        if bool(self.official_id) == bool(self.collective_id):
            raise ValidationError(_("Choose either an official or a collective unit."))
        # On the desk's add page the proposal is not saved yet, but set.
        if not (self.proposal_id or self._meta.get_field("proposal").is_cached(self)):
            return
        proposal = self.proposal
        self.check_proposal_editable()
        award = proposal.award
        if self.official_id and not award.for_individuals():
            raise ValidationError({"official": _("“{award}” is given to collectives only.")
                                   .format(award=award)})
        if self.collective_id and not award.for_collectives():
            raise ValidationError({"collective": _(
                "“{award}” is given to individuals only.").format(award=award)})
        unit = self.beneficiary_unit
        if not unit.path.startswith(proposal.proposing_unit.path):
            raise ValidationError(_(
                "“{name}” is not in “{unit}” or a unit below it.").format(
                    name=self, unit=proposal.proposing_unit))
        self.clean_duplicate(proposal)

    def clean_duplicate(self, proposal):
        same = Nominee.objects.filter(award_id=proposal.award_id, year=proposal.year)
        if self.official_id:
            same = same.filter(official_id=self.official_id)
        else:
            same = same.filter(collective_id=self.collective_id)
        other = same.exclude(pk=self.pk).select_related("proposal").first()
        if other is not None:
            raise ValidationError(_(
                "“{name}” is already nominated for “{award}” in {year} "
                "(proposal {proposal})."
            ).format(name=self, award=proposal.award, year=proposal.year,
                     proposal=other.proposal))

    def save(self, *args, **kwargs):
        self.award_id = self.proposal.award_id
        self.year = self.proposal.year
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.check_proposal_editable()
        return super().delete(*args, **kwargs)

    def check_proposal_editable(self):
        state = self.proposal.workflow_state
        if state is not None and not state.editable:
            raise ValidationError(
                _("The proposal is at “{state}”: nominees can no longer change.").format(
                    state=state))


class EligibilityCheck(models.Model):
    """The outcome of one criterion for one nominee: pass or fail, and why."""

    nominee = models.ForeignKey(
        Nominee, verbose_name=_("nominee"), on_delete=models.CASCADE, related_name="checks"
    )
    criterion = models.ForeignKey(
        "commendation.AwardCriterion", verbose_name=_("criterion"),
        on_delete=models.SET_NULL, null=True, related_name="+",
    )
    # Copied so that editing the catalog later does not rewrite the finding.
    label = models.CharField(_("criterion"), max_length=300)
    passed = models.BooleanField(_("passed"))
    reason = models.TextField(_("reason"))
    checked_at = models.DateTimeField(_("checked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("eligibility check")
        verbose_name_plural = _("eligibility checks")
        ordering = ["nominee", "pk"]

    def __str__(self):
        return f"{self.label}: {'✓' if self.passed else '✗'}"
