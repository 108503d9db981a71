"""Loading the shipped province and district files into the database."""

import csv
import logging
from pathlib import Path

from django.db import transaction

from .models import District, Province

logger = logging.getLogger(__name__)
DATA_DIR = Path(__file__).resolve().parent / "data"


def _rows(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def vietnamese_names():
    """{code: Vietnamese name} of provinces (2 digits) and districts (4)."""
    return {row["code"]: row["name_vi"] for row in _rows("lao_divisions_vi.csv")}


@transaction.atomic
def load_divisions():
    """Create the divisions that are missing; never touch existing rows.

    Later corrections to loaded rows arrive as patches (patches.txt), so a
    second run of the setup changes nothing an operator or a patch did.
    Returns (provinces created, districts created).
    """
    names_vi = vietnamese_names()
    known = set(Province.objects.values_list("code", flat=True))
    new_provinces = [
        Province(
            code=row["national_code"],
            iso_code=row["iso3166_2"],
            name_lo=row["name_lo_hdx"],
            name_en=row["name_en_hdx"],
            name_vi=names_vi.get(row["national_code"], ""),
            name_iso=row["name_iso"],
            kind=Province.Kind.CAPITAL if row["iso_type"] == "Prefecture" else Province.Kind.PROVINCE,
        )
        for row in _rows("lao_provinces.csv")
        if row["national_code"] not in known
    ]
    for province in new_provinces:
        province.save()

    provinces = {p.code: p for p in Province.objects.all()}
    known = set(District.objects.values_list("code", flat=True))
    created = 0
    for row in _rows("lao_districts.csv"):
        if row["code"] in known:
            continue
        District(
            code=row["code"],
            province=provinces[row["province_code"]],
            name_lo=row["name_lo"],
            name_en=row["name_en"],
            name_vi=names_vi.get(row["code"], ""),
            aliases_lo=row["aliases_lo"],
        ).save()
        created += 1
    logger.info(
        "Reference divisions loaded: %d provinces and %d districts created",
        len(new_provinces),
        created,
    )
    return len(new_provinces), created
