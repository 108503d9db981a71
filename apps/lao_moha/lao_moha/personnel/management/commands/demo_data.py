"""Build the demo ministry: units for each province and district, officials."""

from django.core.management.base import BaseCommand

from lao_moha.personnel.demo import build_officials, build_units
from lao_moha.personnel.models import Official


class Command(BaseCommand):
    help = "Build a plausible demo ministry (deterministic for a given seed)."

    def add_arguments(self, parser):
        parser.add_argument("--officials", type=int, default=2000,
                            help="How many officials to add (default 2000).")
        parser.add_argument("--seed", type=int, default=1975)
        parser.add_argument("--if-empty", action="store_true",
                            help="Do nothing when the site already has officials.")

    def handle(self, *args, officials, seed, if_empty, **options):
        if if_empty and Official.objects.exists():
            self.stdout.write("Demo data skipped: the site already has officials.")
            return
        units = build_units()
        made = build_officials(officials, seed=seed)
        self.stdout.write(f"Demo ministry: {len(units)} units, {made} officials added.")
