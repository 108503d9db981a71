from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguageConfig(AppConfig):
    """Lao first: the user's language, date and number formats, Lao digits
    and the tooling that keeps the Lao and Vietnamese catalogs complete."""

    name = "lao_moha.language"
    label = "language"
    verbose_name = _("Languages")

    def ready(self):
        from . import permissions, signals  # noqa: F401

        permissions.install()
        # The sign-in page offers the three languages (language/login.html).
        from django.contrib import admin

        admin.site.login_template = "language/login.html"
        # Django's autocomplete boxes load select2's messages only for the
        # languages it knows; ours for Lao is static/admin/.../i18n/lo.js.
        from django.contrib.admin import widgets

        widgets.SELECT2_TRANSLATIONS.setdefault("lo", "lo")
