"""Errors the core raises to every surface."""

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

    def changes_since(self):
        """[(field label, value then, value now)] from the audit trail."""
        from .history import changes_since

        return changes_since(self.instance, self.instance.version)
