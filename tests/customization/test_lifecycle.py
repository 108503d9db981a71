"""A custom field's life: rename keeps the data, removal hides it, restore
brings it back, purge erases it; every process follows without restart."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from lao_moha.core.history import changes_since
from lao_moha.customization import definitions
from lao_moha.customization.models import CustomField
from lao_moha.personnel.models import Official
from tests import factories

pytestmark = pytest.mark.django_db

FIELDS = "/app/customization/customfield/"


def field_form(cf, **changes):
    data = {
        "name": cf.name,
        "label_lo": cf.label_lo,
        "label_en": cf.label_en,
        "label_vi": cf.label_vi,
        "help_lo": "",
        "help_en": "",
        "help_vi": "",
        "default": cf.default,
        "options": "\n".join(
            f"{o['value']} | {o['label_lo']} | {o['label_en']}" for o in cf.options
        ),
        "section": cf.section,
        "position": cf.position,
    }
    for flag in ("required", "show_in_list", "filterable"):
        if getattr(cf, flag):
            data[flag] = "on"
    data.update(changes)
    return data


def api_values(official, admin_user):
    client = APIClient(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_LANGUAGE="en")
    client.force_authenticate(admin_user)
    return client.get(f"/api/personnel/officials/{official.pk}/").json()[
        "custom_fields"
    ]


@pytest.mark.smoke
def test_rename_keeps_values_and_history(
    admin_client, admin_user, ministry, make_field
):
    cf = make_field("blood_group", filterable=True)
    official = factories.official(ministry["p01"], custom_fields={"blood_group": "A"})
    official.custom_fields = {"blood_group": "B"}
    official.save()
    others = factories.official(ministry["p13"], custom_fields={"blood_group": "O"})

    response = admin_client.post(
        f"{FIELDS}{cf.pk}/change/", field_form(cf, name="blood_type")
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    cf.refresh_from_db()
    assert cf.name == "blood_type" and cf.previous_names == ["blood_group"]
    official.refresh_from_db()
    others.refresh_from_db()
    assert official.custom_fields == {"blood_type": "B"}
    assert others.custom_fields == {"blood_type": "O"}
    assert api_values(official, admin_user) == {"blood_type": "B"}
    # Versions saved under the old key read as the same field.
    official.custom_fields = {"blood_type": "AB"}
    official.save()
    assert ("Blood Group", "Group A", "Group B") in changes_since(official, 1)
    assert ("Blood Group", "Group B", "Group AB") in changes_since(official, 1)


def test_rename_to_a_used_key_is_refused(admin_client, make_field):
    make_field("blood_group")
    badge = make_field("badge_number", "integer")
    response = admin_client.post(
        f"{FIELDS}{badge.pk}/change/", field_form(badge, name="blood_group")
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["name"] == [
        "Another field of this record type already uses the key “blood_group”."
    ]


def test_remove_restore_and_purge(admin_client, admin_user, ministry, make_field):
    cf = make_field("blood_group", show_in_list=True)
    official = factories.official(
        ministry["p01"], custom_fields={"blood_group": "A", "other": 1}
    )

    admin_client.post(FIELDS, {"action": "remove_fields", "_selected_action": [cf.pk]})
    cf.refresh_from_db()
    assert cf.removed_at is not None
    assert "blood_group" not in api_values(official, admin_user)
    page = admin_client.get(f"/app/personnel/official/{official.pk}/change/")
    assert "cf_blood_group" not in page.context["adminform"].form.fields
    official.refresh_from_db()
    assert official.custom_fields["blood_group"] == "A"
    # Saving the record through the desk meanwhile keeps the hidden value.
    official.name_latin = "Changed NAME"
    official.save()

    admin_client.post(FIELDS, {"action": "restore_fields", "_selected_action": [cf.pk]})
    assert api_values(official, admin_user) == {"blood_group": "A"}

    active = admin_client.post(f"{FIELDS}{cf.pk}/delete/", {"post": "yes"})
    assert active.status_code == 403
    admin_client.post(FIELDS, {"action": "remove_fields", "_selected_action": [cf.pk]})
    confirm = admin_client.get(f"{FIELDS}{cf.pk}/delete/")
    assert confirm.status_code == 200
    assert (
        admin_client.post(f"{FIELDS}{cf.pk}/delete/", {"post": "yes"}).status_code
        == 302
    )
    assert not CustomField.objects.filter(pk=cf.pk).exists()
    official.refresh_from_db()
    assert official.custom_fields == {"other": 1}


def test_bulk_delete_purges_only_removed_fields(admin_client, make_field, ministry):
    kept = make_field("kept_field", "text")
    gone = make_field("gone_field", "text", removed_at="2025-01-01T00:00:00Z")
    official = factories.official(
        ministry["p01"], custom_fields={"kept_field": "x", "gone_field": "y"}
    )
    response = admin_client.post(
        FIELDS,
        {
            "action": "delete_selected",
            "post": "yes",
            "_selected_action": [kept.pk, gone.pk],
        },
    )
    assert response.status_code == 200  # refused: one is still in use
    assert CustomField.objects.count() == 2
    admin_client.post(
        FIELDS,
        {"action": "delete_selected", "post": "yes", "_selected_action": [gone.pk]},
    )
    official.refresh_from_db()
    assert official.custom_fields == {"kept_field": "x"}


def test_other_processes_reload_after_a_change(
    make_field, django_capture_on_commit_callbacks
):
    """A process (gunicorn worker) that read the definitions before a change
    elsewhere sees the change at its next request, through the shared
    version number."""
    with django_capture_on_commit_callbacks(execute=True):
        cf = make_field("blood_group")
    with definitions.pinned():
        assert [f.name for f in definitions.active_fields("personnel.Official")] == [
            "blood_group"
        ]
    version = definitions.shared_version()

    # Another process renames the field: here, a write that bypasses this
    # process's own invalidation, followed by the version bump it makes.
    CustomField.objects.filter(pk=cf.pk).update(label_en="Blood type")
    with definitions.pinned():
        assert (
            definitions.active_fields("personnel.Official")[0].label_en == "Blood Group"
        )
    definitions.bump()
    assert definitions.shared_version() != version
    with definitions.pinned():
        assert (
            definitions.active_fields("personnel.Official")[0].label_en == "Blood type"
        )


def test_lost_version_counter_is_reseeded(make_field):
    make_field("blood_group")
    with definitions.pinned():
        before = definitions.shared_version()
    cache.delete(definitions.VERSION_KEY)
    with definitions.pinned():
        assert definitions.shared_version() not in (None, before)
        assert definitions.get_field("personnel.Official", "cf_blood_group")


def test_key_must_be_safe(make_field):
    from django.core.exceptions import ValidationError

    for bad in ("Blood", "1abc", "a-b", "a'b", "x" * 41, "a.b", "a$b"):
        with pytest.raises(ValidationError):
            make_field(bad, "text")
    assert not Official.objects.filter(custom_fields__has_key="a'b").exists()
