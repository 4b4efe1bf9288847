"""Degrees of freedom of the T, chi-square and F distributions and CONFIDENCE's size are truncated, as Excel does.

Microsoft's pages for CHISQ.DIST, CHISQ.INV, F.DIST, F.INV, T.INV, T.INV.2T, CONFIDENCE.NORM: "If deg_freedom
(size) is not an integer, it is truncated"; the engine's legacy TDIST, CHIDIST, FDIST truncated, its modern
functions computed with the fraction (T.DIST.2T(1.5,2.7) 0.2403, Excel and LibreOffice 0.27239: H223's finding 07).
The expected values are the functions at the truncated df (scipy.stats, LibreOffice gives the same).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import xl_retention

FORMULAS = {  # cell: (formula, Excel's value at the truncated degrees of freedom or size)
    "B1": ("=_xlfn.T.DIST.2T(1.5,A1)", 0.2723931248910011),  # df 2.7 -> 2
    "B2": ("=_xlfn.T.INV.2T(0.1,A1)", 2.9199855803537256),
    "B3": ('=_xlfn.T.INV(0.2,"2.7")', -1.060660171779821),
    "B4": ("=_xlfn.T.DIST(1.5,2.7,TRUE)", 0.8638034375544992),
    "B5": ("=_xlfn.CHISQ.INV(0.5,3.6)", 2.3659738843753377),  # df 3
    "B6": ("=_xlfn.CHISQ.DIST.RT(2,3.6)", 0.5724067044708798),
    "B7": ("=_xlfn.F.DIST.RT(1.2,3.5,7.9)", 0.377434925117228),  # df 3 and 7
    "B8": ("=_xlfn.F.INV(0.5,3.5,7.9)", 0.870944253187285),
    "B9": ("=_xlfn.CONFIDENCE.T(0.05,1,A5)", 0.2841968554957299),  # size 50.9 -> 50
    "B10": ("=_xlfn.CONFIDENCE.NORM(0.05,1,A5)", 0.2771807648699356),
    "B11": ("=CONFIDENCE(0.05,1,A5)", 0.2771807648699356),
    "B12": ("=SUMPRODUCT(_xlfn.T.DIST.RT(1.5,A1:A2))", 0.25148849506791204),  # df 2 and 3, element by element
}


def test_fractional_degrees_of_freedom_are_truncated(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["A3"], sheet["A4"], sheet["A5"] = 2.7, 3.9, 0.5, "abc", 50.9
    for cell, (formula, _) in FORMULAS.items():
        sheet[cell] = formula
    sheet["C1"] = "=_xlfn.T.DIST(1.5,A3,TRUE)"  # df 0.5 -> 0: #NUM!, as before
    sheet["C2"] = "=_xlfn.CHISQ.DIST.RT(2,A4)"  # text: #VALUE!, as before
    sheet["C3"] = "=TDIST(1.5,2.7,2)"  # the legacy twin, unchanged
    book.save(tmp_path / "df.xlsx")
    report = xl_retention.recalc([str(tmp_path / "df.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    assert report.files[0].status == "ok"
    values = openpyxl.load_workbook(tmp_path / "out" / "df.xlsx", data_only=True)["S"]
    for cell, (formula, expected) in FORMULAS.items():
        assert values[cell].value == pytest.approx(expected, rel=1e-12), (cell, formula)
    assert values["C1"].value == "#NUM!"
    assert values["C2"].value == "#VALUE!"
    assert values["C3"].value == pytest.approx(0.2723931248910011, rel=1e-12)
