"""A classic formula (no dynamic-array flag, as openpyxl writes every formula) reading a LET name bound to a range
where one value is expected: ``=B5:C5+0`` in column C was 8 (implicit intersection) and in column E #VALUE! with a
reason, but the same expression through a LET name, ``=LET(a,B5:C5,a+0)``, was the array's top-left 7 in column C
and in column E, status ok (H446's finding 04). Excel's LET name bound to a range is a reference, intersected there
like the range: 8 in column C, #VALUE! in column E; likewise ``ABS(a)`` and ``a*{1}``. A name read whole (SUM, a
dynamic-array formula) keeps every cell.
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


def _let(body: str) -> str:
    return f"=_xlfn.LET(_xlpm.a,B5:C5,{body})"


#: formula cell -> (its formula, Excel's value)
_CELLS = {
    "C8": ("=B5:C5+0", 8),
    "C9": (_let("_xlpm.a+0"), 8),
    "E10": (_let("_xlpm.a+0"), "#VALUE!"),
    "C11": (_let("ABS(_xlpm.a)"), 8),
    "C12": (_let("_xlpm.a*{1}"), 8),
    "E13": (_let("ABS(_xlpm.a)"), "#VALUE!"),
    "C14": (_let("_xlpm.a+0"), 8),  # D14 filled: not #SPILL!
    "C16": ("=_xlfn.LET(_xlpm.a,B5:C5,_xlpm.b,_xlpm.a*2,_xlpm.b)", 16),  # a name of a name's expression
    "E3": ("=_xlfn.LET(_xlpm.a,C2:C5,_xlpm.a+0)", 4),  # a column: the formula's row, C3
    "C18": (_let("SUM(_xlpm.a)"), 15),  # read whole
    "C19": (_let("SUM(_xlpm.a*1)"), 8),  # SUM(B5:C5*1) is intersected too
}


@pytest.fixture(scope="module")
def classic(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, object]]:
    folder = tmp_path_factory.mktemp("h450")
    cells: dict[str, object] = {**_DATA, **{ref: formula for ref, (formula, _) in _CELLS.items()}, "D14": "note"}
    sheet_book(cells).save(folder / "classic.xlsx")
    result = recalc_file(folder / "classic.xlsx", folder / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(folder / "out.xlsx", data_only=True)["S"]
    return result, {c.coordinate: c.value for row in values.iter_rows() for c in row}


def test_a_let_name_of_a_range_read_as_one_value_is_its_cell_in_the_formulas_column(classic: tuple) -> None:
    result, values = classic
    assert {ref: values.get(ref) for ref in _CELLS} == {ref: want for ref, (_, want) in _CELLS.items()}
    assert (values.get("D9"), values.get("F10"), values.get("D11"), values["D14"]) == (None, None, None, "note")
    assert result.status == "ok" and not result.unsupported


def test_the_let_name_without_a_cell_in_the_formulas_column_says_why(classic: tuple) -> None:
    result, _ = classic
    reasons = {e.address: e.reason for e in result.errors}
    assert reasons["S!E10"] == (
        "B5:C5 is read as one value, the cell of S!B5:C5 in the formula's own column (a classic, non-array formula's "
        "implicit intersection), and S!E10 is in column E, outside columns B-C: to read each of its cells, enter the "
        "formula as an array formula (Ctrl+Shift+Enter) (#VALUE!)"
    )
    assert reasons["S!E13"] == reasons["S!E10"].replace("S!E10", "S!E13")


def test_a_dynamic_array_let_still_spills_every_cell(tmp_path: Path) -> None:
    book = sheet_book(dict(_DATA))
    book["S"]["B7"] = ArrayFormula("B7", _let("_xlpm.a+0"))
    source = save_dynamic(book, tmp_path / "dynamic.xlsx", ["B7"])
    recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (values["B7"].value, values["C7"].value) == (7, 8)
