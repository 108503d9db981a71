from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonnelConfig(AppConfig):
    name = "lao_moha.personnel"
    label = "personnel"
    verbose_name = _("Personnel")

    def ready(self):
        from . import signals

        signals.connect()
