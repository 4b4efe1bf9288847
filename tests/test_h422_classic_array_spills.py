"""A classic formula (no dynamic-array flag, as openpyxl writes every formula) whose result is an array never spills:
Excel shows the array's top-left value, whatever function made the array (H414's finding 03).

``=XLOOKUP("gamma",A2:A4,HSTACK(B2:B4,C2:C4))`` with a note to its right was #SPILL! ("spills into E1:F1 (1 x 2),
blocked by the value in S!F1"), as were XLOOKUP over ``B2:B4*{1,2}``, a name of an array, a LAMBDA giving one; the
same formula with its right neighbour blank spilled in the engine, and a formula reading that neighbour read the
spilled value ("Team") where Excel's cell is blank. A formula Excel 365 saved as a dynamic array (``cm="1"``) still
spills, and is #SPILL! when blocked.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from one_sheet import save_dynamic, sheet_book
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

#: A2:C4: acme 10 Pro / beta 20 Basic / gamma 40 Team
_DATA = {
    "A1": "Cust",
    "B1": "Amt",
    "C1": "Plan",
    **{f"A{r}": name for r, name in ((2, "acme"), (3, "beta"), (4, "gamma"))},
    **{f"B{r}": amount for r, amount in ((2, 10), (3, 20), (4, 40))},
    **{f"C{r}": plan for r, plan in ((2, "Pro"), (3, "Basic"), (4, "Team"))},
}
_LOOKUP = '=_xlfn.XLOOKUP("gamma",A2:A4,_xlfn.HSTACK(B2:B4,C2:C4))'

#: formula cell -> (its formula, Excel's value); each has a note in the cell to its right (and below where the array
#: is a column)
_CLASSIC = {
    "E1": (_LOOKUP, 40),
    "E3": ('=_xlfn.XLOOKUP("gamma",A2:A4,B2:B4*{1,2})', 40),
    "E5": ('=_xlfn.XLOOKUP("gamma",A2:A4,_xlfn.XLOOKUP("gamma",A2:A4,B2:C4)*{1;1;1})', 40),
    "E7": ("=Pair", 1),
    "E9": ("=Pair*3", 3),
    "E11": ("=_xlfn.LAMBDA(_xlpm.x,_xlpm.x*{1,2})(3)", 3),
    "E13": ("=MMULT(B2:B4,{1,2})", 10),
    "E15": ("=_xlfn.MAP(B2:B4,_xlfn.LAMBDA(_xlpm.x,_xlpm.x*2))", 20),
    "E17": ("=IF({1,0},B4,C4)", 40),
    "E19": ("=INDEX(_xlfn.HSTACK(B2:B4,C2:C4),3,0)", 40),
    "E21": ("=TRANSPOSE(B2:B4)", 10),
    "E23": ("=_xlfn.LET(_xlpm.r,_xlfn.HSTACK(B2:B4,C2:C4),_xlpm.r*1)", 10),
}


@pytest.fixture(scope="module")
def classic(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, object]]:
    """The classic workbook recalculated once: the report and sheet S's values."""
    folder = tmp_path_factory.mktemp("h422")
    cells: dict[str, object] = dict(_DATA)
    for ref, (formula, _) in _CLASSIC.items():
        row = int(ref[1:])
        cells[ref], cells[f"F{ref[1:]}"], cells[f"E{row + 1}"] = formula, "note", "typed"
    # a blank right neighbour: the lookup's second value is not in H1 for a formula reading it (Excel's H1 is blank)
    cells.update({"G1": _LOOKUP, "I1": '=H1&"|"', "J1": "=COUNTA(G1:H1)"})
    book = sheet_book(cells, {"Pair": "{1,2}"})
    source = folder / "classic.xlsx"
    book.save(source)
    result = recalc_file(source, folder / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(folder / "out.xlsx", data_only=True)["S"]
    return result, {c.coordinate: c.value for row in values.iter_rows() for c in row}


def test_classic_arrays_show_their_first_value_whatever_is_beside(classic: tuple[object, dict[str, object]]) -> None:
    result, values = classic
    assert result.status == "ok", result.message
    assert {ref: values[ref] for ref in _CLASSIC} == {ref: want for ref, (_, want) in _CLASSIC.items()}
    assert not [e for e in result.errors if "spills into" in e.reason]


def test_classic_lookup_with_blank_neighbour_fills_nothing(classic: tuple[object, dict[str, object]]) -> None:
    _, values = classic
    assert (values["G1"], values["H1"], values["I1"], values["J1"]) == (40, None, "|", 1)


def test_dynamic_array_formula_still_spills_and_is_blocked(tmp_path: Path) -> None:
    book = sheet_book({**_DATA, "F1": "note"})
    book["S"]["E1"] = ArrayFormula("E1", _LOOKUP)
    book["S"]["E3"] = ArrayFormula("E3", _LOOKUP)
    source = save_dynamic(book, tmp_path / "dynamic.xlsx", ["E1", "E3"])
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (values["E1"].value, values["E3"].value, values["F3"].value) == ("#SPILL!", 40, "Team")
    reasons = {e.address: e.reason for e in result.errors}
    assert reasons["S!E1"] == (
        "S!E1 spills into E1:F1 (1 x 2), blocked by the value in S!F1: clear it or move the formula (#SPILL!)"
    )
