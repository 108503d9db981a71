"""Posting a desk form back as a browser would, whatever fields it has."""

import datetime

from django.db.models import Model


def _post_value(value):
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _add_form(data, form):
    for name in form.fields:
        value = form[name].value()
        key = form.add_prefix(name)
        if value is None or (hasattr(value, "field") and hasattr(value, "storage")):
            continue  # a file field: nothing to send back
        if isinstance(value, bool):
            if value:
                data[key] = "on"
        elif isinstance(value, list | tuple):
            data[key] = [_post_value(v) for v in value]
        else:
            data[key] = _post_value(value)


def change_form_data(page, **changes):
    """The POST data of the desk page `page` (a change or add view response)
    with its current values, inline rows included, and `changes` applied."""
    data = {}
    _add_form(data, page.context["adminform"].form)
    for inline in page.context.get("inline_admin_formsets", ()):
        formset = inline.formset
        _add_form(data, formset.management_form)
        for form in formset.forms:
            _add_form(data, form)
    data.update(changes)
    return data
