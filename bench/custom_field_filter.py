# ruff: noqa: T201 - a benchmark prints its figures
"""Benchmark: filtering officials by a custom field, with and without its
MariaDB index column.

    DATABASE_URL=mysql://root@127.0.0.1:3306/lao_moha_bench \
        .venv/bin/python bench/custom_field_filter.py --officials 200000

It builds the demo ministry up to the requested size (once: `demo_data`),
adds a filterable select field "bench_band" to Official and gives every
official a value (one UPDATE). It then measures the same filters twice:
with the field not filterable (no index: MariaDB reads the JSON of every
row) and filterable (the generated column and its index, built at run
time). It prints MariaDB's EXPLAIN of each query and the median times.
Nothing here asserts: it prints. On SQLite it says so and measures the
JSON path only.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

BANDS = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]


def timed(label, func, rounds):
    samples = []
    result = None
    for _ in range(rounds):
        start = time.perf_counter()
        result = func()
        samples.append(time.perf_counter() - start)
    status = getattr(result, "status_code", None)
    note = f"   HTTP {status}" if status not in (None, 200) else ""
    print(
        f"  {label:<58} median {statistics.median(samples) * 1000:9.1f} ms"
        f"   max {max(samples) * 1000:9.1f} ms{note}"
    )
    return result


def explain(title, queryset):
    print(f"\n  EXPLAIN {title}")
    for line in queryset.explain().splitlines():
        print(f"    {line}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officials", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Case, F, Func, JSONField, Value, When
    from django.db.models.functions import Mod
    from django.test import Client

    from lao_moha.core import scope
    from lao_moha.customization import definitions, indexing
    from lao_moha.customization.expressions import value_expression
    from lao_moha.customization.models import CustomField
    from lao_moha.customization.reports import engine, spec
    from lao_moha.organization.models import OrgUnit, UnitMembership
    from lao_moha.personnel.models import Official

    call_command("setup_site", no_demo=True, verbosity=0)
    missing = args.officials - Official.objects.count()
    if missing > 0:
        start = time.perf_counter()
        call_command("demo_data", officials=missing)
        print(f"built {missing} officials in {time.perf_counter() - start:.1f} s")
    total = Official.objects.count()
    version = connection.mysql_version if connection.vendor == "mysql" else ""
    print(f"database: {connection.vendor} {version}; officials: {total}")

    cf, _created = CustomField.objects.get_or_create(
        doctype="personnel.Official",
        name="bench_band",
        defaults={
            "field_type": "select",
            "label_lo": "ກຸ່ມທົດສອບ",
            "label_en": "Bench band",
            "options": [{"value": b, "label_lo": b, "label_en": b} for b in BANDS],
        },
    )
    filled = Official.objects.filter(custom_fields__has_key="bench_band").count()
    if filled < total:
        start = time.perf_counter()
        band = Case(*[When(id_mod=i, then=Value(b)) for i, b in enumerate(BANDS)])
        Official.objects.alias(id_mod=Mod(F("id"), len(BANDS))).update(
            custom_fields=Func(
                F("custom_fields"),
                Value("$.bench_band"),
                band,
                function="JSON_SET",
                output_field=JSONField(),
            )
        )
        print(
            f"filled bench_band on {total} officials in "
            f"{time.perf_counter() - start:.1f} s (one UPDATE)"
        )

    User = get_user_model()
    admin, _ = User.objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
    )
    clerk, created = User.objects.get_or_create(
        username="bench-province", defaults={"is_staff": True}
    )
    if created:
        clerk.user_permissions.add(Permission.objects.get(codename="view_official"))
        UnitMembership.objects.create(
            user=clerk, unit=OrgUnit.objects.get(code="PHA-13")
        )
    clerk = User.objects.get(pk=clerk.pk)
    as_admin = Client(HTTP_HOST="127.0.0.1")
    as_admin.force_login(admin)

    def measure(state):
        definitions.forget()
        field = definitions.get_field("personnel.Official", "bench_band")
        column = field.index_column if connection.vendor == "mysql" else None
        print(
            f"\n== {state}: {'index column ' + column if column else 'JSON column, no index'}"
        )
        base = Official.objects.alias(v=value_expression(field))
        one_band = base.filter(v="C")
        explain(
            "count of one band (the ids COUNT(*) reads)",
            one_band.order_by().values("pk"),
        )
        explain(
            "first page of one band, ordered",
            one_band.order_by("civil_service_no")[:50],
        )
        in_scope = scope.restrict(base, clerk).filter(v="C")
        explain("one band inside one province's scope", in_scope.order_by())
        rounds = args.rounds
        timed("COUNT(*) WHERE bench_band = 'C'", one_band.count, rounds)
        timed(
            "first 50 rows WHERE bench_band = 'C' ORDER BY number",
            lambda: list(one_band.order_by("civil_service_no")[:50]),
            rounds,
        )
        timed(
            "one province's scope AND bench_band = 'C' (count)", in_scope.count, rounds
        )
        timed(
            "REST /api/personnel/officials/?cf_bench_band=C",
            lambda: as_admin.get("/api/personnel/officials/", {"cf_bench_band": "C"}),
            rounds,
        )
        timed(
            "desk list ?cf_bench_band=C",
            lambda: as_admin.get("/app/personnel/official/", {"cf_bench_band": "C"}),
            rounds,
        )
        report = spec.clean(
            {"doctype": "personnel.Official", "group_by": ["cf_bench_band"]}, admin
        )
        timed(
            "report: count grouped by bench_band (all rows)",
            lambda: engine.run(report, admin),
            rounds,
        )
        filtered = spec.clean(
            {
                "doctype": "personnel.Official",
                "filters": [{"field": "cf_bench_band", "op": "eq", "value": "C"}],
                "group_by": ["gender"],
            },
            admin,
        )
        timed(
            "report: bench_band = C, count by gender",
            lambda: engine.run(filtered, admin),
            rounds,
        )

    if connection.vendor != "mysql":
        print("\nThis database builds no index columns; measuring the JSON path only.")
        measure("not indexed")
        return

    # The same filterable field twice: first without its index column (the
    # JSON path, as on SQLite or before the column is built), then with it,
    # built the way ticking "filterable" in the desk builds it.
    cf.refresh_from_db()
    if not cf.filterable:
        cf.filterable = True
        cf.save()
        cf.refresh_from_db()
    indexing.drop(cf)
    CustomField.objects.filter(pk=cf.pk).update(indexed_key="")
    definitions.bump()
    measure("filterable, index column dropped")

    cf.refresh_from_db()
    start = time.perf_counter()
    indexing.sync(cf)
    definitions.bump()
    print(
        f"\ngenerated column and its two indexes built in "
        f"{time.perf_counter() - start:.1f} s (indexed key: {cf.indexed_key!r})"
    )
    measure("filterable, indexed")

    from lao_moha.customization import dashboards

    def afresh(user):
        # Measure the computation, not the cache that keeps its result.
        dashboards.data_changed()
        return dashboards.dashboard(user)

    print("\n== desk home dashboard (5 headcount charts, staffing table, awards)")
    timed(
        "dashboard figures, ministry user",
        lambda: afresh(admin),
        args.rounds,
    )
    timed(
        "dashboard figures, one province's user",
        lambda: afresh(clerk),
        args.rounds,
    )
    timed(
        "desk home page, ministry user, figures computed",
        lambda: (dashboards.data_changed(), as_admin.get("/app/"))[1],
        args.rounds,
    )
    timed(
        "desk home page, ministry user, figures from the cache",
        lambda: as_admin.get("/app/"),
        args.rounds,
    )


if __name__ == "__main__":
    main()
