"""A deterministic, plausible demo ministry for trying and benchmarking.

The same seed gives the same ministry. Units and names are invented;
department titles follow MoHA mandates seen in public sources and are not
an official organigram.
"""

import datetime
import logging
import random

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from lao_moha.geo.models import District, Province
from lao_moha.organization.models import OrgUnit, Position

from . import due_dates
from .models import (
    Evaluation,
    EvaluationRating,
    GradeStepChange,
    Official,
    OfficialCategory,
    SalaryGrade,
)

logger = logging.getLogger(__name__)

MINISTRY = ("MOHA", "ກະຊວງພາຍໃນ", "Ministry of Home Affairs")
DEPARTMENTS = [
    ("MOHA-CAB", "ຫ້ອງການກະຊວງ", "Cabinet of the Ministry", "department"),
    ("MOHA-CSM", "ກົມຄຸ້ມຄອງລັດຖະກອນ", "Department of Civil Servant Management", "department"),
    ("MOHA-ORG", "ກົມຈັດຕັ້ງ ແລະ ພະນັກງານ", "Department of Organisation and Personnel", "department"),
    ("MOHA-LOC", "ກົມປົກຄອງທ້ອງຖິ່ນ", "Department of Local Administration", "department"),
    ("MOHA-EMU", "ກົມແຂ່ງຂັນ-ຍ້ອງຍໍ", "Department of Emulation and Commendation", "department"),
    ("MOHA-INS", "ກົມກວດກາ", "Department of Inspection", "department"),
    ("MOHA-PARTI", "ສະຖາບັນຄົ້ນຄວ້າການປົກຄອງ ແລະ ຝຶກອົບຮົມ",
     "Public Administration Research and Training Institute", "institute"),
]
DIVISIONS = [
    ("ADM", "ພະແນກບໍລິຫານ", "Administration Division"),
    ("TEC", "ພະແນກວິຊາການ", "Technical Division"),
    ("PLN", "ພະແນກແຜນການ ແລະ ສະຖິຕິ", "Planning and Statistics Division"),
]
# Vietnamese names of the demo units (the Lao and English ones are above).
NAMES_VI = {
    "MOHA": "Bộ Nội vụ",
    "MOHA-CAB": "Văn phòng Bộ",
    "MOHA-CSM": "Cục Quản lý công chức",
    "MOHA-ORG": "Cục Tổ chức cán bộ",
    "MOHA-LOC": "Cục Chính quyền địa phương",
    "MOHA-EMU": "Cục Thi đua - Khen thưởng",
    "MOHA-INS": "Cục Thanh tra",
    "MOHA-PARTI": "Viện Nghiên cứu hành chính và Đào tạo",
    "ADM": "Phòng Hành chính",
    "TEC": "Phòng Chuyên môn",
    "PLN": "Phòng Kế hoạch và Thống kê",
}

