import pytest

from lao_moha.organization.models import OrgUnit
from lao_moha.personnel.demo import build_officials, build_units
from lao_moha.personnel.models import Official

pytestmark = pytest.mark.django_db


def test_demo_ministry_covers_every_division():
    build_units()
    assert OrgUnit.objects.filter(kind="provincial_department").count() == 18
    assert OrgUnit.objects.filter(kind="district_office").count() == 148
    assert OrgUnit.objects.get(code="DHA-1301").parent.code == "PHA-13"


def test_demo_officials_are_valid_and_deterministic():
    build_units()
    assert build_officials(60, seed=7) == 60
    first = list(Official.objects.order_by("pk").values_list("name_lo", "unit__code", "grade"))
    for official in Official.objects.all()[:20]:
        official.full_clean()
    Official.objects.all().delete()
    build_officials(60, seed=7)
    assert list(Official.objects.order_by("pk").values_list("name_lo", "unit__code", "grade")) == first
