"""The import pipeline: real provincial files are read, hostile ones are
refused, and a file with any problem changes nothing."""

import datetime
import io

import openpyxl
import pytest

from lao_moha.core import registry
from lao_moha.core.imports.pipeline import Importer
from lao_moha.core.imports.reader import FileRefused, read_file
from lao_moha.core.imports.values import parse_date
from lao_moha.personnel.models import Evaluation, Official, Transfer
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
HEADER = ["ລ/ດ", "ລະຫັດລັດຖະກອນ", "ຊື່ ແລະ ນາມສະກຸນ", "name (Latin transliteration)",
          "ເພດ", "ວັນເດືອນປີເກີດ", "ລະຫັດຫົວໜ່ວຍ", "ປະເພດ", "ຊັ້ນ", "ຂັ້ນ", "ວັນເຂົ້າລັດ"]


def person(n, unit="T-DHA-1301", **overrides):
    row = {"ລ/ດ": n, "ລະຫັດລັດຖະກອນ": f"IMP{n:04d}", "ຊື່ ແລະ ນາມສະກຸນ": "ທ້າວ ສົມພອນ ພົມມະຈັນ",
           "name (Latin transliteration)": "Somphone PHOMMACHANH", "ເພດ": "ຊາຍ",
           "ວັນເດືອນປີເກີດ": "14/03/1985", "ລະຫັດຫົວໜ່ວຍ": unit, "ປະເພດ": "CS", "ຊັ້ນ": "III",
           "ຂັ້ນ": 4, "ວັນເຂົ້າລັດ": "01/09/2008"}
    row.update(overrides)
    return [row.get(h) for h in HEADER]


def csv_bytes(rows, header=HEADER, bom=True, titles=()):
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for title in titles:
        writer.writerow([title])
    writer.writerow(header)
    writer.writerows(rows)
    text = buffer.getvalue()
    return (("\ufeff" if bom else "") + text).encode("utf-8")


