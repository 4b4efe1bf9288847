"""Whole columns given to our fits (H278's finding 03): ``=SBG_FIT(C:J)`` over a two-cohort triangle (15 numbers in
C1:J2) took 47-72 s and 1 GB, the core handed all 1,048,576 rows of C:J; ``=SBG_FIT(C1:J2)`` takes a second. The
whole columns of an argument our core takes whole are now cut to the rows in use before the engine reads them, with
the same values (alpha 0.7241021..., beta 1.2631020..., LL -2985.1536...). No time is asserted: the rewritten
formula is, with the real engine's workbook, and the blank rows below are shown to change no such function's
result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.cells import evaluate
from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.engine import load
from xl_retention.recalculation.package import scan
from xl_retention.recalculation.whole_ranges import UsedExtents, bound_whole_ranges
from xl_retention.registry import BY_NAME

TRIANGLE = [[1000, 631, 468, 382, 326, 289, 262, 241], [800, 520, 390, 318, 270, 240, 216]]
#: SBG_FIT(C1:J2) and BDW_FIT(C1:J2), as the core gives them on this machine (their last digits follow the BLAS
#: kernels of the CPU: a constant written on another machine differed in the 15th digit); near the figures written
#: when the test was made, alpha 0.7241021..., beta 1.2631020..., LL -2985.1536... The sBG's alpha and beta are where
#: L-BFGS-B stops (a start 1e-11 away moves them by 2.5e-8): 6 digits; its log-likelihood is the peak's to 15
SBG = evaluate(BY_NAME["SBG_FIT"], [row + [None] * (8 - len(row)) for row in TRIANGLE])[0]
BDW = evaluate(BY_NAME["BDW_FIT"], [row + [None] * (8 - len(row)) for row in TRIANGLE])[0]
assert SBG[:2] == pytest.approx([0.7241021072629598, 1.2631020908359296], rel=1e-6)
assert SBG[2] == pytest.approx(-2985.153687843128, rel=1e-12)
assert BDW == pytest.approx([0.4860083536946865, 0.8622340178615477, 1.2427288420846352, -2984.2260978272584], rel=1e-9)


def _book(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "C"
    for counts in TRIANGLE:
        sheet.append([None, None, *counts])
    sheet["L1"] = ArrayFormula("L1:N1", "=SBG_FIT(C:J)")
    sheet["L2"] = ArrayFormula("L2:O2", "=BDW_FIT($C:$J)")
    sheet["L3"] = "=INDEX(SBG_FIT(C:E),1,2)"  # three columns, a classic formula
    sheet["L4"] = "=INDEX(SBG_FIT(C1:E2),1,2)"
    sheet["Q1"] = "=SUM(C:J)"
    return save_dynamic(book, tmp_path / "whole.xlsx", ["L1", "L2"])


def test_whole_columns_of_a_fit_are_read_down_to_the_rows_in_use(tmp_path: Path) -> None:
    path = _book(tmp_path)
    info = scan(str(path))
    extents = UsedExtents(load(path, info), info.formulas)
    assert bound_whole_ranges("=SBG_FIT(C:J)", "C", True, extents) == "=SBG_FIT($C$1:$J$2)"
    assert bound_whole_ranges("=BDW_FIT($C:$J)", "C", True, extents) == "=BDW_FIT($C$1:$J$2)"
    assert bound_whole_ranges("=INDEX(SBG_FIT(C:E),1,2)", "C", False, extents) == "=INDEX(SBG_FIT($C$1:$E$2),1,2)"
    assert extents.rows_in("C", 3, 10) == 2
    assert extents.rows_in("C", 12, 14) is None  # a dynamic array spills from L1: its rows are not known yet
    assert bound_whole_ranges("=SBG_FIT(M:N)", "C", True, extents) == "=SBG_FIT($M$1:$N$1048576)"  # not cut


def test_whole_column_fits_give_the_used_ranges_values(tmp_path: Path) -> None:
    result = recalc_file(_book(tmp_path), tmp_path / "out.xlsx", engine="embedded")
    assert (result.status, result.errors, result.unsupported) == ("ok", [], [])
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["C"]
    assert [sheet[f"{c}1"].value for c in "LMN"] == SBG
    assert [sheet[f"{c}2"].value for c in "LMNO"] == BDW
    assert sheet["L3"].value == sheet["L4"].value == evaluate(BY_NAME["SBG_FIT"], [r[:3] for r in TRIANGLE])[0][1]
    assert sheet["Q1"].value == sum(map(sum, TRIANGLE))


RFM = {  # three customers' frequency, recency and age (a BG/NBD and Pareto/NBD fit has a peak), and spend
    "frequency": [2, 1, 0, 3, 0, 5, 1, 2, 4, 0, 1, 6],
    "recency": [30.4, 1.7, 0, 35.0, 0, 38.2, 10.0, 20.0, 33.3, 0, 5.1, 37.0],
    "age": [38.9, 38.9, 38.9, 38.9, 38.9, 39.0, 38.0, 37.0, 39.0, 38.5, 36.0, 39.0],
    "monetary_value": [20.0, 30.0, 0, 45.0, 0, 15.0, 22.0, 33.0, 41.0, 0, 18.0, 25.0],
}
BB = {
    "frequency": [3, 2, 0, 5, 0, 6, 1, 2],
    "recency": [5, 4, 0, 6, 0, 6, 2, 5],
    "n_periods": [6] * 8,
    "counts": [1] * 8,
}


#: the functions our core takes ranges of whole (a table, or a column of values)
WHOLE_TAKERS = sorted(n for n, f in BY_NAME.items() if f.kind == "aggregate" and any(a.whole for a in f.args))


def full_and_cut(name: str, across: bool = False) -> tuple[list[Any], list[Any]]:
    """The arguments of ``name`` on this file's data, as cut to the cells in use and with 40 blank rows below them
    (``across``: 40 blank columns right of them, a whole row's cut)."""
    full: list[Any] = []
    cut: list[Any] = []
    for spec in BY_NAME[name].args:
        if spec.whole == "table":
            rows = [[*r, *[None] * (8 - len(r))] for r in TRIANGLE]
            cut.append(rows)
            full.append([[*r, *[None] * 40] for r in rows] if across else rows + [[None] * 8] * 40)
        elif spec.whole:
            data = BB if name.startswith("BGBB") else RFM
            values = data.get(spec.name.removesuffix("s"), data.get(spec.name, [5.0] * 12))
            cut.append([list(values)] if across else [[v] for v in values])
            full.append([[*values, *[None] * 40]] if across else [[v] for v in values] + [[None]] * 40)
        else:
            value = spec.default if spec.optional else 3
            cut.append(value)
            full.append(value)
    return full, cut


@pytest.mark.parametrize("name", WHOLE_TAKERS)
def test_blank_rows_below_change_no_result_of_a_function_taking_ranges_whole(name: str) -> None:
    """What makes the cut exact: the core reads blank rows below its data as nothing, for every such function."""
    full, cut = full_and_cut(name)
    assert repr(evaluate(BY_NAME[name], *full)) == repr(evaluate(BY_NAME[name], *cut))
