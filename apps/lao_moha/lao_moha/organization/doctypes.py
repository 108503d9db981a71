"""DocType declarations of the organization app."""

from django.utils.translation import gettext_lazy as _

from lao_moha.core.doctype import DocType
from lao_moha.core.registry import register

from .models import OrgUnit, Position, UnitMembership

register(
    DocType(
        OrgUnit,
        list_display=("code", "name_lo", "name_en", "level", "kind", "parent", "province", "is_active", "staffing_quota"),
        list_filter=("level", "kind", "province", "is_active"),
        search_fields=("code", "name_lo", "name_en"),
        fieldsets=(
            (None, ("code", "name_lo", "name_en", "name_vi", "parent", "level", "kind")),
            (_("Location"), ("province", "district")),
            (_("Staffing"), ("is_active", "staffing_quota")),
        ),
        ordering=("path",),
        select_related=("parent", "province", "district"),
        autocomplete_fields=("parent", "district"),
        scope_path="self",
        import_id_fields=("code",),
        import_lookups={"parent": "code", "province": "code", "district": "code"},
        menu_icon="account_tree",
    )
)
register(
    DocType(
        Position,
        list_display=("code", "name_lo", "name_en", "rank_order", "is_management"),
        list_filter=("is_management",),
        search_fields=("code", "name_lo", "name_en"),
        ordering=("rank_order", "code"),
        reference_data=True,
        import_id_fields=("code",),
        menu_icon="badge",
    )
)
register(
    DocType(
        UnitMembership,
        list_display=("user", "unit"),
        list_filter=("unit",),
        search_fields=(
            "user__username", "user__first_name", "user__last_name", "unit__code", "unit__name_lo",
        ),
        select_related=("user", "unit"),
        autocomplete_fields=("unit",),
        scope_path="unit",
        import_id_fields=("user", "unit"),
        import_lookups={"user": "username", "unit": "code"},
        # Granting access is the administrators' job; HR staff only see it.
        roles={
            "ministry_hr": ("view",), "province_hr": ("view",), "district_hr": ("view",),
            "analyst": (), "viewer": (),
        },
        menu_icon="group_work",
    )
)
