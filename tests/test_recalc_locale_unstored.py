"""A workbook storing no value of Excel's whose formulas read a date of digits or a decimal comma typed as text: its
value is the one of whichever Excel opens it (Microsoft's DATEVALUE page: "your computer's system date setting may
cause the results of a DATEVALUE function to vary"), which the file does not record. Recalc computed them as an en-US
Excel, status ok (H151 finding 01: '01/02/2025' 2 January, a French Excel's 1 February). Such a cell is listed (not
computed) where a day-first, comma-decimal Excel gives another value, and so where only a day-first Excel reads the
text ('15/04/2024': #VALUE! en-US, session 25); one that does not depend on the reading (YEAR, LEN, the text itself,
'05/05/2024', an ISO date) is computed as before."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def _without_full_calculation(tmp_path: Path, cells: dict[str, object]) -> Path:
    """Sheet S of ``cells`` saved with no formula value and without openpyxl's fullCalcOnLoad mark."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for ref, value in cells.items():
        ws[ref] = value
    wb.save(tmp_path / "t.xlsx")
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(tmp_path / "t.xlsx") as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = re.sub(rb'\s*fullCalcOnLoad="1"', b"", data)
            zout.writestr(item, data)
    return path


def test_cells_whose_value_depends_on_the_locale_reading_a_text_are_listed(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A1": "01/02/2024",
        "A2": "05/05/2024",
        "A3": "1,234",
        "A4": "2024-02-01",
        "A5": "15/04/2024",
        "B1": "=DATEVALUE(A1)",
        "B2": "=YEAR(A1)",
        "B3": "=LEN(A1)",
        "B4": "=DATEVALUE(A2)",
        "B5": "=A3*2",
        "B6": "=DATEVALUE(A4)",
        "B7": "=B1+1",
        "B8": '=DATEVALUE("01/02/2024")',
        "B9": "=MONTH(A5)",
        "B10": "=A1",
    }
    report = recalc_file(_without_full_calculation(tmp_path, cells), tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "incomplete"
    listed = {u.address: u for u in report.unsupported}
    assert sorted(listed) == ["S!B1", "S!B5", "S!B7", "S!B8", "S!B9"]
    assert all(u.function == "locale" and not u.kept for u in listed.values())  # B7 through B1
    assert listed["S!B1"].reason.startswith("reads the text '01/02/2024' (S!A1), which Excel reads by the date order")
    assert "an en-US Excel gives 45293, a day-first Excel 45323" in listed["S!B1"].reason
    assert listed["S!B7"].reason.startswith("reads S!B1 (locale), which has no current value")
    assert listed["S!B8"].reason.startswith("holds the text '01/02/2024' (in the formula)")
    assert "an en-US Excel gives 45293, a day-first Excel 45323" in listed["S!B8"].reason
    # 15/04/2024: #VALUE! to an en-US Excel, April to a day-first one (was computed as the en-US #VALUE!)
    assert "an en-US Excel gives #VALUE!, a day-first Excel 4;" in listed["S!B9"].reason
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    # 1,234: 1234 to an en-US Excel, 1.234 to a decimal-comma one (H201 finding 10: was computed as en-US's 2468)
    assert "an en-US Excel gives 2468, a decimal-comma Excel 2.468;" in listed["S!B5"].reason
    assert [out[f"B{row}"].value for row in (2, 3, 4, 6, 10)] == [2024, 10, 45417, 45323, "01/02/2024"]
    assert [out[f"B{row}"].value for row in (1, 5, 7, 8, 9)] == [None] * 5
