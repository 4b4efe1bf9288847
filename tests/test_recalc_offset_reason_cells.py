"""A reason names the cell an OFFSET reaches, where the text is typed, not the OFFSET's base: ``=CRR(OFFSET(B1,1,0),
1,100)`` over B2 'abc' said "got 'abc', in S!B1", and B1 holds 104 (H160 finding 04). The one cell an argument reads
is named only where it holds the value the reason shows."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet


def test_an_offsets_text_names_the_cell_it_reaches(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A1": "Jan",
        "A2": "Feb",
        "A3": "Mar",
        "B1": 104,
        "B2": "abc",
        "B3": "xyz",
        "B4": "8",
        "D1": "=CRR(OFFSET(B1,1,0),1,100)",
        "D2": "=CRR(OFFSET(B1,2,0),1,100)",
        "D3": '=CRR(OFFSET(B1,MATCH("Mar",A1:A3,0)-1,0),1,100)',
        "D4": "=CRR(B2,1,100)",
        "D5": '=CRR(IF(B1>0,B2,""),1,100)',
        "D6": "=NPS(B4)",
    }
    result, _ = recalc_sheet(tmp_path, cells)
    reasons = {issue.address: issue.reason for issue in result.errors}
    assert reasons["S!D1"] == "CRR: customers_end must be a number, got 'abc', in S!B2 (#VALUE!)"
    assert reasons["S!D2"] == "CRR: customers_end must be a number, got 'xyz', in S!B3 (#VALUE!)"
    assert reasons["S!D3"] == "CRR: customers_end must be a number, got 'xyz', in S!B3 (#VALUE!)"
    assert reasons["S!D4"] == "CRR: customers_end must be a number, got 'abc', in S!B2 (#VALUE!)"
    assert reasons["S!D5"] == "CRR: customers_end must be a number, got 'abc', in S!B2 (#VALUE!)"
    assert (
        reasons["S!D6"].startswith("NPS: scores must be a number, got the text '8' (") and "in S!B4" in reasons["S!D6"]
    )
