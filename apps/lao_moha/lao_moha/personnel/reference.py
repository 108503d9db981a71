"""Configurable personnel lists shipped with a new site.

The salary scale of six grades of fifteen steps is the commonly cited
shape of the Lao scale (15 steps per grade is confirmed for the 1993
regime; six grades is not confirmed): administrators adjust it in the desk.
The evaluation scale, the discipline measures and the step interval are
not confirmed for Laos either (domain notes 2.4-2.6); they ship marked so.
"""

import datetime
import logging

from .models import (
    DisciplineMeasure,
    EvaluationRating,
    OfficialCategory,
    RetirementRule,
    SalaryGrade,
    StepRule,
)

logger = logging.getLogger(__name__)

CATEGORIES = [
    ("CS", "ລັດຖະກອນ", "Civil servant", "Công chức"),
    ("NEW", "ລັດຖະກອນໃໝ່", "Newly recruited civil servant", "Công chức mới tuyển dụng"),
    ("CONTRACT", "ພະນັກງານສັນຍາ", "Contract employee", "Nhân viên hợp đồng"),
    ("VOLUNTEER", "ພະນັກງານອາສາສະໝັກ", "Volunteer", "Tình nguyện viên"),
]
GRADES = [(1, "I"), (2, "II"), (3, "III"), (4, "IV"), (5, "V"), (6, "VI")]
STEPS_PER_GRADE = 15

# Vietnam's four levels (domain notes 2.6), for want of the Lao scale.
RATINGS = [
    ("EXCELLENT", 4, "ສຳເລັດໜ້າທີ່ດີເດັ່ນ", "Excellently completed duties",
     "Hoàn thành xuất sắc nhiệm vụ"),
    ("GOOD", 3, "ສຳເລັດໜ້າທີ່ດີ", "Well completed duties", "Hoàn thành tốt nhiệm vụ"),
    ("COMPLETED", 2, "ສຳເລັດໜ້າທີ່", "Completed duties", "Hoàn thành nhiệm vụ"),
    ("NOT_COMPLETED", 1, "ບໍ່ສຳເລັດໜ້າທີ່", "Did not complete duties",
     "Không hoàn thành nhiệm vụ"),
]
MEASURES = [
    ("WARNING", 1, "ກ່າວເຕືອນ", "Warning", "Khiển trách"),
    ("REPRIMAND", 2, "ຕິຕຽນ", "Reprimand", "Cảnh cáo"),
    ("STEP_DOWN", 3, "ຫຼຸດຂັ້ນເງິນເດືອນ", "Salary step reduction", "Hạ bậc lương"),
    ("DEMOTION", 4, "ຫຼຸດຕຳແໜ່ງ", "Demotion", "Giáng chức"),
    ("REMOVAL", 5, "ປົດຕຳແໜ່ງ", "Removal from position", "Cách chức"),
    ("DISMISSAL", 6, "ໄລ່ອອກ", "Dismissal", "Buộc thôi việc"),
]
UNCONFIRMED = "Not confirmed for Laos: check with MoHA (domain notes {section})."
STEP_RULES = [
    (10, "Held after a year rated below “completed”", "NOT_COMPLETED", None),
    (20, "One step every two years", None, 24),
]
# Decree 82/PM came into force on 1 July 2003; MoHA stated 60/55 in 2014.
RETIREMENT_FROM = datetime.date(2003, 7, 1)
RETIREMENT_AGES = [("M", 60), ("F", 55)]
# Draft amended Law on Civil Servants (March 2025), Art. 71: deferral to 65.
EXTENSION_AGE = 65


def load_personnel_lists():
    created = 0
    known = set(OfficialCategory.objects.values_list("code", flat=True))
    for code, name_lo, name_en, name_vi in CATEGORIES:
        if code not in known:
            OfficialCategory(code=code, name_lo=name_lo, name_en=name_en, name_vi=name_vi).save()
            created += 1
    known = set(SalaryGrade.objects.values_list("number", flat=True))
    for number, label in GRADES:
        if number not in known:
            SalaryGrade(number=number, label=label, max_step=STEPS_PER_GRADE).save()
            created += 1
    created += load_scales()
    created += load_rules()
    logger.info("Personnel lists: %d entries created", created)
    return created


def load_scales():
    created = 0
    known = set(EvaluationRating.objects.values_list("code", flat=True))
    for code, rank, name_lo, name_en, name_vi in RATINGS:
        if code not in known:
            EvaluationRating(code=code, rank=rank, name_lo=name_lo, name_en=name_en,
                             name_vi=name_vi).save()
            created += 1
    known = set(DisciplineMeasure.objects.values_list("code", flat=True))
    for code, severity, name_lo, name_en, name_vi in MEASURES:
        if code not in known:
            DisciplineMeasure(code=code, severity=severity, name_lo=name_lo,
                              name_en=name_en, name_vi=name_vi).save()
            created += 1
    return created


def load_rules():
    """Ship the rule tables once; later edits by administrators are kept."""
    created = 0
    if not StepRule.objects.exists():
        ratings = {r.code: r for r in EvaluationRating.objects.all()}
        for priority, name, at_most, months in STEP_RULES:
            StepRule(
                priority=priority, name=name, rating_at_most=ratings.get(at_most),
                interval_months=months, note=UNCONFIRMED.format(section="2.4"),
            ).save()
            created += 1
    if not RetirementRule.objects.exists():
        for gender, age in RETIREMENT_AGES:
            RetirementRule(
                gender=gender, age=age, max_age_with_extension=EXTENSION_AGE,
                valid_from=RETIREMENT_FROM,
                note="Ages stated by MoHA in 2014; the extension to 65 is the draft "
                "2025 amendment (Art. 71), pending adoption (domain notes 2.5).",
            ).save()
            created += 1
    return created
