"""Numbers are written in ``<v>`` as Excel writes them (recalculation/excel_numbers.py): a whole number as
``1000`` (the writer wrote ``1000.0``, which openpyxl reads back as the float 1000.0 where the same file saved by
Excel gives the int 1000), 17 significant digits (``0.57999999999999996`` for 0.58, as Excel stores it), below
0.1 in Excel's exponent form (``1.2500000000000001E-2``), zero and negative zero as ``0``; every text reads back
as the same double. A sheet whose stored values are Excel's and did not change comes back byte for byte."""

from __future__ import annotations

import random
import re
import struct
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
from chart_caches_scaffold import prefixed, recalculated_chart, sheet_s
from openpyxl.chart import LineChart, Reference
from signed_packages import sign

import xl_retention
from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.excel_numbers import number_text, numbers_texts
from xl_retention.recalculation.xlsx_values import write_cached_values

SHEET = "xl/worksheets/sheet1.xml"


def _bits(number: float) -> bytes:
    return struct.pack("<d", number)


def test_texts_are_excels_and_read_back_as_the_same_double() -> None:
    cases = [
        (1000.0, "1000"),
        (-42.0, "-42"),
        (0.58, "0.57999999999999996"),
        (19.99, "19.989999999999998"),
        (123456.123, "123456.12300000001"),
        (61 / 120, "0.5083333333333333"),
        (-123456.789, "-123456.789"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1 / 3, "0.33333333333333331"),
        (1 / 80, "1.2500000000000001E-2"),
        (0.0625, "6.25E-2"),
        (-1e-5, "-1.0000000000000001E-5"),
        (1e-300, "1E-300"),
        (5e-324, "4.9406564584124654E-324"),
        (1e15 + 0.5, "1000000000000000.5"),
        (2.0**53, "9007199254740992"),
        (1e17, "1E+17"),
        (1.7976931348623157e308, "1.7976931348623157E+308"),
        (0.0, "0"),
        (-0.0, "0"),
        # formula results as Excel 16 wrote them in files of bench/excel_oracle_manifest.csv: xlcalculator__ROUND.xlsx
        # A1 =ROUND(2.15, 1), pycel__date-time.xlsx J2, pycel__npv.xlsx D2
        (2.2, "2.2000000000000002"),
        (3.141592653589793, "3.1415926535897931"),
        (-4.1233522074435314e-4, "-4.1233522074435314E-4"),
    ]
    assert [(x, number_text(x)) for x, _ in cases] == cases
    assert numbers_texts([x for x, _ in cases]) == [text for _, text in cases]
    draw = random.Random(305)
    numbers = [struct.unpack("<d", struct.pack("<Q", draw.getrandbits(64)))[0] for _ in range(20000)]
    numbers = [x for x in numbers if x - x == 0] + [draw.uniform(-1e6, 1e6) for _ in range(5000)]
    texts = numbers_texts(numbers)
    assert texts == list(map(number_text, numbers))
    assert [_bits(float(t)) for t in texts] == [_bits(x) for x in numbers]
    assert not [t for t in texts if t.endswith(".0") or "e" in t]


