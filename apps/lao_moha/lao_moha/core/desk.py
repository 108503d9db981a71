"""Desk navigation built from the registry: one sidebar group per app."""

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from . import hooks, registry


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
    return hooks.apply("desk_navigation", navigation, request)


def site_title(request=None):
    return _("Ministry of Home Affairs")


def site_subheader(request=None):
    return _("Personnel and commendation")
