"""The blank spreadsheet offered for each importable DocType: its headings
in the user's language, a note on each, and a help sheet."""

import io

from django.db import models
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.translation import gettext as _

from ..resources import safe_sheet_title, table_bytes
from .columns import importable_fields


def is_required(doctype, name):
    if name == "id":
        return False
    field = doctype.model._meta.get_field(name)
    return (not field.blank and not field.has_default()) or name in doctype.import_id_fields


def heading(doctype, name):
    """The heading of a column in the active language.

    Lao sites get the Lao heading their DocType declares, so the template
    reads like the provincial files it replaces.
    """
    if name == "id":
        return "id"
    if translation.get_language() == "lo":
        for alias in doctype.import_aliases.get(name, ()):
            if not alias.isascii():
                return alias
    return force_str(doctype.model._meta.get_field(name).verbose_name)


def describe(doctype, name):
    """What a column takes, in a sentence."""
    if name == "id":
        return _("Record number; leave empty for new records.")
    field = doctype.model._meta.get_field(name)
    if name in doctype.import_lookups:
        lookup = doctype.import_lookups[name]
        related = field.related_model._meta
        text = _("The {field} of a {model}.").format(
            field=related.get_field(lookup).verbose_name, model=related.verbose_name)
    elif field.choices:
        text = _("One of: {values}.").format(
            values=", ".join(force_str(label) for _v, label in field.flatchoices))
    elif isinstance(field, models.DateField):
        text = _("A date, day/month/year (14/03/1985).")
    elif isinstance(field, models.BooleanField):
        text = _("Yes or no.")
    elif isinstance(field, models.IntegerField):
        text = _("A whole number.")
    else:
        text = _("Text.")
    if is_required(doctype, name):
        text += " " + _("Required.")
    return text


def hook_columns(doctype):
    """(heading, description) of the columns other apps add through
    core.hooks (custom fields), described by the column itself."""
    from .. import hooks

    return [
        (getattr(field, "heading", lambda: name)(),
         getattr(field, "description", lambda: "")())
        for name, field in hooks.apply("resource_fields", {}, doctype).items()
    ]


def template_bytes(doctype, fmt):
    names = importable_fields(doctype)
    extra = hook_columns(doctype)
    headings = [heading(doctype, n) + (" *" if is_required(doctype, n) else "")
                for n in names] + [text for text, _description in extra]
    title = force_str(doctype.model._meta.verbose_name_plural)
    if fmt != "xlsx":
        return table_bytes(headings, [], "csv")
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = safe_sheet_title(title)
    sheet.append(headings)
    for index, (_text, description) in enumerate(extra, start=len(names) + 1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.cell(row=1, column=index).comment = Comment(description, "lao_moha")
    for index, name in enumerate(names, start=1):
        header_cell = sheet.cell(row=1, column=index)
        header_cell.font = Font(bold=True)
        header_cell.comment = Comment(describe(doctype, name), "lao_moha")
        sheet.column_dimensions[header_cell.column_letter].width = max(
            14, len(headings[index - 1]) + 4)
        field = None if name == "id" else doctype.model._meta.get_field(name)
        if isinstance(field, models.DateField):
            # Text cells: a typed date stays as typed (day first) instead of
            # being turned by the spreadsheet's own locale.
            for row in range(2, 1002):
                sheet.cell(row=row, column=index).number_format = "@"
    help_sheet = book.create_sheet(_("Help"))
    help_sheet.append([_("Column"), _("What to write")])
    for name in names:
        help_sheet.append([heading(doctype, name), describe(doctype, name)])
    for text, description in extra:
        help_sheet.append([text, description])
    help_sheet.append([])
    help_sheet.append([_("Title rows above the headings, totals below the list and "
                         "empty rows are skipped. Columns may be in any order.")])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
