"""MOD in an array formula gives the remainder the plain MOD gives (and Excel): the exact one of the binary numbers.

The element-by-element MOD (an array formula, ``{=MOD(A1:A4,B1:B4)}``) computed ``n - d*FLOOR(n/d)`` of the rounded
quotient: ``MOD(281.44, 0.02)`` was 0 there and 0.019999999999991868 in a plain cell (Excel 2010 on: 0.02, the
quotient 14071.99999999999959 floored; microsoft.public forum "Excel 2010 MOD bug"), ``MOD(10, 0.1)`` 0 for 0.1: 255
of 400 random pairs differed from the plain cell's remainder. Unlike INT, MOD takes no 15 digits: Excel stores
0.99999999999999978 for ``=MOD((1.2-1)/0.2,1)``.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

PAIRS = [(281.44, 0.02), (10, 0.1), (-281.44, 0.02), (0.9, -0.3), (-3, 2), (3, -2)]
#: the plain cell's remainders (math.fmod's, with the divisor's sign), exactly
REMAINDERS = [0.019999999999991868, 0.09999999999999945, 8.132383655379272e-15, -0.29999999999999993, 1, -1]


def test_mod_in_an_array_formula_is_the_plain_cells_remainder(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, (n, d) in enumerate(PAIRS, start=1):
        sheet[f"A{row}"], sheet[f"B{row}"], sheet[f"C{row}"] = n, d, f"=MOD(A{row},B{row})"
    last = len(PAIRS)
    sheet["D1"] = ArrayFormula(f"D1:D{last}", f"=MOD(A1:A{last},B1:B{last})")
    sheet["E1"] = "=MOD((1.2-1)/0.2,1)"
    book.save(tmp_path / "m.xlsx")
    report = recalc_file(tmp_path / "m.xlsx", tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert report.status == "ok"
    assert [out[f"C{row}"].value for row in range(1, last + 1)] == REMAINDERS
    assert [out[f"D{row}"].value for row in range(1, last + 1)] == REMAINDERS
    assert out["E1"].value == 0.9999999999999998  # Excel's 0.99999999999999978: no 15 digits taken
