"""Desk navigation built from the registry: one sidebar group per app."""

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from . import registry


def sidebar_navigation(request):
    groups = {}
    for doctype in registry.all_doctypes():
        opts = doctype.model._meta
        if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        try:
            link = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        except NoReverseMatch:
            continue
        groups.setdefault(opts.app_label, []).append(
            {"title": opts.verbose_name_plural, "icon": doctype.menu_icon, "link": link}
        )
    navigation = [
        {
            "title": apps.get_app_config(label).verbose_name,
            "collapsible": True,
            "items": items,
        }
        for label, items in groups.items()
    ]
    access = access_items(request)
    if access:
        navigation.append(
            {"title": _("Access and audit"), "collapsible": True, "items": access}
        )
    return navigation


# (permission, admin URL name, title, icon) of the access-control pages.
ACCESS_PAGES = (
    ("auth.view_user", "admin:auth_user_changelist", _("Users"), "manage_accounts"),
    ("auth.view_group", "admin:auth_group_changelist", _("Roles"), "shield_person"),
    (
        "core.view_audittrail",
        "admin:core_audittrail_changelist",
        _("Audit trail"),
        "history",
    ),
    (
        "axes.view_accessattempt",
        "admin:axes_accessattempt_changelist",
        _("Locked sign-ins"),
        "lock_person",
    ),
)


def access_items(request):
    items = []
    for permission, url_name, title, icon in ACCESS_PAGES:
        if not request.user.has_perm(permission):
            continue
        try:
            items.append({"title": title, "icon": icon, "link": reverse(url_name)})
        except NoReverseMatch:
            continue
    return items
