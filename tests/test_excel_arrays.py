"""Functions of single values given arrays where Excel evaluates arrays (excel_functions.elementwise).

In an array formula, or inside SUMPRODUCT (an argument Excel takes as an array), Excel applies MOD,
YEAR, ROUND, ISNUMBER, VALUE, CEILING, ... to each element of an array argument; the engine
answered #VALUE! or used the first element only. Each test builds its own workbook.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file


def _recalculated(tmp_path: Path, cells: dict[str, object]) -> dict[str, object]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in cells.items():
        sheet[ref] = value
    source = tmp_path / "arrays.xlsx"
    book.save(source)
    report = recalc_file(source, tmp_path / "out" / "arrays.xlsx", "embedded")
    assert report.status == "ok", report.message
    values = openpyxl.load_workbook(report.output, data_only=True)["S"]
    return {c.coordinate: c.value for row in values.iter_rows() for c in row if c.value is not None}


def test_functions_of_one_value_apply_to_each_element_inside_sumproduct(tmp_path: Path) -> None:
    cells: dict[str, object] = {
        "A1": dt.datetime(2024, 1, 31), "A2": dt.datetime(2023, 5, 1), "A3": dt.datetime(2024, 7, 4),
        "B1": 10, "B2": 20, "B3": 30, "B4": 40, "C1": 1, "C2": "x", "C3": 2.5, "D1": "1", "D2": "2",
    }  # fmt: skip
    formulas = {
        "F1": "=SUMPRODUCT((MOD(ROW(B1:B4),2)=0)*B1:B4)",  # rows 2 and 4
        "F2": "=SUMPRODUCT((YEAR(A1:A3)=2024)*B1:B3)",
        "F3": "=SUMPRODUCT(--ISNUMBER(C1:C3))",
        "F4": "=SUMPRODUCT(VALUE(D1:D2))",
        "F5": "=SUMPRODUCT(ROUND(C1:C3*1.07,1))",  # "x" * 1.07 is #VALUE!: the whole product is
        "F6": "=SUMPRODUCT(MONTH(A1:A3)*B1:B3)",
        "F7": "=SUMPRODUCT(CEILING(B1:B4/3,1))",
        "F8": "=SUMPRODUCT(WEEKDAY(A1:A3,2))",  # Wednesday 3, Monday 1, Thursday 4
    }
    got = _recalculated(tmp_path, {**cells, **formulas})
    assert {ref: got[ref] for ref in formulas} == {
        "F1": 60, "F2": 40, "F3": 2, "F4": 3, "F5": "#VALUE!", "F6": 1 * 10 + 5 * 20 + 7 * 30, "F7": 4 + 7 + 10 + 14,
        "F8": 8,
    }  # fmt: skip


def test_array_formulas_apply_functions_of_one_value_to_each_element(tmp_path: Path) -> None:
    cells: dict[str, object] = {"A1": 2.675, "A2": -7.5, "A3": 9, "B1": 4, "B2": 3, "B3": 0}
    cells["D1"] = ArrayFormula("D1:D3", "=ROUND(A1:A3,2)")
    cells["E1"] = ArrayFormula("E1:E3", "=MOD(A1:A3,B1:B3)")
    cells["F1"] = ArrayFormula("F1:F3", "=INT(A1:A3)")
    cells["G1"] = ArrayFormula("G1:G3", "=FLOOR(A1:A3,1)")
    cells["H1"] = ArrayFormula("H1", "=SUM(ABS(A1:A3))")
    got = _recalculated(tmp_path, cells)
    assert [[got[f"{c}{r}"] for c in "DEFG"] for r in (1, 2, 3)] == [
        [2.68, 2.675, 2, 2],
        [-7.5, 1.5, -8, -8],  # MOD(-7.5, 3) = -7.5 - 3 * INT(-2.5)
        [9, "#DIV/0!", 9, 9],
    ]
    assert got["H1"] == 2.675 + 7.5 + 9