MALE_GIVEN = [
    ("ສົມພອນ", "Somphone"), ("ບຸນມີ", "Bounmy"), ("ຄຳພອນ", "Khamphone"),
    ("ສີສະຫວາດ", "Sisavath"), ("ອານຸສອນ", "Anousone"), ("ສຸລິຍາ", "Souliya"),
    ("ພອນສະຫວັນ", "Phonesavanh"), ("ແສງທອງ", "Sengthong"), ("ບົວພັນ", "Bouaphanh"),
    ("ທອງສະຫວັນ", "Thongsavanh"), ("ຄຳຫຼ້າ", "Khamla"), ("ສົມສັກ", "Somsack"),
    ("ບຸນທັນ", "Bounthanh"), ("ວິໄລພອນ", "Vilayphone"), ("ສຸກສະຫວັນ", "Souksavanh"),
    ("ໄຊສົມພອນ", "Xaysomphone"), ("ທອງລຸນ", "Thongloun"), ("ແກ້ວມະນີ", "Keomany"),
]
FEMALE_GIVEN = [
    ("ມະນີວອນ", "Manivone"), ("ນາລີ", "Naly"), ("ວັນນີ", "Vanny"),
    ("ພອນທິບ", "Phonethip"), ("ບົວສີ", "Bouasy"), ("ຈັນທະລາ", "Chanthala"),
    ("ມາລີ", "Maly"), ("ແສງຈັນ", "Sengchanh"), ("ຄຳມະນີ", "Khammany"),
    ("ອາລຸນີ", "Alouny"), ("ວຽງສະໄໝ", "Viengsamay"), ("ນິດສະດາ", "Nitsada"),
    ("ສຸດາລັດ", "Soudalath"), ("ດາລາ", "Dala"), ("ພຸດທະສອນ", "Phoutthasone"),
    ("ຂັນທະລີ", "Khanthaly"),
]
FAMILY = [
    ("ພົມມະຈັນ", "Phommachanh"), ("ສຸວັນນະວົງ", "Souvannavong"),
    ("ວົງສະຫວັນ", "Vongsavanh"), ("ຈັນທະວົງ", "Chanthavong"), ("ໄຊຍະວົງ", "Xayavong"),
    ("ສີລາວົງ", "Silavong"), ("ພູມມະຈັກ", "Phoummachak"), ("ດວງມາລາ", "Douangmala"),
    ("ສີສຸລາດ", "Sisoulath"), ("ອິນທະວົງ", "Inthavong"), ("ພັນທະວົງ", "Phanthavong"),
    ("ສີຫາລາດ", "Sihalath"), ("ຈັນທະລັງສີ", "Chanthalangsy"), ("ວົງພະຈັນ", "Vongphachanh"),
    ("ຂັນທະວົງ", "Khanthavong"), ("ສຸວັນນະພູມມາ", "Souvannaphoumma"),
    ("ແກ້ວວົງສາ", "Keovongsa"), ("ລາດຊະວົງ", "Latsavong"), ("ວົງຄຳຊາວ", "Vongkhamsao"),
]
# (Lao, weight): the largest groups of the Lao population first.
ETHNICITIES = [("ລາວ", 53), ("ຂະມຸ", 11), ("ມົ້ງ", 9), ("ຜູ້ໄທ", 3), ("ໄຕ", 3), ("ລື້", 2)]


@transaction.atomic
def build_units():
    """The ministry, its departments and divisions, one department per
    province and one office per district. Existing units are kept."""
    existing = {u.code: u for u in OrgUnit.objects.all()}

    def unit(code, **fields):
        if code not in existing:
            obj = OrgUnit(code=code, **fields)
            obj.save()
            existing[code] = obj
        return existing[code]

    root = unit(MINISTRY[0], name_lo=MINISTRY[1], name_en=MINISTRY[2],
                name_vi=NAMES_VI["MOHA"], level="central", kind="ministry",
                staffing_quota=600)
    for code, name_lo, name_en, kind in DEPARTMENTS:
        department = unit(code, name_lo=name_lo, name_en=name_en,
                          name_vi=NAMES_VI.get(code, ""), parent=root,
                          level="central", kind=kind, staffing_quota=80)
        for suffix, div_lo, div_en in DIVISIONS:
            unit(f"{code}-{suffix}", name_lo=div_lo, name_en=div_en,
                 name_vi=NAMES_VI.get(suffix, ""), parent=department,
                 level="central", kind="division", staffing_quota=20)
    districts_by_province = {}
    for district in District.objects.select_related("province"):
        districts_by_province.setdefault(district.province.code, []).append(district)
    for province in Province.objects.all():
        department = unit(
            f"PHA-{province.code}", name_lo=f"ພະແນກພາຍໃນ {province.name_lo}",
            name_en=f"{province.name_en} Department of Home Affairs",
            name_vi=f"Sở Nội vụ {province.name_vi}" if province.name_vi else "",
            parent=root,
            level="province", kind="provincial_department", province=province,
            staffing_quota=60,
        )
        for district in districts_by_province.get(province.code, []):
            unit(
                f"DHA-{district.code}", name_lo=f"ຫ້ອງການພາຍໃນເມືອງ {district.name_lo}",
                name_en=f"{district.name_en} District Office of Home Affairs",
                name_vi=f"Phòng Nội vụ huyện {district.name_vi}" if district.name_vi else "",
                parent=department, level="district", kind="district_office",
                province=province, district=district, staffing_quota=15,
            )
    return existing


