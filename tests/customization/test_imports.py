"""Custom fields in import and export files."""

import io

import pytest
import tablib

from lao_moha.core import registry
from lao_moha.core.resources import build_resource
from lao_moha.personnel.models import Official
from tests import factories

pytestmark = pytest.mark.django_db


def official_resource():
    return build_resource(registry.get(Official))()


def rows(ministry, *extra_rows, headers=()):
    base = [
        "civil_service_no",
        "name_lo",
        "name_latin",
        "gender",
        "date_of_birth",
        "category",
        "unit",
        "grade",
        "step",
        "entry_date",
        "status",
        *headers,
    ]
    data = tablib.Dataset(headers=base)
    for number, extra in enumerate(extra_rows, start=1):
        data.append(
            [
                f"IMP-{number}",
                "ນາລີ ສີລາວົງ",
                "Naly SILAVONG",
                "F",
                "1988-05-02",
                "CS",
                ministry["p01"].code,
                2,
                3,
                "2012-01-01",
                "active",
                *extra,
            ]
        )
    return data


@pytest.mark.smoke
def test_export_has_a_column_per_field(ministry, make_field):
    make_field("blood_group")
    make_field("mentor_unit", "link", link_doctype="organization.OrgUnit")
    make_field("veteran", "check")
    factories.official(
        ministry["p01"],
        custom_fields={
            "blood_group": "AB",
            "mentor_unit": ministry["p13"].pk,
            "veteran": True,
        },
    )
    exported = official_resource().export()
    assert exported.headers[-3:] == ["cf_blood_group", "cf_mentor_unit", "cf_veteran"]
    assert list(exported[0][-3:]) == ["AB", ministry["p13"].code, 1]


def test_import_reads_values_labels_and_keys(ministry, make_field):
    make_field("blood_group")
    make_field("badge_number", "integer")
    make_field("mentor_unit", "link", link_doctype="organization.OrgUnit")
    make_field("card_issued", "date")
    data = rows(
        ministry,
        ["Group O", 12.0, ministry["p13"].code, "2023-04-01"],
        ["ກຸ່ມ AB", "", "", ""],
        headers=[
            "cf_blood_group",
            "cf_badge_number",
            "cf_mentor_unit",
            "cf_card_issued",
        ],
    )
    result = official_resource().import_data(data, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    first = Official.objects.get(civil_service_no="IMP-1").custom_fields
    assert first == {
        "blood_group": "O",
        "badge_number": 12,
        "mentor_unit": ministry["p13"].pk,
        "card_issued": "2023-04-01",
    }
    assert Official.objects.get(civil_service_no="IMP-2").custom_fields == {
        "blood_group": "AB"
    }


def test_import_errors_name_row_and_column(ministry, make_field):
    make_field("blood_group", required=True)
    make_field("badge_number", "integer")
    data = rows(
        ministry,
        ["A", "12"],
        ["Z", "many"],
        ["", "3"],
        headers=["cf_blood_group", "cf_badge_number"],
    )
    result = official_resource().import_data(data, dry_run=True)
    assert result.has_validation_errors()
    errors = {row.number: row.error_dict for row in result.invalid_rows}
    assert set(errors) == {2, 3}
    assert errors[2]["cf_blood_group"][0].startswith("Select a valid choice.")
    assert errors[2]["cf_badge_number"] == ["Enter a whole number."]
    assert errors[3]["cf_blood_group"] == ["This field is required."]


def test_import_without_the_column_applies_the_default(ministry, make_field):
    make_field("blood_group", default="O")
    result = official_resource().import_data(rows(ministry, []), dry_run=False)
    assert not result.has_validation_errors()
    assert Official.objects.get(civil_service_no="IMP-1").custom_fields == {
        "blood_group": "O"
    }


def test_reimport_updates_and_keeps_other_values(ministry, make_field):
    make_field("blood_group")
    make_field("badge_number", "integer")
    official = factories.official(
        ministry["p01"],
        civil_service_no="IMP-1",
        custom_fields={"blood_group": "A", "badge_number": 4},
    )
    data = rows(ministry, ["B"], headers=["cf_blood_group"])
    result = official_resource().import_data(data, dry_run=False)
    assert not result.has_validation_errors()
    official.refresh_from_db()
    assert official.custom_fields == {"blood_group": "B", "badge_number": 4}


def test_exported_text_that_looks_like_a_formula_is_neutralised(ministry, make_field):
    make_field("remark", "text")
    factories.official(ministry["p01"], custom_fields={"remark": "=HYPERLINK(1)"})
    assert official_resource().export()[0][-1] == "'=HYPERLINK(1)"


def test_import_template_has_the_custom_columns(admin_client, make_field):
    from openpyxl import load_workbook

    make_field("blood_group", required=True, help_en="As on the health card.")
    make_field("card_issued", "date")
    response = admin_client.get(
        "/app/personnel/official/import-template/", {"format": "xlsx"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    headings = [cell.value for cell in sheet[1]]
    assert headings[-2:] == ["Blood Group *", "Card Issued"]
    note = sheet.cell(row=1, column=len(headings) - 1).comment.text
    assert note.startswith("As on the health card. One of: A (Group A), B (Group B)")
    assert note.endswith("Required.")


def test_desk_import_reads_columns_by_label(
    admin_client, ministry, make_field, private_media
):
    from lao_moha.core.imports.models import ImportJob
    from tests.core.test_imports import HEADER, csv_bytes, person
    from tests.core.test_imports_jobs import upload

    make_field("blood_group", required=True)
    data = csv_bytes(
        [person(1) + ["Group O"], person(2) + ["ກຸ່ມ AB"]],
        header=[*HEADER, "Blood Group *"],
    )
    admin_client.post(
        "/app/personnel/official/import/",
        {"file": upload(data), "commit_when_valid": "on"},
    )
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.DONE, job.message
    assert Official.objects.get(civil_service_no="IMP0002").custom_fields == {
        "blood_group": "AB"
    }
