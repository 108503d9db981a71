"""Configurable lists of the personnel registry: categories and the salary scale.

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
    """A grade (ຊັ້ນ) of the civil-service salary scale and its number of steps (ຂັ້ນ)."""

    number = models.PositiveSmallIntegerField(_("grade"), unique=True)
    label = models.CharField(_("label"), max_length=10)
    max_step = models.PositiveSmallIntegerField(_("highest step"))

    class Meta:
        verbose_name = _("salary grade")
        verbose_name_plural = _("salary grades")
        ordering = ["number"]

    def __str__(self):
        return self.label
