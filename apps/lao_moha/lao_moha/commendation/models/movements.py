"""Emulation movements: the campaigns proposals may answer."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from lao_moha.core.models import DocTypeModel
from lao_moha.core.text import localized_name


class Movement(DocTypeModel):
    """An emulation movement (campaign) launched by a unit for a period,
    with the units taking part and its targets."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=300, blank=True)
    organizing_unit = models.ForeignKey(
        "organization.OrgUnit", verbose_name=_("organizing unit"), on_delete=models.PROTECT,
        related_name="organized_movements",
    )
    participating_units = models.ManyToManyField(
        "organization.OrgUnit", verbose_name=_("participating units"), blank=True,
        related_name="movements",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    targets = models.TextField(_("targets"), blank=True)

    class Meta:
        verbose_name = _("emulation movement")
        verbose_name_plural = _("emulation movements")
        ordering = ["-start_date", "code"]

    def __str__(self):
        return localized_name(self)

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The movement cannot end before it starts.")})
