"""Columns other apps add through core hooks (custom fields) are read by
the all-or-nothing import like the declared fields."""

import pytest

from lao_moha.customization.models import CustomField
from lao_moha.personnel.models import Official
from tests.core.test_imports import HEADER, csv_bytes, person, problems, run

pytestmark = pytest.mark.django_db


@pytest.fixture
def blood_group(db):
    options = [{"value": v, "label_lo": f"ກຸ່ມ {v}", "label_en": f"Group {v}", "label_vi": ""}
               for v in ("A", "B", "O", "AB")]
    field = CustomField(doctype="personnel.Official", name="blood_group",
                        field_type="select", label_lo="ກຸ່ມເລືອດ", label_en="Blood group",
                        options=options)
    field.full_clean()
    field.save()
    return field


def test_custom_field_column_is_imported(admin_user, ministry, blood_group):
    data = csv_bytes([person(1) + ["Group O"], person(2) + ["AB"]],
                     header=[*HEADER, "cf_blood_group"])
    report = run(data, admin_user)
    assert report.committed, problems(report)
    assert Official.objects.get(civil_service_no="IMP0001").custom_fields == {
        "blood_group": "O"}
    again = run(csv_bytes([person(1) + ["A"]], header=[*HEADER, "cf_blood_group"]),
                admin_user)
    assert again.total("update") == 1
    assert Official.objects.get(civil_service_no="IMP0001").custom_fields == {
        "blood_group": "A"}


def test_bad_custom_value_is_a_problem_of_its_column(admin_user, ministry, blood_group):
    data = csv_bytes([person(1) + ["Z"]], header=[*HEADER, "cf_blood_group"])
    report = run(data, admin_user)
    assert [(row, column) for row, column, _f, _m in problems(report)] == [(2, "L")]
    assert not Official.objects.filter(civil_service_no="IMP0001").exists()
