"""Iterative calculation: a loop is iterated at most Maximum Iterations times per recalculation (H279's finding 02).

Excel recalculates a circular chain at most ``iterateCount`` times (File > Options > Formulas > Maximum
Iterations), or until the largest change is below ``iterateDelta``. The engine iterates a loop again from the
values it holds at each evaluation, and the steps that set formulas again after the first evaluation (Excel's final
+ or -) evaluated a second time: the accumulator idiom ``=B1+A1`` with Maximum Iterations 1 gave 10 for A1 = 5
(Excel's 5), a loop through a copy ``=A1+C1``/``=B1`` with 5 gave 10 (Excel's 5), all under status ok.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.properties import CalcProperties

from xl_retention.recalculation import recalc_file


def _book(tmp_path: Path, cells: dict[str, object], count: int) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "I"
    for ref, value in cells.items():
        sheet[ref] = value
    book.calculation = CalcProperties(iterate=True, iterateCount=count, iterateDelta=0.001)
    path = tmp_path / "loop.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("cells", "count", "expected"),
    [
        ({"A1": 5, "B1": "=B1+A1"}, 1, {"B1": 5}),  # the accumulator: one step per recalculation
        ({"A1": 1, "B1": "=A1+C1", "C1": "=B1"}, 5, {"B1": 5, "C1": 5}),  # through a plain copy
        ({"B1": "=B1+1"}, 5, {"B1": 5}),
        ({"B1": "=B1+1"}, 20, {"B1": 20}),
        ({"A1": 4, "B1": '=IF(B1="",96,B1+A1)'}, 5, {"B1": 112}),  # started from a blank cell: 96, 100, ..., 112
        ({"A1": 100, "B1": "=A1+C1", "C1": "=B1*2"}, 5, {"B1": 3100}),  # (was right: one evaluation)
        # through INDIRECT, which the text shows no loop in; C1's 0.1+0.2-0.3 is evaluated again (Excel's final -)
        ({"A1": 5, "B1": '=INDIRECT("B1")+A1', "C1": "=0.1+0.2-0.3"}, 1, {"B1": 5, "C1": 0}),
        ({"A1": 1, "B1": '=A1+INDIRECT("C1")', "C1": "=B1", "D1": "=0.1+0.2-0.3"}, 5, {"B1": 5, "C1": 5}),
        # a loop converging towards 2 beside loops that do not: its own 10 passes, 2 - 2**-9
        ({"C1": 0.5, "C2": "=C2*C1+1", "A1": 1, "A2": "=A1+A2", "B1": "=B1+1"}, 10, {"C2": 1.998046875, "B1": 10}),
    ],
)
def test_loop_iterated_maximum_iterations_times(tmp_path: Path, cells: dict, count: int, expected: dict) -> None:
    path = _book(tmp_path, cells, count)
    out = tmp_path / "out.xlsx"
    report = recalc_file(path, out, engine="embedded")
    assert (report.status, report.message) == ("ok", "")
    sheet = openpyxl.load_workbook(out, data_only=True)["I"]
    assert {ref: sheet[ref].value for ref in expected} == expected
