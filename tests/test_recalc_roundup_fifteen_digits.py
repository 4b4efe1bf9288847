"""ROUNDUP and ROUNDDOWN round the 15 significant digits Excel shows of a number, as ROUND does (e808c708), not its
binary value: ``=ROUNDUP(1.1-1,1)`` is 0.1 (1.1-1 is 0.10000000000000009, shown 0.1), ``=ROUNDDOWN(1.005*1000,0)``
1005 (1004.9999999999999, shown 1005), ``=ROUNDDOWN(1E14+0.5,0)`` 100000000000001 (shown so). The embedded engine's own
ROUNDUP and ROUNDDOWN give these (checked against this package's _rounded on 112,000 numbers near a step): pinned."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalculated

CELLS = {
    "B1": "=ROUNDUP(0.1+0.2,15)",
    "B2": "=ROUNDDOWN(1E14+0.5,0)",
    "B3": "=ROUNDUP(-1E14-0.5,0)",
    "B4": "=ROUNDUP(1.1-1,1)",
    "B5": "=ROUNDDOWN(1.005*1000,0)",
    "B6": "=ROUNDDOWN(0.29*100,0)",
    "B7": "=ROUNDDOWN(-0.29*100,0)",
    "B8": "=ROUNDUP(31415.92654,-2)",
    "B9": "=ROUNDDOWN(A1,15)",
    "B10": "=ROUNDUP(2.5,400)",
}


def test_roundup_and_rounddown_take_excels_fifteen_digits(tmp_path: Path) -> None:
    values = recalculated(tmp_path, {"A1": 0.1 + 0.2, **CELLS})
    assert {ref: values[ref] for ref in CELLS} == {
        "B1": 0.3,
        "B2": 100000000000001,
        "B3": -100000000000001,
        "B4": 0.1,
        "B5": 1005,
        "B6": 29,
        "B7": -29,
        "B8": 31500,
        "B9": 0.3,
        "B10": 2.5,
    }
