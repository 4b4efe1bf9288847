"""ROUND from the 15 digits Excel shows, halves away from zero: ``=ROUND(1E14+0.5,0)`` is 100000000000001 in Excel
(1E14+0.5 is shown 100000000000001); the engine's ROUND gave 100000000000000 under status ok (H239's finding 8)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation.batch import recalc_file

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
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"] = 1250
    for ref, formula in CELLS.items():
        sheet[ref] = formula
    book.save(tmp_path / "t.xlsx")
    result = recalc_file(tmp_path / "t.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert {ref: out[ref].value for ref in CELLS} == {
        "B1": 100000000000001,
        "B2": -100000000000001,
        "B3": 2.68,
        "B4": 1230,
        "B5": 2.5,
        "B6": 1300,
        "B7": "#DIV/0!",
        "B8": 3.5,
    }
