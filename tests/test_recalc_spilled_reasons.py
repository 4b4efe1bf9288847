"""An xl-retention function entered as an Excel 365 dynamic array (cm="1") in error: its reason is given.

=NPS_BREAKDOWN(A1:A4) spilling (as Excel 365 saves every formula giving several values) with 11 among the scores was
listed #NUM! with an empty reason, where the same call as a classic formula said "got 11 in S!A3" (H67 finding 02):
the first cell of a spill whose size changed holds its value wrapped (xlsx_values.Resized), which the reasons skipped.
The error values such a formula spills past its first cell (=CRR(D1:D4,C1:C4,B1:B4), one formula for every month, a
month starting at 0) were not listed at all, status ok: each is now, naming the first cell.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

REASON = "NPS_BREAKDOWN: scores must be a whole score from 0 to 10, got 11 in S!A3 (#NUM!)"


def test_the_errors_a_dynamic_array_spills_are_listed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, (start, gained, end) in enumerate([(100, 10, 105), (105, 20, 110), (0, 5, 5), (100, "abc", 90)], 1):
        sheet[f"B{row}"], sheet[f"C{row}"], sheet[f"D{row}"] = start, gained, end
    sheet["F1"] = ArrayFormula("F1:F4", "=CRR(D1:D4,C1:C4,B1:B4)")  # one formula for every month
    report = recalc_file(
        save_dynamic(book, tmp_path / "dynamic.xlsx", ("F1",)), tmp_path / "out.xlsx", engine="embedded"
    )
    assert report.status == "ok", report.message
    assert [(e.address, e.error, e.reason) for e in report.errors] == [
        # each with its own row's reason (H267's finding 02: "a value of the result S!F1 spills (#DIV/0!)" before)
        (
            "S!F3",
            "#DIV/0!",
            "CRR: customers_start is 0 in S!B3 (no customers at the start): the ratio is undefined (#DIV/0!)",
        ),
        ("S!F4", "#VALUE!", "CRR: customers_gained must be a number, got 'abc', in S!C4 (#VALUE!)"),
    ]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[f"F{r}"].value for r in range(1, 5)] == [0.95, (110 - 20) / 105, "#DIV/0!", "#VALUE!"]


def test_a_spilled_call_in_error_says_why(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, score in enumerate([10, 9, 11, 3], 1):
        sheet[f"A{row}"] = score
    sheet["F1"] = ArrayFormula("F1:I1", "=NPS_BREAKDOWN(A1:A4)")  # dynamic below: cm="1"
    sheet["K1"] = "=NPS_BREAKDOWN(A1:A4)"  # the same call as a classic formula
    report = recalc_file(
        save_dynamic(book, tmp_path / "dynamic.xlsx", ("F1",)), tmp_path / "out.xlsx", engine="embedded"
    )
    assert report.status == "ok", report.message
    assert [(e.address, e.error, e.reason) for e in report.errors] == [
        ("S!F1", "#NUM!", REASON),
        ("S!K1", "#NUM!", REASON),
    ]
    assert openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]["F1"].value == "#NUM!"
