"""Each error cell's reason is its own where a volatile cell calling an xl-retention function is in the workbook: the
engine evaluates ``=CRR(OFFSET(B1,1,0),1,100)`` again at every cell evaluated for its reason, so its "got 'abc'" was
heard first and became the reason of ``=CRR(VLOOKUP("Apr",..),1,100)`` (which never reads 'abc'), and a #DIV/0!
lost its reason (H160 finding 05)."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_a_volatile_cells_reason_does_not_leak_into_other_cells(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A1": "Jan",
        "A2": "Feb",
        "A3": "Mar",
        "B1": 104,
        "B2": "abc",
        "B3": 109,
        "D1": "=CRR(OFFSET(B1,1,0),1,100)",
        "D2": '=CRR(VLOOKUP("Apr",A1:B3,2,FALSE),1,100)',
        "D3": '=CRR(INDEX(B1:B3,MATCH("Apr",A1:A3,0)),1,100)',
        "D4": '=CRR(_xlfn.XLOOKUP("Apr",A1:A3,B1:B3),1,100)',
        "D5": '=CRR(SUMIFS(B1:B3,A1:A3,"Feb"),1,0)',
        "D6": "=CRR(B2,1,100)",
    }
    result, _ = recalc_sheet(tmp_path, cells)
    reasons = {issue.address: issue.reason for issue in result.errors}
    assert reasons["S!D1"].startswith("CRR: customers_end must be a number, got 'abc'")
    assert reasons["S!D2"] == (
        "CRR: customers_end is the error value #N/A, because VLOOKUP: 'Apr' is not in the first column of A1:B3 "
        "(#VALUE!)"
    )
    assert reasons["S!D3"] == (
        "CRR: customers_end is the error value #N/A, because MATCH: 'Apr' is not in A1:A3 (#VALUE!)"
    )
    assert reasons["S!D4"] == (
        "CRR: customers_end is the error value #N/A, because XLOOKUP: 'Apr' is not in A1:A3 (#VALUE!)"
    )
    assert reasons["S!D5"] == "CRR: customers_start is 0 (no customers at the start): the ratio is undefined (#DIV/0!)"
    assert reasons["S!D6"] == "CRR: customers_end must be a number, got 'abc', in S!B2 (#VALUE!)"
