"""Prepare a site: schema, reference data, patches, demo ministry, admin."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand

from lao_moha.commendation.reference import load_commendation_reference
from lao_moha.core.patches import run_pending
from lao_moha.geo.reference import load_divisions
from lao_moha.organization.reference import load_positions
from lao_moha.personnel.reference import load_personnel_lists


class Command(BaseCommand):
    help = (
        "Create or update the site: migrate, load reference data, apply "
        "patches, build the demo ministry if the site is empty, and make sure "
        "an administrator exists. Safe to run again: it loses nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-demo", action="store_true", help="Skip the demo ministry.")
        parser.add_argument("--officials", type=int, default=2000)

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database schema is up to date.")
        provinces, districts = load_divisions()
        load_positions()
        load_personnel_lists()
        load_commendation_reference()
        self.stdout.write(f"Reference data: {provinces} provinces and {districts} districts added.")
        if "load_roles" in get_commands():
            call_command("load_roles", verbosity=0)
        applied = run_pending()
        self.stdout.write(f"Patches applied: {len(applied)}.")
        if not options["no_demo"]:
            call_command("demo_data", officials=options["officials"], if_empty=True)
            call_command("demo_commendation", if_empty=True)
        self.ensure_admin()

    def ensure_admin(self):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An administrator already exists; password unchanged.")
            return
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(self.style.SUCCESS(
            f"Administrator created: user “{username}”"
            + ("" if os.environ.get("ADMIN_PASSWORD") else f", password “{password}” (shown once)")
        ))
