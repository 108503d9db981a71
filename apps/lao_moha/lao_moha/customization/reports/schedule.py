"""Scheduled reports: found due by the scheduler, sent by a job worker.

Each recipient gets the report run as themselves, so the rows and fields
in their mail are those they would see in the desk.
"""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lao_moha.core import jobs

from ..models import ReportSchedule
from . import exports, service
from .spec import SpecError

logger = logging.getLogger(__name__)


def enqueue_due(now):
    """Queue a sending job for each schedule due at `now`; returns how many."""
    with transaction.atomic():
        due = list(
            ReportSchedule.objects.select_for_update(skip_locked=True).filter(
                is_active=True, next_run_at__lte=now
            )
        )
        # Move each schedule on before queuing, so a second scheduler (or the
        # next tick) never sends the same report twice.
        for schedule in due:
            schedule.next_run_at = schedule.following(now)
            schedule.save(update_fields=["next_run_at"])
    for schedule in due:
        jobs.enqueue(send_scheduled_report, schedule.pk)
    return len(due)


def send_scheduled_report(schedule_id):
    """Run and mail one scheduled report to each of its recipients."""
    schedule = (
        ReportSchedule.objects.select_related("report").filter(pk=schedule_id).first()
    )
    if schedule is None or not schedule.is_active:
        return 0
    report = schedule.report
    sent, skipped = 0, 0
    for user in schedule.recipients.filter(is_active=True).exclude(email=""):
        with translation.override(settings.LANGUAGE_CODE):
            try:
                result = service.run_saved(report, user)
            except (PermissionDenied, SpecError):
                # The report is no longer shared with them, or uses a field
                # they may not see: send them nothing rather than more.
                logger.warning(
                    "Scheduled report %s skipped for user %s", report.pk, user.pk
                )
                skipped += 1
                continue
            content, content_type, name = exports.render(
                result, schedule.export_format, report.title, user
            )
            message = EmailMessage(
                subject=_("Report: {title}").format(title=report.title),
                body=_(
                    "The report “{title}” of {date} is attached ({rows} rows)."
                ).format(
                    title=report.title,
                    date=timezone.localdate().isoformat(),
                    rows=len(result.rows),
                ),
                to=[user.email],
            )
            message.attach(name, content, content_type)
            message.send()
            sent += 1
    schedule.last_run_at = timezone.now()
    schedule.last_result = _("Sent to {sent}; skipped {skipped}.").format(
        sent=sent, skipped=skipped
    )
    schedule.save(update_fields=["last_run_at", "last_result"])
    logger.info(
        "Scheduled report %s sent: %d mails, %d skipped", report.pk, sent, skipped
    )
    return sent
