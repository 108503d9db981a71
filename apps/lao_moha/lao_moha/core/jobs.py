"""Background jobs: on the Redis queue when there is one, inline otherwise."""

import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def enqueue(func, *args, queue="default", **kwargs):
    """Run `func` on the job queue; without Redis, run it now and log it.

    Returns the rq Job, or None when the function ran inline or will be
    queued when the current transaction commits.
    """
    if settings.REDIS_URL:
        import django_rq

        job = django_rq.get_queue(queue).enqueue(func, *args, **kwargs)
        # Inside a transaction django-rq queues the job on commit and
        # returns None: there is no job id to report yet.
        logger.info("Queued job %s (%s)", getattr(job, "id", "on commit"), func.__qualname__)
        return job
    logger.info("No Redis configured: running %s inline", func.__qualname__)
    func(*args, **kwargs)
    return None
