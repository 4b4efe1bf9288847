"""H490's finding 05: ``=NPS(A1:A7*1)`` entered normally in row 10 is #VALUE! (the classic formula reads A1:A7*1 as
the cell of A1:A7 in its own row, and row 10 has none), as ``=SUM(A1:A7*1)`` and ``=CRR(A1:A7*1,0,10)`` are; their
reasons said why, NPS's said "NPS: scores holds the error value #VALUE! in cell 1 of scores", no cell anyone typed.
It now says why and what to do (an array formula reads each score)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

import xl_retention


def _book() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, score in enumerate([10, 9, 9, 8, 7, 6, 3], 1):
        sheet.cell(row, 1, score)
    return book


def test_nps_of_a_range_read_as_one_value_outside_its_rows_says_why(tmp_path: Path) -> None:
    book = _book()
    book.active["C10"] = "=NPS(A1:A7*1)"
    book.active["C11"] = ArrayFormula("C11", "=NPS(A1:A7*1)")  # the advice: Ctrl+Shift+Enter
    book.save(tmp_path / "ii.xlsx")
    report = xl_retention.recalc([str(tmp_path / "ii.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    reasons = {e.address: e.reason for e in report.files[0].errors}
    assert reasons == {
        "S!C10": "NPS: scores is the error value #VALUE!: A1:A7 is read as one value, the cell of S!A1:A7 in the "
        "formula's own row (a classic, non-array formula's implicit intersection), and S!C10 is in row 10, outside "
        "rows 1-7: to read each of its cells, enter the formula as an array formula (Ctrl+Shift+Enter) (#VALUE!)"
    }  # was: "NPS: scores holds the error value #VALUE! in cell 1 of scores (#VALUE!)"
    values = openpyxl.load_workbook(tmp_path / "out" / "ii.xlsx", data_only=True)["S"]
    assert values["C10"].value == "#VALUE!"
    assert values["C11"].value == 100 / 7  # (3 - 2) / 7 * 100: promoters 10, 9, 9; detractors 6, 3; of 7 answers
