"""The record of an import: its file, its progress and what it found."""

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..files import private_storage

MAX_STORED_PROBLEMS = 2000


class ImportJob(models.Model):
    """An upload of a spreadsheet into one record type, checked and (when it
    has no problem) saved, possibly in the background."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        CHECKING = "checking", _("Checking")
        INVALID = "invalid", _("Problems found: nothing imported")
        VALID = "valid", _("Checked: ready to import")
        IMPORTING = "importing", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.PROTECT,
        related_name="import_jobs",
    )
    doctype = models.CharField(_("record type"), max_length=100)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to="imports/%Y/%m/", max_length=255
    )
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    commit_when_valid = models.BooleanField(
        _("import as soon as the check finds no problem"), default=False
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    rows_done = models.PositiveIntegerField(_("rows processed"), default=0)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    created_count = models.PositiveIntegerField(_("new records"), default=0)
    updated_count = models.PositiveIntegerField(_("updated records"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged records"), default=0)
    problem_count = models.PositiveIntegerField(_("problems"), default=0)
    #: Report.as_dict() of the last check or commit (problems capped).
    result = models.JSONField(_("result"), default=dict, blank=True)
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.original_name} ({self.get_status_display()})"

    @property
    def is_running(self):
        return self.status in (self.Status.QUEUED, self.Status.CHECKING,
                               self.Status.IMPORTING)

    # Progress lives in the cache: the import writes inside one transaction,
    # which other connections cannot see until it ends.
    def progress_key(self):
        return f"lao_moha:import-job:{self.pk}:progress"

    def set_progress(self, done, total):
        cache.set(self.progress_key(), (done, total), 24 * 3600)

    def progress(self):
        """(rows processed, rows in all), live while the job runs."""
        if self.is_running:
            cached = cache.get(self.progress_key())
            if cached:
                return tuple(cached)
        return self.rows_done, self.rows_total

    def percent(self):
        done, total = self.progress()
        if self.status == self.Status.DONE:
            return 100
        return int(100 * done / total) if total else 0
