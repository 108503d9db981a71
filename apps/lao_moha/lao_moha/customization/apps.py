from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CustomizationConfig(AppConfig):
    name = "lao_moha.customization"
    label = "customization"
    verbose_name = _("Customization")

    def ready(self):
        from . import hooks, signals  # noqa: F401
