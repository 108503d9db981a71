"""Configurable personnel lists shipped with a new site.

The salary scale of six grades of fifteen steps is the commonly cited
shape of the Lao scale (15 steps per grade is confirmed for the 1993
regime; six grades is not confirmed): administrators adjust it in the desk.
"""

import logging

from .models import OfficialCategory, SalaryGrade

logger = logging.getLogger(__name__)

CATEGORIES = [
    ("CS", "ລັດຖະກອນ", "Civil servant", "Công chức"),
    ("NEW", "ລັດຖະກອນໃໝ່", "Newly recruited civil servant", "Công chức mới tuyển dụng"),
    ("CONTRACT", "ພະນັກງານສັນຍາ", "Contract employee", "Nhân viên hợp đồng"),
    ("VOLUNTEER", "ພະນັກງານອາສາສະໝັກ", "Volunteer", "Tình nguyện viên"),
]
GRADES = [(1, "I"), (2, "II"), (3, "III"), (4, "IV"), (5, "V"), (6, "VI")]
STEPS_PER_GRADE = 15


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
    logger.info("Personnel lists: %d entries created", created)
    return created
