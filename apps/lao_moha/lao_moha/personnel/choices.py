"""Fixed choice lists of the personnel records."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ON_LEAVE = "on_leave", _("On leave")
    RETIRED = "retired", _("Retired")
    TRANSFERRED_OUT = "transferred_out", _("Transferred out")
    RESIGNED = "resigned", _("Resigned")
    DISMISSED = "dismissed", _("Dismissed")
    DECEASED = "deceased", _("Deceased")


class MaritalStatus(models.TextChoices):
    SINGLE = "single", _("Single")
    MARRIED = "married", _("Married")
    DIVORCED = "divorced", _("Divorced")
    WIDOWED = "widowed", _("Widowed")


class EducationLevel(models.TextChoices):
    """General and professional levels, lowest first (order matters)."""

    PRIMARY = "primary", _("Primary school")
    LOWER_SECONDARY = "lower_secondary", _("Lower secondary school")
    UPPER_SECONDARY = "upper_secondary", _("Upper secondary school")
    VOCATIONAL_FIRST = "vocational_first", _("Vocational, first level")
    VOCATIONAL_MIDDLE = "vocational_middle", _("Vocational, middle level")
    HIGH_DIPLOMA = "high_diploma", _("Higher diploma")
    BACHELOR = "bachelor", _("Bachelor's degree")
    MASTER = "master", _("Master's degree")
    DOCTORATE = "doctorate", _("Doctorate")


class TheoryLevel(models.TextChoices):
    """Political-theory training level."""

    NONE = "none", _("None")
    ELEMENTARY = "elementary", _("Elementary")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class SkillLevel(models.TextChoices):
    BASIC = "basic", _("Basic")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")
    FLUENT = "fluent", _("Fluent")


class TrainingKind(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    POLITICAL_THEORY = "political_theory", _("Political theory")
    STATE_MANAGEMENT = "state_management", _("State management")
    LANGUAGE = "language", _("Language")
    IT = "it", _("Information technology")
    OTHER = "other", _("Other")


class Relation(models.TextChoices):
    FATHER = "father", _("Father")
    MOTHER = "mother", _("Mother")
    SPOUSE = "spouse", _("Spouse")
    CHILD = "child", _("Child")
    SIBLING = "sibling", _("Brother or sister")
    FATHER_IN_LAW = "father_in_law", _("Father-in-law")
    MOTHER_IN_LAW = "mother_in_law", _("Mother-in-law")
    OTHER = "other", _("Other")
