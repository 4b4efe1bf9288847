"""Recalculation leftovers of the seventh round (H48): the embedded engine against Excel on analysts' own workbooks.

Each test builds a small workbook with openpyxl, recalculates it with the embedded engine and reads the written values
back; the expected values are Excel's documented ones.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet as _recalc


def test_a_name_defined_as_a_whole_number_is_that_number_in_every_row(tmp_path: Path) -> None:
    # Months = 12 is a constant, not a relative row reference: it was moved by the using cell's row (=Months in row 23
    # gave 34, =Months*Pct in row 2 gave 3.25, =Big+0 in row 26 gave 1525) with status ok.
    names = {"Months": "12", "Pct": "0.25", "Big": "1500"}
    cells: dict[str, object] = {"C23": "=Months", "C2": "=Months*Pct", "C26": "=Big+0", "C1": "=SUM(A1:A3)*Months"}
    cells.update({"A1": 1, "A2": 2, "A3": 3})
    result, values = _recalc(tmp_path, cells, names=names)
    assert result.status == "ok", result.message
    assert values["C23"] == 12
    assert values["C2"] == 3
    assert values["C26"] == 1500
    assert values["C1"] == 72
