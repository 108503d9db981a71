"""Benchmark: list pages, counts and subtree queries on a large registry.

Run against the database you want to measure, e.g.

    DATABASE_URL=mysql://root@127.0.0.1:3306/lao_moha_bench \
        .venv/bin/python bench/list_officials.py --officials 200000

It builds the demo ministry up to the requested size (once; later runs
reuse it), then prints the median time of each operation over several
rounds and the process's peak memory. Nothing here asserts: it prints.
"""

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")


def timed(label, func, rounds):
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    print(f"{label:<48} median {statistics.median(samples) * 1000:8.1f} ms"
          f"   max {max(samples) * 1000:8.1f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officials", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from lao_moha.organization.models import OrgUnit, UnitMembership
    from lao_moha.personnel.models import Official

    call_command("setup_site", no_demo=True, verbosity=0)
    missing = args.officials - Official.objects.count()
    if missing > 0:
        start = time.perf_counter()
        call_command("demo_data", officials=missing)
        print(f"built {missing} officials in {time.perf_counter() - start:.1f} s")
    print(f"database: {connection.vendor}; officials: {Official.objects.count()}")

    User = get_user_model()
    admin, _ = User.objects.get_or_create(username="bench-admin", defaults={"is_superuser": True, "is_staff": True})
    clerk, created = User.objects.get_or_create(username="bench-province", defaults={"is_staff": True})
    province_unit = OrgUnit.objects.get(code="PHA-13")
    if created:
        from django.contrib.auth.models import Permission

        clerk.user_permissions.add(Permission.objects.get(codename="view_official"))
        UnitMembership.objects.create(user=clerk, unit=province_unit)

    as_admin = Client(HTTP_HOST="127.0.0.1")
    as_admin.force_login(admin)
    as_clerk = Client(HTTP_HOST="127.0.0.1")
    as_clerk.force_login(clerk)

    rounds = args.rounds
    timed("REST list, page 1 (ministry user)", lambda: as_admin.get("/api/personnel/officials/"), rounds)
    timed("REST list, page 100 (ministry user)", lambda: as_admin.get("/api/personnel/officials/?page=100"), rounds)
    timed("REST list, filtered grade=3&gender=F", lambda: as_admin.get("/api/personnel/officials/?grade=3&gender=F"), rounds)
    timed("REST list, search by Lao name", lambda: as_admin.get("/api/personnel/officials/?search=ສີລາວົງ"), rounds)
    timed("REST list, one province's scope", lambda: as_clerk.get("/api/personnel/officials/"), rounds)
    timed("desk list, page 1 (ministry user)", lambda: as_admin.get("/app/personnel/official/"), rounds)
    timed("desk list, one province's scope", lambda: as_clerk.get("/app/personnel/official/"), rounds)
    timed("count of a province subtree (ORM)",
          lambda: Official.objects.filter(unit__path__startswith=province_unit.path).count(), rounds)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak memory of this process: {peak_kb / 1024:.0f} MB")


if __name__ == "__main__":
    main()
