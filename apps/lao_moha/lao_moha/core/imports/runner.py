"""Running an import job: in the request for small files, on the job queue
(core.jobs) for large ones, keeping its progress and result."""

import contextlib
import logging
import types

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from .. import jobs, registry
from .models import MAX_STORED_PROBLEMS, ImportJob
from .pipeline import Importer
from .reader import FileRefused, read_file

logger = logging.getLogger(__name__)

DEFAULT_INLINE_MAX_BYTES = 256 * 1024


@contextlib.contextmanager
def acting_as(user):
    """Attribute the saves of a background job to the user who started it
    (created_by and the audit trail read the user from the request)."""
    context = HistoricalRecords.context
    if getattr(context, "request", None) is not None:
        yield
        return
    context.request = types.SimpleNamespace(user=user)
    try:
        yield
    finally:
        del context.request


def start(job: ImportJob, commit: bool = False):
    """Run the job now (small file) or queue it; returns the rq job or None."""
    limit = getattr(settings, "IMPORT_INLINE_MAX_BYTES", DEFAULT_INLINE_MAX_BYTES)
    if job.size <= limit:
        run(job.pk, commit)
        return None
    return jobs.enqueue(run, job.pk, commit)


def run(job_id: int, commit: bool = False) -> None:
    """Check the job's file, and save it when asked and it has no problem."""
    job = ImportJob.objects.select_related("user").get(pk=job_id)
    commit = commit or job.commit_when_valid
    job.status = ImportJob.Status.IMPORTING if commit else ImportJob.Status.CHECKING
    job.started_at = timezone.now()
    job.save(update_fields=["status", "started_at"])
    doctype = registry.by_label(job.doctype)
    try:
        with job.file.open("rb") as handle:
            sheets = read_file(handle, job.original_name, job.size)
        importer = Importer(sheets, doctype, job.user, progress=job.set_progress)
        with acting_as(job.user):
            report = importer.commit() if commit else importer.check()
    except FileRefused as refusal:
        finish(job, ImportJob.Status.INVALID, message=str(refusal), problems=1)
        return
    except Exception:
        logger.exception("Import job %s failed", job.pk)
        finish(job, ImportJob.Status.FAILED, message=_(
            "The import stopped on an unexpected error; nothing was saved. The "
            "administrator can see the details in the log."))
        return
    record(job, report, importer)


def record(job, report, importer):
    result = report.as_dict()
    result["problems"] = result["problems"][:MAX_STORED_PROBLEMS]
    job.result = result
    job.rows_total = getattr(importer, "total_rows", 0)
    job.rows_done = job.rows_total
    job.created_count = result["new"]
    job.updated_count = result["updated"]
    job.unchanged_count = result["unchanged"]
    if not report.ok:
        status = ImportJob.Status.INVALID
    elif report.committed:
        status = ImportJob.Status.DONE
    else:
        status = ImportJob.Status.VALID
    finish(job, status, problems=len(report.problems))
    logger.info("Import job %s %s: %d new, %d updated, %d problems", job.pk, status,
                job.created_count, job.updated_count, job.problem_count)


def finish(job, status, message="", problems=0):
    job.status = status
    job.message = message
    job.problem_count = problems
    job.finished_at = timezone.now()
    job.save()
