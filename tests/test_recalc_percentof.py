"""PERCENTOF (Excel 365: ``_xlfn.PERCENTOF`` in the file), refused as "unsupported function PERCENTOF" (H556's finding
06): Microsoft's PERCENTOF page, "logically equivalent to =SUM(data_subset)/SUM(data_all)". Plans p, q, p, r, q in
A1:A5 and revenue 10..50 in B1:B5 (total 150)."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet, recalculated

DATA = {**{f"A{r}": plan for r, plan in enumerate("pqprq", start=1)}, **{f"B{r}": 10 * r for r in range(1, 6)}}


def test_share_of_a_subset(tmp_path: Path) -> None:
    cells = {
        "G1": "=_xlfn.PERCENTOF(B1,B1:B5)",  # 10/150
        "G2": '=_xlfn.PERCENTOF(SUMIFS(B1:B5,A1:A5,"p"),B1:B5)',  # 40/150
        "G3": "=_xlfn.PERCENTOF(A1:B2,B1:B5)",  # the plans' text passed over, as SUM does: 30/150
        "G4": "=_xlfn.PERCENTOF(250,1000)",
        "G5": "=_xlfn.PERCENTOF(B1,C1:C5)",  # a total of 0 (empty cells)
        "G6": "=_xlfn.PERCENTOF(B1:B2,{1,2;3,4})",  # an array typed in: 30/10
        "G7": "=_xlfn.PERCENTOF(C1,B1:B5)",  # an empty cell: 0
        "G8": "=_xlfn.PERCENTOF(B1,B1:D2)",  # SUM's error passes on (D1 is #N/A)
        "G9": "=_xlfn.PERCENTOF(D2:D3,C1:C2)",  # the subset's error before the zero total (D3 #N/A)
    }
    values = recalculated(tmp_path, {**DATA, "D1": "=NA()", "D3": "=NA()", **cells})
    assert [values[ref] for ref in cells] == [10 / 150, 40 / 150, 30 / 150, 0.25, "#DIV/0!", 3, 0, "#N/A", "#N/A"]


def test_text_in_one_cell_is_listed(tmp_path: Path) -> None:
    # SUM of a cell holding text passes it over, SUM of text typed in reads it: the engine cannot tell them apart
    result, values = recalc_sheet(tmp_path, {**DATA, "G1": "=_xlfn.PERCENTOF(A1,B1:B5)"})
    assert result.status == "incomplete", result.message
    assert "G1" not in values
    assert [(u.address, u.reason) for u in result.unsupported] == [
        (
            "S!G1",
            "PERCENTOF of one value that is text or TRUE/FALSE (passed over from a cell, read when typed in) is "
            "not computed",
        )
    ]
