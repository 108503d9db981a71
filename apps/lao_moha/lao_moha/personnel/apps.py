from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonnelConfig(AppConfig):
    name = "lao_moha.personnel"
    label = "personnel"
    verbose_name = _("Personnel")

    def ready(self):
        from lao_moha.core.imports.hooks import register_around_import

        from . import due_dates, signals
        from .models.officials import salary_scale_read_once

        signals.connect()
        # Once per imported file, not once per row: the salary scale is
        # read and the due dates are refreshed.
        register_around_import(salary_scale_read_once)
        register_around_import(due_dates.deferred)
