"""OFFSET given an array of offsets computed from cells, and SUBTOTAL/AGGREGATE given an undefined name (H97).

``SUMPRODUCT(SUBTOTAL(9,OFFSET(B1,B1:B4-1,0)))`` (Excel and LibreOffice: 10) was #VALUE! with an empty reason and
status ok, ``SUMPRODUCT(ISBLANK(OFFSET(B1,B1:B4,0))*1)`` silently 0 (LibreOffice: 1): now listed, naming OFFSET
given an array. ``SUBTOTAL(3,NoSuchName)`` was 1 with status ok: now #NAME? (LibreOffice: #NAME?).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file


def _recalculated(tmp_path: Path, cells: dict[str, str]) -> tuple[object, dict[str, object]]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(1, 5):
        sheet.cell(row, 2, row)
    for ref, formula in cells.items():
        sheet[ref] = formula
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    return result, {ref: out[ref].value for ref in cells}


def test_offset_given_an_array_from_cells_is_listed(tmp_path: Path) -> None:
    cells = {
        "D1": "=SUMPRODUCT(SUBTOTAL(9,OFFSET(B1,B1:B4-1,0)))",
        "D2": "=SUMPRODUCT(N(OFFSET(B1,B1:B4-1,0)))",
        "D3": "=SUMPRODUCT(ISBLANK(OFFSET(B1,B1:B4,0))*1)",
        "D4": "=SUMPRODUCT(N(OFFSET(B1,0,0,B1:B2)))",
        "D5": "=SUMPRODUCT(SUBTOTAL(9,OFFSET(B1,(B1:B4>2)*1,0)))",
        "D6": "=SUBTOTAL(9,OFFSET(B1,MATCH(2,B1:B4,0),0,2))",  # one offset: computed
        "D7": '=COUNTIF(OFFSET(B1,0,0,COUNTA(B1:B4)),">1")',
        "E1": "=SUMPRODUCT(SUM(OFFSET(B1,B1:B4-1,0)))",  # one SUM per reference (LibreOffice: 10)
        "E2": "=SUMPRODUCT(COUNTA(OFFSET(B1,B1:B4-1,0)))",  # LibreOffice: 4
        "F3": "=SUM(OFFSET(B1,B1:B4-1,0))",  # a classic formula intersects B1:B4 with its row: OFFSET(B1,2,0)
    }
    result, values = _recalculated(tmp_path, cells)
    assert result.status == "incomplete"
    listed = {e.address: e for e in result.unsupported}
    assert sorted(listed) == ["S!D1", "S!D2", "S!D3", "S!D4", "S!D5", "S!E1", "S!E2"]
    functions = [listed[f"S!{ref}"].function for ref in ("D1", "D2", "D3", "D4", "D5", "E1", "E2")]
    assert functions == ["SUBTOTAL", "N", "ISBLANK", "N", "SUBTOTAL", "OFFSET", "OFFSET"]
    assert all("OFFSET" in e.reason and "array" in e.reason for e in listed.values())
    assert result.errors == []
    assert values["D6"] == 7 and values["D7"] == 3 and values["F3"] == 3


def test_subtotal_of_an_undefined_name_is_name_error(tmp_path: Path) -> None:
    cells = {
        "D1": "=SUBTOTAL(3,NoSuchName)",
        "D2": "=SUBTOTAL(103,NoSuchName)",
        "D3": "=SUBTOTAL(3,B1:B4,NoSuchName)",
        "D4": "=_xlfn.AGGREGATE(3,0,NoSuchName)",
        "D5": "=IFERROR(SUBTOTAL(3,NoSuchName),-1)",
        "D6": "=SUBTOTAL(3,B1:B4)",
        "D7": "=SUBTOTAL(9,NoSuchName)",
        "D8": "=_xlfn.AGGREGATE(14,4,NoSuchName,1)",
    }
    result, values = _recalculated(tmp_path, cells)
    assert result.status == "ok", result.message
    assert values == {
        "D1": "#NAME?",
        "D2": "#NAME?",
        "D3": "#NAME?",
        "D4": "#NAME?",
        "D5": -1,
        "D6": 4,
        "D7": "#NAME?",
        "D8": "#NAME?",
    }


def test_a_name_of_another_sheet_is_undefined_here(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(1, 5):
        sheet.cell(row, 2, row)
    sheet.print_area = "B1:B4"
    sheet.defined_names["Local"] = DefinedName("Local", attr_text="S!$B$1:$B$3")
    sheet["D1"], sheet["D2"] = "=SUBTOTAL(3,Local)", "=SUBTOTAL(3,Print_Area)"
    book.create_sheet("T")["A1"] = "=SUBTOTAL(3,Local)"  # S's own name: not T's
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert [out["S"]["D1"].value, out["S"]["D2"].value, out["T"]["A1"].value] == [3, 4, "#NAME?"]
    assert result.unsupported == []


def test_aggregate_leaving_errors_out_of_an_undefined_name_is_listed(tmp_path: Path) -> None:
    cells = {
        "D1": "=_xlfn.AGGREGATE(3,6,NoSuchName)",
        "D2": "=SUBTOTAL(3,B1:B2)",
        "D3": "=_xlfn.AGGREGATE(14,6,NoSuchName,1)",
    }
    result, values = _recalculated(tmp_path, cells)
    assert sorted(e.address for e in result.unsupported) == ["S!D1", "S!D3"]
    assert "NoSuchName" in next(e.reason for e in result.unsupported if e.address == "S!D1")
    assert values == {"D1": None, "D2": 2, "D3": None}


def test_offset_given_an_array_in_an_array_formula_is_listed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(1, 5):
        sheet.cell(row, 2, row)
    sheet["D1"] = ArrayFormula("D1", "=SUM(OFFSET(B1,B1:B4-1,0))")  # Ctrl+Shift+Enter: one SUM per reference
    sheet["D2"] = ArrayFormula("D2", "=SUM(OFFSET(B1,0,0,COUNTA(B1:B4)))")
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert [(e.address, e.function) for e in result.unsupported] == [("S!D1", "OFFSET")]
    assert result.errors == []
    assert openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]["D2"].value == 10


def test_let_variables_of_one_value_are_not_arrays(tmp_path: Path) -> None:
    cells = {
        "D1": "=_xlfn.LET(_xlpm.n,3,SUM(OFFSET(B1,0,0,_xlpm.n)))",
        "D2": '=_xlfn.LET(_xlpm.n,COUNTA(B1:B4),COUNTIF(OFFSET(B1,0,0,_xlpm.n),">1"))',
        "D3": "=_xlfn.LET(_xlpm.r,B1:B4-1,SUMPRODUCT(N(OFFSET(B1,_xlpm.r,0))))",  # offsets of cells: listed
    }
    result, values = _recalculated(tmp_path, cells)
    assert [(e.address, e.function) for e in result.unsupported] == [("S!D3", "N")]
    assert values == {"D1": 6, "D2": 3, "D3": None}
