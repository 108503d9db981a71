"""Import/export resources generated from DocType declarations, and the
writing of any table to CSV or XLSX.

Every exported cell goes through `neutralize`: a value a spreadsheet would
run as a formula (starting with =, +, -, @, tab or carriage return) is
written as text, so an exported list can never carry a formula into the
desktop of the person who opens it.
"""

import csv
import datetime
import decimal
import io
import re

from django.http import HttpResponse
from django.utils.encoding import force_str
from import_export import fields, resources, widgets

from .hook_mixins import ResourceHooksMixin

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")
EXPORT_FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def neutralize(value):
    """A cell value safe to open in a spreadsheet."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        if PLAIN_NUMBER.match(value):
            return value
        return "'" + value
    return value


class SafeExportMixin:
    """Neutralises cell values a spreadsheet would run as a formula."""

    FORMULA_PREFIXES = FORMULA_PREFIXES

    def export_field(self, field, instance, **kwargs):
        return neutralize(super().export_field(field, instance, **kwargs))


class DocTypeResource(ResourceHooksMixin, SafeExportMixin, resources.ModelResource):
    pass


def build_resource(doctype):
    model = doctype.model
    names = doctype.field_names()
    attrs = {}
    for name, lookup in doctype.import_lookups.items():
        related = model._meta.get_field(name).related_model
        attrs[name] = fields.Field(
            attribute=name,
            column_name=name,
            widget=widgets.ForeignKeyWidget(related, field=lookup),
        )
    meta_fields = ["id", *names] if "id" in doctype.import_id_fields else names
    attrs["Meta"] = type(
        "Meta",
        (),
        {
            "model": model,
            "fields": meta_fields,
            "import_id_fields": list(doctype.import_id_fields),
            "skip_unchanged": True,
            "report_skipped": True,
            "use_transactions": True,
            "clean_model_instances": True,
        },
    )
    return type(f"{model.__name__}Resource", (DocTypeResource,), attrs)


# -- writing tables -----------------------------------------------------------


def cell(value):
    """A Python value as a spreadsheet cell: dates and numbers stay typed."""
    if value is None:
        return ""
    if isinstance(value, (bool, int, float, decimal.Decimal, datetime.date)):
        return value
    return neutralize(force_str(value))


def table_bytes(headers, rows, fmt, sheet_title="data"):
    """CSV (UTF-8 with BOM, so Excel reads Lao) or XLSX bytes of a table."""
    if fmt == "xlsx":
        import openpyxl

        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet(safe_sheet_title(sheet_title))
        sheet.append([neutralize(force_str(h)) for h in headers])
        for row in rows:
            sheet.append([cell(v) for v in row])
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([neutralize(force_str(h)) for h in headers])
    for row in rows:
        writer.writerow(["" if v is None else cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def safe_sheet_title(title):
    """Excel refuses []:*?/\\ in sheet names and more than 31 characters."""
    return re.sub(r"[\[\]:*?/\\]", " ", force_str(title))[:31] or "data"


def table_response(headers, rows, fmt, filename, sheet_title="data"):
    """A download of the table in `fmt` ("csv" or "xlsx")."""
    if fmt not in EXPORT_FORMATS:
        fmt = "csv"
    response = HttpResponse(table_bytes(headers, rows, fmt, sheet_title),
                            content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
