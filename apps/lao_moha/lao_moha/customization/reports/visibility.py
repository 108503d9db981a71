"""Which DocTypes and fields a user may put in a report."""

from lao_moha.core import access


def can_view(user, doctype):
    opts = doctype.model._meta
    return bool(user and user.has_perm(f"{opts.app_label}.view_{opts.model_name}"))


def can_see_sensitive(user, doctype):
    """Whether the user may see the DocType's sensitive fields (the
    `view_sensitive_<model>` permission of core.access)."""
    return access.can_see_sensitive(user, doctype.model)
