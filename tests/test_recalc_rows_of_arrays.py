"""H137's finding 01: ROWS and COLUMNS of an array expression in a classic formula were implicitly intersected
(=ROWS(A1:A3*1) in row 2 was 1, in row 5 #VALUE!). Microsoft's ROWS and COLUMNS pages: "Array Required. An array,
an array formula, or a reference to a range of cells": the argument is read whole, as SUMPRODUCT's is."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import embedded


def test_rows_and_columns_of_an_array_expression_count_it_whole(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for row in range(1, 4):
        ws.cell(row, 1, row)
        ws.cell(row, 2, 10 * row)
        ws.cell(row, 3, 100 * row)
    ws["D2"] = "=ROWS(A1:A3*1)"
    ws["D5"] = "=ROWS(A1:A3*1)"
    ws["D6"] = "=COLUMNS(B1:C1*1)"
    ws["D7"] = "=ROWS(A1:A3+B1:B3)"
    ws["D8"] = "=A1:A3*1"  # elsewhere a classic formula's range is still cut to its row (row 8: #VALUE!)
    wb.save(tmp_path / "r.xlsx")
    values = embedded.compute(tmp_path / "r.xlsx").values["S"]
    assert [values[k] for k in ("D2", "D5", "D6", "D7")] == [3, 3, 2, 3]
    assert values["D8"].code == "#VALUE!"
