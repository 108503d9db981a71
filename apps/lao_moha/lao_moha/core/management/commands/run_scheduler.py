"""The scheduler process: queue due periodic work every minute."""

import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from lao_moha.core import scheduler

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Queue periodic work when it falls due (scheduled reports …), every "
        "--interval seconds, until stopped. The jobs run on the workers."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=int,
            default=60,
            help="Seconds between checks (default 60).",
        )
        parser.add_argument(
            "--once",
            action="store_true",
            help="Check once and exit (for cron or tests).",
        )

    def handle(self, *args, interval, once, **options):
        self.running = True
        if once:
            queued = scheduler.tick()
            self.stdout.write(f"Queued {queued} jobs.")
            return
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        logger.info("Scheduler started: checking every %d s", interval)
        while self.running:
            close_old_connections()
            scheduler.tick()
            close_old_connections()
            # Sleep in short steps so a stop signal is honoured at once.
            deadline = time.monotonic() + max(interval, 1)
            while self.running and time.monotonic() < deadline:
                time.sleep(min(1, deadline - time.monotonic()))
        logger.info("Scheduler stopped")

    def stop(self, signum, frame):
        self.running = False
