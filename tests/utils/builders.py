"""Build a saved record of any registered DocType inside a given org unit.

Generic tests (the scope matrix) need a record of every DocType, including
DocTypes added after these tests were written. `build(model, unit)` uses a
builder registered for the model when there is one, else fills every
required field itself: the scope path leads to `unit`, other links reuse an
existing row or build one, plain fields get simple unique values. Records
are saved without `full_clean`: the matrix tests who may reach a record,
not the business rules.

An app whose model needs particular values registers a builder:

    from tests.utils.builders import builder

    @builder(Proposal)
    def proposal(unit):
        return factories.proposal(unit=unit)
"""

import datetime
import decimal
import itertools

from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone

from lao_moha.core import registry

_BUILDERS = {}
_counter = itertools.count(1)

# Columns every DocType has; they fill themselves.
BASE_FIELDS = {
    "id",
    "created_at",
    "modified_at",
    "created_by",
    "modified_by",
    "version",
    "custom_fields",
}


def builder(model):
    """Register a function unit -> saved record for `model`."""

    def register(function):
        _BUILDERS[model] = function
        return function

    return register


def build(model, unit, **values):
    """A saved record of `model` that belongs to `unit` (for scoped models)."""
    if model in _BUILDERS and not values:
        return _BUILDERS[model](unit)
    obj = model(**values)
    doctype = registry.get(model)
    first_hop = _first_hop(doctype)
    for field in model._meta.concrete_fields:
        if field.name in BASE_FIELDS or field.name in values or field.auto_created:
            continue
        if field.primary_key:
            continue
        if field.is_relation:
            _fill_relation(obj, field, unit, field.name == first_hop, doctype)
        elif (
            field.has_default()
            or field.null
            or getattr(field, "auto_now", False)
            or (getattr(field, "auto_now_add", False))
        ):
            continue
        else:
            setattr(obj, field.attname, sample_value(field))
    obj.save()
    return obj


def _first_hop(doctype):
    if doctype is None or doctype.scope_path is None:
        return None
    if doctype.scope_path == "self":
        return "parent"
    return doctype.scope_path.split("__")[0]


def _fill_relation(obj, field, unit, on_scope_path, doctype):
    related = field.related_model
    if on_scope_path:
        if related._meta.label == "organization.OrgUnit":
            setattr(obj, field.name, unit)
        else:
            setattr(obj, field.name, build(related, unit))
        return
    if field.null:
        return
    if related._meta.label == "organization.OrgUnit":
        setattr(obj, field.name, unit)
        return
    related_doctype = registry.get(related)
    if related_doctype is not None and related_doctype.scope_path is not None:
        setattr(obj, field.name, build(related, unit))
        return
    existing = related._default_manager.order_by("pk").first()
    setattr(obj, field.name, existing if existing is not None else build(related, unit))


def sample_value(field):
    """A value a column accepts: unique enough, short enough, plain."""
    n = next(_counter)
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, models.EmailField):
        return f"user{n}@example.org"
    if isinstance(field, models.SlugField):
        return f"slug-{n}"
    if isinstance(field, models.CharField | models.TextField):
        value = f"T{n:06d}"
        return value[: field.max_length] if field.max_length else value
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.DecimalField):
        return decimal.Decimal(1)
    if isinstance(field, models.IntegerField):
        return 1 if not field.unique else n
    if isinstance(field, models.FloatField):
        return 1.0
    if isinstance(field, models.DateTimeField):
        return timezone.now()
    if isinstance(field, models.DateField):
        return datetime.date(2000, 1, 1)
    if isinstance(field, models.TimeField):
        return datetime.time(9, 0)
    if isinstance(field, models.DurationField):
        return datetime.timedelta(days=1)
    if isinstance(field, models.JSONField):
        return {}
    if isinstance(field, models.FileField):
        return ContentFile(b"test file", name=f"test-{n}.txt")
    if isinstance(field, models.UUIDField):
        import uuid

        return uuid.uuid4()
    if isinstance(field, models.GenericIPAddressField):
        return "127.0.0.1"
    raise NotImplementedError(
        f"No sample value for {field.model.__name__}.{field.name}; "
        "register a builder for the model in tests/utils/builders.py"
    )
