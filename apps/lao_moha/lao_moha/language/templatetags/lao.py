"""Template filters for Lao printouts: {% load lao %}.

{{ decision.date|lao_date }}             -> 04/12/2026
{{ decision.date|lao_date|lao_digits }}  -> ໐໔/໑໒/໒໐໒໖
{{ 1234567|lao_number }}                 -> 1,234,567
{{ 1234567|lao_number|lao_digits }}      -> ໑,໒໓໔,໕໖໗
{{ province|localized_name }}            -> name in the reader's language
"""

import datetime
from decimal import Decimal, InvalidOperation

from django import template
from django.utils import numberformat

from lao_moha.core.text import localized_name as _localized_name
from lao_moha.core.text import to_lao_digits

register = template.Library()


@register.filter
def lao_digits(value):
    """Latin digits 0-9 written as Lao digits ໐-໙; other text unchanged."""
    if value is None:
        return ""
    return to_lao_digits(value)


@register.filter
def lao_date(value):
    """A date as dd/mm/yyyy whatever the interface language."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else value


@register.filter
def lao_number(value, decimals=None):
    """A number grouped by thousands with "," and "." for decimals (Lao)."""
    if value in (None, ""):
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return value
    return numberformat.format(
        number,
        ".",
        decimal_pos=None if decimals in (None, "") else int(decimals),
        grouping=3,
        thousand_sep=",",
        force_grouping=True,
    )


@register.filter
def localized_name(record, field="name"):
    """The record's name in the reader's language, Lao when not translated."""
    if record is None:
        return ""
    return _localized_name(record, field)
