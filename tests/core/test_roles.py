"""Roles ship as data, follow the registry, keep administrators' edits, and
give each role what it may do in its own units (no more)."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from rest_framework.test import APIClient

from lao_moha.core import roles
from lao_moha.core.models import Role
from tests import factories
from tests.utils import matrix

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(db):
    roles.load_roles()
    return {role.code: role for role in Role.objects.select_related("group")}


def codes(role):
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in role.group.permissions.select_related("content_type")
    }


@pytest.mark.smoke
def test_every_role_ships_with_three_names(loaded):
    assert set(loaded) == {spec.code for spec in roles.ROLES}
    assert len(loaded) == 11
    for role in loaded.values():
        assert role.name_lo and role.name_vi and role.name_en
        assert role.group.name == role.name_en


def test_permissions_follow_the_rules(loaded):
    province_hr = codes(loaded["province_hr"])
    assert {
        "personnel.view_official",
        "personnel.change_official",
        "personnel.view_sensitive_official",
    } <= province_hr
    assert "personnel.change_salarygrade" not in province_hr  # reference data
    assert "organization.add_unitmembership" not in province_hr  # granting access

    viewer = codes(loaded["viewer"])
    assert "personnel.view_official" in viewer
    assert not {p for p in viewer if not p.split(".")[1].startswith("view_")}
    assert "personnel.view_sensitive_official" not in viewer

    auditor = codes(loaded["auditor"])
    assert "core.view_audittrail" in auditor
    assert "personnel.view_sensitive_official" in auditor
    assert not {
        p
        for p in auditor
        if p.split(".")[1].split("_")[0] in ("add", "change", "delete")
    }

    manager = codes(loaded["system_manager"])
    assert {
        "auth.change_user",
        "organization.add_unitmembership",
        "personnel.delete_official",
    } <= manager
    assert "auth.delete_user" not in manager  # accounts are deactivated


def test_load_roles_is_idempotent_and_keeps_administrators_edits(loaded):
    clerk = loaded["unit_clerk"]
    before = codes(clerk)
    assert roles.load_roles()["unit_clerk"] == len(before)
    assert codes(clerk) == before

    removed = Permission.objects.get(codename="add_official")
    added = Permission.objects.get(codename="delete_official")
    clerk.group.permissions.remove(removed)
    clerk.group.permissions.add(added)
    clerk.name_lo = "ສະໝຽນ"
    clerk.save()
    call_command("load_roles", verbosity=0)
    clerk.refresh_from_db()
    assert "personnel.add_official" not in codes(clerk)
    assert "personnel.delete_official" in codes(clerk)
    assert clerk.name_lo == "ສະໝຽນ"

    call_command("load_roles", "--reset", verbosity=0)
    clerk.refresh_from_db()
    assert codes(clerk) == before
    assert clerk.name_lo == next(
        s.name_lo for s in roles.ROLES if s.code == "unit_clerk"
    )


def fake_doctype(app_label, reference_data=False, hint=None):
    return SimpleNamespace(
        app_label=app_label, reference_data=reference_data, roles=hint or {}
    )


def spec(code):
    return next(s for s in roles.ROLES if s.code == code)


def test_later_doctypes_get_verbs_by_app_and_hint():
    available = {
        "view",
        "add",
        "change",
        "delete",
        "submit",
        "approve",
        "vote",
        "view_sensitive",
    }
    proposal = fake_doctype("commendation")
    assert roles.verbs_for(spec("emulation_officer"), proposal, available) == {
        "view",
        "add",
        "change",
        "delete",
        "submit",
        "view_sensitive",
    }
    assert roles.verbs_for(spec("council_member"), proposal, available) == {
        "view",
        "vote",
    }
    assert "approve" in roles.verbs_for(spec("approver"), proposal, available)
    assert "approve" not in roles.verbs_for(spec("province_hr"), proposal, available)
    assert roles.verbs_for(spec("system_manager"), proposal, available) == available

    custom_field = fake_doctype("customization", hint={"analyst": ("view",)})
    assert roles.verbs_for(spec("analyst"), custom_field, available) == {"view"}
    report = fake_doctype("customization")
    assert roles.verbs_for(spec("analyst"), report, available) == {
        "view",
        "add",
        "change",
        "delete",
    }

    catalog = fake_doctype("commendation", reference_data=True)
    assert roles.verbs_for(spec("emulation_officer"), catalog, available) == {"view"}


# -- each role can do what it allows, in its own units -------------------


ROLE_CODES = [s.code for s in roles.ROLES]


@pytest.mark.parametrize("code", ROLE_CODES)
def test_role_allows_what_it_grants_in_own_units(code, ministry, loaded):
    """For every scoped DocType: a member of province 01 holding the role
    reads, changes and deletes its own records exactly as the role grants."""
    user = matrix.member(f"r-{code}", ministry["p01"], groups=[loaded[code].group])
    desk = matrix.desk_client(user)
    api = APIClient(HTTP_HOST=matrix.HOST)
    api.force_authenticate(user)
    for doctype in matrix.scoped_doctypes():
        own = matrix.build(doctype.model, ministry["d0101"])
        opts = doctype.model._meta
        can = {
            verb: user.has_perm(f"{opts.app_label}.{verb}_{opts.model_name}")
            for verb in ("view", "change", "delete")
        }
        where = f"{code} on {doctype.label}"
        listing = desk.get(matrix.desk_url(doctype.model))
        assert listing.status_code == (200 if can["view"] or can["change"] else 403), (
            where
        )
        if not doctype.api:
            continue
        response = api.get(matrix.api_url(doctype, own))
        assert response.status_code == (200 if can["view"] else 403), where
        patch = api.patch(
            matrix.api_url(doctype, own),
            {},
            format="json",
            HTTP_IF_MATCH=f'"{own.version}"',
        )
        assert patch.status_code in ((200, 400) if can["change"] else (403,)), where
        delete = api.delete(matrix.api_url(doctype, own))
        assert delete.status_code in ((204, 409) if can["delete"] else (403,)), where


def test_setup_site_finds_the_command():
    """setup_site runs load_roles when the command exists (it migrates, so
    it is not run inside a test transaction here)."""
    from django.core.management import get_commands

    assert get_commands()["load_roles"] == "lao_moha.core"


def test_units_and_roles_on_the_user_form(admin_client, ministry, loaded):
    account = factories.user("newcomer")
    url = f"/app/auth/user/{account.pk}/change/"
    page = admin_client.get(url)
    assert page.status_code == 200
    data = matrix.form_post_data(page)
    data["groups"] = [str(loaded["province_hr"].group.pk)]
    prefix = next(k for k in data if k.endswith("-TOTAL_FORMS")).rsplit("-", 1)[0]
    data[f"{prefix}-TOTAL_FORMS"] = "1"
    data[f"{prefix}-0-unit"] = str(ministry["p13"].pk)
    data[f"{prefix}-0-user"] = str(account.pk)
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert list(account.unit_memberships.values_list("unit", flat=True)) == [
        ministry["p13"].pk
    ]
    assert account.groups.get().role.code == "province_hr"


def test_user_admin_cannot_raise_own_rights(ministry, loaded):
    manager = matrix.member(
        "manager", ministry["p01"], groups=[loaded["system_manager"].group]
    )
    desk = matrix.desk_client(manager)
    page = desk.get(f"/app/auth/user/{manager.pk}/change/")
    assert page.status_code == 200
    assert "is_superuser" not in page.context["adminform"].form.fields
    root = factories.user("root-admin")
    root.is_superuser = True
    root.save()
    assert desk.get(f"/app/auth/user/{root.pk}/change/").status_code == 302
    assert desk.post(
        f"/app/auth/user/{root.pk}/delete/", {"post": "yes"}
    ).status_code in (302, 403)
    assert type(root).objects.filter(pk=root.pk).exists()
