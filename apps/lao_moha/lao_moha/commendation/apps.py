from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommendationConfig(AppConfig):
    name = "lao_moha.commendation"
    label = "commendation"
    verbose_name = _("Emulation and commendation")

    def ready(self):
        from . import conditions  # noqa: F401 - registers the workflow conditions
