"""Provinces and districts of Lao PDR: reference data keyed by national code."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lao_moha.core.fields import LaoSortKeyField
from lao_moha.core.models import DocTypeModel
from lao_moha.core.text import localized_name, normalize_name


class Province(DocTypeModel):
    """A first-level division: one of 17 provinces, or Vientiane Capital."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("Province")
        CAPITAL = "capital", _("Capital")

    code = models.CharField(_("code"), max_length=2, unique=True)
    iso_code = models.CharField(_("ISO 3166-2 code"), max_length=6, unique=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=100, blank=True)
    name_sort_key = LaoSortKeyField(_("Lao sort key"), max_length=255, sources=("name_lo",))
    name_iso = models.CharField(_("ISO name"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["code"]

    def __str__(self):
        return localized_name(self)


class DistrictQuerySet(models.QuerySet):
    def matching(self, name):
        """Districts whose Lao, English or variant spelling is `name`.

        Names repeat across provinces, so this may return several.
        """
        key = normalize_name(name)
        if not key:
            return self.none()
        return self.filter(
            Q(search_key__contains=f"|{key}|")
        )


class District(DocTypeModel):
    """A district (ເມືອງ) inside a province, keyed by its 4-digit code."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="districts",
    )
    name_lo = models.CharField(_("name (Lao)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=100, blank=True)
    name_sort_key = LaoSortKeyField(_("Lao sort key"), max_length=255, sources=("name_lo",))
    aliases_lo = models.CharField(
        _("other Lao spellings"),
        max_length=300,
        blank=True,
        help_text=_("Spellings met in real files, separated by “;”."),
    )
    # Every spelling, normalised and wrapped in "|", so one indexed-free
    # substring test finds a district by any of its names.
    search_key = models.CharField(
        _("search key"), max_length=600, editable=False, default=""
    )

    objects = DistrictQuerySet.as_manager()

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["code"]

    def __str__(self):
        return localized_name(self)

    def save(self, *args, **kwargs):
        self.search_key = self.build_search_key()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_key"}
        super().save(*args, **kwargs)

    def spellings(self):
        aliases = [a for a in self.aliases_lo.split(";") if a.strip()]
        return [self.name_lo, self.name_en, *aliases]

    def build_search_key(self):
        keys = {normalize_name(s) for s in self.spellings()} - {""}
        return "|" + "|".join(sorted(keys)) + "|"
