"""INT rounds down the 15 significant digits Excel shows of a number, not its binary value.

``=0.29*100`` is 28.999999999999996 in binary floating point and 29 to Excel (shown, compared with ``=``); Excel's
``=INT(0.29*100)`` is 29, as its TRUNC and ROUNDDOWN are (Excel 2003 and 2007: ``=INT(123456789-0.0000004)`` is
123456789, microsoft.public.excel.worksheet.functions, "INT defect"; Excel 2016: ``=INT(880000000*0.00849/3)`` is
2490400, Apache POI bug 65792). The engine's INT gave 28, 123456788 and 2490399 with the status ok: a price in cents
``=INT(A2*100)`` one cent short for 1,145 of the 20,000 prices 0.01 .. 200.00.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file


def _values(tmp_path: Path, book: openpyxl.Workbook) -> tuple[str, dict[str, object]]:
    source, target = tmp_path / "book.xlsx", tmp_path / "out.xlsx"
    book.save(source)
    report = recalc_file(source, target, engine="embedded")
    sheet = openpyxl.load_workbook(target, data_only=True)["S"]
    return report.status, {cell.coordinate: cell.value for row in sheet.iter_rows() for cell in row}


def test_int_of_the_shown_digits(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["A2"], sheet["A3"] = 0.29, -0.29, "3.5"
    formulas = {
        "B1": "=INT(0.29*100)",  # 28.999999999999996: 29
        "B2": "=INT(A1*100)",
        "B3": "=INT(A2*100)",  # -28.999999999999996: -29
        "B4": "=INT(123456789-0.0000004)",  # 123456788.9999996 (15 digits 123456789.000000)
        "B5": "=INT(123456789-0.0000005)",  # 123456788.9999995 (15 digits 123456788.999999)
        "B6": "=INT(880000000*0.00849/3)",  # 2490399.9999999995
        "B7": "=INT(10^14+0.5)",  # the 16th digit is the first decimal: rounded half away from zero
        "B8": "=INT(2.7)+INT(-2.5)+INT(A3)",  # 2 - 3 + 3
        "B9": "=INT(0.999999999999999)",  # 15 nines: shown as they are
        "B10": "=SUMPRODUCT(INT(A1:A2*100))",  # element by element: 29 - 29
        "B11": '=INT("abc")',
    }
    for cell, formula in formulas.items():
        sheet[cell] = formula
    sheet["C1"] = ArrayFormula("C1:C2", "=INT(A1:A2*100)")
    status, values = _values(tmp_path, book)
    assert status == "ok"
    assert {cell: values[cell] for cell in [*formulas, "C1", "C2"]} == {
        "B1": 29,
        "B2": 29,
        "B3": -29,
        "B4": 123456789,
        "B5": 123456788,
        "B6": 2490400,
        "B7": 100000000000001,
        "B8": 2,
        "B9": 0,
        "B10": 0,
        "B11": "#VALUE!",
        "C1": 29,
        "C2": -29,
    }


def test_cents_of_prices(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(1, 20_001):
        sheet.cell(row, 1, round(row * 0.01, 2))
        sheet.cell(row, 2, f"=INT(A{row}*100)")
    status, values = _values(tmp_path, book)
    assert status == "ok"
    wrong = [row for row in range(1, 20_001) if values[f"B{row}"] != row]
    assert wrong == []
