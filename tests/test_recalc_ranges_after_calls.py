"""A range passed on by IF (or CHOOSE, IFERROR) after an argument holding a call is intersected with the formula's row.

``=IF(ABS(B2)>0,$A$1:$A$8,0.5)`` in a classic (not array) formula gives the cell of A1:A8 in its own row (A5 in row 5),
or #VALUE! outside the range's rows, as ``=IF(B2>0,$A$1:$A$8,0.5)`` already did. The rewrite's pre-check
(rewrite_shapes._SCALAR_CALL) looked for the range after arguments without brackets only, so with a call before it
the formula went to the engine as it was: the range's first cell (-4), status ok. LibreOffice 7.4 gives 8, #VALUE!,
-99 and 8 for these cells too (checked by hand).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc

FORMULAS = {
    "G": "=IF(ABS(B2)>0,$A$1:$A$8,0.5)",
    "H": "=IFERROR(IF(IFERROR(B2,-99)>0,$A$1:$A$8,0.5),-99)",
    "I": "=IF(AND(B2>0,OR(B3>0,B4>0)),$A$1:$A$8,0)",
    "J": "=CHOOSE(MAX(1,0),$A$1:$A$8,2)",
}


def test_a_range_after_a_call_is_the_cell_in_the_formulas_row(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "D"
    for row in range(1, 9):
        ws.cell(row, 1).value, ws.cell(row, 2).value = row * 3 - 7, row / 2
    for column, formula in FORMULAS.items():
        ws[f"{column}5"] = ws[f"{column}33"] = formula
    path = tmp_path / "book.xlsx"
    wb.save(path)
    file = recalc(path, engine="embedded", output_dir=tmp_path / "out").files[0]
    assert file.status == "ok", file.message
    got = openpyxl.load_workbook(file.output, data_only=True)["D"]
    assert [got[f"{column}5"].value for column in FORMULAS] == [8, 8, 8, 8]
    assert [got[f"{column}33"].value for column in FORMULAS] == ["#VALUE!", -99, "#VALUE!", "#VALUE!"]
