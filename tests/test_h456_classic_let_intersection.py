"""A classic formula (no dynamic-array flag, as openpyxl writes every formula) reads a range inside LET where one
value is expected as Excel reads it anywhere else: its cell in the formula's row or column (implicit intersection).
``=LET(x,1,B5:C5+x)`` in column C was 8 (the range's top-left 7, plus 1) under status ok, where Excel gives C5+1, 9,
as for ``=B5:C5+1``: the rewrite took every argument of LET for one read as an array and intersected nothing in it.
LET's values and its calculation are read where the LET stands: a range alone bound to a name stays the range
(``SUM(a)`` reads it whole), SUMPRODUCT's argument stays an array, the calculation of a LET read as one value
(``=LET(x,1,B5:C5)+0``) is the range's cell. A name of INDEX's row ``LET(a,INDEX(B2:C4,2,0),a+0)`` in column C was
#VALUE! without a reason (the intersection written to run in the engine was read as an array): now C3+0, 4.
A name of a value that may be a range, ``=LET(a,IF(A1="",B5:C5,B4:C4),a+0)``, was the array's top-left 7 (status ok)
where Excel gives C5+0, 8: such a name read as one value reads a companion bound after it,
``_XLR.ONECELL(IF(A1="",$C$5,$C$4))`` (.let_companions); one still several values there is listed.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from one_sheet import sheet_book

from xl_retention.recalculation import recalc_file

#: B2:C5: 1 2 / 3 4 / 5 6 / 7 8
_DATA = {f"{col}{row}": 2 * (row - 2) + k for row in range(2, 6) for k, col in ((1, "B"), (2, "C"))}

#: formula cell -> (its formula, Excel's value)
_CELLS = {
    "C8": ("=_xlfn.LET(_xlpm.x,1,B5:C5+_xlpm.x)", 9),
    "C9": ("=_xlfn.LET(_xlpm.x,1,B5:C5)+0", 8),  # the calculation of a LET read as one value
    "C10": ("=ABS(_xlfn.LET(_xlpm.a,B5:C5,_xlpm.a))", 8),
    "C11": ("=_xlfn.LET(_xlpm.x,1,_xlfn.LET(_xlpm.y,2,B5:C5*_xlpm.y)+_xlpm.x)", 17),  # nested: C5*2+1
    "C12": ("=_xlfn.LET(_xlpm.a,B5:C5,_xlpm.b,B4:C4+1,SUM(_xlpm.a)+_xlpm.b)", 22),  # SUM(B5:C5) + C4+1
    "C13": ("=_xlfn.LET(_xlpm.x,1,INDEX(B2:C4,2,0))+0", 4),  # INDEX's row 2 in column C: C3
    "E3": ("=_xlfn.LET(_xlpm.x,0,C2:C5+_xlpm.x)", 4),  # a column: the formula's row, C3
    "C14": ("=_xlfn.LET(_xlpm.x,1,SUM(B5:C5))", 15),  # read whole
    "C15": ("=_xlfn.LET(_xlpm.x,1,SUMPRODUCT(B5:C5*_xlpm.x))", 15),  # an argument read as an array
    "C16": ("=SUM(_xlfn.LET(_xlpm.x,1,B5:C5))", 15),  # a LET read whole gives the range whole
    "C19": ("=_xlfn.LET(_xlpm.a,INDEX(B2:C4,2,0),_xlpm.a+0)", 4),  # a name of INDEX's row: C3 (was #VALUE!)
    "C20": ("=_xlfn.LET(_xlpm.a,OFFSET(B2,1,0,1,2),_xlpm.a*2)", 8),  # a name of OFFSET's B3:C3: C3*2
    # a name of a value that may be a range (IF, CHOOSE, XLOOKUP passing one), read as one value: its cell
    "C21": ('=_xlfn.LET(_xlpm.a,IF(A1="",B5:C5,B4:C4),_xlpm.a+0)', 8),  # A1 blank: B5:C5, C5 (was 7)
    "C22": ('=_xlfn.LET(_xlpm.a,IF(A1="x",B5:C5,B4:C4),_xlpm.a+0)', 6),  # C4
    "C23": ('=_xlfn.LET(_xlpm.a,IF(A1="",B5:C5,B4:C4),SUM(_xlpm.a))', 15),  # read whole
    "C24": ("=_xlfn.LET(_xlpm.a,CHOOSE(2,B4:C4,B5:C5),_xlpm.b,IF(TRUE,_xlpm.a,B2:C2),_xlpm.b*2)", 16),
    "C25": ('=_xlfn.LET(_xlpm.a,IF(A1="",B5:C5,B4:C4),_xlpm.a)', 8),  # D25 filled: not #SPILL!, not listed
    "C26": ("=_xlfn.LET(_xlpm.a,_xlfn.XLOOKUP(7,B2:B5,B2:C5),_xlpm.a+0)", 8),  # the row B5:C5 (was 7)
    "C27": ('=_xlfn.LET(_xlpm.a,IF(A1="",B5:C5,B4:C4),_xlpm.a+_xlfn.LET(_xlpm.a,B2:C2,_xlpm.a))', 10),  # C5+C2
    "E28": ('=_xlfn.LET(_xlpm.a,IF(A1="",B5:C5,B4:C4),_xlpm.a+0)', "#VALUE!"),
    "E17": ("=_xlfn.LET(_xlpm.x,1,B5:C5+_xlpm.x)", "#VALUE!"),  # column E: B5:C5 has no cell there
    "E18": ("=_xlfn.LET(_xlpm.x,1,B5:C5)+0", "#VALUE!"),
}


@pytest.fixture(scope="module")
def classic(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, object]]:
    folder = tmp_path_factory.mktemp("h456")
    cells: dict[str, object] = {**_DATA, **{ref: formula for ref, (formula, _) in _CELLS.items()}, "D25": "note"}
    sheet_book(cells).save(folder / "classic.xlsx")
    result = recalc_file(folder / "classic.xlsx", folder / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(folder / "out.xlsx", data_only=True)["S"]
    return result, {c.coordinate: c.value for row in values.iter_rows() for c in row}


def test_a_range_inside_let_read_as_one_value_is_its_cell_in_the_formulas_row_or_column(classic: tuple) -> None:
    result, values = classic
    assert {ref: values.get(ref) for ref in _CELLS} == {ref: want for ref, (_, want) in _CELLS.items()}
    assert (values.get("D8"), values.get("D9"), values.get("D11")) == (None, None, None)  # nothing spilled
    assert result.status == "ok" and not result.unsupported


def test_a_range_inside_let_without_a_cell_in_the_formulas_column_says_why(classic: tuple) -> None:
    result, _ = classic
    reasons = {e.address: e.reason for e in result.errors}
    said = (
        "B5:C5 is read as one value, the cell of S!B5:C5 in the formula's own column (a classic, non-array formula's "
        "implicit intersection), and S!{cell} is in column E, outside columns B-C: to read each of its cells, enter "
        "the formula as an array formula (Ctrl+Shift+Enter) (#VALUE!)"
    )
    assert (reasons["S!E17"], reasons["S!E18"]) == (said.format(cell="E17"), said.format(cell="E18"))
    assert reasons["S!E28"] == said.format(cell="E28")


def test_a_let_name_still_several_values_where_one_is_read_is_listed(tmp_path: Path) -> None:
    """IF giving an array typed in: Excel's first value of an array, not told apart from a range's cell here."""
    cells = {**_DATA, "C2": '=_xlfn.LET(_xlpm.a,IF(A1="",{1,2},B4:C4),_xlpm.a+0)'}
    sheet_book(cells).save(tmp_path / "several.xlsx")
    result = recalc_file(tmp_path / "several.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert [(e.address, e.function, e.reason) for e in result.unsupported] == [
        (
            "S!C2",
            "LET",
            "a LET name bound to a value that may be a range (IF, CHOOSE or another function passing one) is read as "
            "one value in a formula without Excel 365's dynamic-array flag (as openpyxl and pandas write them), and "
            "it gives several cells here: Excel takes a range's cell in the formula's row or column (implicit "
            "intersection), an array's first value, which the embedded engine does not tell apart, so it does not "
            "compute it",
        )
    ]
