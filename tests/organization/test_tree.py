import pytest
from django.core.exceptions import ValidationError

from lao_moha.geo.models import District
from lao_moha.organization.models import OrgUnit
from tests import factories

pytestmark = pytest.mark.django_db


def test_subtree_is_one_prefix_query(ministry, django_assert_num_queries):
    with django_assert_num_queries(1):
        codes = sorted(ministry["p01"].subtree().values_list("code", flat=True))
    assert codes == ["T-DHA-0101", "T-PHA-01"]
    assert ministry["root"].subtree().count() == 6


def test_paths_and_depths(ministry):
    root, p13, d1301 = ministry["root"], ministry["p13"], ministry["d1301"]
    assert root.path == f"/{root.pk}/"
    assert d1301.path == f"/{root.pk}/{p13.pk}/{d1301.pk}/"
    assert (root.depth, p13.depth, d1301.depth) == (1, 2, 3)
    assert list(d1301.ancestors()) == [root, p13]


def test_moving_a_unit_moves_everything_below_it(ministry):
    department, p13, d1301 = ministry["department"], ministry["p13"], ministry["d1301"]
    p13.parent = department
    p13.save()
    d1301.refresh_from_db()
    assert d1301.path == f"{department.path}{p13.pk}/{d1301.pk}/"
    assert d1301.depth == 4
    assert set(department.subtree().values_list("code", flat=True)) == {
        "T-CSM", "T-PHA-13", "T-DHA-1301"
    }


def test_unit_cannot_go_under_its_own_subunit(ministry):
    p13 = ministry["p13"]
    p13.parent = ministry["d1301"]
    with pytest.raises(ValidationError) as error:
        p13.full_clean()
    assert error.value.message_dict["parent"] == [
        "A unit cannot be placed under itself or its own sub-unit."
    ]


def test_provincial_unit_needs_its_province(ministry):
    unit = OrgUnit(code="X1", name_lo="ທົດລອງ", parent=ministry["root"],
                   level="province", kind="provincial_department")
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert error.value.message_dict["province"] == [
        "A provincial or district unit needs its province."
    ]


def test_district_must_lie_in_the_units_province(ministry):
    unit = OrgUnit(code="X2", name_lo="ທົດລອງ", parent=ministry["p01"], level="district",
                   kind="district_office", province=ministry["p01"].province,
                   district=District.objects.get(code="1301"))
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert "is not in the province" in error.value.message_dict["district"][0]


def test_district_unit_needs_its_district(ministry):
    unit = OrgUnit(code="X3", name_lo="ທົດລອງ", parent=ministry["p01"], level="district",
                   kind="district_office", province=ministry["p01"].province)
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert error.value.message_dict["district"] == ["A district unit needs its district."]


def test_units_are_recorded_in_the_audit_trail(ministry):
    unit = ministry["p01"]
    unit.staffing_quota = 70
    unit.save()
    assert unit.history.count() == 2
    assert unit.history.first().staffing_quota == 70
    assert factories.unit("T-NEW", "ໃໝ່", parent=unit, level="province",
                          kind="section", province=unit.province).history.count() == 1
