"""XLOOKUP read as a reference where its ranges' shapes are known only when the formula runs. COUNT, MIN, SUM (the
functions reading a reference's numbers only) and ROW read Excel's XLOOKUP as the found cell (Microsoft's XLOOKUP
page sums ``XLOOKUP(..):XLOOKUP(..)``), but the rewrite making it the INDEX of the found position sized the lookup and
return arrays from ranges typed in or names of ranges only: over a name defined by a formula (``OFFSET(..)``), a LET
variable, a LAMBDA parameter, one cell, ``OFFSET(..)`` or ``CHOOSE(..)`` it was left as the engine's XLOOKUP, a value:
with the text "3" in B2, ``COUNT(XLOOKUP("b",KeysF,B1:B3))`` was 1 (Excel 0) under status ok."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet

TABLE = {"A1": "a", "A2": "b", "A3": "c", "B1": 1, "B2": "3", "C1": 5, "C2": 7, "C3": 9, "D1": "x", "E1": "3"}
TABLE_ROW = {"A5": "a", "B5": "b", "C5": "c", "A6": 1, "B6": "3", "C6": 2, "A7": 4, "B7": 6, "C7": 8}
NAMES = {"KeysF": "OFFSET(S!$A$1,0,0,3,1)", "ValsF": "OFFSET(S!$B$1,0,0,3,1)", "RowF": "OFFSET(S!$A$5,0,0,1,3)"}
CELLS = {
    "H1": '=COUNT(_xlfn.XLOOKUP("b",KeysF,B1:B3))',  # a name defined by a formula: the text "3" not counted
    "H2": '=COUNT(_xlfn.XLOOKUP("b",A1:A3,ValsF))',
    "H3": '=_xlfn.LET(_xlpm.k,A1:A3,COUNT(_xlfn.XLOOKUP("b",_xlpm.k,B1:B3)))',
    "H4": '=_xlfn.LAMBDA(_xlpm.k,COUNT(_xlfn.XLOOKUP("b",_xlpm.k,B1:B3)))(A1:A3)',
    "H5": '=COUNT(_xlfn.XLOOKUP("x",D1,E1))',  # one cell searched
    "H6": '=COUNT(_xlfn.XLOOKUP("b",A1:A3,OFFSET(B1,0,0,3,1)))',
    "H7": '=COUNT(_xlfn.XLOOKUP("b",A1:A3,CHOOSE(1,B1:B3,C1:C3)))',
    "H8": '=MIN(_xlfn.XLOOKUP("c",KeysF,B1:B3),2)',  # B3 empty: 2 (the engine's value: 0)
    "H9": '=SUM(_xlfn.XLOOKUP("b",KeysF,B1:B3),1)',  # the text "3": 1
    "H10": '=ROW(_xlfn.XLOOKUP("b",KeysF,B1:B3))',
    "H11": '=SUM(_xlfn.XLOOKUP("b",KeysF,C1:C3):C3)',  # C2:C3
    "H12": '=SUM(_xlfn.XLOOKUP("b",RowF,A6:C7))',  # a row searched: column B6:B7, "3" and 6
    "H13": '=COUNT(_xlfn.XLOOKUP("z",KeysF,B1:B3,C1))',  # not found: C1
    "H14": '=SUM(_xlfn.XLOOKUP("b",KeysF,B1:C3))',  # B2:C2, "3" and 7
}
EXPECTED = {
    "H1": 0, "H2": 0, "H3": 0, "H4": 0, "H5": 0, "H6": 0, "H7": 0, "H8": 2, "H9": 1, "H10": 2, "H11": 16, "H12": 6,
    "H13": 1, "H14": 7,
}  # fmt: skip


def test_xlookup_over_ranges_sized_when_run_is_a_reference(tmp_path: Path) -> None:
    report, values = recalc_sheet(tmp_path, {**TABLE, **TABLE_ROW, **CELLS}, names=NAMES)
    assert report.status == "ok", report.message
    assert {ref: values.get(ref) for ref in CELLS} == EXPECTED
    assert report.errors == []
