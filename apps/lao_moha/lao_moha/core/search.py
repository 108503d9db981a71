"""Search shared by the desk search box and the REST `?search=` parameter.

Plain search fields are matched as Django's admin does (every word of the
query in some field, case-insensitive). A field holding folded name keys
(core.fields.SearchKeyField) is matched with the folded word instead, so a
name is found whatever its spacing, tone marks or romanisation; the whole
query folded in one piece is accepted too ("Som Phone" finds "Somphone").
"""

from django.contrib.admin.utils import lookup_spawns_duplicates
from django.db.models import Q
from django.utils.text import smart_split, unescape_string_literal

from .fields import is_search_key
from .text import search_key, search_terms

PREFIX_LOOKUPS = {"^": "istartswith", "=": "iexact", "@": "search", "$": "iregex"}


def _lookup(name):
    prefix = name[:1]
    if prefix in PREFIX_LOOKUPS:
        return f"{name[1:]}__{PREFIX_LOOKUPS[prefix]}"
    if "__" in name and name.rsplit("__", 1)[1] in {
        "exact",
        "iexact",
        "icontains",
        "istartswith",
        "contains",
    }:
        return name
    return f"{name}__icontains"


def _words(query):
    words = []
    for bit in smart_split(query):
        if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
            bit = unescape_string_literal(bit)
        words.append(bit)
    return search_terms(" ".join(words)) if words else []


def search_queryset(queryset, search_fields, query):
    """Filter `queryset` by `query`: (queryset, may_have_duplicates)."""
    query = (query or "").strip()
    if not search_fields or not query:
        return queryset, False
    model = queryset.model
    keys = [f for f in search_fields if is_search_key(model, f.lstrip("^=@$"))]
    plain = [_lookup(str(f)) for f in search_fields if f not in keys]
    keys = [f.lstrip("^=@$") for f in keys]

    per_word = Q()
    for word in _words(query):
        alternatives = Q.create([(lookup, word) for lookup in plain], connector=Q.OR)
        folded = search_key(word)
        for key in keys if folded else ():
            alternatives |= Q(**{f"{key}__contains": folded})
        per_word &= alternatives
    whole = search_key(query)
    condition = per_word
    for key in keys if whole else ():
        condition |= Q(**{f"{key}__contains": whole})

    paths = plain + keys
    duplicates = any(lookup_spawns_duplicates(model._meta, path) for path in paths)
    return queryset.filter(condition), duplicates
