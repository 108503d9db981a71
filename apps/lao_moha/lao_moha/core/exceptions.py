"""Errors the core raises to every surface."""

from django.utils.formats import localize
from django.utils.timezone import localtime
from django.utils.translation import gettext as _


class StaleRecordError(Exception):
    """The record was saved by someone else after this copy was loaded."""

    def __init__(self, instance):
        self.instance = instance
        super().__init__(
            _("{record} was changed by someone else since you opened it.").format(
                record=instance
            )
        )

    def changes_since(self, user=None):
        """[(field label, value then, value now)] from the audit trail."""
        from .history import changes_since

        return changes_since(self.instance, self.instance.version, user)


def describe_conflict(instance, loaded_version, user=None):
    """Plain-language lines saying who changed what since `loaded_version`."""
    from .history import saves_since

    lines = []
    for who, when, changes in saves_since(instance, loaded_version, user):
        lines.append(
            _("Saved by {user} at {time}:").format(
                user=who or _("the system"), time=localize(localtime(when))
            )
        )
        for change in changes:
            lines.append(
                _("{field}: “{old}” → “{new}”").format(
                    field=change.label, old=change.old, new=change.new
                )
            )
    return lines
