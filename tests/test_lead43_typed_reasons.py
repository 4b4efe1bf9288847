"""A reason quotes the formula as the user typed it, never the engine's rewrite (H434's finding 04).

A classic two-criteria INDEX/MATCH (``=INDEX(C2:C5,MATCH(1,(A2:A5="x")*(B2:B5=4),0))``, written by openpyxl: no
dynamic-array flag, so Excel intersects A2:A5 and B2:B5 with the formula's row 3) finds no 1 and is #N/A, as in
Excel. Its reason said ``MATCH: 1 is not in (A3 = "x") * (_XLR.COMPARED(B3) = 4) (#N/A)``: ``_XLR.COMPARED`` is the
rewrite's comparison at 15 digits, a function in no workbook and no Excel.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc


def test_lookup_reason_shows_the_comparison_as_typed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, values in enumerate([("x", 3, 100), ("y", 3, 200), ("x", 4, 300), ("x", 3, 400)], start=2):
        for column, value in enumerate(values, start=1):
            sheet.cell(row, column, value)
    sheet["E3"] = '=INDEX(C2:C5,MATCH(1,(A2:A5="x")*(B2:B5=4),0))'
    book.save(tmp_path / "m.xlsx")

    report = recalc(tmp_path / "m.xlsx", engine="embedded", output_dir=tmp_path / "out").files[0]

    assert [(e.address, e.error, e.reason) for e in report.errors] == [
        ("S!E3", "#N/A", 'MATCH: 1 is not in (A3 = "x") * (B3 = 4) (#N/A)')
    ]
    assert "_XLR" not in report.message
