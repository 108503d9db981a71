"""Saved reports, their sharing and their e-mail schedules."""

import calendar
import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import ExportFormat, Frequency


class SavedReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Reports the user owns or that are shared with one of their roles."""
        if user.is_superuser:
            return self
        return self.filter(
            Q(owner=user) | Q(shared_with__in=user.groups.all())
        ).distinct()


class SavedReport(models.Model):
    """A report an analyst composed and kept: a DocType, columns, filters,
    groups, summaries and a chart, run afresh each time it is opened."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    doctype = models.CharField(_("record type"), max_length=100, editable=False)
    spec = models.JSONField(_("specification"), default=dict)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="saved_reports",
    )
    shared_with = models.ManyToManyField(
        Group,
        verbose_name=_("shared with roles"),
        blank=True,
        related_name="shared_reports",
        help_text=_(
            "Members of these roles may run the report; each sees only "
            "the records of their own units."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    modified_at = models.DateTimeField(_("modified at"), auto_now=True)

    objects = SavedReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("saved report")
        verbose_name_plural = _("saved reports")
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.doctype = (self.spec or {}).get("doctype", "")
        super().save(*args, **kwargs)

    def can_edit(self, user):
        return user.is_superuser or self.owner_id == user.pk


class ReportSchedule(models.Model):
    """Sends a saved report by e-mail on a regular day and hour. Each
    recipient receives the rows of their own units, as if they ran it."""

    report = models.ForeignKey(
        SavedReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="schedules",
    )
    frequency = models.CharField(
        _("frequency"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.WEEKLY,
    )
    weekday = models.PositiveSmallIntegerField(
        _("weekday"),
        default=0,
        choices=[
            (i, name)
            for i, name in enumerate(
                (
                    _("Monday"),
                    _("Tuesday"),
                    _("Wednesday"),
                    _("Thursday"),
                    _("Friday"),
                    _("Saturday"),
                    _("Sunday"),
                )
            )
        ],
        help_text=_("For weekly schedules."),
    )
    day_of_month = models.PositiveSmallIntegerField(
        _("day of the month"),
        default=1,
        help_text=_(
            "For monthly schedules (1 to 31; short months use their last day)."
        ),
    )
    send_time = models.TimeField(_("time"), default=datetime.time(7, 0))
    export_format = models.CharField(
        _("format"),
        max_length=4,
        choices=ExportFormat.choices,
        default=ExportFormat.XLSX,
    )
    recipients = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipients"),
        related_name="report_schedules",
        help_text=_("Users with an e-mail address who may run the report."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    next_run_at = models.DateTimeField(
        _("next run"), null=True, blank=True, editable=False
    )
    last_run_at = models.DateTimeField(
        _("last run"), null=True, blank=True, editable=False
    )
    last_result = models.CharField(
        _("last result"), max_length=300, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("report schedule")
        verbose_name_plural = _("report schedules")
        ordering = ["next_run_at", "pk"]

    def __str__(self):
        return f"{self.report} — {self.get_frequency_display()}"

    def clean(self):
        if not 1 <= (self.day_of_month or 0) <= 31:
            raise ValidationError({"day_of_month": _("Choose a day from 1 to 31.")})

    def save(self, *args, **kwargs):
        if self.is_active and self.next_run_at is None:
            self.next_run_at = self.following(timezone.now())
        super().save(*args, **kwargs)

    def following(self, after):
        """The first sending time strictly after `after`, in local time."""
        local = timezone.localtime(after)
        day = local.date()
        for _step in range(400):
            if self._runs_on(day):
                moment = timezone.make_aware(
                    datetime.datetime.combine(day, self.send_time)
                )
                if moment > after:
                    return moment
            day += datetime.timedelta(days=1)
        raise ValueError("No run date found within 400 days")

    def _runs_on(self, day):
        if self.frequency == Frequency.DAILY:
            return True
        if self.frequency == Frequency.WEEKLY:
            return day.weekday() == self.weekday
        last = calendar.monthrange(day.year, day.month)[1]
        return day.day == min(self.day_of_month, last)
