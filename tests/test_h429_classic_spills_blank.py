"""A classic formula (no dynamic-array flag, as openpyxl and pandas write every formula) whose array result the rewrite
did not foresee spilled in the engine into the BLANK cells beside it, and the formulas reading those cells read the
spilled values: ``=C1&"|"`` beside ``=Pair*1`` (Pair = {1,2}) was "2|" where Excel's is "|" (C1 is blank in Excel),
COUNTA counted it, SUM added it. Excel shows a classic formula's array as its first value, nothing beside it.
A result that is a range (``LET(a,J12:K12,IF(TRUE,a,a))``, IF passing a LET name: Excel's implicit intersection) is
its cell in the formula's column, here none: #VALUE! with the reason (H456; it was listed as not computed). A formula
Excel 365 saved as a dynamic array (``cm="1"``) still spills.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from one_sheet import save_dynamic, sheet_book
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

#: row -> (formula in B, Excel's value); C of the row (and B of the row below) blank; E reads C, F counts B:C, G sums it
_ROWS = {
    1: ("=Pair*1", 1),
    3: ("=_xlfn.LAMBDA(_xlpm.x,_xlpm.x*{1,2})(3)", 3),
    5: ("=_xlfn.LET(_xlpm.a,_xlfn.HSTACK(1,2),_xlpm.a)", 1),
    7: ("=_xlfn.MAP(J7:K7,_xlfn.LAMBDA(_xlpm.x,_xlpm.x*2))", 2),
}


@pytest.fixture(scope="module")
def classic(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, object]]:
    """The classic workbook recalculated once: the report and sheet S's values."""
    folder = tmp_path_factory.mktemp("h429")
    cells: dict[str, object] = {}
    for row, (formula, _) in _ROWS.items():
        cells.update({f"B{row}": formula, f"E{row}": f'=C{row}&"|"', f"F{row}": f"=COUNTA(B{row}:C{row})"})
        cells[f"G{row}"] = f"=SUM(B{row}:C{row})"
    cells.update({"J7": 1, "K7": 2})
    # a column: the cell below is the blank one
    cells.update({"B9": "=_xlfn.LET(_xlpm.a,_xlfn.VSTACK(5,6),_xlpm.a)", "E9": '=B10&"|"', "F9": "=COUNTA(B9:B10)"})
    cells["G9"] = "=SUM(B9:B10)"
    # a result that is a range (IF passing a LET name): its cell in column B, none, #VALUE!, as Excel (H437, H456);
    # the blank cell beside it still blank for its reader
    cells.update({"J12": 7, "K12": 8, "B12": "=_xlfn.LET(_xlpm.a,J12:K12,IF(TRUE,_xlpm.a,_xlpm.a))", "E12": '=C12&"|"'})
    source = folder / "classic.xlsx"
    sheet_book(cells, {"Pair": "{1,2}"}).save(source)
    result = recalc_file(source, folder / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(folder / "out.xlsx", data_only=True)["S"]
    return result, {c.coordinate: c.value for row in values.iter_rows() for c in row}


def test_blank_neighbours_of_a_classic_array_stay_blank(classic: tuple[object, dict[str, object]]) -> None:
    _, values = classic
    got = {row: tuple(values[f"{col}{row}"] for col in "BCEFG") for row in _ROWS}
    assert got == {row: (want, None, "|", 1, want) for row, (_, want) in _ROWS.items()}
    assert (values["B9"], values["B10"], values["E9"], values["F9"], values["G9"]) == (5, None, "|", 1, 5)


def test_a_result_that_is_a_range_is_intersected_not_spilled(classic: tuple[object, dict[str, object]]) -> None:
    result, values = classic
    assert (values["B12"], values["C12"], values["E12"]) == ("#VALUE!", None, "|")
    assert {e.address: e.reason for e in result.errors}["S!B12"] == (
        "J12:K12 is read as one value, the cell of S!J12:K12 in the formula's own column (a classic, non-array "
        "formula's implicit intersection), and S!B12 is in column B, outside columns J-K: to read each of its cells, "
        "enter the formula as an array formula (Ctrl+Shift+Enter) (#VALUE!)"
    )
    assert not result.unsupported and result.status == "ok"


def test_dynamic_array_formula_still_spills_into_blank_cells(tmp_path: Path) -> None:
    book = sheet_book({"G1": '=F1&"|"'})
    book["S"]["E1"] = ArrayFormula("E1", "=_xlfn.HSTACK(1,2)")
    source = save_dynamic(book, tmp_path / "dynamic.xlsx", ["E1"])
    recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (values["E1"].value, values["F1"].value, values["G1"].value) == (1, 2, "2|")
