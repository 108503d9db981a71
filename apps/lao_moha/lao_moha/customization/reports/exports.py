"""A report's result as an XLSX, CSV or PDF file."""

import csv
import io
import logging

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .engine import describe
from .svg import chart_svg

logger = logging.getLogger(__name__)

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "pdf": "application/pdf",
}


def safe_cell(value):
    """Text a spreadsheet would run as a formula is written as text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def filename(title, extension):
    stem = slugify(title) or "report"
    return f"{stem}-{timezone.localdate().isoformat()}.{extension}"


def to_csv(result):
    buffer = io.StringIO()
    # The byte-order mark makes spreadsheet programs read Lao as UTF-8.
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(result.headers)
    for row in result.rows:
        writer.writerow([safe_cell(str(cell)) for cell in row])
    return buffer.getvalue().encode("utf-8")


def to_xlsx(result, title):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = (title or _("Report"))[:31]
    sheet.append([str(h) for h in result.headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    numeric = len(result.spec.group_by) if result.spec.grouped else None
    for row, values in zip(result.rows, result.values, strict=True):
        cells = []
        for index, (shown, raw) in enumerate(zip(row, values, strict=True)):
            # Summaries stay numbers so the sheet can compute with them.
            if (
                numeric is not None
                and index >= numeric
                and isinstance(raw, int | float)
            ):
                cells.append(raw)
            else:
                cells.append(safe_cell(str(shown)))
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_pdf(result, title, user=None):
    from lao_moha.core.pdf import render_pdf

    return render_pdf(
        "customization/report_pdf.html",
        {
            "title": title,
            "result": result,
            "filters": describe(result.spec),
            "chart_svg": chart_svg(result.chart) if result.chart else "",
            "generated_at": timezone.localtime(),
            "user": user,
        },
    )


def render(result, export_format, title, user=None):
    """(bytes, content type, file name) of the result in `export_format`."""
    if export_format == "csv":
        content = to_csv(result)
    elif export_format == "xlsx":
        content = to_xlsx(result, title)
    elif export_format == "pdf":
        content = to_pdf(result, title, user)
    else:
        raise ValueError(f"Unknown export format {export_format!r}")
    logger.info("Report exported as %s: %d rows", export_format, len(result.rows))
    return content, CONTENT_TYPES[export_format], filename(title, export_format)
