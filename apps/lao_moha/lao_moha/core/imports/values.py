"""Turning a spreadsheet cell into a field value, the way people type them.

Dates come as real date cells or as text in several orders (day first);
numbers may be written in Lao digits or as Roman numerals (grades); choices
may be given by code, by label in any site language or by a declared
alias (ຊາຍ / ຍິງ for gender).
"""

import datetime
import decimal
import re
import unicodedata

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _

from .columns import heading_key

LAO_DIGITS = str.maketrans("໐໑໒໓໔໕໖໗໘໙", "0123456789")
# Day first: Lao (and Vietnamese) practice. Month-first is tried last, and
# only succeeds where a day-first reading is impossible (13/… and above).
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%Y/%m/%d",
                "%d/%m/%y", "%d-%m-%y", "%d.%m.%y", "%d %m %Y", "%m/%d/%Y")
EXCEL_EPOCH = datetime.date(1899, 12, 30)
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8,
         "IX": 9, "X": 10, "XI": 11, "XII": 12, "XIII": 13, "XIV": 14, "XV": 15}
TRUE_WORDS = {"1", "true", "yes", "y", "x", "✓", "ແມ່ນ", "ມີ", "có", "đúng"}
FALSE_WORDS = {"0", "false", "no", "n", "ບໍ່", "ບໍ່ແມ່ນ", "ບໍ່ມີ", "không"}
# Titles written before a person's name: ທ່ານນາງ (Madam), ທ່ານ (formal),
# ທ້າວ (Mr), ນາງ (Ms), and their Latin counterparts.
HONORIFICS = ("ທ່ານນາງ", "ທ່ານ", "ທ້າວ", "ນາງ", "mr.", "mrs.", "ms.", "miss ", "mr ", "mrs ",
              "ms ")
HONORIFIC_GENDER = {"ທ້າວ": "M", "ນາງ": "F", "ທ່ານນາງ": "F", "mr.": "M", "mr ": "M",
                    "mrs.": "F", "mrs ": "F", "ms.": "F", "ms ": "F", "miss ": "F"}


class CellError(ValueError):
    """A cell that cannot become a value of its field."""


def is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def as_text(value) -> str:
    """A cell as text: whole numbers lose their ".0", Unicode is NFC."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return unicodedata.normalize("NFC", str(value)).strip()


def strip_honorific(text: str):
    """(name without its leading title, gender the title implies or None)."""
    lowered = text.casefold()
    for title in HONORIFICS:
        if lowered.startswith(title) and len(text) > len(title):
            rest = text[len(title):].strip()
            if rest:
                return rest, HONORIFIC_GENDER.get(title)
    return text, None


def parse_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # A date cell that lost its format shows Excel's day count.
        if 1 <= value < 80000:
            return EXCEL_EPOCH + datetime.timedelta(days=int(value))
        raise CellError(bad_date(value))
    text = as_text(value).translate(LAO_DIGITS)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*([/.\-])\s*", r"\1", text)
    # "1985-03-14 00:00:00" from a text export of a date cell.
    text = re.sub(r"[ T]00:00(:00)?$", "", text)
    for fmt in DATE_FORMATS:
        try:
            day = datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if day.year < 1900:
            break
        return day
    raise CellError(bad_date(value))


def bad_date(value):
    return _("“{value}” is not a date; write day/month/year, for example 14/03/1985.").format(
        value=value)


def parse_int(value) -> int:
    if isinstance(value, bool):
        raise CellError(_("“{value}” is not a whole number.").format(value=value))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellError(_("“{value}” is not a whole number.").format(value=value))
    text = as_text(value).translate(LAO_DIGITS).replace(" ", "").replace(",", "")
    if text.upper() in ROMAN:
        return ROMAN[text.upper()]
    if re.fullmatch(r"[+-]?\d+(\.0+)?", text):
        return int(float(text))
    raise CellError(_("“{value}” is not a whole number.").format(value=value))


def parse_decimal(value):
    text = as_text(value).translate(LAO_DIGITS).replace(" ", "").replace(",", "")
    try:
        return decimal.Decimal(text)
    except decimal.InvalidOperation as error:
        raise CellError(_("“{value}” is not a number.").format(value=value)) from error


def parse_bool(value) -> bool:
    if isinstance(value, bool):
        return value
    key = heading_key(value)
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    raise CellError(_("“{value}” is not yes or no.").format(value=value))


def choice_table(field, extra=None):
    """{folded text: stored value} for a field with choices."""
    table = {}
    languages = [code for code, _name in settings.LANGUAGES]
    for value, label in field.flatchoices:
        table[heading_key(value)] = value
        for code in languages:
            with translation.override(code):
                table.setdefault(heading_key(str(label)), value)
    for text, value in (extra or {}).items():
        table[heading_key(text)] = value
    return table


def choice_parser(field, extra=None):
    table = choice_table(field, extra)
    labels = ", ".join(str(label) for _value, label in field.flatchoices)

    def parse(value):
        key = heading_key(as_text(value).translate(LAO_DIGITS))
        if key in table:
            return table[key]
        raise CellError(_("“{value}” is not one of: {labels}.").format(
            value=value, labels=labels))

    return parse


def text_parser(field, person_name=False):
    def parse(value):
        text = as_text(value)
        if person_name:
            text, _gender = strip_honorific(text)
        text = re.sub(r"\s+", " ", text)
        if field.max_length and len(text) > field.max_length:
            raise CellError(_("The text is {length} characters long; at most {max} fit.")
                            .format(length=len(text), max=field.max_length))
        return text

    return parse


def parser_for(doctype, name):
    """A function cell -> value for the field `name` of the DocType."""
    if name == "id":
        return parse_int
    field = doctype.model._meta.get_field(name)
    if field.choices:
        return choice_parser(field, doctype.import_value_aliases.get(name))
    if isinstance(field, models.DateTimeField):
        raise CellError("date-times are not imported")
    if isinstance(field, models.DateField):
        return parse_date
    if isinstance(field, models.BooleanField):
        return parse_bool
    if isinstance(field, (models.IntegerField, models.AutoField)):
        return parse_int
    if isinstance(field, (models.DecimalField, models.FloatField)):
        return parse_decimal
    if isinstance(field, (models.CharField, models.TextField)):
        return text_parser(field, person_name=name in doctype.person_name_fields)
    return as_text
