"""Choices of the customization app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FieldType(models.TextChoices):
    TEXT = "text", _("Text")
    LONG_TEXT = "long_text", _("Long text")
    INTEGER = "integer", _("Whole number")
    DECIMAL = "decimal", _("Decimal number")
    DATE = "date", _("Date")
    CHECK = "check", _("Check box")
    SELECT = "select", _("Choice from a list")
    LINK = "link", _("Link to another record")


class ChartType(models.TextChoices):
    NONE = "", _("No chart")
    BAR = "bar", _("Bar")
    LINE = "line", _("Line")
    PIE = "pie", _("Pie")


class Frequency(models.TextChoices):
    DAILY = "daily", _("Every day")
    WEEKLY = "weekly", _("Every week")
    MONTHLY = "monthly", _("Every month")


class ExportFormat(models.TextChoices):
    XLSX = "xlsx", _("Excel (XLSX)")
    CSV = "csv", _("CSV")
    PDF = "pdf", _("PDF")
