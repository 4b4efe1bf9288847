"""Binomial, negative binomial, Poisson, gamma and chi-square functions at a probability (or mean, or x) of exactly
0 or 1: valid (Microsoft's pages refuse only a probability below 0 or above 1), the answers certain. The engine gave
BINOM.INV(3,0,0.5) 3 (right 0) and #NUM! for the others (H223's finding 08); the expected values are
LibreOffice's (7.4, recalculation forced) and the densities' own values (0^0 = 1; the exponential density at 0 is
1/beta)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import xl_retention

FORMULAS = {  # cell: (formula, expected)
    "A1": ("=_xlfn.BINOM.INV(3,0,0.5)", 0.0),
    "A2": ("=CRITBINOM(3,1,0.5)", 3.0),
    "A3": ("=_xlfn.BINOM.DIST(0,3,0,FALSE)", 1.0),
    "A4": ("=_xlfn.BINOM.DIST(3,3,1,TRUE)", 1.0),
    "A5": ("=BINOMDIST(0,3,0,TRUE)", 1.0),
    "A6": ("=_xlfn.NEGBINOM.DIST(0,3,1,FALSE)", 1.0),
    "A7": ("=_xlfn.POISSON.DIST(0,0,FALSE)", 1.0),
    "A8": ("=_xlfn.BINOM.DIST.RANGE(3,1,3)", 1.0),
    "A9": ("=_xlfn.GAMMA.DIST(0,1,2,FALSE)", 0.5),
    "A10": ("=_xlfn.CHISQ.INV(0,2)", 0.0),
    "A11": ("=_xlfn.CHISQ.INV.RT(1,2)", 0.0),
    "A12": ("=CHIINV(1,2)", 0.0),
    "A13": ("=SUMPRODUCT(_xlfn.BINOM.DIST(C1:C3,3,0,FALSE))", 1.0),  # k = 0, 1, 2: 1 + 0 + 0
    "A14": ("=_xlfn.BINOM.DIST(1,3,0.5,FALSE)", 0.375),  # controls, as before
    "A15": ("=_xlfn.BINOM.INV(6,0.5,0.75)", 4.0),
    "A16": ("=_xlfn.POISSON.DIST(2,1.5,TRUE)", 0.8088468305380586),
    "A17": ("=_xlfn.CONFIDENCE.T(0.99,0.5,1000)", 0.00019822115962268912),  # mpmath at 40 digits
    "A18": ("=_xlfn.CHISQ.DIST(0,2,FALSE)", 0.5),  # the exponential density of mean 2 at 0 (the engine: 0)
    "A19": ("=_xlfn.F.DIST(0,2,3,FALSE)", 1.0),  # (2/3) / B(1, 1.5) (the engine: 0)
    "A20": ("=_xlfn.F.INV(0,2,3)", 0.0),  # the engine: #NUM!
    "A21": ("=_xlfn.F.INV(0.99,10,1)", 6055.846707395832),  # mpmath at 40 digits (the engine: ...381209)
}
ERRORS = {  # outside the domains, as before
    "B1": ("=_xlfn.BINOM.DIST(4,3,0.5,FALSE)", "#NUM!"),
    "B2": ("=_xlfn.BINOM.INV(3,1.1,0.5)", "#NUM!"),
    "B3": ("=_xlfn.POISSON.DIST(1,-0.5,TRUE)", "#NUM!"),
    "B4": ("=_xlfn.CHISQ.INV(1,2)", "#NUM!"),
    "B5": ('=_xlfn.BINOM.DIST("abc",3,0.5,FALSE)', "#VALUE!"),
    "B6": ("=_xlfn.NEGBINOM.DIST(1,0,0.5,FALSE)", "#NUM!"),
    "B7": ("=_xlfn.CONFIDENCE.T(0.05,1,1)", "#DIV/0!"),  # Microsoft: size 1 is #DIV/0! (the engine: #NUM!)
    "B8": ("=_xlfn.CONFIDENCE.T(0.05,1,1.5)", "#DIV/0!"),  # size truncated to 1
    "B9": ("=_xlfn.CONFIDENCE.T(0.05,1,0.5)", "#NUM!"),
    "B10": ("=_xlfn.CHISQ.DIST(0,1,FALSE)", "#NUM!"),  # an infinite density
    "B11": ("=_xlfn.F.INV(1,2,3)", "#NUM!"),
}


def test_probabilities_of_exactly_0_or_1_are_certain(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["C1"], sheet["C2"], sheet["C3"] = 0, 1, 2
    for cell, (formula, _) in {**FORMULAS, **ERRORS}.items():
        sheet[cell] = formula
    book.save(tmp_path / "p.xlsx")
    report = xl_retention.recalc([str(tmp_path / "p.xlsx")], engine="embedded", output_dir=str(tmp_path / "out"))
    values = openpyxl.load_workbook(tmp_path / "out" / "p.xlsx", data_only=True)["S"]
    for cell, (formula, expected) in FORMULAS.items():
        assert values[cell].value == pytest.approx(expected, rel=1e-13, abs=1e-300), (cell, formula)
    for cell, (formula, expected) in ERRORS.items():
        assert values[cell].value == expected, (cell, formula)
    assert report.files[0].status == "ok"  # #NUM! and #VALUE! of bad arguments are results, as in Excel
