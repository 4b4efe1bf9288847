"""QUOTIENT, FACT, COMBIN, PERMUT, GCD, LCM, ISEVEN and ISODD truncate the 15 significant digits Excel shows of a
number, as INT does (``test_recalc_int_shown_digits.py``), not its binary value.

``=0.6/0.2`` is 2.9999999999999996 in binary and 3 to Excel (shown, ``=TRUNC(0.6/0.2)`` 3); the engine's
``=QUOTIENT(0.6,0.2)`` was 2, ``=FACT(5-9E-16)`` 24, ``=GCD(5-9E-16,10)`` 2 with the status ok. The expected values are
LibreOffice 7.4's (recalculation forced), which truncates the same way, and Apache POI's (pull request 1280, "Truncate
function arguments on Excel's 15-digit view"): QUOTIENT(880000000*0.00849,3) 2490400, as INT of that quotient.
A number away from a whole one is truncated as before (QUOTIENT(-7,2) -3, FACT(4.9) 24).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

FORMULAS = {  # cell: (formula, expected)
    "A1": ("=QUOTIENT(0.6,0.2)", 3.0),  # the engine: 2
    "A2": ("=QUOTIENT(1.2,0.2)", 6.0),  # 5
    "A3": ("=QUOTIENT(-0.6,0.2)", -3.0),  # -2
    "A4": ("=QUOTIENT(880000000*0.00849,3)", 2490400.0),  # 2490399
    "A5": ("=FACT(5-9E-16)", 120.0),  # 24
    "A6": ("=COMBIN(5-9E-16,2)", 10.0),  # 6
    "A7": ("=PERMUT(5-9E-16,2)", 20.0),  # 12
    "A8": ("=GCD(5-9E-16,10)", 5.0),  # 2
    "A9": ("=LCM(5-9E-16,10)", 10.0),  # 20
    "A10": ("=ISEVEN(880000000*0.00849/3)", True),  # FALSE
    "A11": ("=ISODD(880000000*0.00849/3)", False),  # TRUE
    "A12": ("=QUOTIENT(-7,2)", -3.0),  # controls: away from a whole number, truncated as before
    "A13": ("=FACT(4.9)", 24.0),
    "A14": ("=QUOTIENT(C1,0.2)", 3.0),  # C1 =0.6
    "A15": ("=QUOTIENT(1,C9)", "#DIV/0!"),  # a blank divisor
    "A16": ("=FACT(-1)", "#NUM!"),
    "A17": ("=COMBIN(3,5)", "#NUM!"),
    "A18": ('=QUOTIENT("6",2)', 3.0),
    "A19": ("=QUOTIENT(TRUE,1)", 1.0),
}


def test_whole_arguments_from_the_shown_digits(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["C1"] = 0.6
    for cell, (formula, _) in FORMULAS.items():
        sheet[cell] = formula
    sheet["B1"] = "=SUMPRODUCT(QUOTIENT({0.6,1.2},0.2))"  # 3 + 6 (the engine's array form: 2 + 5)
    sheet["B2"] = ArrayFormula("B2", "=SUM(FACT(5-{9E-16,0}))")  # 120 + 120 (24 + 120)
    source, target = tmp_path / "book.xlsx", tmp_path / "out.xlsx"
    book.save(source)
    report = recalc_file(source, target, engine="embedded")
    values = openpyxl.load_workbook(target, data_only=True)["S"]
    got = {cell: values[cell].value for cell in FORMULAS}
    assert got == {cell: expected for cell, (_, expected) in FORMULAS.items()}
    assert (values["B1"].value, values["B2"].value) == (9.0, 240.0)
    assert report.status == "ok"
