"""A classic formula (no dynamic-array flag, as openpyxl writes every formula) reading INDEX or OFFSET of a range, a
LET name of one, or a LET name of an inner LET giving a range, as one value takes the range's cell in the formula's
row or column (implicit intersection); where there is none it is #VALUE!, as in Excel. The cell was listed with the
reason '' (``=LET(a,INDEX(B2:C4,2,0),a+0)``, ``=INDEX(B2:C4,2,0)+0``, ``=OFFSET(B2,1,0,1,2)*2`` in column E,
``=LET(a,LET(b,B5:C5,b),a+0)`` in column E): the reason now names the call or the LET name, its range and the column
or row missed (.moved_reasons). An inner LET in a name's value is followed: C5 in column C, B5 in column B; one
whose name is bound to IF passing a range (``=LET(a,LET(b,IF(A1="",B5:C5,B4:C4),b),a+0)``) was listed as not computed
(its name b had no companion inside a's): now b's own companion, C5+0, 8 (.let_companions); an array there is listed.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from one_sheet import sheet_book

from xl_retention.recalculation import recalc_file

#: the reason a LET name read as one value that gives several cells is listed (.rewrite_refusals)
ONE_CELL_REASON = (
    "a LET name bound to a value that may be a range (IF, CHOOSE or another function passing one) is read as one "
    "value in a formula without Excel 365's dynamic-array flag (as openpyxl and pandas write them), and it gives "
    "several cells here: Excel takes a range's cell in the formula's row or column (implicit intersection), an "
    "array's first value, which the embedded engine does not tell apart, so it does not compute it"
)

#: B2:C5: 1 2 / 3 4 / 5 6 / 7 8
_DATA = {f"{col}{row}": 2 * (row - 2) + k for row in range(2, 6) for k, col in ((1, "B"), (2, "C"))}
_INNER = "=_xlfn.LET(_xlpm.a,_xlfn.LET(_xlpm.b,B5:C5,_xlpm.b),_xlpm.a+0)"
_SAID = (
    "{shown} is read as one value, the cell of S!{area} in the formula's own {own} (a classic, non-array formula's "
    "implicit intersection), and S!{cell} is in {missed}: to read each of its cells, enter the formula as an array "
    "formula (Ctrl+Shift+Enter) (#VALUE!)"
)
_COLUMN_E = "column E, outside columns B-C"

#: formula cell -> (its formula, the neighbour filled or None, what its reason shows, its range, row or column missed)
_MISSED = {
    "E7": ("=_xlfn.LET(_xlpm.a,INDEX(B2:C4,2,0),_xlpm.a+0)", None, "LET's a = INDEX(B2:C4,2,0) (S!B3:C3)", "B3:C3"),
    "E8": ("=_xlfn.LET(_xlpm.a,OFFSET(B2,1,0,1,2),_xlpm.a*2)", None, "LET's a = OFFSET(B2,1,0,1,2) (S!B3:C3)", "B3:C3"),
    "E9": ("=_xlfn.LET(_xlpm.a,INDEX(B2:C4,2,0),_xlpm.a)", "F9", "INDEX(B2:C4,2,0) (S!B3:C3)", "B3:C3"),
    "E10": (_INNER, None, "LET's a = B5:C5", "B5:C5"),
    "E11": ("=INDEX(B2:C4,2,0)+0", None, "INDEX(B2:C4,2,0) (S!B3:C3)", "B3:C3"),
    "E12": ("=OFFSET(B2,1,0,1,2)*2", None, "OFFSET(B2,1,0,1,2) (S!B3:C3)", "B3:C3"),
    "E13": ("=INDEX(B2:C4,2,0)", "F13", "INDEX(B2:C4,2,0) (S!B3:C3)", "B3:C3"),
    "E14": ("=_xlfn.LAMBDA(_xlpm.x,_xlpm.x)(B5:C5)", "F14", "B5:C5", "B5:C5"),
}
#: formula cell -> (its formula, Excel's value): the same formulas where the range has a cell
_FOUND = {
    "C7": ("=_xlfn.LET(_xlpm.a,INDEX(B2:C4,2,0),_xlpm.a+0)", 4),  # C3
    "B8": ("=_xlfn.LET(_xlpm.a,OFFSET(B2,1,0,1,2),_xlpm.a*2)", 6),  # B3*2
    "C10": (_INNER, 8),  # C5
    "B10": (_INNER, 7),  # B5
    "H3": ("=_xlfn.LET(_xlpm.a,_xlfn.LET(_xlpm.b,B2:B5,_xlpm.b),_xlpm.a+0)", 3),  # a column: the formula's row, B3
    "C16": ('=_xlfn.LET(_xlpm.a,_xlfn.LET(_xlpm.b,IF(A1="",B5:C5,B4:C4),_xlpm.b),_xlpm.a+0)', 8),  # C5
    "C17": ("=_xlfn.LET(_xlpm.a,_xlfn.LET(_xlpm.b,B5:C5,_xlpm.b),SUM(_xlpm.a))", 15),  # read whole
}


@pytest.fixture(scope="module")
def classic(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, object]]:
    folder = tmp_path_factory.mktemp("h470")
    cells: dict[str, object] = {**_DATA, **{ref: formula for ref, (formula, _) in _FOUND.items()}}
    for ref, (formula, beside, *_) in _MISSED.items():
        cells[ref] = formula
        if beside:
            cells[beside] = "note"
    cells["H9"] = "=_xlfn.LET(_xlpm.a,INDEX(B2:C5,0,1),_xlpm.a+0)"  # B2:B5 has no cell in row 9
    cells["E15"] = '=_xlfn.LET(_xlpm.a,INDEX(B2:C4,2,0),_xlpm.a+"x")'  # #VALUE! of "x" too: not said
    sheet_book(cells).save(folder / "classic.xlsx")
    result = recalc_file(folder / "classic.xlsx", folder / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(folder / "out.xlsx", data_only=True)["S"]
    return result, {c.coordinate: c.value for row in values.iter_rows() for c in row}


def test_a_reference_read_as_one_value_without_a_cell_there_says_why(classic: tuple) -> None:
    result, values = classic
    assert {ref: values.get(ref) for ref in [*_MISSED, "H9", "E15"]} == dict.fromkeys(
        [*_MISSED, "H9", "E15"], "#VALUE!"
    )
    reasons = {e.address: e.reason for e in result.errors}
    assert {ref: reasons.get(f"S!{ref}") for ref in _MISSED} == {
        ref: _SAID.format(shown=shown, area=area, own="column", cell=ref, missed=_COLUMN_E)
        for ref, (_, _, shown, area) in _MISSED.items()
    }
    assert reasons["S!H9"] == _SAID.format(
        shown="LET's a = INDEX(B2:C5,0,1) (S!B2:B5)",
        area="B2:B5",
        own="row",
        cell="H9",
        missed="row 9, outside rows 2-5",
    )
    assert "B3:C3" not in reasons.get("S!E15", "")


def test_a_reference_read_as_one_value_is_its_cell_where_it_has_one(classic: tuple) -> None:
    result, values = classic
    assert {ref: values.get(ref) for ref in _FOUND} == {ref: want for ref, (_, want) in _FOUND.items()}
    assert (values.get("D10"), values.get("I3")) == (None, None)  # nothing spilled
    assert result.status == "ok" and not result.unsupported


def test_an_inner_let_name_still_several_values_is_listed(tmp_path: Path) -> None:
    """The inner LET's IF gives an array typed in: Excel's first value, not told apart from a range's cell here."""
    cells = {**_DATA, "C2": '=_xlfn.LET(_xlpm.a,_xlfn.LET(_xlpm.b,IF(A1="",{1,2},B4:C4),_xlpm.b),_xlpm.a+0)'}
    sheet_book(cells).save(tmp_path / "several.xlsx")
    result = recalc_file(tmp_path / "several.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert [(e.address, e.function, e.reason) for e in result.unsupported] == [("S!C2", "LET", ONE_CELL_REASON)]
