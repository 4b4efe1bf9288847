"""ATAN2 of a point on the negative x axis is pi, also where y is computed as a "negative zero".

Microsoft's ATAN2 page: "The result is given in radians between -pi and pi, excluding -pi"; Excel has no negative
zero (Microsoft KB Q63972: Excel returning the product of a negative number and zero as -0 was a problem, corrected).
The engine kept IEEE's -0.0 from ``0*-1``, ``ROUND(-0.001,2)``, ``-0`` and answered ATAN2(-1, that) with -pi, status ok.
"""

from __future__ import annotations

import math
from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def test_atan2_reads_a_zero_as_zero(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"] = -1, "=0*-1"
    cells = {
        "B1": "=ATAN2(A1,A2)",
        "B2": "=ATAN2(-1,ROUND(-0.001,2))",
        "B3": "=ATAN2(-1,-0)",
        "B4": "=SUMPRODUCT(ATAN2({-1,-1},{0,0}*-1))",
        "B5": "=DEGREES(ATAN2(-1,TRUNC(-0.5)))",
        "B6": "=ATAN2(1,1)",  # pi/4, as before
        "B7": "=ATAN2(0,A2)",  # (0, 0): #DIV/0!, as before
    }
    for ref, formula in cells.items():
        sheet[ref] = formula
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", (result.message, result.unsupported)
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in cells] == [math.pi, math.pi, math.pi, 2 * math.pi, 180, math.pi / 4, "#DIV/0!"]
