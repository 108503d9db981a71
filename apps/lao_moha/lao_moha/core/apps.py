from django.apps import AppConfig
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

# Django ships no information about Lao; language pickers need it.
LANG_INFO.setdefault(
    "lo", {"bidi": False, "code": "lo", "name": "Lao", "name_local": "ລາວ"}
)


class CoreConfig(AppConfig):
    name = "lao_moha.core"
    label = "core"
    verbose_name = _("System")

    def ready(self):
        from . import registry, signals  # noqa: F401

        registry.discover()
