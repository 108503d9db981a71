"""The official's profile groups: education, languages, training and
family, as on the civil-servant CV form."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from lao_moha.core.models import DocTypeModel

from ..choices import EducationLevel, Relation, SkillLevel, TrainingKind
from .records import check_period, official_link


class Education(DocTypeModel):
    """A school, diploma or degree the official completed."""

    official = official_link("education")
    level = models.CharField(_("level"), max_length=30, choices=EducationLevel.choices)
    field_of_study = models.CharField(_("field of study"), max_length=200, blank=True)
    institution = models.CharField(_("institution"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    year_completed = models.PositiveSmallIntegerField(
        _("year completed"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("education")
        verbose_name_plural = _("education")
        ordering = ["official", "-year_completed", "-pk"]

    def __str__(self):
        return self.get_level_display()


class LanguageSkill(DocTypeModel):
    """A language other than Lao the official speaks, and how well."""

    official = official_link("languages")
    language = models.CharField(_("language"), max_length=60)
    level = models.CharField(_("level"), max_length=20, choices=SkillLevel.choices)
    certificate = models.CharField(_("certificate"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("language skill")
        verbose_name_plural = _("language skills")
        ordering = ["official", "language"]

    def __str__(self):
        return f"{self.language} ({self.get_level_display()})"


class Training(DocTypeModel):
    """A course the official followed: where, when, with what certificate."""

    official = official_link("trainings")
    kind = models.CharField(
        _("kind"), max_length=30, choices=TrainingKind.choices,
        default=TrainingKind.PROFESSIONAL,
    )
    course = models.CharField(_("course"), max_length=200)
    institution = models.CharField(_("institution"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"), null=True, blank=True)
    certificate = models.CharField(_("certificate"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["official", "-start_date", "-pk"]

    def __str__(self):
        return self.course

    def clean(self):
        check_period(self.start_date, self.end_date)


class FamilyMember(DocTypeModel):
    """A member of the official's family, as declared on the CV form."""

    official = official_link("family_members")
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    name = models.CharField(_("name"), max_length=150)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    occupation = models.CharField(_("occupation"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("family member")
        verbose_name_plural = _("family members")
        ordering = ["official", "relation", "pk"]

    def __str__(self):
        return f"{self.get_relation_display()}: {self.name}"
