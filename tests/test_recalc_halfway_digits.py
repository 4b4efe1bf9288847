"""A number exactly halfway at its 16th significant digit is taken at 15 digits rounded half away from zero, as
Excel's digits are (INT(10^14+0.5) is 100000000000001), by TEXT, FIXED and DOLLAR and by CEILING's and FLOOR's
quotient: the 15 digits came from Python's ``.15g``, which gives the even digit.

TEXT(1E14+0.5,"0") was '100000000000000' (LibreOffice: '100000000000001'), FIXED(1234567890123.125,2)
'1234567890123.12' (the value is exactly ...123.125: '...123.13'), and CEILING(1234567890123.125,0.01) gave
1234567890123.12, below the number it rounds up (its quotient's 15 digits are a tie there: now named as a last
digit Excel may give either way, as other such CEILINGs are, rather than computed).
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalc_sheet, recalculated


def test_text_fixed_dollar_round_halfway_digits_away_from_zero(tmp_path: Path) -> None:
    cells = {
        "A1": 100000000000000.5,
        "A2": 1234567890123.125,
        "B1": '=TEXT(A1,"0")',
        "B2": "=FIXED(A2,2,TRUE)",
        "B3": '=TEXT(-A1,"0")',
        "B4": '=TEXT(A2,"#,##0.00")',
        "B5": '=TEXT(0.125,"0.00")',  # as before: 0.13
    }
    got = recalculated(tmp_path, cells)
    assert [got[f"B{row}"] for row in range(1, 6)] == [
        "100000000000001",
        "1234567890123.13",
        "-100000000000001",
        "1,234,567,890,123.13",
        "0.13",
    ]


def test_ceiling_of_a_halfway_quotient_is_not_below_the_number(tmp_path: Path) -> None:
    result, values = recalc_sheet(tmp_path, {"A2": 1234567890123.125, "B1": "=CEILING(A2,0.01)"})
    assert values.get("B1") != 1234567890123.12  # no value written: it keeps none
    assert [u.address for u in result.unsupported] == ["S!B1"]
