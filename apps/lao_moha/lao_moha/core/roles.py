"""The roles shipped with a site, and the permissions each receives.

A role is a Django group (its permissions are what the desk and the API
check) plus a `Role` row with its Lao, Vietnamese and English names. The
permissions are computed from the DocType registry, so a DocType added
later gets sensible role permissions without code here: the rules below go
by the kind of DocType (its app, or reference data), and a declaration may
override them with `roles={"role_code": ("view", ...)}`.

A verb is what comes before `_<model>` in a permission codename: view, add,
change, delete, view_sensitive, or a declared action (submit, approve …).
"*" stands for every verb the DocType has; "-verb" removes one.

The Lao and Vietnamese names are to be confirmed by MoHA; administrators
may edit names and permissions in the desk, and `load_roles` keeps their
edits (see `load_roles`).
"""

import logging
from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from . import registry

logger = logging.getLogger(__name__)

__all__ = ["ROLES", "RoleSpec", "load_roles", "role_permissions", "verbs_for"]

EVERYTHING = ("*",)
READ = ("view",)
READ_SENSITIVE = ("view", "view_sensitive")
EDIT = ("view", "view_sensitive", "add", "change")
# Deciding verbs stay with councils and approvers.
DECIDING = ("-approve", "-reject", "-vote", "-revoke", "-override", "-decide")
PREPARE = (*EVERYTHING, *DECIDING)


@dataclass(frozen=True)
class RoleSpec:
    code: str
    name_en: str
    name_lo: str
    name_vi: str
    description: str
    #: {kind of DocType: verbs}; kinds are app labels, "reference" for
    #: reference data and "*" for anything not named.
    rules: dict
    #: Permissions outside the registry ("app_label.codename").
    extra: tuple = ()


AUTH_ADMIN = (
    "auth.view_user",
    "auth.add_user",
    "auth.change_user",
    "auth.view_group",
    "auth.add_group",
    "auth.change_group",
    "auth.delete_group",
    "core.view_role",
    "core.change_role",
    "core.view_audittrail",
    "authtoken.view_tokenproxy",
    "authtoken.add_tokenproxy",
    "authtoken.delete_tokenproxy",
)

ROLES = (
    RoleSpec(
        "system_manager",
        "System Manager",
        "ຜູ້ຄຸ້ມຄອງລະບົບ",
        "Quản trị hệ thống",
        "Every record of the units they belong to, users, roles and settings.",
        {"*": EVERYTHING},
        AUTH_ADMIN,
    ),
    RoleSpec(
        "ministry_hr",
        "Ministry HR",
        "ພະນັກງານຄຸ້ມຄອງບຸກຄະລາກອນ ຂັ້ນກະຊວງ",
        "Cán bộ tổ chức cán bộ cấp Bộ",
        "Keeps the personnel records and the organisation tree at ministry level.",
        {
            "personnel": EVERYTHING,
            "organization": EVERYTHING,
            "reference": ("view", "add", "change"),
            "commendation": ("view", "add", "change", "submit"),
            "*": READ,
        },
        ("auth.view_user",),
    ),
    RoleSpec(
        "province_hr",
        "Province HR",
        "ພະນັກງານຄຸ້ມຄອງບຸກຄະລາກອນ ຂັ້ນແຂວງ",
        "Cán bộ tổ chức cán bộ cấp tỉnh",
        "Keeps the personnel records of a province and its districts.",
        {
            "personnel": EVERYTHING,
            "organization": ("view", "add", "change"),
            "commendation": ("view", "add", "change", "submit"),
            "*": READ,
        },
    ),
    RoleSpec(
        "district_hr",
        "District HR",
        "ພະນັກງານຄຸ້ມຄອງບຸກຄະລາກອນ ຂັ້ນເມືອງ",
        "Cán bộ tổ chức cán bộ cấp huyện",
        "Keeps the personnel records of a district.",
        {
            "personnel": ("*", "-delete"),
            "commendation": ("view", "add", "change", "submit"),
            "*": READ,
        },
    ),
    RoleSpec(
        "unit_clerk",
        "Unit Clerk",
        "ພະນັກງານເອກະສານ ຂອງໜ່ວຍງານ",
        "Văn thư đơn vị",
        "Enters and updates the records of their own unit; deletes nothing.",
        {
            "personnel": EDIT,
            "commendation": ("view", "add", "change"),
            "*": READ,
        },
    ),
    RoleSpec(
        "emulation_officer",
        "Emulation Officer",
        "ພະນັກງານວຽກງານແຂ່ງຂັນ-ຍ້ອງຍໍ",
        "Cán bộ thi đua - khen thưởng",
        "Runs movements and proposals and prepares decisions.",
        {"commendation": PREPARE, "*": READ},
    ),
    RoleSpec(
        "council_member",
        "Council Member",
        "ສະມາຊິກສະພາແຂ່ງຂັນ-ຍ້ອງຍໍ",
        "Thành viên Hội đồng thi đua - khen thưởng",
        "Reads proposals and votes in the emulation and commendation council.",
        {"commendation": ("view", "vote"), "*": READ},
    ),
    RoleSpec(
        "approver",
        "Approver",
        "ຜູ້ອະນຸມັດ",
        "Người phê duyệt",
        "Approves or rejects proposals and signs off decisions.",
        {
            "commendation": (
                "view",
                "change",
                "approve",
                "reject",
                "decide",
                "issue",
                "cancel",
                "amend",
                "revoke",
                "override",
            ),
            "*": READ,
        },
    ),
    RoleSpec(
        "analyst",
        "Analyst",
        "ນັກວິເຄາະຂໍ້ມູນ",
        "Cán bộ phân tích số liệu",
        "Reads everything in their units and builds reports and dashboards.",
        {"customization": ("view", "add", "change", "delete"), "*": READ},
    ),
    RoleSpec(
        "auditor",
        "Auditor",
        "ຜູ້ກວດສອບ",
        "Kiểm tra viên",
        "Reads every record and its full history, changes nothing.",
        {"*": READ_SENSITIVE},
        ("core.view_audittrail", "auth.view_user", "auth.view_group", "core.view_role"),
    ),
    RoleSpec(
        "viewer",
        "Viewer",
        "ຜູ້ເບິ່ງຂໍ້ມູນ",
        "Người xem",
        "Reads the records of their units, without sensitive fields.",
        {"*": READ},
    ),
)


