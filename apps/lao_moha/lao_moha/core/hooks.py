"""Named extension points of the generated surfaces.

Apps above core (custom fields, access control …) add to the desk, REST,
import/export and audit-trail surfaces by registering a function under one
of the names below; core calls them and never imports those apps. Each
hook is called at request time, not when the surface is built, so what a
hook adds may change while the site runs.

Hook names and what their functions receive and return:

``desk_form``          (form_class, doctype, request, obj) -> form_class
``desk_fieldsets``     (fieldsets, doctype, request, obj) -> fieldsets
``desk_list_display``  (list_display, doctype, request) -> list_display
``desk_list_filter``   (list_filter, doctype, request) -> list_filter
``desk_attribute``     (name, doctype) -> callable(obj) or None, for
                       names the desk shows read-only (e.g. "cf_colour")
``api_serializer_fields`` (fields: dict, doctype) -> dict of extra
                       declared serializer fields, built once per DocType
``api_filters``        (filters: dict, doctype, request) -> dict of extra
                       django-filter filters for one request
``resource_fields``    (fields: dict, doctype) -> dict of extra
                       import/export fields for one resource instance
``resource_validate``  (errors: dict, instance, doctype) -> errors, once
                       an imported row's columns are read
``desk_navigation``    (groups: list, request) -> groups of the sidebar
``expand_change``      (changes: list, model, field_name, old, new) ->
                       list of (label, old, new) describing one audit
                       change readably
"""

import logging

logger = logging.getLogger(__name__)

_hooks = {}


def register(name, func=None):
    """Register `func` under `name`; usable as a decorator."""
    if func is None:
        return lambda f: register(name, f)
    functions = _hooks.setdefault(name, [])
    if func not in functions:
        functions.append(func)
    return func


def unregister(name, func):
    if func in _hooks.get(name, []):
        _hooks[name].remove(func)


def apply(name, value, *args):
    """Pass `value` through every function of `name`, in order."""
    for func in _hooks.get(name, ()):
        value = func(value, *args)
    return value


def first(name, *args):
    """The first non-None answer of the functions under `name`."""
    for func in _hooks.get(name, ()):
        answer = func(*args)
        if answer is not None:
            return answer
    return None
