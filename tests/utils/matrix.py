"""Machinery of the unit-scope matrix: one world per DocType, helpers per path.

A *world* holds the small ministry tree (tests.factories.ministry_tree), a
province-level user (member of province 01, holding every permission of
every DocType, so that only the scope can stop them), one record of the
DocType inside the user's province and one in another province (13). The
tests in tests/core/test_scope_matrix.py walk every path over these.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.forms import MultiWidget
from django.test import Client
from rest_framework.test import APIClient

from lao_moha.core import registry, roles, scope
from lao_moha.organization.models import UnitMembership
from tests import factories

from . import doctype_builders  # noqa: F401 - registers the known builders
from .builders import build

HOST = "127.0.0.1"


def scoped_doctypes():
    """Every registered DocType that belongs to org units."""
    return [d for d in registry.all_doctypes() if d.scope_path is not None]


def doctype_id(doctype):
    return doctype.label


@dataclass
class World:
    doctype: object
    units: dict
    user: object
    own: object
    foreign: object
    desk: Client = field(repr=False)
    api: APIClient = field(repr=False)
    root_api: APIClient = field(repr=False)

    @property
    def model(self):
        return self.doctype.model


def all_doctype_permissions():
    content_types = [
        ContentType.objects.get_for_model(d.model) for d in registry.all_doctypes()
    ]
    return Permission.objects.filter(content_type__in=content_types)


def member(username, unit, permissions=(), groups=()):
    """A staff account, member of `unit`, with the given Permission rows."""
    account = get_user_model().objects.create_user(
        username=username, password="not-used-in-tests", is_staff=True
    )
    account.user_permissions.set(permissions)
    account.groups.set(groups)
    if unit is not None:
        UnitMembership.objects.create(user=account, unit=unit)
    return get_user_model().objects.get(pk=account.pk)


def desk_client(user):
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    return client


def api_client(user):
    client = APIClient(HTTP_HOST=HOST)
    client.force_authenticate(user)
    return client


def make_world(doctype, superuser):
    units = factories.ministry_tree()
    user = member("province01", units["p01"], all_doctype_permissions())
    own = build(doctype.model, units["d0101"])
    foreign = build(doctype.model, units["d1301"])
    return World(
        doctype,
        units,
        user,
        own,
        foreign,
        desk_client(user),
        api_client(user),
        api_client(superuser),
    )


def role_group(code):
    """The group of a shipped role, loading the roles if needed."""
    from lao_moha.core.models import Role

    if not Role.objects.filter(code=code).exists():
        roles.load_roles()
    return Role.objects.get(code=code).group


# -- URLs -----------------------------------------------------------------


def desk_url(model, action="changelist", obj=None):
    opts = model._meta
    base = f"/app/{opts.app_label}/{opts.model_name}/"
    if action == "changelist":
        return base
    if action == "add":
        return f"{base}add/"
    if action == "export":
        return f"{base}export/"
    return f"{base}{obj.pk}/{action}/"


def api_url(doctype, obj=None, suffix=""):
    base = f"/api/{doctype.app_label}/{doctype.url_name}/"
    if obj is None:
        return base
    return f"{base}{obj.pk}/{suffix}"


# -- what a record looks like on a path ------------------------------------


def search_term(doctype, obj):
    """A value of `obj` the DocType's search box finds it by, or None."""
    for name in doctype.search_fields:
        value = obj
        for part in name.lstrip("^=@").split("__"):
            value = getattr(value, part, None)
        if isinstance(value, str) and value.strip("| "):
            return value.strip("| ")
    return None


def first_hop(doctype):
    """The form field that places a record in a unit."""
    if doctype.scope_path == "self":
        return "parent"
    return doctype.scope_path.split("__")[0]


def related_sources(model):
    """(source DocType, FK field name) of every declared link to `model`."""
    found = []
    for source in registry.all_doctypes():
        for model_field in source.model._meta.concrete_fields:
            if model_field.is_relation and model_field.related_model is model:
                found.append((source, model_field.name))
    return found


def identity_value(world, obj):
    """How the export names a record: its first import key, as exported."""
    resource_class = world_resource(world.doctype)
    resource = resource_class()
    key = world.doctype.import_id_fields[0]
    export_field = resource.fields[key]
    return str(resource.export_field(export_field, obj))


def world_resource(doctype):
    from lao_moha.core.resources import build_resource

    return build_resource(doctype)


def form_post_data(response):
    """The POST a browser would send back for a rendered admin change form."""
    context = response.context
    data = {}
    _form_data(context["adminform"].form, data)
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for form in formset.forms:
            _form_data(form, data)
    return data


def _form_data(form, data):
    for name, form_field in form.fields.items():
        key = form.add_prefix(name)
        value = form[name].value()
        widget = form_field.widget
        if value is None or getattr(widget, "input_type", None) == "file":
            continue
        if isinstance(widget, MultiWidget):
            parts = widget.decompress(value) if not isinstance(value, list) else value
            for index, part in enumerate(parts):
                data[f"{key}_{index}"] = _plain(part)
            continue
        if isinstance(value, bool):
            if value:
                data[key] = "on"
            continue
        if isinstance(value, list | tuple):
            data[key] = [_plain(v) for v in value]
            continue
        data[key] = _plain(value)


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M:%S")
    return str(value)


def visible_pks(world, queryset_model=None):
    model = queryset_model or world.model
    return set(scope.scoped(model, world.user).values_list("pk", flat=True))


__all__ = [
    "World",
    "api_client",
    "api_url",
    "desk_client",
    "desk_url",
    "doctype_id",
    "first_hop",
    "form_post_data",
    "identity_value",
    "make_world",
    "member",
    "related_sources",
    "role_group",
    "scoped_doctypes",
    "search_term",
    "visible_pks",
]