def build_officials(count, seed=1975, batch_size=5000):
    """Add `count` officials spread over the units; returns how many."""
    rng = random.Random(seed)
    start = Official.objects.count()
    rng.seed(seed + start)  # a second call continues, it does not repeat
    units = list(OrgUnit.objects.filter(is_active=True).exclude(kind="ministry"))
    district_units = [u for u in units if u.level == "district"]
    other_units = [u for u in units if u.level != "district"]
    positions = {p.code: p for p in Position.objects.all()}
    staff_positions = [positions[c] for c in ("STAFF", "TECH", "DHSEC", "HSEC") if c in positions]
    categories = list(OfficialCategory.objects.all())
    grades = {g.number: g for g in SalaryGrade.objects.all()}
    today = datetime.date.today()
    ethnic_names = [name for name, _ in ETHNICITIES]
    ethnic_weights = [weight for _, weight in ETHNICITIES]

    made = 0
    while made < count:
        batch = []
        for _ in range(min(batch_size, count - made)):
            n = start + made + len(batch) + 1
            female = rng.random() < 0.45
            given_lo, given_latin = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
            family_lo, family_latin = rng.choice(FAMILY)
            birth = datetime.date(rng.randint(1966, 2002), rng.randint(1, 12), rng.randint(1, 28))
            entry = birth.replace(year=birth.year + rng.randint(20, 28))
            entry = min(entry, today - datetime.timedelta(days=30))
            years = max((today - entry).days // 365, 0)
            grade_no = min(1 + years // 6, max(grades)) if grades else 1
            grade = grades.get(grade_no)
            official = Official(
                civil_service_no=f"{n:08d}",
                name_lo=f"{given_lo} {family_lo}",
                name_latin=f"{given_latin} {family_latin.upper()}",
                gender="F" if female else "M",
                date_of_birth=birth,
                ethnicity=rng.choices(ethnic_names, ethnic_weights)[0],
                national_id=f"{100000000000 + n * 7:012d}",
                category=categories[0] if rng.random() < 0.9 else rng.choice(categories),
                unit=rng.choice(
                    district_units if rng.random() < 0.6 and district_units else other_units
                ),
                position=rng.choice(staff_positions) if staff_positions else None,
                grade=grade_no,
                step=rng.randint(1, grade.max_step if grade else 1),
                entry_date=entry,
                status="active",
            )
            official.search_name = official.build_search_name()
            batch.append(official)
        bulk_create_with_history(batch, Official, batch_size=batch_size)
        saved = list(Official.objects.filter(
            civil_service_no__in=[o.civil_service_no for o in batch]).order_by("pk"))
        build_histories(saved, rng, today)
        # bulk_create skips save(): fill the stored due dates afterwards.
        due_dates.refresh([o.pk for o in saved])
        made += len(batch)
        logger.info("Demo officials: %d of %d created", made, count)
    return made


# (rating code, weight) of the demo's annual evaluations.
RATING_WEIGHTS = [("EXCELLENT", 15), ("GOOD", 50), ("COMPLETED", 30), ("NOT_COMPLETED", 5)]


def build_histories(officials, rng, today):
    """The latest grade/step change and up to three annual evaluations of
    each demo official, so work lists and eligibility have data to show."""
    ratings = {r.code: r for r in EvaluationRating.objects.all()}
    weighted = [(ratings[code], weight) for code, weight in RATING_WEIGHTS if code in ratings]
    changes, evaluations = [], []
    for official in officials:
        months_ago = rng.randint(0, 30)
        effective = max(today - datetime.timedelta(days=30 * months_ago), official.entry_date)
        changes.append(GradeStepChange(
            official=official, kind=GradeStepChange.Kind.STEP, grade=official.grade,
            step=official.step, effective_date=effective.replace(day=1)
            if effective.replace(day=1) >= official.entry_date else effective,
            decision_no=f"{rng.randint(1, 999)}/ກພ",
        ))
        for year in range(today.year - 3, today.year):
            if weighted and year >= official.entry_date.year:
                rating = rng.choices([r for r, _w in weighted], [w for _r, w in weighted])[0]
                evaluations.append(Evaluation(official=official, year=year, rating=rating))
    bulk_create_with_history(changes, GradeStepChange, batch_size=2000)
    bulk_create_with_history(evaluations, Evaluation, batch_size=2000)
