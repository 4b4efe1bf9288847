"""IFERROR's and IFNA's value in a classic formula (not an array formula) is one value, the cell of a range in the
formula's row, as Excel reads it (Microsoft's IFERROR: "If value is an array formula, IFERROR returns an array of
results for each cell in the range specified in value"; recalculation.intersection._CAUGHT_VALUE).

``=COUNT(IFERROR(B1:B8,-99))`` in row 10 was 7 with status ok (every number of B1:B8 with B2's error as -99), where
Excel reads B1:B8 in row 10, #VALUE!, caught: COUNT(-99), 1. Inside an argument Excel reads as an array (SUMPRODUCT's)
it is read whole, as before (tests/test_excel_leftovers4.py).
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet

_DATA: dict[str, object] = {"B1": 1, "B2": "=1/0", "B3": 3, "B4": "t", "B5": 5, "B6": 6, "B7": 7, "B8": 8}


def test_iferror_of_a_range_in_a_classic_formula_reads_the_formula_s_row(tmp_path: Path) -> None:
    cells = {
        **_DATA,
        "C10": "=COUNT(IFERROR(B1:B8,-99))",  # row 10 meets no row of B1:B8: #VALUE! caught, -99
        "C11": "=SUM(IFERROR(B1:B8,0))",
        "C12": "=SUM(_xlfn.IFNA(B1:B8,0))",  # #VALUE! is not #N/A
        "D3": "=COUNT(IFERROR(B1:B8,-99))",  # B3: 3
        "D4": "=COUNT(IFERROR(B1:B8,-99))",  # B4: text, not counted
        "D6": "=SUM(IFERROR(B1:B8,0))",  # B6: 6
        "D2": "=SUM(IFERROR(B1:B8,0))",  # B2's #DIV/0! caught: 0
        "C13": "=SUMPRODUCT(IFERROR(B1:B8,0))",  # an array argument: every row
    }
    result, got = recalc_sheet(tmp_path, cells, arrays={"E1": "=COUNT(IFERROR(B1:B8,-99))"})
    assert result.status == "ok", (result.message, result.unsupported)
    assert {k: got.get(k) for k in ("C10", "C11", "C12", "D3", "D4", "D6", "D2", "E1", "C13")} == {
        "C10": 1, "C11": 0, "C12": "#VALUE!", "D3": 1, "D4": 0, "D6": 6, "D2": 0, "E1": 7, "C13": 30,
    }  # fmt: skip
