"""OFFSET whose reference is the cell XLOOKUP returns, height and width left out (H233's finding 04): the cell it
moves to, as in Excel (XLOOKUP returns a reference); was #REF! with no reason under status ok."""

from __future__ import annotations

from pathlib import Path

from one_sheet import LOOKUP_TABLE, recalculated

CELLS = {
    "H1": "=OFFSET(INDEX(F1:F5,2),1,0)",
    "H2": '=OFFSET(_xlfn.XLOOKUP("p2",E1:E5,F1:F5),1,0)',
    "H3": '=OFFSET(_xlfn.XLOOKUP("p2",E1:E5,F1:F5),0,0)',
    "H5": '=SUM(OFFSET(_xlfn.XLOOKUP("p2",E1:E5,F1:F5),0,0,2,1))',
    "I4": '=OFFSET(_xlfn.XLOOKUP("p4",E1:E5,F1:F5),-3,0)',
}


def test_offset_moves_from_the_cell_xlookup_returns(tmp_path: Path) -> None:
    values = recalculated(tmp_path, {**LOOKUP_TABLE, **CELLS})
    assert {ref: values[ref] for ref in CELLS} == {"H1": 30, "H2": 30, "H3": 20, "H5": 50, "I4": 10}
