"""INDEX, ROWS and COLUMNS of an expression: Excel's answer is the expression's error when it is one (issue 14 speed).

The test that the expression is one error value (``_XLR.FAILED``, in Python) used to receive the whole array of
every such cell (300 cells of ``INDEX(A$1:A$10000*1,ROW())`` took twice as long as the engine's INDEX): now only where
the engine's own INDEX failed in a way that the expression's error may explain, and for ROWS/COLUMNS only a value of
one row and one column. The values are the same as before, where the engine's result fails and where it does not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation.batch import recalc_file
from xl_retention.recalculation.excel_functions import FUNCTIONS, Function, typed

CELLS = {
    "C1": "=INDEX(A1:A5*2,3)",
    "C2": "=INDEX(A1:A5*2,ROW())",
    "C3": "=INDEX(A1:A5/(A1:A5<>3),3)",  # the picked element is an error: the engine's answer is Excel's
    "C4": "=INDEX(1/0,1,4)",  # the expression is one error: that error (the engine's #REF!)
    "C5": "=INDEX(NA(),2,1)",
    "C6": "=INDEX(A1:A5*1,9)",  # out of its range: #REF!
    "C7": "=INDEX(A1:A5*1,NA())",
    "C8": '=IFERROR(INDEX(1/0,1,1),"none")',
    "C9": "=ROWS(1/0)",
    "C10": "=COLUMNS(NA())",
    "C11": "=INDEX(A1:B5*10,4,2)",
}
ARRAYS = {
    "E1:E3": "=INDEX(A1:B3*2,0,1)",
    "F1": "=ROWS(_xlfn._xlws.FILTER(A1:A5,A1:A5>2))",
    "F2": "=COLUMNS(_xlfn.SEQUENCE(1,4))",
    "F3": "=ROWS(_xlfn._xlws.FILTER(A1:A5,A1:A5>9))",  # nothing found: #CALC!, a value of one cell that is an error
    "F4": "=ROWS(_xlfn.SEQUENCE(1,4))",
    "F5": "=COLUMNS(_xlfn.SEQUENCE(4,1))",
}


def test_index_rows_columns_of_expressions_send_no_array_into_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Any] = []
    real = FUNCTIONS[typed.FAILED]

    def failed(value: Any) -> Any:
        seen.append(value)
        return real.call(value)

    monkeypatch.setitem(FUNCTIONS, typed.FAILED, Function(typed.FAILED, failed, 1, 1))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(1, 6):
        sheet.cell(row, 1, row)
        sheet.cell(row, 2, 10 * row)
    for ref, formula in CELLS.items():
        sheet[ref] = formula
    for area, formula in ARRAYS.items():
        sheet[area.split(":")[0]] = ArrayFormula(area, formula)
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    got = {ref: out[ref].value for ref in [*CELLS, "E1", "E2", "E3", "F1", "F2", "F3", "F4", "F5"]}
    assert got == {
        "C1": 6,
        "C2": 4,
        "C3": "#DIV/0!",
        "C4": "#DIV/0!",
        "C5": "#N/A",
        "C6": "#REF!",
        "C7": "#N/A",
        "C8": "none",
        "C9": "#DIV/0!",
        "C10": "#N/A",
        "C11": 400,
        "E1": 2,
        "E2": 4,
        "E3": 6,
        "F1": 3,
        "F2": 4,
        "F3": "#CALC!",
        "F4": 1,
        "F5": 1,
    }
    # only INDEX's failures that an error array may explain (C6 out of range, C7 a row number #N/A) send the array;
    # before, every INDEX and ROWS/COLUMNS above did (C1, C2, C3, C11, E1:E3, F1, F2, F4, F5)
    arrays = [value for value in seen if isinstance(value, list)]
    assert arrays == [[[1.0], [2.0], [3.0], [4.0], [5.0]]] * 2
    assert all(isinstance(value, dict) and value.get("type") == "Error" for value in seen if value not in arrays)
