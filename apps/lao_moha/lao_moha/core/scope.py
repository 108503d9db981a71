"""Which records a user may see: the subtrees of the org units they belong to.

One function, `restrict`, is applied by every surface (desk, REST, import,
export, reports, dashboards), driven by the DocType's `scope_path`.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from . import registry

ALL_UNITS = None  # marker: the user is not restricted


def unit_paths(user):
    """Tree paths of the user's units, ALL_UNITS, or [] for no access."""
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
    # A member of a root unit (the ministry) sees everything.
    if any(path.count("/") == 2 for path in paths):
        result = ALL_UNITS
    else:
        # Drop paths already covered by a shorter one.
        result = [p for p in paths if not any(p != q and p.startswith(q) for q in paths)]
    user._lao_moha_unit_paths = result
    return result


def _lookup(doctype):
    if doctype.scope_path == "self":
        return "path"
    return f"{doctype.scope_path}__path"


def restrict(queryset, user):
    """Narrow `queryset` to the records inside the user's units."""
    doctype = registry.get(queryset.model)
    if doctype is not None and doctype.owner_field:
        return queryset.filter(**{doctype.owner_field: user.pk})
    if doctype is None or doctype.scope_path is None:
        return queryset
    paths = unit_paths(user)
    if paths is ALL_UNITS:
        return queryset
    if not paths:
        return queryset.none()
    lookup = _lookup(doctype)
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{lookup}__startswith": path})
    return queryset.filter(condition)


def unit_in_scope(user, unit):
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


def check_in_scope(user, instance):
    """Refuse to create or move a record into a unit outside the user's scope."""
    doctype = registry.get(instance)
    if doctype is None or doctype.scope_path is None:
        return
    if unit_paths(user) is ALL_UNITS:
        return
    unit = owning_unit(instance)
    if not unit_in_scope(user, unit):
        raise ValidationError(
            _("You may only record {doctype} inside your own units; "
              "“{unit}” is outside them.").format(
                doctype=instance._meta.verbose_name_plural, unit=unit or "—"
            )
        )
