"""Pieces shared by the records kept in an official's file."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from lao_moha.core.models import DocTypeModel


def official_link(related_name):
    """The foreign key from a record of the file to its official."""
    return models.ForeignKey(
        "personnel.Official",
        verbose_name=_("official"),
        on_delete=models.CASCADE,
        related_name=related_name,
    )


class DecisionRecord(DocTypeModel):
    """A record of the file that rests on a signed decision."""

    decision_no = models.CharField(_("decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)

    class Meta:
        abstract = True


class ActionRecord(DecisionRecord):
    """A history row written by an action that changes the official's state.

    An undo is itself a new row pointing at the row it cancels, so the
    file keeps both.
    """

    effective_date = models.DateField(_("effective date"))
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
        abstract = True


def check_period(start, end, start_field="start_date", end_field="end_date"):
    if start and end and end < start:
        raise ValidationError(
            {end_field: _("The end date cannot be before the start date.")}
        )