def test_a_recalculated_workbook_stores_whole_numbers_as_excel_does(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append([1000, 0.58, 80])
    formulas = ["=A1*1", "=B1*1", "=1/C1", "=0.1+0.2", "=-A1+A1", "=A1/4", "=A1*1E+14"]
    for row, formula in enumerate(formulas, 2):
        sheet.cell(row, 1, formula)
    book.save(tmp_path / "numbers.xlsx")
    report = xl_retention.recalc([str(tmp_path / "numbers.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    assert report.files[0].status == "ok", report.files[0].message
    with zipfile.ZipFile(tmp_path / "out" / "numbers.xlsx") as package:
        xml = package.read(SHEET).decode()
    stored = dict(re.findall(r'<c r="(A[2-8])"[^>]*><f>[^<]*</f><v>([^<]*)</v></c>', xml))
    assert stored == {
        "A2": "1000",
        "A3": "0.57999999999999996",
        "A4": "1.2500000000000001E-2",
        "A5": "0.30000000000000004",
        "A6": "0",
        "A7": "250",
        "A8": "1E+17",
    }
    values = [c.value for c in openpyxl.load_workbook(tmp_path / "out" / "numbers.xlsx", data_only=True)["S"]["A"]]
    assert values[1:] == [1000, 0.58, 0.0125, 0.30000000000000004, 0, 250, 1e17]
    assert type(values[1]) is int and type(values[6]) is int


def _excel_saved(path: Path, cells: str) -> None:
    """A one-sheet package with the given cells, as Excel lays them out (its stored values written as it
    writes them)."""
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        f'<row r="1"><c r="A1"><v>1000</v></c><c r="B1"><v>0.58</v></c><c r="C1"><v>80</v></c></row>{cells}'
        "</sheetData></worksheet>"
    )
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        SHEET: sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in parts.items():
            package.writestr(name, text)


def test_unchanged_values_leave_an_excel_saved_sheet_byte_for_byte(tmp_path: Path) -> None:
    cells = (
        '<row r="2"><c r="A2"><f>A1*1</f><v>1000</v></c><c r="B2"><f>B1*1</f><v>0.57999999999999996</v></c>'
        '<c r="C2"><f>1/C1</f><v>1.2500000000000001E-2</v></c><c r="D2"><f>0.1+0.2</f><v>0.30000000000000004</v></c>'
        '<c r="E2"><f>-A1+A1</f><v>0</v></c></row>'
    )
    _excel_saved(tmp_path / "saved.xlsx", cells)
    computed = {"A2": 1000.0, "B2": 0.58, "C2": 1 / 80, "D2": 0.1 + 0.2, "E2": -0.0}
    others = {**computed, "A2": 1000, "C2": np.float64(1 / 80)}  # an int and a numpy float: the path per cell
    for values in (computed, others):
        assert write_cached_values(tmp_path / "saved.xlsx", tmp_path / "again.xlsx", {"S": values}) == 5
        with zipfile.ZipFile(tmp_path / "saved.xlsx") as before, zipfile.ZipFile(tmp_path / "again.xlsx") as after:
            assert after.read(SHEET) == before.read(SHEET)
    report = xl_retention.recalc([str(tmp_path / "saved.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    assert report.files[0].status == "ok", report.files[0].message
    with zipfile.ZipFile(tmp_path / "saved.xlsx") as before, zipfile.ZipFile(tmp_path / "out" / "saved.xlsx") as after:
        assert after.read(SHEET) == before.read(SHEET)


def test_a_charts_cached_points_are_written_as_excel_writes_them(tmp_path: Path) -> None:
    """A chart's c:numCache points take the same texts (Excel writes 6.1224489795918366E-2 in a point too); they
    were repr's (0.0125, 0.58) there as well."""
    book, sheet = sheet_s()
    for row, formula in enumerate(("=1000*1", "=0.58*1", "=1/80", "=3/49"), 1):
        sheet.cell(row, 2, formula)
    chart = LineChart()
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=4))
    sheet.add_chart(chart, "D2")
    book.save(tmp_path / "t.xlsx")

    def cached(part: bytes) -> bytes:  # the chart as Excel saves it: its reference with (stale) cached points
        part = re.sub(rb"<numRef><f>([^<]*)</f></numRef>", rb"<c:numRef><c:f>\1</c:f></c:numRef>", prefixed(part))
        stale = b"".join(b'<c:pt idx="%d"><c:v>0</c:v></c:pt>' % k for k in range(4))
        cache = b'<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="4"/>' + stale + b"</c:numCache>"
        return re.sub(rb"(<c:numRef><c:f>[^<]*\$B\$1:\$B\$4</c:f>)", lambda m: m.group(1) + cache, part)

    _, after = recalculated_chart(tmp_path / "t.xlsx", cached, tmp_path / "out.xlsx")
    points = re.findall(rb"<c:numCache>.*?</c:numCache>", after, re.S)[0]
    assert re.findall(rb"<c:v>([^<]*)</c:v>", points) == [
        b"1000",
        b"0.57999999999999996",
        b"1.2500000000000001E-2",
        b"6.1224489795918366E-2",
    ]


def test_a_signature_over_an_excel_saved_sheet_whose_values_did_not_change_is_kept(tmp_path: Path) -> None:
    """The same sheet signed: its values as Excel stored them come back as they were, so the signature stays (it
    was removed, the report saying "the recalculated values are not what was signed", as 1000 became 1000.0)."""
    cells = (
        '<row r="2"><c r="A2"><f>A1*1</f><v>1000</v></c><c r="B2"><f>B1*1</f><v>0.57999999999999996</v></c>'
        '<c r="C2"><f>1/C1</f><v>1.2500000000000001E-2</v></c></row>'
    )
    _excel_saved(tmp_path / "saved.xlsx", cells)
    path = sign(tmp_path / "saved.xlsx", [SHEET], out=tmp_path / "signed.xlsx")
    out = tmp_path / "out" / "signed.xlsx"
    report = recalc_file(path, out, engine="embedded")
    assert (report.status, report.message) == ("ok", "")
    with zipfile.ZipFile(path) as before, zipfile.ZipFile(out) as after:
        for name in (SHEET, "_xmlsignatures/sig1.xml", "_xmlsignatures/origin.sigs", "_rels/.rels"):
            assert after.read(name) == before.read(name)
