from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CustomizationConfig(AppConfig):
    name = "lao_moha.customization"
    label = "customization"
    verbose_name = _("Customization")

    def ready(self):
        from django.contrib import admin

        from . import hooks, signals  # noqa: F401 - hooks register on import

        signals.connect_dashboard()

        # The desk home shows the dashboard above the list of applications.
        admin.site.index_template = "customization/dashboard.html"
