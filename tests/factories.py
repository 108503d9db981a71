"""Small builders of test records; every test makes the few rows it needs."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from lao_moha.geo.models import District, Province
from lao_moha.organization.models import OrgUnit, Position, UnitMembership
from lao_moha.personnel.models import Official, OfficialCategory

_numbers = itertools.count(1)


def ministry_tree():
    """A ministry with one central department and two provinces, each with
    one district office. Returns the units by short name."""
    vientiane = Province.objects.get(code="01")
    savannakhet = Province.objects.get(code="13")
    root = unit("T-MOHA", "ກະຊວງພາຍໃນ", level="central", kind="ministry")
    department = unit("T-CSM", "ກົມຄຸ້ມຄອງລັດຖະກອນ", parent=root, level="central", kind="department")
    p01 = unit("T-PHA-01", "ພະແນກພາຍໃນ ນະຄອນຫຼວງວຽງຈັນ", parent=root, level="province",
               kind="provincial_department", province=vientiane)
    p13 = unit("T-PHA-13", "ພະແນກພາຍໃນ ສະຫວັນນະເຂດ", parent=root, level="province",
               kind="provincial_department", province=savannakhet)
    d0101 = unit("T-DHA-0101", "ຫ້ອງການພາຍໃນເມືອງ ຈັນທະບູລີ", parent=p01, level="district",
                 kind="district_office", province=vientiane,
                 district=District.objects.get(code="0101"))
    d1301 = unit("T-DHA-1301", "ຫ້ອງການພາຍໃນເມືອງ ໄກສອນ", parent=p13, level="district",
                 kind="district_office", province=savannakhet,
                 district=District.objects.get(code="1301"))
    return {"root": root, "department": department, "p01": p01, "p13": p13,
            "d0101": d0101, "d1301": d1301}


def unit(code, name_lo, **fields):
    obj = OrgUnit(code=code, name_lo=name_lo, name_en=code, **fields)
    obj.full_clean()
    obj.save()
    return obj


def official(unit, **fields):
    n = next(_numbers)
    values = {
        "civil_service_no": f"T{n:07d}",
        "name_lo": "ສົມພອນ ພົມມະຈັນ",
        "name_latin": "Somphone PHOMMACHANH",
        "gender": "M",
        "date_of_birth": datetime.date(1985, 3, 14),
        "category": OfficialCategory.objects.get(code="CS"),
        "unit": unit,
        "position": Position.objects.get(code="TECH"),
        "grade": 3,
        "step": 4,
        "entry_date": datetime.date(2008, 9, 1),
    }
    values.update(fields)
    obj = Official(**values)
    obj.full_clean()
    obj.save()
    return obj


def user(username="clerk", perms=(), units=()):
    """A staff user with the given "app.codename" permissions and units."""
    account = get_user_model().objects.create_user(
        username=username, password="not-used-in-tests", is_staff=True
    )
    for perm in perms:
        app_label, codename = perm.split(".")
        account.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    for member_of in units:
        UnitMembership.objects.create(user=account, unit=member_of)
    return get_user_model().objects.get(pk=account.pk)
