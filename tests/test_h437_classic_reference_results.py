"""A classic formula (no dynamic-array flag, as openpyxl writes every formula) whose result is a range the rewrite did
not intersect (a LET name standing for one, INDEX of a bracketed range) spilled in the engine, and with its right-hand
neighbour filled was #SPILL! with the reason "S!B7 spills into B7:C7 (1 x 2), blocked by the value in S!C7", untrue: a
classic formula does not spill. Excel shows the range's cell in the formula's own row or column (implicit
intersection): ``=LET(a,B5:C5,a)`` in column B is B5's value, in column C C5's (not the top-left B5), in column E
#VALUE!. IF passing a LET name, in the calculation of a LET read as one value, passes its cell (H456: it was listed as
not computed, RANGE_RESULT_REASON). A formula Excel 365 saved as a dynamic array (``cm="1"``) still spills, and is
#SPILL! when blocked.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from one_sheet import save_dynamic, sheet_book
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

#: B2:C5: 1 2 / 3 4 / 5 6 / 7 8
_DATA = {f"{col}{row}": 2 * (row - 2) + k for row in range(2, 6) for k, col in ((1, "B"), (2, "C"))}
_LET = "=_xlfn.LET(_xlpm.a,B5:C5,_xlpm.a)"

#: formula cell -> (its formula, the filled neighbour, Excel's value)
_CLASSIC = {
    "B7": (_LET, "C7", 7),  # B5
    "C8": (_LET, "D8", 8),  # C5: the formula's column, not the top-left cell
    "E9": (_LET, "F9", "#VALUE!"),  # column E is outside B:C
    "B10": ("=INDEX((B2:C4),2,0)", "C10", 3),  # B3
    "C11": ("=_xlfn.LET(_xlpm.a,INDEX(B2:C4,2,0),_xlpm.a)", "D11", 4),  # C3
    "B12": ("=_xlfn.LET(_xlpm.r,B2:C4,_xlpm.b,INDEX(_xlpm.r,3,0),_xlpm.b)", "C12", 5),  # B4
    "E3": ("=_xlfn.LET(_xlpm.a,B2:B4,_xlpm.a)", "E4", 3),  # a column: the formula's row, B3
}


@pytest.fixture(scope="module")
def classic(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, object]]:
    """The classic workbook recalculated once: the report and sheet S's values."""
    folder = tmp_path_factory.mktemp("h437")
    cells: dict[str, object] = dict(_DATA)
    for ref, (formula, beside, _) in _CLASSIC.items():
        cells[ref], cells[beside] = formula, "note"
    # the neighbour blank: it stays blank for its reader
    cells.update({"B14": _LET, "E14": '=C14&"|"', "F14": "=COUNTA(B14:C14)"})
    # IF passing a LET name of a range in a LET read as one value: the name's cell in the formula's column, B5
    cells.update({"B16": '=_xlfn.LET(_xlpm.a,B5:C5,IF(A1="",_xlpm.a,_xlpm.a))', "C16": "note"})
    source = folder / "classic.xlsx"
    sheet_book(cells).save(source)
    result = recalc_file(source, folder / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(folder / "out.xlsx", data_only=True)["S"]
    return result, {c.coordinate: c.value for row in values.iter_rows() for c in row}


def test_a_classic_range_result_is_its_cell_in_the_formulas_row_or_column(classic: tuple[object, dict]) -> None:
    result, values = classic
    assert {ref: values[ref] for ref in _CLASSIC} == {ref: want for ref, (*_, want) in _CLASSIC.items()}
    assert (values["B14"], values.get("C14"), values["E14"], values["F14"]) == (7, None, "|", 1)
    assert not [e for e in result.errors if "blocked by" in e.reason or e.error == "#SPILL!"]


def test_a_range_result_without_a_cell_in_the_formulas_column_says_why(classic: tuple[object, dict]) -> None:
    result, _ = classic
    assert {e.address: e.reason for e in result.errors}["S!E9"] == (
        "B5:C5 is read as one value, the cell of S!B5:C5 in the formula's own column (a classic, non-array formula's "
        "implicit intersection), and S!E9 is in column E, outside columns B-C: to read each of its cells, enter the "
        "formula as an array formula (Ctrl+Shift+Enter) (#VALUE!)"
    )


def test_if_passing_a_let_name_of_a_range_is_its_cell_in_the_formulas_column(classic: tuple[object, dict]) -> None:
    result, values = classic
    assert (values["B16"], values["C16"]) == (7, "note")
    assert not result.unsupported and result.status == "ok"


def test_a_dynamic_array_range_is_still_blocked(tmp_path: Path) -> None:
    book = sheet_book({**_DATA, "C7": "note"})
    book["S"]["B7"] = ArrayFormula("B7", _LET)
    source = save_dynamic(book, tmp_path / "dynamic.xlsx", ["B7"])
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert values["B7"].value == "#SPILL!"
    assert {e.address: e.reason for e in result.errors} == {
        "S!B7": "S!B7 spills into B7:C7 (1 x 2), blocked by the value in S!C7: clear it or move the formula (#SPILL!)"
    }
