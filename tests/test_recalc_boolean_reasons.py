"""A reason shows a cell's boolean as Excel does, TRUE or FALSE, not Python's True (H313's finding 07).

A1 = 100, B1 = TRUE (a gained count pasted as a boolean), C1 = 90, D1 =CRR(C1,B1,A1): the reason said 'got True'; the
cell, the formula bar and Excel's messages say TRUE. NPS over B2:B7 with FALSE in B6 likewise.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.cells import excel_message
from xl_retention.errors import NotANumberError
from xl_retention.recalculation import recalc_file


def test_a_boolean_in_a_reason_is_excels_true(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["B1"], sheet["C1"], sheet["D1"] = 100, True, 90, "=CRR(C1,B1,A1)"
    for row, score in enumerate([9, 10, 3, 8, False, 7], start=2):
        sheet[f"B{row}"] = score
    sheet["E1"] = "=NPS(B2:B7)"
    book.save(tmp_path / "bools.xlsx")
    report = recalc_file(tmp_path / "bools.xlsx", tmp_path / "out.xlsx")
    assert [(e.address, e.reason) for e in report.errors] == [
        ("S!D1", "CRR: customers_gained must be a number, got TRUE, in S!B1 (#VALUE!)"),
        ("S!E1", "NPS: scores must be a number, got FALSE in S!B6 (#VALUE!)"),
    ]


def test_a_numpy_boolean_too() -> None:
    import numpy as np

    error = NotANumberError(f"scores must be a number, got {np.True_!r}", "scores", np.True_)
    assert excel_message(error) == "scores must be a number, got TRUE"
