import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lao_moha.personnel.models import Official
from tests import factories

pytestmark = pytest.mark.django_db


def errors_of(official):
    with pytest.raises(ValidationError) as error:
        official.full_clean()
    return error.value.message_dict


@pytest.fixture
def official(ministry):
    return factories.official(ministry["d0101"])


@pytest.mark.smoke
def test_a_valid_official_saves(official):
    assert Official.objects.filter(pk=official.pk).exists()
    assert official.search_name == "|ສົມພອນພົມມະຈັນ|somponpomajan|"


def test_birth_date_in_the_future(official):
    official.date_of_birth = timezone.localdate() + datetime.timedelta(days=1)
    assert errors_of(official)["date_of_birth"] == ["The date of birth cannot be in the future."]


def test_entry_date_in_the_future(official):
    official.entry_date = timezone.localdate() + datetime.timedelta(days=1)
    assert "The date of entry into service cannot be in the future." in errors_of(official)["entry_date"]


def test_entry_before_eighteen(official):
    official.date_of_birth = datetime.date(1990, 6, 1)
    official.entry_date = datetime.date(2008, 5, 31)
    assert errors_of(official)["entry_date"] == [
        "An official must be at least 18 years old on entry into service; this date makes them 17."
    ]


def test_entry_on_eighteenth_birthday_is_allowed(official):
    official.date_of_birth = datetime.date(1990, 6, 1)
    official.entry_date = datetime.date(2008, 6, 1)
    official.full_clean()


def test_grade_outside_scale(official):
    official.grade = 9
    assert errors_of(official)["grade"] == [
        "Grade 9 is not in the salary scale (grades: 1, 2, 3, 4, 5, 6)."
    ]


def test_step_outside_grade(official):
    official.step = 16
    assert errors_of(official)["step"] == ["Grade III has steps 1 to 15; 16 is outside it."]


def test_duplicate_civil_service_number(official, ministry):
    twin = Official(**{
        f.attname: getattr(official, f.attname)
        for f in Official._meta.concrete_fields if f.name not in ("id", "national_id")
    })
    assert errors_of(twin)["civil_service_no"] == [
        "Another official already has this civil-service number."
    ]


def test_duplicate_national_id(official, ministry):
    official.national_id = "123456789012"
    official.save()
    other = factories.official(ministry["d1301"])
    other.national_id = "123456789012"
    assert errors_of(other)["national_id"] == [
        "Another official already has this national ID number."
    ]


def test_civil_service_number_characters(official):
    official.civil_service_no = "12 34"
    assert errors_of(official)["civil_service_no"] == ["Use only Latin letters, digits, “-” and “/”."]
