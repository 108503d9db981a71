from django.apps import AppConfig
from django.conf.locale import LANG_INFO
from django.db.models.signals import post_migrate
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
        from . import access, registry, signals  # noqa: F401

        registry.discover()
        # Sensitive-field and action permissions of every DocType, created
        # after Django's own (the last app's post_migrate covers them all).
        post_migrate.connect(access.ensure_permissions, dispatch_uid="lao_moha_perms")
