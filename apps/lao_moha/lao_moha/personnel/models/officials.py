"""The official: one record per cadre, civil servant or public employee."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lao_moha.core.fields import LaoSortKeyField, SearchKeyField
from lao_moha.core.models import DocTypeModel

from .settings import SalaryGrade

MINIMUM_ENTRY_AGE = 18


def years_between(start, end):
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


class Official(DocTypeModel):
    """A person in the state service, with their current unit, position,
    grade and step. Their history lives in the career records."""

    class Gender(models.TextChoices):
        MALE = "M", _("Male")
        FEMALE = "F", _("Female")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        ON_LEAVE = "on_leave", _("On leave")
        RETIRED = "retired", _("Retired")
        TRANSFERRED_OUT = "transferred_out", _("Transferred out")
        RESIGNED = "resigned", _("Resigned")
        DISMISSED = "dismissed", _("Dismissed")
        DECEASED = "deceased", _("Deceased")

    civil_service_no = models.CharField(
        _("civil-service number"),
        max_length=20,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9\-/]+$",
                _("Use only Latin letters, digits, “-” and “/”."),
            )
        ],
        error_messages={"unique": _("Another official already has this civil-service number.")},
    )
    name_lo = models.CharField(_("name (Lao script)"), max_length=150)
    name_latin = models.CharField(_("name (Latin transliteration)"), max_length=150)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    date_of_birth = models.DateField(_("date of birth"))
    ethnicity = models.CharField(_("ethnicity"), max_length=60, blank=True)
    national_id = models.CharField(
        _("national ID number"),
        max_length=30,
        unique=True,
        null=True,
        blank=True,
        error_messages={"unique": _("Another official already has this national ID number.")},
    )
    category = models.ForeignKey(
        "personnel.OfficialCategory",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="officials",
    )
    unit = models.ForeignKey(
        "organization.OrgUnit",
        verbose_name=_("current unit"),
        on_delete=models.PROTECT,
        related_name="officials",
    )
    position = models.ForeignKey(
        "organization.Position",
        verbose_name=_("position"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officials",
    )
    grade = models.PositiveSmallIntegerField(_("grade"))
    step = models.PositiveSmallIntegerField(_("step"))
    entry_date = models.DateField(_("date of entry into service"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="photos/", blank=True)
    # Lao and Latin names folded for search that ignores spacing, case and
    # common spelling variants (core/text.py search_key).
    search_name = SearchKeyField(
        _("search key"), max_length=400, sources=("name_lo", "name_latin")
    )
    name_sort_key = LaoSortKeyField(_("Lao sort key"), max_length=255, sources=("name_lo",))

    class Meta:
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        ordering = ["civil_service_no"]
        indexes = [models.Index(fields=["unit", "status"])]

    def __str__(self):
        return f"{self.name_lo} ({self.civil_service_no})"

    def save(self, *args, **kwargs):
        self.search_name = self.build_search_name()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_name"}
        super().save(*args, **kwargs)

    def build_search_name(self):
        return self._meta.get_field("search_name").compute(self)

    def clean(self):
        errors = {}
        today = timezone.localdate()
        if self.date_of_birth and self.date_of_birth > today:
            errors["date_of_birth"] = _("The date of birth cannot be in the future.")
        if self.entry_date and self.entry_date > today:
            errors["entry_date"] = _("The date of entry into service cannot be in the future.")
        if (
            self.date_of_birth
            and self.entry_date
            and years_between(self.date_of_birth, self.entry_date) < MINIMUM_ENTRY_AGE
        ):
            errors["entry_date"] = _(
                "An official must be at least {age} years old on entry into service; "
                "this date makes them {actual}."
            ).format(age=MINIMUM_ENTRY_AGE, actual=max(years_between(self.date_of_birth, self.entry_date), 0))
        errors.update(self.clean_grade_and_step())
        if errors:
            raise ValidationError(errors)

    def clean_grade_and_step(self):
        if self.grade is None:
            return {}
        scale = SalaryGrade.objects.filter(number=self.grade).first()
        if scale is None:
            numbers = ", ".join(str(n) for n in SalaryGrade.objects.values_list("number", flat=True))
            return {"grade": _("Grade {grade} is not in the salary scale (grades: {numbers}).").format(
                grade=self.grade, numbers=numbers or "—")}
        if self.step is not None and not 1 <= self.step <= scale.max_step:
            return {"step": _("Grade {grade} has steps 1 to {max}; {step} is outside it.").format(
                grade=scale.label, max=scale.max_step, step=self.step)}
        return {}

    def age_on(self, day=None):
        return years_between(self.date_of_birth, day or datetime.date.today())
