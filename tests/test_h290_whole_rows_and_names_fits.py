"""Whole rows (``=SBG_FIT(1:2)``, cohorts across) and defined names referring to whole columns or rows (``Tri``:
C!$C:$J) given to our fits were not cut to the cells in use as ``=SBG_FIT(C:J)`` is (1f753404): ``=SBG_FIT(Tri)``
over a two-cohort triangle in C1:J2 took 53 s (the core handed 1,048,576 x 8 cells) for the values of C1:J2. They
are now cut the same way, with the same values. No time is asserted: the rewrite is, with the real engine's
workbook, and the blank columns to the right are shown to change no such function's result."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from one_sheet import save_dynamic
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula
from test_h281_whole_column_fits import BDW, SBG, TRIANGLE, WHOLE_TAKERS, full_and_cut

from xl_retention.cells import evaluate
from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.engine import load
from xl_retention.recalculation.package import scan
from xl_retention.recalculation.whole_ranges import UsedExtents, bound_whole_ranges, whole_names
from xl_retention.registry import BY_NAME


def _book(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    rows = book.active
    rows.title = "R"  # cohorts across, from A1
    for counts in TRIANGLE:
        rows.append(counts)
    rows["A5"] = ArrayFormula("A5:C5", "=SBG_FIT(1:2)")
    rows["A6"] = ArrayFormula("A6:D6", "=BDW_FIT(R!$1:$2)")
    rows["A7"] = ArrayFormula("A7:C7", "=SBG_FIT(Across)")
    columns = book.create_sheet("C")
    for counts in TRIANGLE:
        columns.append([None, None, *counts])
    columns["L1"] = ArrayFormula("L1:N1", "=SBG_FIT(Tri)")
    columns["L2"] = ArrayFormula("L2:O2", "=BDW_FIT(Tri)")
    book.defined_names["Tri"] = DefinedName("Tri", attr_text="C!$C:$J")
    book.defined_names["Across"] = DefinedName("Across", attr_text="R!$1:$2")
    return save_dynamic(book, tmp_path / "whole.xlsx", [])


def test_whole_rows_and_names_of_whole_columns_are_cut_to_the_cells_in_use(tmp_path: Path) -> None:
    path = _book(tmp_path)
    info = scan(str(path))
    extents = UsedExtents(load(path, info), info.formulas)
    names = whole_names({**info.names.get("", {})})
    assert names == {"tri": "'C'!$C:$J", "across": "'R'!$1:$2"}
    assert extents.columns_in("R", 1, 2) == 8
    assert bound_whole_ranges("=SBG_FIT(1:2)", "R", True, extents, names) == "=SBG_FIT($A$1:$H$2)"
    assert bound_whole_ranges("=BDW_FIT(R!$1:$2)", "R", True, extents, names) == "=BDW_FIT(R!$A$1:$H$2)"
    assert bound_whole_ranges("=SBG_FIT(Across)", "R", True, extents, names) == "=SBG_FIT('R'!$A$1:$H$2)"
    assert bound_whole_ranges("=SBG_FIT(Tri)", "C", True, extents, names) == "=SBG_FIT('C'!$C$1:$J$2)"
    assert bound_whole_ranges("=SUM(Tri)", "C", False, extents, names) == "=SUM(Tri)"  # not our function


def test_whole_rows_and_names_give_the_used_cells_values(tmp_path: Path) -> None:
    result = recalc_file(_book(tmp_path), tmp_path / "out.xlsx", engine="embedded")
    assert (result.status, result.errors, result.unsupported) == ("ok", [], [])
    book = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    rows, columns = book["R"], book["C"]
    assert [rows[f"{c}5"].value for c in "ABC"] == SBG
    assert [rows[f"{c}6"].value for c in "ABCD"] == BDW
    assert [rows[f"{c}7"].value for c in "ABC"] == SBG
    assert [columns[f"{c}1"].value for c in "LMN"] == SBG
    assert [columns[f"{c}2"].value for c in "LMNO"] == BDW


@pytest.mark.parametrize("name", WHOLE_TAKERS)
def test_blank_columns_to_the_right_change_no_result_of_a_function_taking_ranges_whole(name: str) -> None:
    """What makes the cut of a whole row exact: the core reads blank cells after its data as nothing."""
    got, expected = (evaluate(BY_NAME[name], *arguments) for arguments in full_and_cut(name, across=True))
    assert (repr(got), getattr(got, "message", None)) == (repr(expected), getattr(expected, "message", None))
