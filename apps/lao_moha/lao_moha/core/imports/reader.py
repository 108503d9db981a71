"""Reading an uploaded spreadsheet into rows of cells, refusing what is not
a sound XLSX or UTF-8 CSV file.

Rows keep their number in the file (1-based, as the spreadsheet shows it)
so every later message can say where the problem is.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Unpacked size of an XLSX file; a small file that unpacks to gigabytes is
# a "zip bomb", not a staff list.
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_ROWS = 200_000
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls format


class FileRefused(Exception):
    """The file cannot be read at all; the message says why in plain words."""


@dataclass
class Sheet:
    name: str
    #: [(row number in the file, [cell values])]
    rows: list = field(default_factory=list)


def max_bytes():
    return getattr(settings, "IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def megabytes(size):
    return round(size / 1048576, 1)


def read_file(fileobj, name: str, size: int | None = None) -> list[Sheet]:
    """The sheets of an XLSX workbook, or the one sheet of a CSV file."""
    limit = max_bytes()
    if size is not None and size > limit:
        raise FileRefused(_(
            "“{name}” is {size} MB; files up to {limit} MB are accepted. Split it "
            "into several files."
        ).format(name=name, size=megabytes(size), limit=megabytes(limit)))
    # Read one byte past the limit: enough to know it is too large without
    # holding a huge upload in memory.
    data = fileobj.read(limit + 1)
    if len(data) > limit:
        raise FileRefused(_(
            "“{name}” is larger than {limit} MB; split it into several files."
        ).format(name=name, limit=megabytes(limit)))
    if not data.strip():
        raise FileRefused(_("“{name}” is empty.").format(name=name))
    lower = name.lower()
    if data.startswith(OLE_MAGIC) or lower.endswith(".xls"):
        raise FileRefused(_(
            "“{name}” is an old Excel file (.xls). Open it and save it as "
            "“Excel Workbook (.xlsx)” or “CSV UTF-8”, then upload that."
        ).format(name=name))
    if data.startswith(XLSX_MAGIC):
        return read_xlsx(data, name)
    if lower.endswith((".xlsx", ".xlsm")):
        raise FileRefused(_("“{name}” is not a real Excel workbook.").format(name=name))
    return [read_csv(data, name)]


def read_csv(data: bytes, name: str) -> Sheet:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileRefused(_(
            "“{name}” is UTF-16 text (“Unicode text” in Excel). Save it as "
            "“CSV UTF-8” and upload it again."
        ).format(name=name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileRefused(_(
            "“{name}” is not UTF-8 text (unreadable byte on line {line}). Lao "
            "saved in an old encoding is lost this way: save the file as "
            "“CSV UTF-8” in Excel or LibreOffice and upload it again."
        ).format(name=name, line=line)) from error
    if "\x00" in text:
        raise FileRefused(_("“{name}” is not a text file.").format(name=name))
    sample = text[:16384]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    sheet = Sheet(name=name)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        for number, cells in enumerate(reader, start=1):
            if number > MAX_ROWS:
                raise FileRefused(too_many_rows(name))
            sheet.rows.append((number, cells))
    except csv.Error as error:
        raise FileRefused(_(
            "“{name}” is not a well-formed CSV file (line {line}): {problem}."
        ).format(name=name, line=reader.line_num, problem=error)) from error
    return sheet


def too_many_rows(name):
    return _("“{name}” has more than {count} rows; split it into several files.").format(
        name=name, count=MAX_ROWS)


def read_xlsx(data: bytes, name: str) -> list[Sheet]:
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise FileRefused(
            _("“{name}” is not a real Excel workbook.").format(name=name)
        ) from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileRefused(_(
            "“{name}” unpacks to {size} MB, too large to be a staff list."
        ).format(name=name, size=megabytes(unpacked)))
    try:
        # Formulas are read as written (data_only=False) so that a cell
        # holding one is reported instead of silently taking a stale value.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds
        raise FileRefused(_(
            "“{name}” could not be opened as an Excel workbook. Open it in Excel "
            "or LibreOffice and save it again as .xlsx."
        ).format(name=name)) from error
    sheets = []
    try:
        for worksheet in book.worksheets:
            sheet = Sheet(name=worksheet.title)
            for number, cells in enumerate(worksheet.iter_rows(values_only=True), start=1):
                if number > MAX_ROWS:
                    raise FileRefused(too_many_rows(name))
                sheet.rows.append((number, list(cells)))
            sheets.append(sheet)
    finally:
        book.close()
    return sheets
