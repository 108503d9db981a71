from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonnelConfig(AppConfig):
    name = "lao_moha.personnel"
    label = "personnel"
    verbose_name = _("Personnel")

    def ready(self):
        from lao_moha.core.imports.hooks import register_around_commit

        from . import due_dates, signals

        signals.connect()
        # Due dates are refreshed once per import, not once per saved row.
        register_around_commit(due_dates.deferred)
