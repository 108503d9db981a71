"""The career of an official: appointments, transfers, grades and steps,
changes of service status and extensions of service."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import ServiceStatus
from .records import ActionRecord, DecisionRecord, check_period, official_link


class Appointment(DecisionRecord):
    """An appointment of the official to a position in a unit, from a date
    until the next appointment (or the end date)."""

    official = official_link("appointments")
    position = models.ForeignKey(
        "organization.Position",
        verbose_name=_("position"),
        on_delete=models.PROTECT,
        related_name="appointments",
    )
    unit = models.ForeignKey(
        "organization.OrgUnit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="appointments",
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"), null=True, blank=True)
    previous_position = models.ForeignKey(
        "organization.Position",
        verbose_name=_("previous position"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    is_acting = models.BooleanField(_("acting"), default=False)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    undoes = models.OneToOneField(
        "self",
        verbose_name=_("undoes"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="undone_by",
    )

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["official", "-start_date", "-pk"]

    def __str__(self):
        return _("{position} from {start}").format(
            position=self.position, start=self.start_date
        )

    def clean(self):
        check_period(self.start_date, self.end_date)


class Transfer(ActionRecord):
    """A move of the official from one unit to another on a date."""

    official = official_link("transfers")
    from_unit = models.ForeignKey(
        "organization.OrgUnit",
        verbose_name=_("from unit"),
        on_delete=models.PROTECT,
        related_name="transfers_out",
    )
    to_unit = models.ForeignKey(
        "organization.OrgUnit",
        verbose_name=_("to unit"),
        on_delete=models.PROTECT,
        related_name="transfers_in",
    )

    class Meta:
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        ordering = ["official", "-effective_date", "-pk"]

    def __str__(self):
        return _("{source} → {target} on {date}").format(
            source=self.from_unit, target=self.to_unit, date=self.effective_date
        )

    def clean(self):
        if self.from_unit_id and self.from_unit_id == self.to_unit_id:
            raise ValidationError(
                {"to_unit": _("The official is already in this unit.")}
            )


class GradeStepChange(ActionRecord):
    """The official's grade (ຊັ້ນ) and step (ຂັ້ນ) from a date, and when the
    next step falls due under the step rules."""

    class Kind(models.TextChoices):
        ENTRY = "entry", _("Entry into service")
        STEP = "step", _("Step raise")
        GRADE = "grade", _("Grade promotion")
        REDUCTION = "reduction", _("Reduction (discipline)")
        CORRECTION = "correction", _("Correction")
        UNDO = "undo", _("Undo")

    official = official_link("grade_step_changes")
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.STEP
    )
    grade = models.PositiveSmallIntegerField(_("grade"))
    step = models.PositiveSmallIntegerField(_("step"))
    # The state before, so that an undo can restore it; empty on rows
    # entered as past history.
    previous_grade = models.PositiveSmallIntegerField(
        _("previous grade"), null=True, blank=True, editable=False
    )
    previous_step = models.PositiveSmallIntegerField(
        _("previous step"), null=True, blank=True, editable=False
    )
    next_step_due = models.DateField(
        _("next step due"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("grade and step change")
        verbose_name_plural = _("grade and step changes")
        ordering = ["official", "-effective_date", "-pk"]

    def __str__(self):
        return _("Grade {grade} step {step} from {date}").format(
            grade=self.grade, step=self.step, date=self.effective_date
        )

    def clean(self):
        from .officials import grade_step_errors

        errors = grade_step_errors(self.grade, self.step)
        if errors:
            raise ValidationError(errors)


class StatusChange(ActionRecord):
    """A change of the official's service status: leave, return from leave,
    retirement, resignation, death …"""

    official = official_link("status_changes")
    status_from = models.CharField(
        _("status before"), max_length=20, choices=ServiceStatus.choices
    )
    status_to = models.CharField(
        _("status after"), max_length=20, choices=ServiceStatus.choices
    )

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["official", "-effective_date", "-pk"]

    def __str__(self):
        return _("{old} → {new} on {date}").format(
            old=self.get_status_from_display(),
            new=self.get_status_to_display(),
            date=self.effective_date,
        )


class RetirementExtension(DecisionRecord):
    """A decision keeping the official in service past the retirement age."""

    official = official_link("retirement_extensions")
    extended_until = models.DateField(_("extended until"))
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("retirement extension")
        verbose_name_plural = _("retirement extensions")
        ordering = ["official", "-extended_until", "-pk"]

    def __str__(self):
        return _("Extended until {date}").format(date=self.extended_until)

    def clean(self):
        from ..due_dates import extension_errors

        if self.official_id and self.extended_until:
            errors = extension_errors(self.official, self.extended_until)
            if errors:
                raise ValidationError({"extended_until": errors})
