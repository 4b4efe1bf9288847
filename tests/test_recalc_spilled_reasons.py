"""An xl-retention function entered as an Excel 365 dynamic array (cm="1") in error: its reason is given.

=NPS_BREAKDOWN(A1:A4) spilling (as Excel 365 saves every formula giving several values) with 11 among the scores was
listed #NUM! with an empty reason, where the same call as a classic formula said "got 11 in S!A3" (H67 finding 02):
the first cell of a spill whose size changed holds its value wrapped (xlsx_values.Resized), which the reasons skipped.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

REASON = "NPS_BREAKDOWN: scores must be a whole score from 0 to 10, got 11 in S!A3 (#NUM!)"


def test_a_spilled_call_in_error_says_why(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, score in enumerate([10, 9, 11, 3], 1):
        sheet[f"A{row}"] = score
    sheet["F1"] = ArrayFormula("F1:I1", "=NPS_BREAKDOWN(A1:A4)")  # dynamic below: cm="1"
    sheet["K1"] = "=NPS_BREAKDOWN(A1:A4)"  # the same call as a classic formula
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    source = tmp_path / "dynamic.xlsx"
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<c r="F1"', b'<c r="F1" cm="1"')
            new.writestr(item, data)
    report = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok", report.message
    assert [(e.address, e.error, e.reason) for e in report.errors] == [
        ("S!F1", "#NUM!", REASON),
        ("S!K1", "#NUM!", REASON),
    ]
    assert openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]["F1"].value == "#NUM!"
