"""Which records a user may see: the subtrees of the org units they belong to.

`restrict` is applied by every surface (desk lists, pickers, filters, search,
REST, import, export, history, record views, dashboards), driven by the
DocType's `scope_path`; `check_in_scope` refuses creating or moving a record
out of the user's units. A DocType declared with a scope path gets both on
every generated surface without further code.
"""

import logging

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from . import registry

logger = logging.getLogger(__name__)

ALL_UNITS = None  # marker: the user is not restricted

__all__ = [
    "ALL_UNITS",
    "ScopeError",
    "check_in_scope",
    "get_object_or_404",
    "in_scope",
    "is_scoped",
    "owning_unit",
    "restrict",
    "scope_lookup",
    "scoped",
    "unit_in_scope",
    "unit_paths",
]


class ScopeError(ValidationError):
    """A record would land, or already lies, outside the user's units."""


def unit_paths(user):
    """Tree paths of the user's units, ALL_UNITS, or [] for no access.

    Superusers and members of a root unit (the ministry) are not restricted.
    The answer is kept on the user object for the rest of the request.
    """
    if not getattr(user, "is_authenticated", False):
        return []
    if user.is_superuser:
        return ALL_UNITS
    cached = getattr(user, "_lao_moha_unit_paths", False)
    if cached is not False:
        return cached
    Membership = apps.get_model("organization", "UnitMembership")
    paths = sorted(
        Membership.objects.filter(user=user).values_list("unit__path", flat=True)
    )
    if any(path.count("/") == 2 for path in paths):
        result = ALL_UNITS
    else:
        # Drop paths already covered by a shorter one.
        result = [
            p for p in paths if not any(p != q and p.startswith(q) for q in paths)
        ]
    user._lao_moha_unit_paths = result
    return result


def _doctype_of(model):
    # Historical models (simple-history) are scoped like the model they copy.
    return registry.get(getattr(model, "instance_type", model))


def is_scoped(model) -> bool:
    doctype = _doctype_of(model)
    return doctype is not None and doctype.scope_path is not None


def scope_lookup(doctype) -> str:
    """ORM lookup from a record to its owning unit's path."""
    if doctype.scope_path == "self":
        return "path"
    return f"{doctype.scope_path}__path"


def restrict(queryset, user):
    """Narrow `queryset` to the records inside the user's units."""
    doctype = _doctype_of(queryset.model)
    if doctype is not None and doctype.owner_field:
        return queryset.filter(**{doctype.owner_field: user.pk})
    if doctype is None or doctype.scope_path is None:
        return queryset
    paths = unit_paths(user)
    if paths is ALL_UNITS:
        return queryset
    if not paths:
        return queryset.none()
    lookup = scope_lookup(doctype)
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{lookup}__startswith": path})
    return queryset.filter(condition)


def scoped(model, user):
    """All records of `model` the user may see."""
    return restrict(model._default_manager.all(), user)


def get_object_or_404(model, user, **lookup):
    """One record inside the user's units; 404 for records outside them, so
    that nobody learns whether a record of another unit exists."""
    obj = scoped(model, user).filter(**lookup).first()
    if obj is None:
        raise Http404(_("No such record in your units."))
    return obj


def in_scope(user, instance) -> bool:
    """Whether a saved record currently lies inside the user's units."""
    if not is_scoped(type(instance)) or unit_paths(user) is ALL_UNITS:
        return True
    manager = type(instance)._base_manager
    return restrict(manager.filter(pk=instance.pk), user).exists()


def unit_in_scope(user, unit) -> bool:
    paths = unit_paths(user)
    if paths is ALL_UNITS:
        return True
    return unit is not None and any(unit.path.startswith(p) for p in paths)


def owning_unit(instance):
    """The OrgUnit a record belongs to, following its DocType's scope path."""
    doctype = registry.get(instance)
    if doctype is None or doctype.scope_path is None:
        return None
    if doctype.scope_path == "self":
        return instance.parent if instance._state.adding else instance
    target = instance
    for part in doctype.scope_path.split("__"):
        target = getattr(target, part, None)
        if target is None:
            return None
    return target


def _target(instance):
    """(unit to name in messages, path the record will have once saved)."""
    doctype = registry.get(instance)
    if doctype.scope_path == "self":
        # An org unit lands under its parent; its own path follows.
        parent = instance.parent
        if parent is None:
            return None, None
        return parent, f"{parent.path}{instance.pk or 'new'}/"
    unit = owning_unit(instance)
    return unit, (unit.path if unit is not None else None)


def check_in_scope(user, instance):
    """Refuse to create a record outside the user's units, to move one out of
    them, or to touch one that lies outside them."""
    doctype = registry.get(instance)
    if doctype is None or doctype.scope_path is None:
        return
    paths = unit_paths(user)
    if paths is ALL_UNITS:
        return
    unit, path = _target(instance)
    inside = path is not None and any(path.startswith(p) for p in paths or ())
    if inside and not instance._state.adding and instance.pk:
        inside = in_scope(user, instance)
    if not inside:
        logger.warning(
            "Scope refused: user %s on %s #%s", user.pk, doctype.label, instance.pk
        )
        raise ScopeError(
            _(
                "You may only record {doctype} inside your own units; "
                "“{unit}” is outside them."
            ).format(doctype=instance._meta.verbose_name_plural, unit=unit or "—"),
            code="out_of_scope",
        )
