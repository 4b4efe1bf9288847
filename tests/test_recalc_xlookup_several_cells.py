"""A plain XLOOKUP that may return several cells, in a classic formula where one value is expected: the cell of its
result in the formula's row or column, as Excel's implicit intersection takes it (H239's finding 1:
``=XLOOKUP("x",E1:E5,F1:F5,F1:F5)`` in row 3 gave F1's 10 under status ok, Excel F3's 30)."""

from __future__ import annotations

from pathlib import Path

from one_sheet import LOOKUP_TABLE, recalculated

CELLS = {
    "H3": '=_xlfn.XLOOKUP("x",E1:E5,F1:F5,F1:F5)',  # not found: if_not_found F1:F5, its row 3
    "H5": '=_xlfn.XLOOKUP("x",E1:E5,F1:F5,F1:F5)*2',
    "H7": '=_xlfn.XLOOKUP("x",E1:E5,F1:F5,F1:F5)',  # no cell of F1:F5 in row 7
    "H8": '=SUM(_xlfn.XLOOKUP("x",E1:E5,F1:F5,F1:F5))',  # a reference SUM reads whole
    "H2": '=_xlfn.XLOOKUP("p4",E1:E5,F1:F5,F1:F5)',  # found: the one cell F4
    "F7": '=_xlfn.XLOOKUP("p1",E1:E5,E1:F5)',  # a row E1:F1 found: its cell in column F
    "E9": '=_xlfn.XLOOKUP("p3",E1:E5,E1:F5)',  # E3:F3, column E
    "H4": '=_xlfn.XLOOKUP("p1",E1:E5,E1:F5)',  # E1:F1 has no cell in column H
    "I2": '=_xlfn.XLOOKUP("x",E1:E5,F1:F5,"none")',
}


def test_a_classic_xlookup_of_several_cells_takes_the_formulas_row_or_column(tmp_path: Path) -> None:
    values = recalculated(tmp_path, {**LOOKUP_TABLE, **CELLS})
    assert {ref: values[ref] for ref in CELLS} == {
        "H3": 30,
        "H5": 100,
        "H7": "#VALUE!",
        "H8": 150,
        "H2": 40,
        "F7": 10,
        "E9": "p3",
        "H4": "#VALUE!",
        "I2": "none",
    }
