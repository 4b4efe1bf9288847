"""The first cell of an array of ours over the engine's 10,000 spill cells, computed by large_arrays, in error (H278's
finding 03, last part): =CRR(A1:A10002,B1:B10002,C1:C10002) spilled from I1 over a header row gave I1 the reason
"customers_end must be a number, got 'E' in row 1, column 1 of customers_end" where the same call under the limit
(and =CRR(A:A,B:B,C:C) in one cell) says "CRR: customers_end must be a number, got 'E' in S!A1 (#VALUE!)"."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

REASON = "CRR: customers_end must be a number, got 'E' in S!A1 (#VALUE!)"


def test_a_large_arrays_first_error_is_said_as_one_cells(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append(["E", "N", "S"])
    for month in [(535, 75, 500), (550, 40, 535), (560, 10, 550), (570, 30, 560)]:
        sheet.append(list(month))
    sheet["I1"] = ArrayFormula("I1", "=CRR(A1:A10002,B1:B10002,C1:C10002)")  # 10,002 rows: over the engine's limit
    sheet["H1"] = ArrayFormula("H1", "=CRR(A1:A9,B1:B9,C1:C9)")
    path = save_dynamic(book, tmp_path / "big.xlsx", ["I1", "H1"])
    result = recalc_file(path, tmp_path / "out.xlsx", engine="embedded")
    assert (result.status, result.unsupported) == ("ok", [])
    reasons = {e.address: (e.error, e.reason) for e in result.errors}
    assert reasons["S!I1"] == reasons["S!H1"] == ("#VALUE!", REASON)
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[f"I{r}"].value for r in range(2, 7)] == [0.92, 510 / 535, 1.0, 540 / 560, None]
