"""Periodic work: each app registers a function that, given the time,
queues what has fallen due through `jobs.enqueue` and says how many jobs
it queued. `manage.py run_scheduler` (the Procfile's scheduler process)
calls them every minute; the work itself runs on the job workers.
"""

import logging

from django.utils import timezone

logger = logging.getLogger(__name__)

_sources = []


def register(func):
    """Add a source of due jobs: func(now) -> number of jobs queued."""
    if func not in _sources:
        _sources.append(func)
    return func


def tick(now=None):
    """Queue everything due at `now`; one failing source does not stop
    the others. Returns the number of jobs queued."""
    now = now or timezone.now()
    queued = 0
    for source in list(_sources):
        try:
            queued += source(now) or 0
        except Exception:  # noqa: BLE001 - keep the scheduler alive
            logger.exception("Scheduler source %s failed", source.__qualname__)
    if queued:
        logger.info("Scheduler queued %d jobs", queued)
    return queued
