"""Who may see what inside a record: sensitive fields and record history.

A DocType's `sensitive_fields` (national ID, date of birth, discipline,
family …) are shown only to holders of its `view_sensitive_<model>`
permission, on every surface: desk forms, lists, filters, search, exports,
REST, history and audit pages. The permission rows, and those of the
declared `actions` (submit, approve …), are created after every migrate.
"""

import logging

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from . import registry

logger = logging.getLogger(__name__)

__all__ = [
    "action_codename",
    "can_see_sensitive",
    "can_view_history",
    "ensure_permissions",
    "hidden_fields",
    "record_hidden",
    "sensitive_codename",
]

HIDDEN_VALUE = "•••"


def sensitive_codename(model) -> str:
    return f"view_sensitive_{model._meta.model_name}"


def action_codename(action, model) -> str:
    return f"{action}_{model._meta.model_name}"


def _doctype(model):
    return registry.get(getattr(model, "instance_type", model))


def can_see_sensitive(user, model) -> bool:
    doctype = _doctype(model)
    if doctype is None or not (doctype.sensitive_fields or doctype.sensitive):
        return True
    opts = doctype.model._meta
    return user.has_perm(f"{opts.app_label}.{sensitive_codename(doctype.model)}")


def record_hidden(user, model) -> bool:
    """Whether records of a wholly sensitive DocType are closed to the user."""
    doctype = _doctype(model)
    return bool(doctype is not None and doctype.sensitive) and not can_see_sensitive(
        user, model
    )


def hidden_fields(user, model) -> frozenset:
    """Names of the fields of `model` the user may neither see nor change."""
    doctype = _doctype(model)
    if doctype is None or not doctype.sensitive_fields:
        return frozenset()
    if can_see_sensitive(user, model):
        return frozenset()
    return frozenset(doctype.sensitive_fields)


def can_view_history(user, model) -> bool:
    """Record history is for those who change the records and for auditors;
    a mere reader does not see earlier values."""
    opts = getattr(model, "instance_type", model)._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}") or (
        user.has_perm("core.view_audittrail")
    )


def ensure_permissions(**kwargs):
    """Create the sensitive-field and action permissions of every DocType.

    Connected to post_migrate; safe to run any number of times.
    """
    created = 0
    for doctype in registry.all_doctypes():
        model = doctype.model
        opts = model._meta
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=True)
        wanted = []
        if doctype.sensitive_fields or doctype.sensitive:
            wanted.append(
                (
                    sensitive_codename(model),
                    _("Can view sensitive fields of {model}").format(
                        model=opts.verbose_name
                    ),
                )
            )
        for action in doctype.actions:
            wanted.append(
                (
                    action_codename(action, model),
                    _("Can {action} {model}").format(
                        action=action, model=opts.verbose_name
                    ),
                )
            )
        for codename, name in wanted:
            _perm, made = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": str(name)[:255]},
            )
            created += made
    if created:
        logger.info("DocType permissions: %d created", created)
    return created