def xlsx_bytes(sheets):
    """sheets: {name: [rows]} (first sheet replaces the default one)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run(data, user, name="officials.csv", commit=True, doctype=Official):
    sheets = read_file(io.BytesIO(data), name, len(data))
    importer = Importer(sheets, registry.get(doctype), user)
    return importer.commit() if commit else importer.check()


def problems(report):
    return [(p.row, p.column, p.field, p.message) for p in report.problems]


@pytest.fixture
def hr(ministry, make_user):
    """An HR clerk of the Savannakhet department (and its districts)."""
    return make_user("hr13", units=[ministry["p13"]], perms=[
        "personnel.add_official", "personnel.change_official", "personnel.view_official",
        "personnel.add_evaluation", "personnel.change_evaluation",
        "personnel.add_transfer", "personnel.change_transfer"])


# -- reading real files -------------------------------------------------------


@pytest.mark.smoke
def test_a_provincial_csv_with_titles_totals_and_honorifics(hr):
    data = csv_bytes(
        [person(1), person(2, **{"ຊື່ ແລະ ນາມສະກຸນ": "ນາງ ມາລີ ສີລາວົງ", "ເພດ": "ຍິງ",
                                 "ວັນເດືອນປີເກີດ": "1990-02-28"}),
         [""] * len(HEADER),
         ["", "ລວມ", "2 ຄົນ"]],
        titles=["ບັນຊີລາຍຊື່ລັດຖະກອນ ພະແນກພາຍໃນ ແຂວງສະຫວັນນະເຂດ", "ປະຈຳປີ 2025"])
    report = run(data, hr)
    assert report.ok, problems(report)
    assert report.committed
    somphone = Official.objects.get(civil_service_no="IMP0001")
    assert (somphone.name_lo, somphone.gender, somphone.grade, somphone.step) == (
        "ສົມພອນ ພົມມະຈັນ", "M", 3, 4)
    assert somphone.date_of_birth == D(1985, 3, 14)
    maly = Official.objects.get(civil_service_no="IMP0002")
    assert (maly.name_lo, maly.gender, maly.date_of_birth) == ("ມາລີ ສີລາວົງ", "F", D(1990, 2, 28))
    notes = report.sheets[0].notes
    assert notes[0] == "Rows 1 to 2 above the headings were skipped as titles."
    assert notes[1] == "Row 7 was skipped as a total, heading or signature."


def test_csv_without_bom_and_with_semicolons(hr):
    text = csv_bytes([person(1)], bom=False).decode().replace(",", ";")
    report = run(text.encode(), hr)
    assert report.committed, problems(report)


def test_shuffled_columns_and_english_headings(hr):
    header = ["unit", "civil-service number", "date of entry into service", "grade", "step",
              "gender", "date of birth", "name (Lao script)", "category",
              "name (Latin transliteration)"]
    row = ["T-PHA-13", "ENG0001", "2010-01-04", 2, 1, "F", "31.12.1988", "ວັນນີ ໄຊຍະວົງ",
           "CS", "Vanny XAYAVONG"]
    report = run(csv_bytes([row], header=header), hr)
    assert report.committed, problems(report)
    vanny = Official.objects.get(civil_service_no="ENG0001")
    assert (vanny.entry_date, vanny.date_of_birth, vanny.gender) == (
        D(2010, 1, 4), D(1988, 12, 31), "F")


def test_xlsx_with_real_date_cells_beside_text_dates(hr):
    rows = [["ບັນຊີລາຍຊື່"], HEADER,
            person(1, **{"ວັນເດືອນປີເກີດ": datetime.datetime(1985, 3, 14)}),
            person(2, **{"ວັນເດືອນປີເກີດ": "5/7/1979", "ວັນເຂົ້າລັດ": 39692}),
            ["", "ລວມ", "=COUNTA(B3:B4)"]]
    report = run(xlsx_bytes({"Sheet1": rows}), hr, name="officials.xlsx")
    assert report.committed, problems(report)
    second = Official.objects.get(civil_service_no="IMP0002")
    assert second.date_of_birth == D(1979, 7, 5)
    assert second.entry_date == D(2008, 9, 1)  # Excel day number 39692


@pytest.mark.parametrize("text,expected", [
    ("14/03/1985", D(1985, 3, 14)), ("14-03-1985", D(1985, 3, 14)),
    ("14.03.1985", D(1985, 3, 14)), ("1985-03-14", D(1985, 3, 14)),
    ("4/3/1985", D(1985, 3, 4)), ("14 / 03 / 1985", D(1985, 3, 14)),
    ("໑໔/໐໓/໑໙໘໕", D(1985, 3, 14)), ("03/14/1985", D(1985, 3, 14)),
    ("1985-03-14 00:00:00", D(1985, 3, 14)),
])
def test_date_formats(text, expected):
    assert parse_date(text) == expected


# -- all or nothing, by row and field -----------------------------------------


def test_one_bad_row_imports_nothing_and_names_the_row(hr):
    rows = [person(1), person(2), person(3, **{"ວັນເດືອນປີເກີດ": "31/02/1990"}), person(4)]
    report = run(csv_bytes(rows), hr)
    assert not report.committed
    assert problems(report) == [(4, "F", "date of birth",
                                 "“31/02/1990” is not a date; write day/month/year, for "
                                 "example 14/03/1985.")]
    assert not Official.objects.filter(civil_service_no__startswith="IMP").exists()


def test_every_kind_of_row_problem_is_listed(hr, ministry):
    factories.official(ministry["d0101"], civil_service_no="OTHER01")
    rows = [
        person(1, **{"ລະຫັດຫົວໜ່ວຍ": "NO-SUCH-UNIT"}),
        person(2, **{"ຊັ້ນ": 9}),
        person(3, **{"ຂັ້ນ": 16}),
        person(4, **{"ເພດ": "?"}),
        person(5, **{"ວັນເດືອນປີເກີດ": ""}),
        person(6),
        person(7, **{"ລະຫັດລັດຖະກອນ": "IMP0006"}),
        person(8, **{"ລະຫັດລັດຖະກອນ": "OTHER01"}),
        person(9, **{"ລະຫັດຫົວໜ່ວຍ": "T-DHA-0101"}),
        person(10, **{"ຊື່ ແລະ ນາມສະກຸນ": "=HYPERLINK(\"http://x\",\"y\")"}),
    ]
    report = run(csv_bytes(rows), hr)
    found = {(p.row, p.field): p.message for p in report.problems}
    assert found[(2, "current unit")] == "There is no org unit with the code “NO-SUCH-UNIT”."
    assert found[(3, "grade")].startswith("Grade 9 is not in the salary scale")
    assert found[(4, "step")] == "Grade III has steps 1 to 15; 16 is outside it."
    assert found[(5, "gender")] == "“?” is not one of: Male, Female."
    assert found[(6, "date of birth")] == "This field is required for a new record."
    assert found[(8, "civil-service number")] == \
        "This row repeats row 7 (same civil-service number)."
    assert found[(9, "civil-service number")] == (
        "This record already exists in a unit outside your units; it cannot be imported "
        "from here.")
    assert found[(10, "current unit")] == \
        "“T-DHA-0101” is outside your units: you may not import records for it."
    assert found[(11, "name (Lao script)")].startswith("The cell holds a formula")
    assert len(report.problems) == 9
    assert not Official.objects.filter(civil_service_no__startswith="IMP").exists()


def test_unknown_and_duplicate_headings(hr):
    header = [*HEADER, "ເງິນເດືອນ", "ເພດ"]
    report = run(csv_bytes([person(1) + ["1000000", "ຊາຍ"]], header=header), hr)
    messages = [p.message for p in report.problems]
    assert messages == [
        "Column L: the heading “ເງິນເດືອນ” is not a field of officials. Rename it to a "
        "heading of the template or remove the column.",
        "Columns E and M are both “gender”; keep one.",
    ]
    assert all(p.row == 1 for p in report.problems)


def test_missing_key_column(hr):
    header = [h for h in HEADER if h != "ລະຫັດລັດຖະກອນ"]
    rows = [[v for h, v in zip(HEADER, person(1), strict=True) if h != "ລະຫັດລັດຖະກອນ"]]
    report = run(csv_bytes(rows, header=header), hr)
    assert [p.message for p in report.problems] == [
        "The column “civil-service number” is missing: it is needed to match each row "
        "to its record."]


def test_missing_required_column_for_new_rows(hr):
    header = [h for h in HEADER if h != "ວັນເຂົ້າລັດ"]
    rows = [person(1)[:-1]]
    report = run(csv_bytes(rows, header=header), hr)
    assert problems(report) == [(2, "", "date of entry into service",
                                 "This field is required for a new record.")]


def test_no_heading_row(hr):
    report = run(b"a,b,c\n1,2,3\n", hr)
    assert report.problems[0].message.startswith("No heading row was found")


def test_national_id_taken_in_the_database(hr, ministry):
    factories.official(ministry["p13"], national_id="123456789012")
    header = [*HEADER, "national ID number"]
    report = run(csv_bytes([person(1) + ["123456789012"]], header=header), hr)
    assert problems(report) == [(2, "L", "national ID number",
                                 "Another record already has this value.")]


# -- re-import updates --------------------------------------------------------


def test_reimport_updates_by_civil_service_number(hr):
    data = csv_bytes([person(1), person(2)])
    assert run(data, hr).committed
    report = run(data, hr)
    assert (report.total("new"), report.total("update"), report.total("unchanged")) == (0, 0, 2)
    changed = csv_bytes([person(1, **{"ຂັ້ນ": 5}), person(2)])
    report = run(changed, hr)
    assert (report.total("new"), report.total("update"), report.total("unchanged")) == (0, 1, 1)
    assert Official.objects.filter(civil_service_no__startswith="IMP").count() == 2
    official = Official.objects.get(civil_service_no="IMP0001")
    assert official.step == 5
    assert official.version == 2


def test_partial_file_updates_only_its_columns(hr):
    assert run(csv_bytes([person(1)]), hr).committed
    report = run(csv_bytes([["IMP0001", "020 5555 1234"]], header=["ລະຫັດລັດຖະກອນ", "ເບີໂທ"]), hr)
    assert report.committed, problems(report)
    official = Official.objects.get(civil_service_no="IMP0001")
    assert (official.phone, official.grade) == ("020 5555 1234", 3)


# -- histories and workbooks --------------------------------------------------


def test_workbook_with_officials_and_their_histories(hr):
    book = xlsx_bytes({
        "officials": [HEADER, person(1), person(2)],
        "evaluations": [["ລະຫັດລັດຖະກອນ", "ປີ", "ຜົນການປະເມີນ"],
                        ["IMP0001", 2023, "GOOD"], ["IMP0001", 2024, "EXCELLENT"],
                        ["IMP0002", 2024, "COMPLETED"]],
        "transfers": [["ລະຫັດລັດຖະກອນ", "from unit", "to unit", "ວັນທີມີຜົນ"],
                      ["IMP0002", "T-PHA-13", "T-DHA-1301", "01/06/2015"]],
    })
    report = run(book, hr, name="province.xlsx")
    assert report.committed, problems(report)
    assert [s.doctype.model for s in report.sheets] == [Official, Evaluation, Transfer]
    assert Evaluation.objects.filter(official__civil_service_no="IMP0001").count() == 2
    again = run(book, hr, name="province.xlsx")
    assert again.total("new") == 0
    assert Evaluation.objects.count() == 3


def test_history_for_an_official_of_another_province(hr, ministry):
    factories.official(ministry["d0101"], civil_service_no="VTE0001")
    data = csv_bytes([["VTE0001", 2024, "GOOD"]], header=["civil service no", "year", "rating"])
    report = run(data, hr, doctype=Evaluation)
    assert problems(report) == [(2, "A", "official",
                                 "“VTE0001” is outside your units: you may not import "
                                 "records for it.")]


def test_history_in_a_bad_workbook_sheet_rolls_back_the_officials(hr):
    book = xlsx_bytes({
        "officials": [HEADER, person(1)],
        "evaluations": [["ລະຫັດລັດຖະກອນ", "ປີ", "ຜົນການປະເມີນ"], ["IMP0001", 2024, "SUPERB"]],
    })
    report = run(book, hr, name="province.xlsx")
    assert problems(report) == [(2, "C", "rating",
                                 "There is no evaluation rating with the code “SUPERB”.")]
    assert not Official.objects.filter(civil_service_no="IMP0001").exists()


# -- hostile files ------------------------------------------------------------


def test_a_50_mb_file_is_refused_before_reading(hr):
    big = io.BytesIO(b"a" * (50 * 1024 * 1024))
    with pytest.raises(FileRefused) as refusal:
        read_file(big, "huge.csv", 50 * 1024 * 1024)
    assert str(refusal.value) == ("“huge.csv” is 50.0 MB; files up to 20.0 MB are accepted. "
                                  "Split it into several files.")


def test_a_large_stream_without_size_is_refused(hr, settings):
    settings.IMPORT_MAX_BYTES = 1024
    with pytest.raises(FileRefused) as refusal:
        read_file(io.BytesIO(b"x," * 2000), "stream.csv")
    assert "larger than" in str(refusal.value)


def test_non_utf8_text_is_refused(hr):
    data = "ລະຫັດລັດຖະກອນ,ຊື່\nA1,Vientiane\n".encode() + "Café\n".encode("latin-1")
    with pytest.raises(FileRefused) as refusal:
        read_file(io.BytesIO(data), "old.csv")
    assert str(refusal.value).startswith("“old.csv” is not UTF-8 text (unreadable byte on "
                                         "line 3).")


def test_utf16_and_old_excel_are_refused():
    with pytest.raises(FileRefused, match="UTF-16"):
        read_file(io.BytesIO("a,b\n".encode("utf-16")), "u.csv")
    with pytest.raises(FileRefused, match="old Excel file"):
        read_file(io.BytesIO(b"\xd0\xcf\x11\xe0" + b"\0" * 100), "old.xls")
    with pytest.raises(FileRefused, match="not a real Excel workbook"):
        read_file(io.BytesIO(b"PK\x03\x04garbage"), "fake.xlsx")


def test_empty_rows_everywhere(hr):
    blank = [""] * len(HEADER)
    report = run(csv_bytes([blank, person(1), blank, blank, person(2), blank]), hr)
    assert report.committed, problems(report)
    assert report.total("new") == 2


def test_formula_neutralised_when_exported(admin_client, ministry):
    factories.official(ministry["p01"], name_latin="=cmd|' /C calc'!A0", phone="+856 20 1")
    response = admin_client.get("/api/personnel/officials/export/?file_format=csv")
    text = response.content.decode("utf-8-sig")
    assert "'=cmd|' /C calc'!A0" in text
    assert "'+856 20 1" in text
    book = admin_client.get("/api/personnel/officials/export/?file_format=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(book.content)).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert "'=cmd|' /C calc'!A0" in values
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)


def test_desk_export_follows_the_list_filters(admin_client, ministry):
    factories.official(ministry["p01"], civil_service_no="EXF1", gender="F",
                       name_latin="=1+1")
    factories.official(ministry["p01"], civil_service_no="EXM1", gender="M")
    response = admin_client.post("/app/personnel/official/export/?gender__exact=F",
                                 {"format": "0", "resource": "0"})
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert "EXF1" in text
    assert "EXM1" not in text
    assert "'=1+1" in text
