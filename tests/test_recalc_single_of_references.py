"""Excel's ``@`` (stored as ``_xlfn.SINGLE``) of a reference that INDEX, OFFSET, XLOOKUP or CHOOSE return: the cell in
the formula's row or column, as for a typed range (Microsoft's "Implicit intersection operator: @": a range gives the
cell on the formula's row or column, an array its top-left value). H233's finding 03: these gave the top-left cell."""

from __future__ import annotations

from pathlib import Path

from one_sheet import LOOKUP_TABLE, recalculated

CELLS = {
    "H3": "=SUM(_xlfn.SINGLE(F1:F5))",
    "H4": "=_xlfn.SINGLE(INDEX(E1:F5,0,2))",
    "H5": "=SUM(_xlfn.SINGLE(INDEX(E1:F5,0,2)))",
    "H2": "=_xlfn.SINGLE(OFFSET(F1,0,0,5,1))",
    "G5": "=_xlfn.SINGLE(CHOOSE(1,F1:F5))",
    "F7": '=_xlfn.SINGLE(_xlfn.XLOOKUP("p1",E1:E5,E1:F5))',
    "I3": '=_xlfn.SINGLE(_xlfn.XLOOKUP("x",E1:E5,F1:F5,F1:F5))',
    "I7": "=_xlfn.SINGLE(OFFSET(F1,0,0,5,1))",  # no cell of F1:F5 in row 7 or column I
    "J2": "=_xlfn.SINGLE(INDEX({1,2;3,4},0,2))",  # an array: its top-left value
    "J3": "=_xlfn.SINGLE(CHOOSE(1,{7,8,9}))",
}


def test_at_of_a_returned_reference_takes_the_formulas_row(tmp_path: Path) -> None:
    values = recalculated(tmp_path, {**LOOKUP_TABLE, **CELLS})
    assert {ref: values[ref] for ref in CELLS} == {
        "H3": 30,
        "H4": 40,
        "H5": 50,
        "H2": 20,
        "G5": 50,
        "F7": 10,
        "I3": 30,
        "I7": "#VALUE!",
        "J2": 2,
        "J3": 7,
    }
