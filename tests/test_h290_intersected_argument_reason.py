"""=CRR(G2:G6*1,H2:H6,I2:I6) entered normally in row 1 is #VALUE! (the classic formula reads G2:G6*1 as the cell of
G2:G6 in its own row, Excel's implicit intersection, and row 1 has none: Exceljet's "Implicit intersection", "When
Excel can't determine a single reference ... a #VALUE error is returned"); its reason said only "CRR: customers_end
is the error value #VALUE! (#VALUE!)". It now says why and what to write instead."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

import xl_retention


def _book() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, (end, gained, start) in enumerate([(90, 10, 100), (80, 5, 90), (70, 6, 80), (60, 7, 70), (50, 8, 60)], 2):
        sheet.cell(row, 7, end), sheet.cell(row, 8, gained), sheet.cell(row, 9, start)
    return book


def test_an_argument_intersected_outside_its_rows_says_why(tmp_path: Path) -> None:
    book = _book()
    book.active["A1"] = "=CRR(G2:G6*1,H2:H6,I2:I6)"
    book.active["A3"] = "=CRR(G3*1,H3,I3)"
    book.save(tmp_path / "one.xlsx")
    report = xl_retention.recalc([str(tmp_path / "one.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    reasons = {e.address: e.reason for e in report.files[0].errors}
    assert reasons == {
        "S!A1": "CRR: customers_end is the error value #VALUE!: G2:G6 is read as one value, the cell of S!G2:G6 in "
        "the formula's own row (a classic, non-array formula's implicit intersection), and S!A1 is in row 1, outside "
        "rows 2-6, so there is no such cell: enter it as a dynamic array formula (Excel 365; it spills one value per "
        "row) or give it one cell (G2 in place of G2:G6) (#VALUE!)"
    }
    values = openpyxl.load_workbook(tmp_path / "out" / "one.xlsx", data_only=True)["S"]
    assert values["A1"].value == "#VALUE!"
    assert values["A3"].value == 75 / 90  # the one cell advised: (80 - 5) / 90


def test_the_dynamic_form_advised_gives_each_row(tmp_path: Path) -> None:
    book = _book()
    book.active["A1"] = ArrayFormula("A1:A1", "=CRR(G2:G6*1,H2:H6,I2:I6)")
    save_dynamic(book, tmp_path / "dynamic.xlsx", ["A1"])
    report = xl_retention.recalc([str(tmp_path / "dynamic.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    assert report.files[0].errors == []
    values = openpyxl.load_workbook(tmp_path / "out" / "dynamic.xlsx", data_only=True)["S"]
    assert [values[f"A{r}"].value for r in range(1, 6)] == [0.8, 75 / 90, 64 / 80, 53 / 70, 42 / 60]
