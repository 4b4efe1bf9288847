"""INDEX past its range's end after a script changed its position: Excel's own #REF!, not an unvouched one (H454/02).

The oracle's pycel__lookup.xlsx with Index!H10 (the column position of H11:H18 =INDEX($B$2:$F$6,$Bn,H$10)) changed
from 5 to 6 in its XML, Excel's stored values kept: the engine's #REF! at H12:H16 is Excel's too (column 6 of five),
but recalc said "is #REF! where Excel stored 5 ... recalc finds no cause for the error", made the file incomplete
and left 22 OFFSET cells of another sheet without their values. A #REF! was vouched for only where Excel stored none
or the same: a stored value from other positions is no evidence. Now an INDEX of a range typed in whose positions
(typed in or held by a cell) are past the range's (or array constant's) end today is Excel's #REF!: status ok. Here:
A1:A5 = 10..50, B1 the row position, C1 =INDEX(A1:A5,B1) with Excel's stored 30 (when B1 was 3), D1 =IFERROR(C1,0).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from one_sheet import stored_book

from xl_retention.recalculation.batch import recalc_file


@pytest.mark.parametrize(
    ("c1", "status", "values"),
    [
        ("=INDEX(A1:A5,B1)", "ok", ("#REF!", 0)),  # row 6 of five
        ("=INDEX($A$1:$A$5,B1,1)", "ok", ("#REF!", 0)),
        ("=INDEX(A1:A5,6)", "ok", ("#REF!", 0)),
        ("=INDEX(A1:A5,B1+0)", "incomplete", ("#REF!", None)),  # an expression: not proven, as before
        ("=INDEX({10;20;30;40;50},B1)", "ok", ("#REF!", 0)),  # an array constant likewise (H485's finding 06)
        ('=INDEX({10,"a,b";20,30},1,B1/2)', "incomplete", ("#REF!", None)),  # (an expression)
        ('=INDEX({10,"a,b";20,30},1,3)', "ok", ("#REF!", 0)),  # column 3 of two (a comma inside a text)
    ],
)
def test_a_position_past_the_end_now_is_excel_s_ref(tmp_path: Path, c1: str, status: str, values: tuple) -> None:
    formulas = {"B1": 6, "C1": c1, "D1": "=IFERROR(C1,0)"}  # B1: 6 now (3 when Excel stored C1's 30)
    path = stored_book(tmp_path / "index.xlsx", formulas, {"C1": "30", "D1": "30"})  # type: ignore[dict-item]
    report = recalc_file(path, tmp_path / "out" / path.name)
    found = openpyxl.load_workbook(tmp_path / "out" / path.name, data_only=True)["S"]
    assert report.status == status, report.message
    assert (found["C1"].value, found["D1"].value) == values
    if status == "ok":
        assert report.message == ""
