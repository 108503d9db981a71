"""Background jobs go through Redis when it is configured, inline otherwise."""

import pytest
from django.core.cache import cache

from lao_moha.core import jobs


def remember(key, value):
    cache.set(key, value, 60)


def test_without_redis_the_job_runs_inline(settings):
    settings.REDIS_URL = ""
    assert jobs.enqueue(remember, "jobs-inline", "done") is None
    assert cache.get("jobs-inline") == "done"


@pytest.mark.skipif(not __import__("os").environ.get("REDIS_URL"), reason="needs REDIS_URL")
def test_with_redis_the_job_is_queued_and_a_worker_runs_it(settings):
    import django_rq
    from rq import SimpleWorker

    queue = django_rq.get_queue("default")
    queue.empty()
    job = jobs.enqueue(remember, "jobs-queued", "done")
    assert job is not None
    assert job.get_status() == "queued"
    # A worker in this process (SimpleWorker does not fork) drains the queue.
    SimpleWorker([queue], connection=queue.connection).work(burst=True)
    assert job.get_status(refresh=True) == "finished"
