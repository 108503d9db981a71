"""Model fields the core provides: keys derived from a record's names.

A derived field computes its value from other fields of the same record each
time the record is written (also by bulk_create), so the key never drifts
from the names it is built from.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.constants import LOOKUP_SEP

from .text import lao_sort_key, search_key


class DerivedField(models.CharField):
    """A read-only text column computed from `sources` on every save."""

    def __init__(self, *args, sources=(), **kwargs):
        self.sources = tuple(sources)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("default", "")
        kwargs.setdefault("db_index", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["sources"] = self.sources
        return name, path, args, kwargs

    def compute(self, instance):
        raise NotImplementedError

    def pre_save(self, model_instance, add):
        value = self.compute(model_instance)
        setattr(model_instance, self.attname, value)
        return value


class SearchKeyField(DerivedField):
    """The folded spellings of the source names, each wrapped in "|".

    Searched with the folded query (core.search), so spacing, tone marks
    and common spelling and romanisation variants do not hide a record.
    """

    def compute(self, instance):
        keys = (search_key(getattr(instance, name, "")) for name in self.sources)
        return ("|" + "|".join(keys) + "|")[: self.max_length]


class LaoSortKeyField(DerivedField):
    """Lao alphabetical sort key of one source field (see core.text).

    Ordering by the source field (desk column, `?ordering=`, declared
    ordering) is redirected to this column by `sorting_field`.
    """

    def compute(self, instance):
        return lao_sort_key(getattr(instance, self.sources[0], ""), self.max_length)


def derived_update_fields(instance, update_fields):
    """Derived fields to write along with `update_fields`."""
    return {
        f.name
        for f in instance._meta.concrete_fields
        if isinstance(f, DerivedField) and set(f.sources) & set(update_fields)
    }


def _final_field(model, path):
    field = None
    opts = model._meta
    for part in path.split(LOOKUP_SEP):
        try:
            field = opts.get_field(part)
        except FieldDoesNotExist:
            return None, None
        if field.is_relation and field.related_model is not None:
            opts = field.related_model._meta
    return field, field.model if field is not None else None


def is_search_key(model, path):
    field, _ = _final_field(model, path)
    return isinstance(field, SearchKeyField)


def sorting_field(model, path):
    """The column that orders `path` in Lao order: its sort key if any."""
    field, owner = _final_field(model, path)
    if field is None or owner is None:
        return path
    for candidate in owner._meta.concrete_fields:
        if (
            isinstance(candidate, LaoSortKeyField)
            and candidate.sources[0] == field.name
        ):
            prefix = path.rpartition(LOOKUP_SEP)[0]
            return f"{prefix}{LOOKUP_SEP}{candidate.name}" if prefix else candidate.name
    return path


def lao_ordering(model, ordering):
    """`ordering` with each name field replaced by its Lao sort key."""
    result = []
    for item in ordering or ():
        if not isinstance(item, str) or item == "?":
            result.append(item)
            continue
        sign = "-" if item.startswith("-") else ""
        result.append(sign + sorting_field(model, item.lstrip("-")))
    return result
