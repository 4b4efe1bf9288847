"""A date or a number typed as text that only a day-first or a decimal-comma Excel reads ('13/01/2025',
'25.12.2025', '1.234,50', '1,5'), read by a formula in a file storing no value of Excel's: an en-US Excel gives
#VALUE!, a UK or German Excel a date or a number, and the file does not record which opens it. Recalc gave the en-US
#VALUE! with a reason naming the day-first date; such a cell is now listed as `locale`, as '03/04/2025' is (both read
it, as two days), with both values: directly, through another cell, INDIRECT, OFFSET, or typed in the formula. A
cell whose value does not depend on the reading (LEN, ISTEXT, the text passed on, a TEXT format "0,000") is
computed as before; '1,234' (1234 en-US, 1.234 with a decimal comma: H201 finding 10) is listed too. A file
Excel saved with its #VALUE! keeps the error and its reason.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet

from xl_retention.recalculation import recalc_file

_DAY_FIRST = "an en-US Excel gives #VALUE!, a day-first Excel"
_COMMA = "an en-US Excel gives #VALUE!, a decimal-comma Excel"


def test_texts_only_a_day_first_or_decimal_comma_excel_reads_are_listed(tmp_path: Path) -> None:
    cells = {
        "A1": "13/01/2025",
        "A2": "25.12.2025",
        "A3": "1.234,50",
        "A4": "1,5",
        "A5": "1,234",
        "B1": "=A1*1",
        "B2": "=DATEVALUE(A2)",
        "B3": "=A3*2",
        "B4": "=IFERROR(A4+1,0)",
        "B5": "=A5*1",
        "B6": "=LEN(A3)",
        "B7": "=ISTEXT(A1)",
        "C1": "=A1",
        "C2": "=C1+0",
        "C3": '=INDIRECT("A2")+0',
        "C4": "=OFFSET(C1,0,-2)+0",
        "C5": '=DATEVALUE("13/01/2025")',
        "C6": '=VALUE("1,5")',
        "C7": '=TEXT(1234,"0,000")',
    }
    report, values = recalc_sheet(tmp_path, cells)
    assert report.status == "incomplete"
    listed = {u.address: u.reason for u in report.unsupported if u.function == "locale"}
    assert sorted(listed) == ["S!B1", "S!B2", "S!B3", "S!B4", "S!B5", "S!C2", "S!C3", "S!C4", "S!C5", "S!C6"]
    assert "an en-US Excel gives 1234, a decimal-comma Excel 1.234;" in listed["S!B5"]
    assert listed["S!B1"].startswith("reads the text '13/01/2025' (S!A1), which Excel reads by the date order")
    assert f"{_DAY_FIRST} 45670;" in listed["S!B1"]  # 13 January 2025
    assert f"{_DAY_FIRST} 46016;" in listed["S!B2"]  # 25 December 2025
    assert listed["S!B3"].startswith("reads the text '1.234,50' (S!A3), which Excel reads by the decimal separator")
    assert f"{_COMMA} 2469;" in listed["S!B3"]
    assert "an en-US Excel gives 0, a decimal-comma Excel 2.5;" in listed["S!B4"]
    assert "reads the text '13/01/2025' (S!A1)" in listed["S!C2"] and f"{_DAY_FIRST} 45670;" in listed["S!C2"]
    assert "reads the text '25.12.2025' (S!A2)" in listed["S!C3"] and f"{_DAY_FIRST} 46016;" in listed["S!C3"]
    assert f"{_DAY_FIRST} 45670;" in listed["S!C4"]
    assert listed["S!C5"].startswith("holds the text '13/01/2025' (in the formula)")
    assert f"{_DAY_FIRST} 45670;" in listed["S!C5"]
    assert f"{_COMMA} 1.5;" in listed["S!C6"]
    assert not report.errors
    assert {ref: values.get(ref) for ref in ("B6", "B7", "C1", "C7")} == {
        "B6": 8,
        "B7": True,
        "C1": "13/01/2025",
        "C7": "1,234",
    }
    assert not {ref for ref in listed if values.get(ref.removeprefix("S!")) is not None}  # none computed


def test_a_value_error_excel_stored_keeps_its_reason(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "S"
    book["S"]["A1"], book["S"]["B1"] = "13/01/2025", "=A1*1"
    book.save(tmp_path / "t.xlsx")
    path = tmp_path / "book.xlsx"  # an en-US Excel saved it: B1 stores #VALUE!
    with zipfile.ZipFile(tmp_path / "t.xlsx") as zin, zipfile.ZipFile(path, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb'<c r="B1"(.*?)><f>(.*?)</f><v\s*/>', rb'<c r="B1"\1 t="e"><f>\2</f><v>#VALUE!</v>', data
                )
            elif item.filename == "xl/workbook.xml":
                data = re.sub(rb'\s*fullCalcOnLoad="1"', b"", data)
            zout.writestr(item, data)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert not report.unsupported
    assert [(e.address, e.error, e.reason) for e in report.errors] == [
        (
            "S!B1",
            "#VALUE!",
            "S!A1 is the text '13/01/2025', no number to an en-US Excel (a day-first Excel reads the date 2025-01-13) "
            "(#VALUE!)",
        )
    ]
