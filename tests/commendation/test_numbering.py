"""Decision numbers: no gaps, no duplicates, also when many clerks issue at
the same moment. The concurrency tests use real threads on committed data
and need MariaDB's row locks (SQLite serialises writers on its own)."""

import datetime
import threading

import pytest
from django.db import connection, connections, transaction

from lao_moha.commendation.models import AwardDecision, AwardType
from lao_moha.commendation.services import decisions
from lao_moha.core.naming import NamingCounter, NamingSeries, next_name
from tests.commendation.builders import YEAR, World, draft_for

THREADS = 8

needs_row_locks = pytest.mark.skipif(
    connection.vendor != "mysql", reason="row-lock concurrency needs MariaDB")


def run_together(work, count=THREADS):
    """Run work(i) in `count` threads released at once; returns results and
    errors. Each thread has its own database connection."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def runner(index):
        try:
            barrier.wait()
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


@pytest.mark.django_db
def test_series_format_and_counters(ministry):
    series = NamingSeries.objects.create(code="t", name_lo="t", pattern="{number}/{body}.{year}",
                                         padding=3)
    with transaction.atomic():
        assert next_name(series, "MOHA", 2025) == (1, "001/MOHA.2025")
        assert next_name(series, "MOHA", 2025) == (2, "002/MOHA.2025")
        assert next_name(series, "PHA-13", 2025) == (1, "001/PHA-13.2025")
        assert next_name(series, "MOHA", 2026) == (1, "001/MOHA.2026")


@pytest.mark.django_db
def test_a_rolled_back_claim_gives_its_number_back(ministry):
    series = NamingSeries.objects.create(code="t", name_lo="t")
    with transaction.atomic():
        next_name(series, "B", 2025)
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        next_name(series, "B", 2025)
        1 / 0  # noqa: B018 - the issue fails after taking its number
    with transaction.atomic():
        assert next_name(series, "B", 2025)[0] == 2


@needs_row_locks
def test_concurrent_claims_never_repeat_or_skip(reload_reference_after, transactional_db):
    series = NamingSeries.objects.create(code="concurrent", name_lo="x")

    def claim(index):
        # Every claim races for a counter row that does not exist yet.
        with transaction.atomic():
            return next_name(series, "MOHA", 2030)[0]

    numbers, errors = run_together(claim)
    assert errors == []
    assert sorted(numbers) == list(range(1, THREADS + 1))
    assert NamingCounter.objects.get(series=series).last == THREADS


@needs_row_locks
def test_concurrent_issuing_gives_consecutive_decision_numbers(
    reload_reference_after, transactional_db
):
    world = World()
    medal = AwardType.objects.get(code="LABOUR-MEDAL-3")
    drafts = [
        draft_for(world, [world.officials[i % 3]], medal, datetime.date(YEAR, 8, 1))
        for i in range(THREADS)
    ]

    def issue(index):
        decision = decisions.issue_decision(drafts[index], world.hr)
        return decision.number

    numbers, errors = run_together(issue)
    assert errors == []
    expected = [f"{n:04d}/T-MOHA" for n in range(1, THREADS + 1)]
    assert sorted(numbers) == expected
    issued = AwardDecision.objects.filter(docstatus=1).order_by("sequence")
    assert [d.sequence for d in issued] == list(range(1, THREADS + 1))
    assert sum(d.awards.count() for d in issued) == THREADS
