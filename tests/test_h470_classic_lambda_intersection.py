"""A LAMBDA called with a range in a classic formula (no dynamic-array flag, as openpyxl writes every formula) gives
the range, a reference, and Excel's classic cell shows its cell in the formula's row or column (implicit
intersection). ``=LAMBDA(x,x)(B5:C5)`` (or ``=Id(B5:C5)`` of a name Id = LAMBDA(x,x)) with its right-hand neighbour
filled was #SPILL! "blocked by" that neighbour, and with the neighbour blank it was the range's top-left 7 in column
C under status ok, where Excel gives C5, 8: the rewrite makes the call ``LET(x, B5:C5, x)``, whose name the
intersection made its cell (``LET(x, B5:C5, $C$5)``), and that formula was not set again.
"""

from __future__ import annotations

import openpyxl
import pytest
from one_sheet import sheet_book

from xl_retention.recalculation import recalc_file

#: B2:C5: 1 2 / 3 4 / 5 6 / 7 8
_DATA = {f"{col}{row}": 2 * (row - 2) + k for row in range(2, 6) for k, col in ((1, "B"), (2, "C"))}
_CALL = "=_xlfn.LAMBDA(_xlpm.x,_xlpm.x)(B5:C5)"

#: formula cell -> (its formula, the neighbour filled or None, Excel's value)
_CELLS = {
    "B7": (_CALL, "C7", 7),  # B5
    "C8": (_CALL, "D8", 8),  # C5, not the top-left B5
    "C9": (_CALL, None, 8),  # the neighbour blank: was 7, status ok
    "C10": ("=Id(B5:C5)", "D10", 8),  # a name defined as a LAMBDA
    "B11": ("=Id(B5:C5)", None, 7),
    "C12": ("=_xlfn.LAMBDA(_xlpm.x,_xlfn.LET(_xlpm.y,_xlpm.x,_xlpm.y))(B5:C5)", "D12", 8),
    "E13": (_CALL, "F13", "#VALUE!"),  # column E: B5:C5 has no cell there
}


@pytest.fixture(scope="module")
def classic(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, object]]:
    folder = tmp_path_factory.mktemp("h470")
    cells: dict[str, object] = dict(_DATA)
    for ref, (formula, beside, _) in _CELLS.items():
        cells[ref] = formula
        if beside:
            cells[beside] = "note"
    sheet_book(cells, {"Id": "_xlfn.LAMBDA(_xlpm.x,_xlpm.x)"}).save(folder / "classic.xlsx")
    result = recalc_file(folder / "classic.xlsx", folder / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(folder / "out.xlsx", data_only=True)["S"]
    return result, {c.coordinate: c.value for row in values.iter_rows() for c in row}


def test_a_lambda_called_with_a_range_is_its_cell_in_the_formulas_row_or_column(classic: tuple) -> None:
    result, values = classic
    assert {ref: values.get(ref) for ref in _CELLS} == {ref: want for ref, (*_, want) in _CELLS.items()}
    assert (values.get("D9"), values.get("C11")) == (None, None)  # nothing spilled beside them
    assert not [e for e in result.errors if e.error == "#SPILL!" or "blocked by" in e.reason]
    assert result.status == "ok" and not result.unsupported


_PAIR = "_xlfn.LAMBDA(_xlpm.x,_xlpm.y,"
#: a LAMBDA of two parameters called with a range: formula cell -> (its formula, Excel's value)
_TWO = {
    "C8": (f"={_PAIR}SUM(_xlpm.x)*_xlpm.y)(B2:C5,2)", 72),  # SUM(B2:C5)*2: was #VALUE!, status ok
    "H9": (f"={_PAIR}SUM(_xlpm.x)*_xlpm.y)(B2:B5,2)", 32),
    "C10": (f"={_PAIR}SUM(_xlpm.x,_xlpm.y))(B2:C5,B2:C5)", 72),
    "C11": ("=Pair(B2:C5,2)", 72),  # a name defined as that LAMBDA
    "C12": (f"={_PAIR}_xlpm.x+_xlpm.y)(B5:C5,1)", 9),  # x read as one value: C5+1
    "E13": (f"={_PAIR}_xlpm.x+_xlpm.y)(B5:C5,1)", "#VALUE!"),  # no cell of B5:C5 in column E
}


def test_a_range_given_to_a_lambda_of_two_parameters_is_a_reference(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The call's values ``(B2:C5,2)`` are no union read as one value (B2:C5 was #VALUE! before SUM saw it)."""
    folder = tmp_path_factory.mktemp("h470two")
    cells = {**_DATA, **{ref: formula for ref, (formula, _) in _TWO.items()}}
    sheet_book(cells, {"Pair": f"{_PAIR}SUM(_xlpm.x)*_xlpm.y)"}).save(folder / "two.xlsx")
    result = recalc_file(folder / "two.xlsx", folder / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(folder / "out.xlsx", data_only=True)["S"]
    assert {ref: values[ref].value for ref in _TWO} == {ref: want for ref, (_, want) in _TWO.items()}
    assert {e.address: e.reason for e in result.errors}["S!E13"] == (
        "LET's x = B5:C5 is read as one value, the cell of S!B5:C5 in the formula's own column (a classic, non-array "
        "formula's implicit intersection), and S!E13 is in column E, outside columns B-C: to read each of its cells, "
        "enter the formula as an array formula (Ctrl+Shift+Enter) (#VALUE!)"
    )
    assert result.status == "ok" and not result.unsupported
