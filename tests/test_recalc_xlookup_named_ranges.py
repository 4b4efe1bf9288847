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


def test_xlookup_over_named_ranges_counts_a_references_numbers_only(tmp_path: Path) -> None:
    # COUNT, MIN and SUM read a reference's numbers only: the text "3" in B2 and the blank B3 are not counted, as
    # Excel's XLOOKUP gives the cell (B1:B3 typed in counted so already); by name they were read as typed in
    cells = {
        **{"A1": "a", "A2": "b", "A3": "c", "B1": 1, "B2": "3"},
        "H1": '=COUNT(_xlfn.XLOOKUP("b",Keys,B1:B3))',
        "H2": '=MIN(_xlfn.XLOOKUP("c",Keys,B1:B3),2)',
        "H3": '=SUM(_xlfn.XLOOKUP("b",A1:A3,Vals))',
        "H4": '=COUNT(_xlfn.XLOOKUP("b",A1:A3,B1:B3))',
    }
    report, values = recalc_sheet(tmp_path, cells, names={"Keys": "S!$A$1:$A$3", "Vals": "S!$B$1:$B$3"})
    assert report.status == "ok", report.message
    assert {ref: values[ref] for ref in ("H1", "H2", "H3", "H4")} == {"H1": 0, "H2": 2, "H3": 0, "H4": 0}
