"""Custom fields in the desk: defined there, then shown at once in the form,
the list, its filters and the audit trail."""

import pytest

from lao_moha.customization.models import CustomField
from tests import factories
from tests.desk_forms import change_form_data

pytestmark = pytest.mark.django_db

OFFICIALS = "/app/personnel/official/"


def official_form(client, official, **extra):
    """The desk form of an official, as the browser would post it back."""
    page = client.get(f"{OFFICIALS}{official.pk}/change/")
    return change_form_data(page, **extra)


@pytest.mark.smoke
def test_administrator_adds_a_field_in_the_desk(admin_client):
    response = admin_client.post(
        "/app/customization/customfield/add/",
        {
            "doctype": "personnel.Official",
            "name": "blood_group",
            "field_type": "select",
            "label_lo": "ກຸ່ມເລືອດ",
            "label_en": "Blood group",
            "label_vi": "Nhóm máu",
            "help_en": "As on the health card.",
            "default": "",
            "options": "A | ກຸ່ມ A | Group A\nB | ກຸ່ມ B | Group B\nO | ກຸ່ມ O | Group O",
            "link_doctype": "",
            "show_in_list": "on",
            "filterable": "on",
            "section": "",
            "position": "10",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    cf = CustomField.objects.get(name="blood_group")
    assert cf.options[1] == {
        "value": "B",
        "label_lo": "ກຸ່ມ B",
        "label_en": "Group B",
        "label_vi": "",
    }
    assert cf.filterable and cf.show_in_list


def test_field_definition_errors_name_the_field(admin_client):
    response = admin_client.post(
        "/app/customization/customfield/add/",
        {
            "doctype": "personnel.Official",
            "name": "Blood Group",
            "field_type": "select",
            "label_lo": "ກຸ່ມເລືອດ",
            "options": "",
            "position": "10",
            "filterable": "on",
        },
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "name" in errors
    assert errors["options"] == ["A choice field needs at least one option."]
    clash = admin_client.post(
        "/app/customization/customfield/add/",
        {
            "doctype": "personnel.Official",
            "name": "grade",
            "field_type": "text",
            "label_lo": "ຊັ້ນ",
            "position": "10",
        },
    )
    assert (
        "“grade” is already a field of officials."
        in (clash.context["adminform"].form.errors["name"])
    )


def test_form_shows_and_saves_the_field(admin_client, ministry, make_field):
    official = factories.official(ministry["p01"])
    make_field("blood_group", show_in_list=True, filterable=True, section="Service")
    make_field("badge_number", "integer", required=True, position=5)
    page = admin_client.get(f"{OFFICIALS}{official.pk}/change/")
    form = page.context["adminform"].form
    assert {"cf_blood_group", "cf_badge_number"} <= set(form.fields)
    sections = {
        str(title): fields
        for title, fields in ((fs.name, fs.fields) for fs in page.context["adminform"])
    }
    assert "cf_blood_group" in sections["Service"]
    assert "cf_badge_number" in sections["Additional information"]

    missing = admin_client.post(
        f"{OFFICIALS}{official.pk}/change/",
        official_form(admin_client, official, cf_blood_group="B"),
    )
    assert missing.status_code == 200
    assert missing.context["adminform"].form.errors["cf_badge_number"] == [
        "This field is required."
    ]

    saved = admin_client.post(
        f"{OFFICIALS}{official.pk}/change/",
        official_form(
            admin_client, official, cf_blood_group="B", cf_badge_number="1204"
        ),
    )
    assert saved.status_code == 302
    official.refresh_from_db()
    assert official.custom_fields == {"blood_group": "B", "badge_number": 1204}


def test_new_record_form_offers_the_default(admin_client, make_field):
    make_field("home_village_kind", "select", default="B")
    form = admin_client.get(f"{OFFICIALS}add/").context["adminform"].form
    assert form.initial["cf_home_village_kind"] == "B"


def test_list_column_sorting_and_filter(admin_client, ministry, make_field):
    make_field("blood_group", show_in_list=True, filterable=True)
    a = factories.official(ministry["p01"], custom_fields={"blood_group": "A"})
    b = factories.official(ministry["p13"], custom_fields={"blood_group": "B"})
    factories.official(ministry["p13"])
    page = admin_client.get(OFFICIALS)
    assert "Blood Group" in page.content.decode()
    assert "Group B" in page.content.decode()
    filtered = admin_client.get(OFFICIALS, {"cf_blood_group": "B"})
    assert list(filtered.context["cl"].queryset) == [b]
    column = len(page.context["cl"].list_display) - 1
    ordered = admin_client.get(OFFICIALS, {"o": f"-{column}"})
    rows = [o for o in ordered.context["cl"].result_list if o.custom_fields]
    assert rows == [b, a]


def test_number_and_date_range_filters(admin_client, ministry, make_field):
    make_field("badge_number", "integer", filterable=True)
    make_field("card_issued", "date", filterable=True)
    low = factories.official(
        ministry["p01"], custom_fields={"badge_number": 9, "card_issued": "2020-01-05"}
    )
    high = factories.official(
        ministry["p01"],
        custom_fields={"badge_number": 120, "card_issued": "2023-06-30"},
    )
    numbers = admin_client.get(OFFICIALS, {"cf_badge_number_from": "10"})
    assert list(numbers.context["cl"].queryset) == [high]
    dates = admin_client.get(OFFICIALS, {"cf_card_issued_to": "2021-01-01"})
    assert list(dates.context["cl"].queryset) == [low]


def test_view_only_user_reads_custom_values(
    client_for, make_user, ministry, make_field
):
    make_field("blood_group")
    official = factories.official(ministry["p01"], custom_fields={"blood_group": "O"})
    reader = make_user(
        "reader", perms=["personnel.view_official"], units=[ministry["p01"]]
    )
    page = client_for(reader).get(f"{OFFICIALS}{official.pk}/change/")
    assert page.status_code == 200
    assert "Group O" in page.content.decode()


def test_audit_trail_shows_custom_changes_readably(admin_client, ministry, make_field):
    make_field("blood_group")
    official = factories.official(ministry["p01"])
    admin_client.post(
        f"{OFFICIALS}{official.pk}/change/",
        official_form(admin_client, official, cf_blood_group="A"),
    )
    official.refresh_from_db()
    admin_client.post(
        f"{OFFICIALS}{official.pk}/change/",
        official_form(admin_client, official, cf_blood_group="AB"),
    )
    history = admin_client.get(f"{OFFICIALS}{official.pk}/history/")
    changes = [
        record.history_delta_changes
        for record in history.context["page_obj"]
        if getattr(record, "history_delta_changes", None)
    ]
    assert {"field": "Blood Group", "old": "Group A", "new": "Group AB"} in changes[0]
