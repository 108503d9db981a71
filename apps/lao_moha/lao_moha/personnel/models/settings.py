"""Configurable lists of the personnel registry: categories, the salary
scale, the evaluation scale and the discipline measures.

These are data, not code: Lao law on civil servants is being amended, so
administrators change them in the desk.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lao_moha.core.fields import LaoSortKeyField
from lao_moha.core.models import DocTypeModel
from lao_moha.core.text import localized_name


class OfficialCategory(DocTypeModel):
    """A category of state personnel (civil servant, contract staff …).

    Lao law does not split cadres and civil servants the way Vietnam's does,
    so the list is left to the ministry.
    """

    code = models.CharField(_("code"), max_length=30, unique=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200, blank=True)
    name_sort_key = LaoSortKeyField(_("Lao sort key"), max_length=255, sources=("name_lo",))

    class Meta:
        verbose_name = _("official category")
        verbose_name_plural = _("official categories")
        ordering = ["code"]

    def __str__(self):
        return localized_name(self)


class SalaryGrade(DocTypeModel):
    """A grade (ຊັ້ນ) of the civil-service salary scale and its number of
    steps (ຂັ້ນ)."""

    number = models.PositiveSmallIntegerField(_("grade"), unique=True)
    label = models.CharField(_("label"), max_length=10)
    max_step = models.PositiveSmallIntegerField(_("highest step"))

    class Meta:
        verbose_name = _("salary grade")
        verbose_name_plural = _("salary grades")
        ordering = ["number"]

    def __str__(self):
        return self.label


class EvaluationRating(DocTypeModel):
    """A level of the annual performance-evaluation scale.

    Decree 300/GOVL regulates appraisal, but its scale was not found in the
    sources read; the shipped four levels mirror Vietnam's and are marked
    unconfirmed until MoHA gives the Lao scale.
    """

    code = models.CharField(_("code"), max_length=30, unique=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200, blank=True)
    rank = models.PositiveSmallIntegerField(
        _("rank"), unique=True, help_text=_("Higher is better.")
    )
    is_confirmed = models.BooleanField(
        _("confirmed for Laos"),
        default=False,
        help_text=_("Tick once MoHA has confirmed this level of the scale."),
    )

    class Meta:
        verbose_name = _("evaluation rating")
        verbose_name_plural = _("evaluation ratings")
        ordering = ["-rank"]

    def __str__(self):
        return self.name_lo


class DisciplineMeasure(DocTypeModel):
    """A disciplinary measure of the civil-service rules (warning, reprimand…).

    Decree 82/PM names measures and a procedure but the list itself was not
    found; the shipped entries are unconfirmed and editable.
    """

    code = models.CharField(_("code"), max_length=30, unique=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200, blank=True)
    severity = models.PositiveSmallIntegerField(
        _("severity"), help_text=_("Higher is more severe.")
    )
    is_confirmed = models.BooleanField(_("confirmed for Laos"), default=False)

    class Meta:
        verbose_name = _("discipline measure")
        verbose_name_plural = _("discipline measures")
        ordering = ["severity", "code"]

    def __str__(self):
        return self.name_lo
