"""ROUND from the 15 digits Excel shows, halves away from zero: ``=ROUND(1E14+0.5,0)`` is 100000000000001 in Excel
(1E14+0.5 is shown 100000000000001); the engine's ROUND gave 100000000000000 under status ok (H239's finding 8)."""

from __future__ import annotations

from pathlib import Path

from one_sheet import recalculated

CELLS = {
    "B1": "=ROUND(1E14+0.5,0)",
    "B2": "=ROUND(-1E14-0.5,0)",
    "B3": "=ROUND(2.675,2)",
    "B4": "=ROUND(1234.5,-1)",
    "B5": "=ROUND(2.5,400)",
    "B6": "=ROUND(A1,-2)",
    "B7": "=ROUND(1/0,1)",
    "B8": '=ROUND("3.45",1)',
}


def test_round_takes_excels_fifteen_digits(tmp_path: Path) -> None:
    values = recalculated(tmp_path, {"A1": 1250, **CELLS})
    assert {ref: values[ref] for ref in CELLS} == {
        "B1": 100000000000001,
        "B2": -100000000000001,
        "B3": 2.68,
        "B4": 1230,
        "B5": 2.5,
        "B6": 1300,
        "B7": "#DIV/0!",
        "B8": 3.5,
    }
