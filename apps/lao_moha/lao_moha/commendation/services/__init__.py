"""Business actions of emulation and commendation, one transaction each,
called alike from the desk, the REST API and the demo builder."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from lao_moha.core import scope


def require(user, permission, instance):
    """Refuse unless `user` holds `permission` and sees `instance`."""
    if not user.has_perm(permission):
        raise PermissionDenied(_("Your role does not allow this action."))
    visible = scope.restrict(type(instance)._default_manager.filter(pk=instance.pk), user)
    if not visible.exists():
        raise PermissionDenied(_("This record is outside your units."))
