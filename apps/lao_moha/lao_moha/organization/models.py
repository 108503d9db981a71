"""The organisation tree of MoHA and its positions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext_lazy as _

from lao_moha.core.fields import LaoSortKeyField
from lao_moha.core.models import DocTypeModel
from lao_moha.core.text import localized_name


class OrgUnit(DocTypeModel):
    """A unit of the ministry's tree: the ministry, a department, a division,
    a provincial home-affairs department or a district office.

    `path` holds the ids from the root ("/1/7/42/"), so "everything under
    this unit" is one indexed prefix query.
    """

    class Level(models.TextChoices):
        CENTRAL = "central", _("Central")
        PROVINCE = "province", _("Province")
        DISTRICT = "district", _("District")

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        DEPARTMENT = "department", _("Department")
        DIVISION = "division", _("Division")
        INSTITUTE = "institute", _("Institute")
        PROVINCIAL_DEPARTMENT = "provincial_department", _("Provincial department")
        DISTRICT_OFFICE = "district_office", _("District office")
        SECTION = "section", _("Section")

    code = models.CharField(_("code"), max_length=30, unique=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200, blank=True)
    name_sort_key = LaoSortKeyField(_("Lao sort key"), max_length=255, sources=("name_lo",))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    province = models.ForeignKey(
        "geo.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="org_units",
    )
    district = models.ForeignKey(
        "geo.District",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="org_units",
    )
    is_active = models.BooleanField(_("active"), default=True)
    staffing_quota = models.PositiveIntegerField(
        _("approved staffing quota"), null=True, blank=True
    )
    path = models.CharField(
        _("tree path"), max_length=255, editable=False, db_index=True, default=""
    )
    depth = models.PositiveSmallIntegerField(_("depth in tree"), editable=False, default=1)

    class Meta:
        verbose_name = _("org unit")
        verbose_name_plural = _("org units")
        ordering = ["path"]

    def __str__(self):
        return localized_name(self)

    def clean(self):
        errors = {}
        if self.parent_id and self.pk:
            if self.parent_id == self.pk or (
                self.path and self.parent.path.startswith(self.path)
            ):
                errors["parent"] = _("A unit cannot be placed under itself or its own sub-unit.")
        if self.level in (self.Level.PROVINCE, self.Level.DISTRICT) and not self.province_id:
            errors["province"] = _("A provincial or district unit needs its province.")
        if self.level == self.Level.DISTRICT and not self.district_id:
            errors["district"] = _("A district unit needs its district.")
        if self.district_id and self.province_id and self.district.province_id != self.province_id:
            errors["district"] = _("The district “{district}” is not in the province “{province}”.").format(
                district=self.district, province=self.province
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        with transaction.atomic():
            old_path = self.path
            if self._state.adding:
                super().save(*args, **kwargs)
                self.path = self.compute_path()
                self.depth = self.path.count("/") - 1
                type(self)._base_manager.filter(pk=self.pk).update(path=self.path, depth=self.depth)
                return
            self.path = self.compute_path()
            self.depth = self.path.count("/") - 1
            super().save(*args, **kwargs)
            if old_path and old_path != self.path:
                self._move_descendants(old_path)

    def compute_path(self):
        prefix = self.parent.path if self.parent_id else "/"
        return f"{prefix}{self.pk}/"

    def _move_descendants(self, old_path):
        """Rewrite the paths below this unit after it moved (one UPDATE)."""
        shift = self.path.count("/") - old_path.count("/")
        type(self)._base_manager.filter(path__startswith=old_path).exclude(pk=self.pk).update(
            path=Concat(Value(self.path), Substr("path", len(old_path) + 1)),
            depth=F("depth") + shift,
            version=F("version") + 1,
        )

    def subtree(self):
        """This unit and every unit below it."""
        return type(self).objects.filter(path__startswith=self.path)

    def ancestors(self):
        ids = [int(part) for part in self.path.strip("/").split("/")[:-1]]
        return type(self).objects.filter(pk__in=ids).order_by("depth")


class Position(DocTypeModel):
    """A position title in the catalog, with its rank order (1 = highest)."""

    code = models.CharField(_("code"), max_length=30, unique=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200, blank=True)
    name_sort_key = LaoSortKeyField(_("Lao sort key"), max_length=255, sources=("name_lo",))
    rank_order = models.PositiveSmallIntegerField(_("rank order"))
    is_management = models.BooleanField(_("management position"), default=False)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["rank_order", "code"]

    def __str__(self):
        return localized_name(self)


class UnitMembership(DocTypeModel):
    """Attaches a user account to an org unit: the user works on the records
    of that unit and every unit below it. Membership of a root unit (the
    ministry) opens every unit."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="unit_memberships",
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("org unit"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )

    class Meta:
        verbose_name = _("unit membership")
        verbose_name_plural = _("unit memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit"], name="unique_unit_membership")
        ]

    def __str__(self):
        return f"{self.user} → {self.unit}"
