"""DocType declarations of the core: workflows, series, notifications."""

from django.utils.translation import gettext_lazy as _

from .doctype import DocType
from .naming import NamingSeries
from .notifications import Notification, NotificationAdminMixin
from .registry import register
from .workflow import Workflow, WorkflowState, WorkflowTransition

register(
    DocType(
        Workflow,
        list_display=("code", "name_lo", "model", "is_active"),
        list_filter=("is_active",),
        search_fields=("code", "name_lo", "name_en"),
        reference_data=True,
        importable=False,
        inlines=(WorkflowState, WorkflowTransition),
        menu_icon="route",
    )
)
register(
    DocType(
        WorkflowState,
        list_display=("workflow", "code", "name_lo", "stage", "is_initial", "editable",
                      "required_fields", "order"),
        list_filter=("workflow",),
        search_fields=("code", "name_lo", "name_en"),
        ordering=("workflow", "order"),
        select_related=("workflow",),
        reference_data=True,
        importable=False,
        menu_icon="radio_button_checked",
    )
)
register(
    DocType(
        WorkflowTransition,
        list_display=("workflow", "from_state", "action", "name_lo", "to_state",
                      "permission", "requires_comment", "condition", "order"),
        list_filter=("workflow",),
        search_fields=("action", "name_lo", "name_en"),
        fieldsets=(
            (None, ("workflow", "action", "name_lo", "name_en", "name_vi",
                    "from_state", "to_state", "order")),
            (_("Who and when"), ("permission", "allowed_roles", "requires_comment",
                                 "condition")),
        ),
        ordering=("workflow", "order"),
        select_related=("workflow", "from_state", "to_state"),
        reference_data=True,
        importable=False,
        menu_icon="alt_route",
    )
)
register(
    DocType(
        NamingSeries,
        list_display=("code", "name_lo", "pattern", "padding", "per_year"),
        search_fields=("code", "name_lo", "name_en"),
        reference_data=True,
        import_id_fields=("code",),
        menu_icon="pin",
    )
)
register(
    DocType(
        Notification,
        list_display=("created_at", "title", "read_at"),
        readonly_fields=("title", "body", "link", "read_at", "emailed_at"),
        search_fields=("title",),
        list_filter=("read_at",),
        owner_field="user",
        read_only=True,
        importable=False,
        admin_mixins=(NotificationAdminMixin,),
        menu_icon="notifications",
    )
)
