"""The desk menu group of the access-control pages: users, roles and the
audit trail, each shown to those who may open it."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# (permission, admin URL name, title, icon)
ACCESS_PAGES = (
    ("auth.view_user", "admin:auth_user_changelist", _("Users"), "manage_accounts"),
    ("auth.view_group", "admin:auth_group_changelist", _("Roles"), "shield_person"),
    (
        "core.view_audittrail",
        "admin:core_audittrail_changelist",
        _("Audit trail"),
        "history",
    ),
)


def extend_navigation(navigation, request):
    """The `desk_navigation` hook: add the group when it has any page."""
    items = []
    for permission, url_name, title, icon in ACCESS_PAGES:
        if not request.user.has_perm(permission):
            continue
        try:
            items.append({"title": title, "icon": icon, "link": reverse(url_name)})
        except NoReverseMatch:
            continue
    if items:
        navigation = [
            *navigation,
            {"title": _("Access and audit"), "collapsible": True, "items": items},
        ]
    return navigation
