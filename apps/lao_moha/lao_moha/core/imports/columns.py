"""Finding the header row of a sheet and matching its columns to fields.

Headings are matched by name, so columns may come in any order. A field
answers to its name, its verbose name in every site language, and the
aliases its DocType declares (Lao headings used in provincial files).
"""

import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from django.utils.translation import gettext as _

# Row-number columns ("ລ/ດ" is ລຳດັບ, "order") and remarks carry no data.
IGNORED_HEADINGS = {"ລດ", "ລຳດັບ", "ລຳດັບທີ", "no", "nº", "#", "stt", "seq", "order",
                    "ໝາຍເຫດ", "remarks", "note", "notes"}
HEADER_SEARCH_ROWS = 30


def heading_key(text) -> str:
    """A comparison key for a heading: NFC, case and punctuation folded."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", str(text)).strip().casefold()
    return re.sub(r"[\s.:*_\-/()\[\]'’\"]+", "", text)


def column_letter(index: int) -> str:
    """0 -> "A", 27 -> "AB"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Column:
    index: int
    heading: str
    field: str

    @property
    def letter(self):
        return column_letter(self.index)


def importable_fields(doctype):
    names = doctype.field_names()
    if "id" in doctype.import_id_fields:
        names = ["id", *names]
    return names


def field_label(doctype, name):
    try:
        return str(doctype.model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        # "id", or a column added by a hook (a custom field's "cf_…").
        return name


def aliases(doctype) -> dict:
    """{heading key: field name} for every importable field."""
    model = doctype.model
    table = {}
    languages = [code for code, _name in settings.LANGUAGES]
    for name in importable_fields(doctype):
        keys = {name, name.replace("_", " ")}
        if name != "id":
            field = model._meta.get_field(name)
            for code in languages:
                with translation.override(code):
                    label = str(field.verbose_name)
                keys.add(label)
                if field.is_relation:
                    keys.add(f"{label} code")
                    keys.add(f"{name} code")
        keys.update(doctype.import_aliases.get(name, ()))
        for key in keys:
            table.setdefault(heading_key(key), name)
    return table


def find_header(rows, table):
    """(position in `rows` of the header row, its cells), or (None, None).

    Provincial files carry title rows above the header; the header is the
    first row among the top ones with the most cells naming a field.
    """
    best, best_score = None, 0
    for position, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = sum(1 for cell in cells if heading_key(cell) in table)
        if score > best_score:
            best, best_score = position, score
    if best is None or best_score < min(2, len(table)):
        return None, None
    return best, rows[best][1]


def map_columns(cells, table, doctype):
    """([Column], [error messages]) for the cells of the header row."""
    columns, errors, seen = [], [], {}
    for index, cell in enumerate(cells):
        key = heading_key(cell)
        name = table.get(key)
        if not key or (name is None and key in IGNORED_HEADINGS):
            continue
        letter = column_letter(index)
        if name is None:
            errors.append(_(
                "Column {letter}: the heading “{heading}” is not a field of {doctype}. "
                "Rename it to a heading of the template or remove the column."
            ).format(letter=letter, heading=str(cell).strip(),
                     doctype=doctype.model._meta.verbose_name_plural))
            continue
        if name in seen:
            errors.append(_(
                "Columns {first} and {second} are both “{field}”; keep one."
            ).format(first=seen[name].letter, second=letter,
                     field=field_label(doctype, name)))
            continue
        seen[name] = Column(index, str(cell).strip(), name)
        columns.append(seen[name])
    return columns, errors
