"""Benchmark: import a provincial-style workbook of officials with histories.

Run against the database you want to measure, e.g.

    DATABASE_URL=mysql://root@127.0.0.1:3306/lao_moha_bench \
        .venv/bin/python bench/import_officials.py --officials 10000

It writes one XLSX workbook (title rows, Lao headings, honorifics, Lao
gender words, text dates beside date cells, a totals row) holding the
officials and, per official, two evaluations, a grade/step change and a
training course; then checks it, imports it, and imports it again (all
rows unchanged). It prints the time of each step, the rows per second and
the peak memory. Officials are numbered BENCH…; earlier runs are removed
first. Nothing here asserts: it prints.
"""

# ruff: noqa: T201 - a benchmark prints its figures; S311 - test data only
# ruff: noqa: S311

import argparse
import datetime
import io
import os
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

OFFICIAL_HEADINGS = ["ລ/ດ", "ລະຫັດລັດຖະກອນ", "ຊື່ ແລະ ນາມສະກຸນ", "name (Latin transliteration)",
                     "ເພດ", "ວັນເດືອນປີເກີດ", "ລະຫັດຫົວໜ່ວຍ", "ປະເພດ", "ຊັ້ນ", "ຂັ້ນ",
                     "ວັນເຂົ້າລັດ", "ຊົນເຜົ່າ", "ເບີໂທ"]


def build_workbook(count, units, seed=2025):
    import openpyxl

    rng = random.Random(seed)
    book = openpyxl.Workbook(write_only=True)
    officials = book.create_sheet("officials")
    evaluations = book.create_sheet("evaluations")
    changes = book.create_sheet("grade and step changes")
    trainings = book.create_sheet("trainings")
    officials.append(["ບັນຊີລາຍຊື່ລັດຖະກອນ (ທົດລອງ)"])
    officials.append([])
    officials.append(OFFICIAL_HEADINGS)
    evaluations.append(["ລະຫັດລັດຖະກອນ", "ປີ", "ຜົນການປະເມີນ"])
    changes.append(["ລະຫັດລັດຖະກອນ", "kind", "ຊັ້ນ", "ຂັ້ນ", "ວັນທີມີຜົນ", "ເລກທີຂໍ້ຕົກລົງ"])
    trainings.append(["ລະຫັດລັດຖະກອນ", "ຫຼັກສູດ", "ສະຖາບັນ", "ແຕ່ວັນທີ"])
    for n in range(1, count + 1):
        number = f"BENCH{n:06d}"
        female = rng.random() < 0.45
        birth = datetime.date(rng.randint(1966, 1998), rng.randint(1, 12), rng.randint(1, 28))
        entry = birth.replace(year=birth.year + rng.randint(20, 26))
        grade = rng.randint(1, 6)
        step = rng.randint(1, 14)
        birth_cell = birth if n % 2 else birth.strftime("%d/%m/%Y")
        officials.append([
            n, number, ("ນາງ " if female else "ທ້າວ ") + "ມາລີ ສີລາວົງ", f"Person {n}",
            "ຍິງ" if female else "ຊາຍ", birth_cell, rng.choice(units), "CS", grade, step,
            entry.strftime("%d.%m.%Y"), "ລາວ", f"020 {n:08d}",
        ])
        for year in (2023, 2024):
            evaluations.append([number, year, rng.choice(["GOOD", "COMPLETED", "EXCELLENT"])])
        changes.append([number, "step", grade, step,
                        datetime.date(2024, rng.randint(1, 12), 1), f"{n}/MOHA"])
        trainings.append([number, "ການຄຸ້ມຄອງລັດ", "PARTI", datetime.date(2019, 5, 6)])
    officials.append(["", "ລວມ", f"{count} ຄົນ"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officials", type=int, default=10_000)
    parser.add_argument("--trace-memory", action="store_true",
                        help="also measure Python allocations (slows the run)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from lao_moha.core import registry
    from lao_moha.core.imports.pipeline import Importer
    from lao_moha.core.imports.reader import read_file
    from lao_moha.organization.models import OrgUnit
    from lao_moha.personnel.models import Official

    call_command("setup_site", no_demo=True, verbosity=0)
    from lao_moha.personnel.demo import build_units

    build_units()
    Official.objects.filter(civil_service_no__startswith="BENCH").delete()
    units = list(OrgUnit.objects.filter(level="district").values_list("code", flat=True))
    admin, _created = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True})

    start = time.perf_counter()
    data = build_workbook(args.officials, units)
    print(f"database: {connection.vendor}")
    print(f"workbook: {args.officials} officials, {len(data) / 1048576:.1f} MB, "
          f"written in {time.perf_counter() - start:.1f} s")

    if args.trace_memory:
        tracemalloc.start()
    doctype = registry.get(Official)
    for label, commit in (("check only", False), ("import", True), ("re-import", True)):
        start = time.perf_counter()
        sheets = read_file(io.BytesIO(data), "bench.xlsx", len(data))
        read = time.perf_counter() - start
        importer = Importer(sheets, doctype, admin)
        report = importer.commit() if commit else importer.check()
        elapsed = time.perf_counter() - start
        rows = importer.total_rows
        print(f"{label:<11} {elapsed:7.1f} s (reading {read:.1f} s)  {rows / elapsed:7.0f} rows/s"
              f"  new {report.total('new')}, updated {report.total('update')}, "
              f"unchanged {report.total('unchanged')}, problems {len(report.problems)}")
    if args.trace_memory:
        _current, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak Python memory (tracemalloc): {traced_peak / 1048576:.0f} MB")
    stored = Official.objects.filter(civil_service_no__startswith="BENCH").count()
    print(f"officials in the database: {stored}")
    print(f"peak memory of this process: "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
