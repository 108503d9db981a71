"""The official: one record per cadre, civil servant or public employee."""

import contextlib
import datetime
import threading

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lao_moha.core.fields import LaoSortKeyField, SearchKeyField
from lao_moha.core.models import DocTypeModel

from ..choices import (
    EducationLevel,
    Gender,
    MaritalStatus,
    ServiceStatus,
    SkillLevel,
    TheoryLevel,
)
from .settings import SalaryGrade

MINIMUM_ENTRY_AGE = 18


def years_between(start, end):
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


class Official(DocTypeModel):
    """A person in the state service, with their current unit, position,
    grade and step. Their history lives in the career records."""

    Gender = Gender
    Status = ServiceStatus

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
    # Personal profile, in the order of the civil-servant CV form.
    other_names = models.CharField(_("other names"), max_length=150, blank=True)
    birth_place = models.CharField(
        _("place of birth"),
        max_length=300,
        blank=True,
        help_text=_("Village, district and province as they are named today."),
    )
    home_village = models.CharField(_("home village"), max_length=100, blank=True)
    home_district = models.ForeignKey(
        "geo.District",
        verbose_name=_("home district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    home_province = models.ForeignKey(
        "geo.Province",
        verbose_name=_("home province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    religion = models.CharField(_("religion"), max_length=60, blank=True)
    marital_status = models.CharField(
        _("marital status"), max_length=20, choices=MaritalStatus.choices, blank=True
    )
    education_level = models.CharField(
        _("highest education level"),
        max_length=30,
        choices=EducationLevel.choices,
        blank=True,
    )
    political_theory_level = models.CharField(
        _("political theory level"), max_length=20, choices=TheoryLevel.choices, blank=True
    )
    it_level = models.CharField(
        _("IT skills"), max_length=20, choices=SkillLevel.choices, blank=True
    )
    party_member_since = models.DateField(_("party member since"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="photos/", blank=True)
    # Kept by the career services from the rule tables, so the work lists
    # are one indexed query (see personnel.due_dates).
    next_step_due = models.DateField(
        _("next step due"), null=True, blank=True, editable=False, db_index=True
    )
    retirement_due = models.DateField(
        _("retirement due"), null=True, blank=True, editable=False, db_index=True
    )
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

    # save() below only sets derived fields, which bulk insertion computes
    # too (DerivedField.pre_save): imports may insert officials in bulk.
    bulk_import_safe = True

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
            ).format(
                age=MINIMUM_ENTRY_AGE,
                actual=max(years_between(self.date_of_birth, self.entry_date), 0),
            )
        errors.update(self.clean_grade_and_step())
        if (
            self.home_district_id
            and self.home_province_id
            and self.home_district.province_id != self.home_province_id
        ):
            errors["home_district"] = _(
                "The district “{district}” is not in the province “{province}”."
            ).format(district=self.home_district, province=self.home_province)
        if errors:
            raise ValidationError(errors)

    def clean_grade_and_step(self):
        return grade_step_errors(self.grade, self.step)

    def age_on(self, day=None):
        return years_between(self.date_of_birth, day or datetime.date.today())


_scale = threading.local()


@contextlib.contextmanager
def salary_scale_read_once():
    """Inside the block the scale is read once (imports check many rows)."""
    if getattr(_scale, "grades", None) is not None:
        yield
        return
    _scale.grades = {g.number: g for g in SalaryGrade.objects.all()}
    try:
        yield
    finally:
        _scale.grades = None


def grade_step_errors(grade, step, scale=None):
    """Errors by field when (grade, step) is outside the salary scale.

    `scale` maps grade numbers to SalaryGrade rows; by default the scale
    is read from the database (once per block of salary_scale_read_once).
    """
    if grade is None:
        return {}
    if scale is None:
        scale = getattr(_scale, "grades", None)
    if scale is None:
        scale = {g.number: g for g in SalaryGrade.objects.all()}
    entry = scale.get(grade)
    if entry is None:
        numbers = ", ".join(str(n) for n in sorted(scale))
        return {"grade": _("Grade {grade} is not in the salary scale (grades: {numbers}).").format(
            grade=grade, numbers=numbers or "—")}
    if step is not None and not 1 <= step <= entry.max_step:
        return {"step": _("Grade {grade} has steps 1 to {max}; {step} is outside it.").format(
            grade=entry.label, max=entry.max_step, step=step)}
    return {}
