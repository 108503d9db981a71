"""Add movements, proposals and issued decisions to the demo ministry."""

from django.core.management.base import BaseCommand

from lao_moha.commendation.demo import build_commendation_demo
from lao_moha.commendation.models import Proposal


class Command(BaseCommand):
    help = "Build demo emulation movements, award proposals and issued decisions."

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true",
                            help="Do nothing when the site already has proposals.")

    def handle(self, *args, if_empty, **options):
        if if_empty and Proposal.objects.exists():
            self.stdout.write("Commendation demo skipped: the site already has proposals.")
            return
        counts = build_commendation_demo()
        if not counts:
            self.stdout.write("Commendation demo skipped: build the demo ministry first.")
            return
        self.stdout.write(
            "Commendation demo: {movements} movements, {proposals} proposals, "
            "{decisions} issued decisions.".format(**counts))
