"""The customization group of the desk sidebar."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def sidebar_group(groups, request):
    user = request.user
    items = []
    if user.has_perm("customization.view_customfield"):
        items.append(
            {
                "title": _("Custom fields"),
                "icon": "dashboard_customize",
                "link": reverse("admin:customization_customfield_changelist"),
            }
        )
    if user.is_active and user.is_staff:
        items.append(
            {
                "title": _("Report builder"),
                "icon": "query_stats",
                "link": reverse("admin:customization_savedreport_builder"),
            }
        )
        items.append(
            {
                "title": _("Saved reports"),
                "icon": "bookmarks",
                "link": reverse("admin:customization_savedreport_changelist"),
            }
        )
    if not items:
        return groups
    return [*groups, {"title": _("Customization"), "collapsible": True, "items": items}]
