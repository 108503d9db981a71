"""Builders for DocTypes whose generic record would be unrealistic.

Register one here (or in your app's tests, imported by tests/conftest.py)
when `tests.utils.builders.build` cannot make a sensible record alone.
"""

import itertools

from django.contrib.auth import get_user_model

from lao_moha.organization.models import OrgUnit, UnitMembership
from lao_moha.personnel.models import Official
from tests import factories

from .builders import builder

_n = itertools.count(1)


@builder(Official)
def official(unit):
    return factories.official(unit)


@builder(OrgUnit)
def org_unit(unit):
    n = next(_n)
    return factories.unit(
        f"T-SEC-{unit.pk}-{n}",
        f"ຂະແໜງ {n}",
        parent=unit,
        level=unit.level,
        kind="section",
        province=unit.province,
        district=unit.district,
    )


@builder(UnitMembership)
def membership(unit):
    account = get_user_model().objects.create_user(username=f"member{next(_n)}")
    return UnitMembership.objects.create(user=account, unit=unit)
