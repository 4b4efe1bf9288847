"""An operand of =, <>, <, >, <=, >= exactly halfway at its 16th significant digit is taken at 15 digits rounded half
away from zero, as Excel's digits are (INT(10^14+0.5) is 100000000000001; LibreOffice's text of 1E14+0.5 is
'100000000000001'), not to the even digit (Python's ``.15g``): ``=(1E14+0.5)=100000000000001`` was FALSE,
``=A2=1.00003051757813`` with A2 1.000030517578125 (1 + 2^-15) FALSE, ``=A4>=1234567890123.13`` with A4
1234567890123.125 FALSE. A value not exactly halfway is compared at its 15 digits as before (``=0.1+0.2=0.3`` TRUE).
(Typed constants are compared as typed: Excel keeps 15 digits of a number typed in, so none is halfway.)
"""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalculated


def test_halfway_operands_round_away_from_zero(tmp_path: Path) -> None:
    cells = {
        "A1": 100000000000000.5,
        "A2": 1.000030517578125,
        "A3": 1.000030517578124,
        "A4": 1234567890123.125,
        "B1": "=A1=100000000000001",
        "B2": "=(1E14+0.5)=100000000000001",
        "B3": "=A2=1.00003051757813",
        "B4": "=A4>=1234567890123.13",
        "B5": "=A4<1234567890123.13",
        "B6": "=-A1=-100000000000001",
        "B7": "=A1<>100000000000000",
        "B8": "=0.1+0.2=0.3",  # as before
        "B9": "=A3=1.00003051757812",  # no tie: as before
    }
    got = recalculated(tmp_path, cells)
    assert [got[f"B{row}"] for row in range(1, 10)] == [True, True, True, True, False, True, True, True, True]
