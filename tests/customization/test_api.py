"""Custom fields over REST: read, written with validation, filtered."""

import pytest
from rest_framework.test import APIClient

from lao_moha.personnel.models import Official, OfficialCategory
from tests import factories

pytestmark = pytest.mark.django_db

OFFICIALS = "/api/personnel/officials/"


@pytest.fixture
def api(admin_user):
    client = APIClient(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="en")
    client.force_authenticate(admin_user)
    return client


@pytest.fixture
def fields(make_field):
    return {
        "blood_group": make_field("blood_group", filterable=True, required=True),
        "badge_number": make_field("badge_number", "integer", filterable=True),
        "allowance": make_field("allowance", "decimal"),
        "card_issued": make_field("card_issued", "date", filterable=True),
        "veteran": make_field("veteran", "check", filterable=True),
        "mentor_unit": make_field(
            "mentor_unit", "link", link_doctype="organization.OrgUnit", filterable=True
        ),
        "notes": make_field("notes", "long_text", default="—"),
    }


def new_official(ministry, **overrides):
    data = {
        "civil_service_no": "API-CF-1",
        "name_lo": "ວັນນີ ໄຊຍະວົງ",
        "name_latin": "Vanny XAYAVONG",
        "gender": "F",
        "date_of_birth": "1990-02-01",
        "category": OfficialCategory.objects.get(code="CS").pk,
        "unit": ministry["p13"].pk,
        "grade": 1,
        "step": 2,
        "entry_date": "2015-10-01",
    }
    data.update(overrides)
    return data


@pytest.mark.smoke
def test_read_lists_every_field(api, ministry, fields):
    official = factories.official(
        ministry["p01"],
        custom_fields={"blood_group": "A", "badge_number": 7, "veteran": True},
    )
    body = api.get(f"{OFFICIALS}{official.pk}/").json()
    assert body["custom_fields"] == {
        "blood_group": "A",
        "badge_number": 7,
        "allowance": None,
        "card_issued": None,
        "veteran": True,
        "mentor_unit": None,
        "notes": None,
    }


def test_create_with_values_and_defaults(api, ministry, fields):
    response = api.post(
        OFFICIALS,
        new_official(
            ministry,
            custom_fields={
                "blood_group": "Group B",
                "badge_number": "42",
                "allowance": 12.5,
                "card_issued": "2024-01-31",
                "veteran": "yes",
                "mentor_unit": ministry["p01"].code,
            },
        ),
        format="json",
    )
    assert response.status_code == 201, response.content
    stored = Official.objects.get(civil_service_no="API-CF-1").custom_fields
    assert stored == {
        "blood_group": "B",
        "badge_number": 42,
        "allowance": "12.5",
        "card_issued": "2024-01-31",
        "veteran": True,
        "mentor_unit": ministry["p01"].pk,
        "notes": "—",
    }
    assert response.json()["custom_fields"]["blood_group"] == "B"


def test_write_errors_name_each_field(api, ministry, fields):
    response = api.post(
        OFFICIALS,
        new_official(
            ministry,
            custom_fields={
                "badge_number": "forty",
                "card_issued": "31/31/2024",
                "veteran": "maybe",
                "mentor_unit": "NO-SUCH-UNIT",
                "colour": "red",
            },
        ),
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()["custom_fields"]
    assert errors["badge_number"] == ["Enter a whole number."]
    assert errors["card_issued"] == ["Enter a valid date."]
    assert errors["veteran"] == ["“maybe” is not yes or no; write 1 or 0."]
    assert errors["mentor_unit"] == ["No org unit “NO-SUCH-UNIT” that you may see."]
    assert errors["colour"][0].startswith(
        "Unknown custom field; the fields are: allowance,"
    )
    assert errors["blood_group"] == ["This field is required."]
    assert not Official.objects.filter(civil_service_no="API-CF-1").exists()


def test_link_outside_scope_is_refused(client_for, make_user, ministry, fields):
    clerk = make_user(
        "clerk13",
        units=[ministry["p13"]],
        # Date of birth is a sensitive field: a clerk entering officials
        # holds view_sensitive (issue 4's field visibility).
        perms=["personnel.view_official", "personnel.add_official",
               "personnel.view_sensitive_official"],
    )
    api = APIClient(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="en")
    api.force_authenticate(clerk)
    response = api.post(
        OFFICIALS,
        new_official(
            ministry,
            custom_fields={"blood_group": "A", "mentor_unit": ministry["p01"].code},
        ),
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["custom_fields"]["mentor_unit"] == [
        f"No org unit “{ministry['p01'].code}” that you may see."
    ]


def test_partial_update_keeps_other_values(api, ministry, fields):
    official = factories.official(
        ministry["p01"],
        custom_fields={"blood_group": "A", "badge_number": 7, "retired_key": "kept"},
    )
    response = api.patch(
        f"{OFFICIALS}{official.pk}/",
        {"custom_fields": {"badge_number": None, "veteran": False}},
        format="json",
        HTTP_IF_MATCH=f'"{official.version}"',  # writes name their version
    )
    assert response.status_code == 200, response.content
    official.refresh_from_db()
    assert official.custom_fields == {
        "blood_group": "A",
        "veteran": False,
        "retired_key": "kept",
    }
    assert (
        api.patch(
            f"{OFFICIALS}{official.pk}/",
            {"name_latin": "X Y", "version": official.version},
            format="json",
        ).status_code
        == 200
    )
    official.refresh_from_db()
    assert official.custom_fields["blood_group"] == "A"
    assert (
        api.patch(
            f"{OFFICIALS}{official.pk}/",
            {"custom_fields": ["A"], "version": official.version},
            format="json",
        ).status_code
        == 400
    )


def test_query_filters(api, ministry, fields):
    a = factories.official(
        ministry["p01"],
        custom_fields={
            "blood_group": "A",
            "badge_number": 5,
            "card_issued": "2020-05-01",
            "veteran": True,
            "mentor_unit": ministry["p13"].pk,
        },
    )
    b = factories.official(
        ministry["p13"],
        custom_fields={"blood_group": "B", "badge_number": 50, "veteran": False},
    )

    def found(**params):
        return [r["id"] for r in api.get(OFFICIALS, params).json()["results"]]

    assert found(cf_blood_group="B") == [b.pk]
    assert found(cf_badge_number__gte=10) == [b.pk]
    assert found(cf_badge_number__lte=10) == [a.pk]
    assert found(cf_card_issued__lte="2021-01-01") == [a.pk]
    assert found(cf_veteran="true") == [a.pk]
    assert found(cf_mentor_unit=ministry["p13"].pk) == [a.pk]
    assert api.get(OFFICIALS, {"cf_blood_group": "Z"}).status_code == 400


def test_openapi_schema_describes_custom_fields(api, fields):
    schema = api.get("/api/schema/", {"format": "json"})
    assert schema.status_code == 200
    official = schema.json()["components"]["schemas"]["Official"]
    assert official["properties"]["custom_fields"]["type"] == "object"
