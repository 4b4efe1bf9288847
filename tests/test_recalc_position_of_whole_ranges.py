"""ROWS, COLUMNS and CELL("row") of a whole column or row holding the formula read its place, not its values.

``=ROWS(A1:A5)`` in A1 was already computed (5: it reads no value, so Excel reports no circular reference), but
``=ROWS(A:A)`` and ``=COLUMNS(1:1)`` in A1 made the whole workbook refused as a circular reference (the engine takes
the column as the cell's input), every other formula of the file lost with it.
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_the_size_of_a_whole_column_or_row_holding_the_formula_is_no_cycle(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A1": "=ROWS(A:A)",
        "B1": "=COLUMNS($A:$C)+1",
        "C1": "=COLUMNS(1:1)",
        "D1": '=CELL("row",D:D)',
        "E2": "=ROWS(A1:A5)",  # as before
        "F3": "=SUM(G1:G2)",
        "G1": 4,
        "G2": 5,
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok", result.message
    assert (values["A1"], values["B1"], values["C1"], values["D1"]) == (1048576, 4, 16384, 1)
    assert (values["E2"], values["F3"]) == (5, 9)
