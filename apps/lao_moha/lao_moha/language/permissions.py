"""Permission names in the reader's language.

Django stores a permission's name in English when it creates it ("Can view
official") and shows that text in the user and group forms. The label is
rebuilt here from the codename and the model's translated name instead, and
a custom permission's stored name is looked up in the catalogs.
"""

from django.apps import apps
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "add": _("Can add {model}"),
    "change": _("Can change {model}"),
    "delete": _("Can delete {model}"),
    "view": _("Can view {model}"),
}
# Names of permissions that installed packages declare without gettext;
# listed so that makemessages puts them in our catalogs.
THIRD_PARTY_NAMES = [gettext_noop("Access admin page")]


def model_label(model):
    base = getattr(model, "instance_type", None)  # a simple-history record
    if base is not None:
        return gettext("history of {model}").format(model=base._meta.verbose_name)
    return str(model._meta.verbose_name)


def permission_label(permission):
    model = permission.content_type.model_class()
    if model is None:  # the model was removed from the code
        return permission.name
    action, _sep, target = permission.codename.partition("_")
    if action in ACTIONS and target == model._meta.model_name:
        text = str(ACTIONS[action]).format(model=model_label(model))
    else:
        text = gettext(permission.name)
    app = apps.get_app_config(model._meta.app_label).verbose_name
    return f"{app} | {text}"


def install():
    from django.contrib.auth.models import Permission

    Permission.__str__ = permission_label
