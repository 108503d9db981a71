"""Where custom fields plug into the surfaces core generates."""

from lao_moha.core import hooks, scheduler

from . import desk, history, imports, navigation
from .api import fields as api_fields
from .reports import schedule

hooks.register("desk_form", desk.extend_form)
hooks.register("desk_fieldsets", desk.extend_fieldsets)
hooks.register("desk_list_display", desk.extend_list_display)
hooks.register("desk_list_filter", desk.extend_list_filter)
hooks.register("desk_attribute", desk.attribute)
hooks.register("api_serializer_fields", api_fields.serializer_fields)
hooks.register("api_filters", api_fields.query_filters)
hooks.register("resource_fields", imports.resource_fields)
hooks.register("resource_validate", imports.complete_instance)
hooks.register("expand_change", history.expand_change)
hooks.register("desk_navigation", navigation.sidebar_group)
scheduler.register(schedule.enqueue_due)
