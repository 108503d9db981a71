"""REST permission: Django's model permissions, reading included."""

from rest_framework.permissions import DjangoModelPermissions

from .. import access


class DocTypePermission(DjangoModelPermissions):
    """Maps each HTTP method to the model permission it needs.

    Unlike DRF's default, reading needs the `view` permission too.
    """

    perms_map = {
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": [],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "POST": ["%(app_label)s.add_%(model_name)s"],
        "PUT": ["%(app_label)s.change_%(model_name)s"],
        "PATCH": ["%(app_label)s.change_%(model_name)s"],
        "DELETE": ["%(app_label)s.delete_%(model_name)s"],
    }

    def has_permission(self, request, view):
        doctype = getattr(view, "doctype", None)
        if doctype is not None and access.record_hidden(request.user, doctype.model):
            return False
        return super().has_permission(request, view)


class ActionPermission(DocTypePermission):
    """For a record's action endpoints (submit, vote ...): reading needs the
    view permission; acting is checked by the service it calls."""

    perms_map = {**DocTypePermission.perms_map, "POST": []}