def kind_of(doctype) -> str:
    if doctype.reference_data:
        return "reference"
    return doctype.app_label


def _verbs_of(doctype, permissions):
    """{verb: Permission} of one DocType's content type."""
    suffix = f"_{doctype.model._meta.model_name}"
    return {
        perm.codename[: -len(suffix)]: perm
        for perm in permissions
        if perm.codename.endswith(suffix)
    }


def verbs_for(spec, doctype, available) -> set:
    """The verbs of `doctype` a role receives, among those available."""
    if spec.code in doctype.roles:
        wanted = doctype.roles[spec.code]
    else:
        kind = kind_of(doctype)
        rules = spec.rules
        if kind == "reference" and "reference" not in rules:
            # Reference data is read by everyone and kept by whoever keeps
            # everything.
            wanted = rules.get("*", ()) if rules.get("*") == EVERYTHING else READ
        else:
            wanted = rules.get(kind, rules.get("*", ()))
    verbs = set()
    for verb in wanted:
        if verb == "*":
            verbs |= set(available)
        elif verb.startswith("-"):
            verbs.discard(verb[1:])
        elif verb in available:
            verbs.add(verb)
    if getattr(doctype, "sensitive", False) and "view_sensitive" not in verbs:
        # A wholly sensitive record type (discipline, family) is closed to
        # roles that may not see sensitive data.
        return set()
    return verbs


def _permissions_by_content_type():
    by_ct = {}
    for perm in Permission.objects.select_related("content_type"):
        by_ct.setdefault(perm.content_type_id, []).append(perm)
    return by_ct


def role_permissions(spec, by_ct=None):
    """The set of Permission rows the shipped role grants."""
    from django.contrib.contenttypes.models import ContentType

    by_ct = by_ct if by_ct is not None else _permissions_by_content_type()
    granted = set()
    for doctype in registry.all_doctypes():
        ct = ContentType.objects.get_for_model(doctype.model)
        available = _verbs_of(doctype, by_ct.get(ct.pk, ()))
        for verb in verbs_for(spec, doctype, available):
            granted.add(available[verb])
    for label in spec.extra:
        app_label, codename = label.split(".")
        for perms in by_ct.values():
            for perm in perms:
                if (
                    perm.codename == codename
                    and perm.content_type.app_label == app_label
                ):
                    granted.add(perm)
    return granted


def _label(perm):
    return f"{perm.content_type.app_label}.{perm.codename}"


@transaction.atomic
def load_roles(reset=False):
    """Create or update the shipped roles; returns {code: permission count}.

    Safe to run again: a permission the shipped rules newly grant (a new
    DocType, say) is added, one they no longer grant is taken away, and an
    administrator's own additions and removals are kept, unless `reset`
    restores the shipped permissions and names exactly.
    """
    from .access import ensure_permissions
    from .models import Role

    ensure_permissions()
    by_ct = _permissions_by_content_type()
    counts = {}
    for spec in ROLES:
        role = Role.objects.select_related("group").filter(code=spec.code).first()
        if role is None:
            group, _created = Group.objects.get_or_create(name=spec.name_en)
            role = Role(group=group, code=spec.code, shipped={})
        shipped = role.shipped or {}
        for name in ("name_en", "name_lo", "name_vi", "description"):
            # Keep a name an administrator changed; follow the shipped one.
            if (
                reset
                or not getattr(role, name)
                or getattr(role, name) == shipped.get(name)
            ):
                setattr(role, name, getattr(spec, name))
        desired = {_label(p): p for p in role_permissions(spec, by_ct)}
        previous = set(shipped.get("permissions", ()))
        group = role.group
        current = {
            _label(p): p for p in group.permissions.select_related("content_type")
        }
        if reset:
            keep = set(desired)
        else:
            keep = (set(current) - (previous - set(desired))) | (
                set(desired) - previous
            )
        target = [desired.get(label) or current.get(label) for label in keep]
        if set(current) != keep:
            group.permissions.set([p for p in target if p is not None])
        if group.name != role.name_en and (
            reset or group.name == shipped.get("name_en")
        ):
            group.name = role.name_en
            group.save(update_fields=["name"])
        role.shipped = {
            "permissions": sorted(desired),
            **{
                name: getattr(spec, name)
                for name in ("name_en", "name_lo", "name_vi", "description")
            },
        }
        role.save()
        counts[spec.code] = len(keep)
        logger.info("Role %s: %d permissions", spec.code, len(keep))
    return counts
