"""Which DocTypes and fields a user may put in a report."""


def can_view(user, doctype):
    opts = doctype.model._meta
    return bool(user and user.has_perm(f"{opts.app_label}.view_{opts.model_name}"))


def can_see_sensitive(user, doctype):
    """Whether the user may see the DocType's sensitive fields."""
    if not doctype.sensitive_fields:
        return True
    try:
        from lao_moha.core.access import can_see_sensitive as allowed
    except ImportError:
        # TODO drop this fallback once core.access (access-control issue)
        # is on main; it checks the same permission.
        opts = doctype.model._meta
        return bool(
            user and user.has_perm(f"{opts.app_label}.view_sensitive_{opts.model_name}")
        )
    return allowed(user, doctype.model)
