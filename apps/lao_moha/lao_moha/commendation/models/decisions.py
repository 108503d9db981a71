"""Award decisions, their beneficiaries, the awards conferred, revocations."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lao_moha.core.docstatus import DocStatus, SubmittableModel
from lao_moha.core.models import DocTypeModel

from ..choices import AwardStatus


class AwardDecision(SubmittableModel, DocTypeModel):
    """A decision conferring awards: decided by an authority (the President,
    the Prime Minister, a minister, a governor), registered by an issuing
    unit, numbered when issued, and possibly presented by someone else on
    the decider's behalf."""

    number = models.CharField(_("decision number"), max_length=60, blank=True,
                              editable=False, db_index=True)
    sequence = models.PositiveIntegerField(_("sequence"), null=True, editable=False)
    series_year = models.PositiveSmallIntegerField(_("series year"), null=True,
                                                   editable=False)
    authority = models.ForeignKey(
        "commendation.Authority", verbose_name=_("decided by"), on_delete=models.PROTECT,
        related_name="decisions",
    )
    issuing_unit = models.ForeignKey(
        "organization.OrgUnit", verbose_name=_("issuing unit"), on_delete=models.PROTECT,
        related_name="award_decisions",
    )
    decision_date = models.DateField(_("decision date"))
    title = models.CharField(_("title"), max_length=300)
    signer_name = models.CharField(_("signed by"), max_length=150)
    signer_title = models.CharField(_("signer's title"), max_length=200)
    presenter_name = models.CharField(_("presented by"), max_length=150, blank=True)
    presenter_title = models.CharField(_("presenter's title"), max_length=200, blank=True)
    presented_on = models.DateField(_("presented on"), null=True, blank=True)
    proposals = models.ManyToManyField(
        "commendation.Proposal", verbose_name=_("proposals"), blank=True,
        related_name="decisions",
    )
    note = models.TextField(_("note"), blank=True)

    # The ceremony often follows the decision: who presented it may be
    # recorded after issuing.
    allow_on_submit = ("presenter_name", "presenter_title", "presented_on")

    class Meta:
        verbose_name = _("award decision")
        verbose_name_plural = _("award decisions")
        ordering = ["-decision_date", "-pk"]
        permissions = [
            ("submit_awarddecision", _("Can issue (submit) award decisions")),
            ("cancel_awarddecision", _("Can cancel issued award decisions")),
            ("amend_awarddecision", _("Can amend cancelled award decisions")),
        ]
        constraints = [
            # The numbering already prevents it; the database makes sure.
            models.UniqueConstraint(
                fields=["authority", "issuing_unit", "series_year", "sequence"],
                name="unique_decision_number",
            )
        ]

    def __str__(self):
        return self.number or _("Draft decision {pk}").format(pk=self.pk or "")

    @property
    def is_cancelled(self):
        return self.docstatus == DocStatus.CANCELLED


class DecisionLine(DocTypeModel):
    """A beneficiary of a decision: an official or a collective, and the
    award."""

    decision = models.ForeignKey(
        AwardDecision, verbose_name=_("decision"), on_delete=models.CASCADE,
        related_name="lines",
    )
    nominee = models.ForeignKey(
        "commendation.Nominee", verbose_name=_("nominee"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="decision_lines",
    )
    official = models.ForeignKey(
        "personnel.Official", verbose_name=_("official"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    collective = models.ForeignKey(
        "organization.OrgUnit", verbose_name=_("collective (unit)"),
        on_delete=models.PROTECT, null=True, blank=True, related_name="+",
    )
    award_type = models.ForeignKey(
        "commendation.AwardType", verbose_name=_("award"), on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("beneficiary")
        verbose_name_plural = _("beneficiaries")
        ordering = ["decision", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(official__isnull=False, collective__isnull=True)
                | Q(official__isnull=True, collective__isnull=False),
                name="line_is_official_or_collective",
            ),
        ]

    def __str__(self):
        return str(self.official.name_lo if self.official_id else self.collective)

    def clean(self):
        if bool(self.official_id) == bool(self.collective_id):
            raise ValidationError(_("Choose either an official or a collective unit."))
        if self.decision_id and self.decision.docstatus != DocStatus.DRAFT:
            raise ValidationError(_("The decision is issued: its beneficiaries are final."))
        if self.award_type_id:
            if self.official_id and not self.award_type.for_individuals():
                raise ValidationError({"official": _(
                    "“{award}” is given to collectives only.").format(award=self.award_type)})
            if self.collective_id and not self.award_type.for_collectives():
                raise ValidationError({"collective": _(
                    "“{award}” is given to individuals only.").format(award=self.award_type)})

    def delete(self, *args, **kwargs):
        if self.decision.docstatus != DocStatus.DRAFT:
            raise ValidationError(_("The decision is issued: its beneficiaries are final."))
        return super().delete(*args, **kwargs)


class Revocation(DocTypeModel):
    """The withdrawal of a whole decision or of one award: why, and what the
    beneficiary must give back (insignia, certificate, money)."""

    decision = models.ForeignKey(
        AwardDecision, verbose_name=_("decision"), on_delete=models.PROTECT,
        related_name="revocations", editable=False,
    )
    whole_decision = models.BooleanField(_("whole decision"), default=False, editable=False)
    reason = models.TextField(_("reason"), editable=False)
    items_to_return = models.TextField(_("to be returned"), blank=True, editable=False)
    reference = models.CharField(_("revoking decision number"), max_length=60, blank=True,
                                 editable=False)
    revoked_on = models.DateField(_("revoked on"), editable=False)

    class Meta:
        verbose_name = _("revocation")
        verbose_name_plural = _("revocations")
        ordering = ["-revoked_on", "-pk"]

    def __str__(self):
        return _("Revocation of {decision}").format(decision=self.decision)


class Award(DocTypeModel):
    """An award held by an official or a collective, written onto their
    record when a decision is issued. Never edited by hand."""

    decision = models.ForeignKey(
        AwardDecision, verbose_name=_("decision"), on_delete=models.PROTECT,
        related_name="awards", editable=False,
    )
    line = models.OneToOneField(
        DecisionLine, verbose_name=_("beneficiary line"), on_delete=models.PROTECT,
        related_name="award", editable=False,
    )
    official = models.ForeignKey(
        "personnel.Official", verbose_name=_("official"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="awards", editable=False,
    )
    collective = models.ForeignKey(
        "organization.OrgUnit", verbose_name=_("collective (unit)"),
        on_delete=models.PROTECT, null=True, blank=True, related_name="awards_received",
        editable=False,
    )
    # The official's unit when the award was given, which the public list
    # shows; the official's current unit may differ later.
    unit = models.ForeignKey(
        "organization.OrgUnit", verbose_name=_("unit"), on_delete=models.PROTECT,
        related_name="+", editable=False,
    )
    award_type = models.ForeignKey(
        "commendation.AwardType", verbose_name=_("award"), on_delete=models.PROTECT,
        related_name="awards", editable=False,
    )
    awarded_on = models.DateField(_("awarded on"), editable=False)
    status = models.CharField(_("status"), max_length=20, choices=AwardStatus.choices,
                              default=AwardStatus.VALID, editable=False)
    revocation = models.ForeignKey(
        Revocation, verbose_name=_("revocation"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="awards", editable=False,
    )

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["-awarded_on", "-pk"]
        permissions = [("revoke_award", _("Can revoke award decisions and awards"))]
        indexes = [models.Index(fields=["award_type", "status"])]

    def __str__(self):
        return f"{self.award_type} — {self.decision}"
