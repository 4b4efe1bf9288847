"""A classic formula (no dynamic-array flag, as openpyxl writes every formula) whose INDEX or OFFSET reads LET names
(or a LAMBDA's parameters) for its range and numbers: ``=LET(x,B2:C5,y,4,INDEX(x,y,0))`` is INDEX(B2:C5,4,0), row 5's
B5:C5, whose cell in the formula's own column Excel takes (implicit intersection): 8 in column C. It was #VALUE! with
the reason '' under status ok (the LAMBDA form, ``=LAMBDA(x,y,INDEX(x,y,0))(B2:C5,4)``, and a name defined as that
LAMBDA too), and ``=LET(x,B2:C5,INDEX(x,4,0)+0)`` was the row's top-left 7 in columns C and E (Excel 8 and #VALUE!).
Where the range has no cell in the formula's column the #VALUE! names the call; ``=Id(B5:C5)+0`` of a name Id defined
as LAMBDA(x,x) gets the reason ``=LET(x,B5:C5,x)+0`` gets (it had '').
"""

from __future__ import annotations

import openpyxl
import pytest
from one_sheet import sheet_book

from xl_retention.recalculation import recalc_file

#: B2:C5: 1 2 / 3 4 / 5 6 / 7 8
_DATA = {f"{col}{row}": 2 * (row - 2) + k for row in range(2, 6) for k, col in ((1, "B"), (2, "C"))}
_NAMES = {
    "Id": "_xlfn.LAMBDA(_xlpm.x,_xlpm.x)",
    "Pick": "_xlfn.LAMBDA(_xlpm.x,_xlpm.y,INDEX(_xlpm.x,_xlpm.y,0))",
}
_LET = "=_xlfn.LET(_xlpm.x,B2:C5,_xlpm.y,4,INDEX(_xlpm.x,_xlpm.y,0))"
_CALLED = "=_xlfn.LAMBDA(_xlpm.x,_xlpm.y,INDEX(_xlpm.x,_xlpm.y,0))(B2:C5,4)"
_TYPED_ROW = "=_xlfn.LET(_xlpm.x,B2:C5,INDEX(_xlpm.x,4,0)+0)"
_OFFSET = "=_xlfn.LET(_xlpm.x,B2,_xlpm.y,4,OFFSET(_xlpm.x,_xlpm.y-1,0,1,2))"
_COLUMN = "=_xlfn.LET(_xlpm.x,B2:C5,_xlpm.c,1,INDEX(_xlpm.x,0,_xlpm.c))"

#: formula cell -> (its formula, Excel's value)
_FOUND = {
    "C7": (_LET, 8),  # C5
    "C8": (_CALLED, 8),
    "C9": ("=_xlfn.LET(_xlpm.x,B2:C5,_xlpm.y,2+2,INDEX(_xlpm.x,_xlpm.y,0))", 8),
    "C10": (_TYPED_ROW, 8),  # was 7, B5
    "C11": ("=Pick(B2:C5,4)+0", 8),
    "C12": (_OFFSET, 8),
    "C13": ("=_xlfn.LET(_xlpm.x,B2:C5,_xlpm.n,1,_xlpm.y,_xlpm.n+3,INDEX(_xlpm.x,_xlpm.y,0))", 8),
    "C14": ("=_xlfn.LET(_xlpm.x,B2:C5,_xlpm.y,4,SUM(INDEX(_xlpm.x,_xlpm.y,0)))", 15),  # read whole
    "H4": (_COLUMN, 5),  # B2:B5's cell in row 4: B4
}
_SAID = (
    "{shown} is read as one value, the cell of S!{area} in the formula's own {own} (a classic, non-array formula's "
    "implicit intersection), and S!{cell} is in {missed}: to read each of its cells, enter the formula as an array "
    "formula (Ctrl+Shift+Enter) (#VALUE!)"
)
_COLUMN_E = "column E, outside columns B-C"
#: formula cell -> (its formula, what its reason shows, its range)
_MISSED = {
    "E7": (_LET, "INDEX(B2:C5,4,0) (S!B5:C5)", "B5:C5"),
    "E8": (_CALLED, "INDEX(B2:C5,4,0) (S!B5:C5)", "B5:C5"),
    "E9": (_TYPED_ROW, "INDEX(B2:C5,4,0) (S!B5:C5)", "B5:C5"),  # was 7
    "E10": ("=Id(B5:C5)+0", "B5:C5", "B5:C5"),
    "E11": ("=_xlfn.LET(_xlpm.x,B5:C5,_xlpm.x)+0", "B5:C5", "B5:C5"),  # the LET form of E10
    "E12": (_OFFSET, "OFFSET(B2,4-1,0,1,2) (S!B5:C5)", "B5:C5"),
    "E13": ("=Pick(B2:C5,4)+0", "INDEX(B2:C5,4,0) (S!B5:C5)", "B5:C5"),
}


@pytest.fixture(scope="module")
def classic(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, object]]:
    folder = tmp_path_factory.mktemp("h481")
    cells: dict[str, object] = {**_DATA, **{ref: formula for ref, (formula, _) in _FOUND.items()}}
    cells.update({ref: formula for ref, (formula, *_) in _MISSED.items()})
    cells["H9"] = _COLUMN  # B2:B5 has no cell in row 9
    sheet_book(cells, _NAMES).save(folder / "classic.xlsx")
    result = recalc_file(folder / "classic.xlsx", folder / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(folder / "out.xlsx", data_only=True)["S"]
    return result, {c.coordinate: c.value for row in values.iter_rows() for c in row}


def test_index_of_let_names_is_its_cell_in_the_formulas_column(classic: tuple) -> None:
    result, values = classic
    assert {ref: values.get(ref) for ref in _FOUND} == {ref: want for ref, (_, want) in _FOUND.items()}
    assert (values.get("D7"), values.get("D8"), values.get("I4")) == (None, None, None)  # nothing spilled
    assert result.status == "ok" and not result.unsupported


def test_index_of_let_names_without_a_cell_there_says_why(classic: tuple) -> None:
    result, values = classic
    assert {ref: values.get(ref) for ref in [*_MISSED, "H9"]} == dict.fromkeys([*_MISSED, "H9"], "#VALUE!")
    reasons = {e.address: e.reason for e in result.errors}
    assert {ref: reasons.get(f"S!{ref}") for ref in _MISSED} == {
        ref: _SAID.format(shown=shown, area=area, own="column", cell=ref, missed=_COLUMN_E)
        for ref, (_, shown, area) in _MISSED.items()
    }
    assert reasons["S!H9"] == _SAID.format(
        shown="INDEX(B2:C5,0,1) (S!B2:B5)", area="B2:B5", own="row", cell="H9", missed="row 9, outside rows 2-5"
    )
