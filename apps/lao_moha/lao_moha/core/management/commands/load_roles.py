"""Create or update the shipped roles and their permissions."""

from django.core.management.base import BaseCommand

from lao_moha.core.roles import load_roles


class Command(BaseCommand):
    help = (
        "Create the shipped roles (groups with permissions and names in Lao, "
        "Vietnamese and English) or bring them up to date with the DocTypes "
        "of this site. Keeps permissions an administrator added or removed; "
        "--reset restores the shipped ones."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Restore the shipped permissions and names exactly.",
        )

    def handle(self, *args, **options):
        counts = load_roles(reset=options["reset"])
        for code, count in counts.items():
            self.stdout.write(f"{code}: {count} permissions")
        self.stdout.write(self.style.SUCCESS(f"{len(counts)} roles are up to date."))
