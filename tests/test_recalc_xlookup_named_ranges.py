"""XLOOKUP read as a reference with a range given by a defined name was #REF! under status ok: the rewrite writing
XLOOKUP as the INDEX of its found position (ROW(..), a range's end, a classic formula's intersection) read only ranges
typed in, and the engine's XLOOKUP gives a value, no reference. ``=ROW(XLOOKUP("p2",Keys,F1:F5))`` is 2 in Excel,
``=SUM(XLOOKUP("p2",Keys,F1:F5):F5)`` 140 (F2:F5), ``=2*XLOOKUP("x",Keys,F1:F5,F1:F5)`` in row 3 F3's 30 twice."""

from __future__ import annotations

from pathlib import Path

from one_sheet import LOOKUP_TABLE, recalc_sheet

NAMES = {"Keys": "S!$E$1:$E$5", "Vals": "S!$F$1:$F$5"}
CELLS = {
    "H1": '=ROW(_xlfn.XLOOKUP("p2",Keys,F1:F5))',
    "H2": '=ROW(_xlfn.XLOOKUP("p2",E1:E5,Vals))',
    "H3": '=2*_xlfn.XLOOKUP("x",Keys,F1:F5,F1:F5)',  # not found: F1:F5, its row 3
    "H4": '=_xlfn.XLOOKUP("x",E1:E5,Vals,Vals)',  # Vals' row 4
    "H5": '=SUM(_xlfn.XLOOKUP("p2",Keys,F1:F5):F5)',
    "H6": '=_xlfn.XLOOKUP("p2",Keys,Vals)',  # one cell found: as before
}


def test_xlookup_over_named_ranges_is_a_reference(tmp_path: Path) -> None:
    report, values = recalc_sheet(tmp_path, {**LOOKUP_TABLE, **CELLS}, names=NAMES)
    assert report.status == "ok", report.message
    assert {ref: values[ref] for ref in CELLS} == {"H1": 2, "H2": 2, "H3": 60, "H4": 40, "H5": 140, "H6": 20}
    assert report.errors == []
