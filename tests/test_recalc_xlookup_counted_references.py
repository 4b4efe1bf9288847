"""XLOOKUP's one-cell result given to a function that reads a reference's numbers only is a reference there.

Microsoft's XLOOKUP page shows XLOOKUP giving a reference (``=SUM(XLOOKUP(B3,B6:B10,E6:E10):XLOOKUP(C3,B6:B10,
E6:E10))``). COUNT's page: "If an argument is an array or reference, only numbers in that array or reference are
counted. Empty cells, logical values, text, or error values in the array or reference are not counted"; SUM, MIN,
AVERAGE, SMALL: "If an array or reference argument contains text, logical values, or empty cells, those values are
ignored"; AVERAGEA: "Arrays or references that contain text evaluate as 0"; COUNTA does not count empty cells; CHOOSE
and IF pass a reference on (CHOOSE's page sums ``SUM(CHOOSE(2,A1:A10,B1:B10,C1:C10))``).

The engine's XLOOKUP gave the found cell's value, read as typed in: ``COUNT(XLOOKUP("b",A1:A4,B1:B4))`` of the text
"3" in B2 was 1, ``SUM(..,2,4)`` 9, ``MIN(..,2,4)`` of the empty B4 0, ``MODE(..,1,2,2)`` of TRUE 1, with status ok.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file

_TEXT = '_xlfn.XLOOKUP("b",A1:A4,B1:B4)'  # B2: the text "3"
_TRUE = '_xlfn.XLOOKUP("c",A1:A4,B1:B4)'  # B3: TRUE
_EMPTY = '_xlfn.XLOOKUP("d",A1:A4,B1:B4)'  # B4: empty


def _recalculated(tmp_path: Path, cells: dict[str, str]) -> tuple[object, dict[str, object]]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in {"A1": "a", "A2": "b", "A3": "c", "A4": "d", "B1": 1, "B2": "3", "B3": True}.items():
        sheet[ref] = value
    for ref, formula in cells.items():
        sheet[ref] = formula
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    return result, {ref: out[ref].value for ref in cells}


def test_count_and_mode_of_xlookup_read_its_reference(tmp_path: Path) -> None:
    result, got = _recalculated(
        tmp_path,
        {
            "D1": f"=COUNT({_TEXT})",
            "D2": f"=COUNT({_TRUE})",
            "D3": f"=MODE({_TRUE},1,2,2)",
            "D4": f"=COUNTA({_EMPTY},2,4)",
            "D5": f"=COUNT(IF(TRUE,{_TEXT}))",
            "D6": f"=COUNT(CHOOSE(1,{_TRUE},1))",
            "D7": '=COUNT(_xlfn.XLOOKUP("a",A1:A4,B1:B4))',  # a number: counted
        },
    )
    assert result.status == "ok", (result.message, result.unsupported)
    assert got == {"D1": 0, "D2": 0, "D3": 2, "D4": 2, "D5": 0, "D6": 0, "D7": 1}


def test_aggregates_of_xlookup_leave_out_its_text_logical_and_empty_cell(tmp_path: Path) -> None:
    result, got = _recalculated(
        tmp_path,
        {
            "D1": f"=SUM({_TEXT},2,4)",
            "D2": f"=AVERAGE({_TRUE},2,4)",
            "D3": f"=MIN({_EMPTY},2,4)",
            "D4": f"=PRODUCT({_EMPTY},2,4)",
            "D5": f"=AVERAGEA({_TEXT},2,4)",  # text in a reference is 0: (0+2+4)/3
            "D6": f"=SMALL({_TEXT},1)",  # no number in the reference
            "D7": f"=AND({_TEXT},TRUE)",  # the text is ignored
            "D8": f"=SUM(({_TEXT}),2)",  # in brackets: the same reference
            "D9": f"=SUM(LARGE({_TEXT},{{1}}))",  # LARGE answering each k (its lifted form): no number, #NUM!
            "D10": f"=SUMPRODUCT(SMALL({_TRUE},{{1}}))",
        },
    )
    assert result.status == "ok", (result.message, result.unsupported)
    assert got == {
        "D1": 6, "D2": 3, "D3": 2, "D4": 8, "D5": 2, "D6": "#NUM!", "D7": True, "D8": 2, "D9": "#NUM!", "D10": "#NUM!",
    }  # fmt: skip


def test_subtotal_npv_and_criteria_ranges_read_xlookups_reference(tmp_path: Path) -> None:
    """SUBTOTAL's page: its arguments are references (subtotals of them); NPV's: "If an argument is an array or
    reference, only numbers in that array or reference are counted"; SUMIF's: "Blank and text values are ignored"."""
    result, got = _recalculated(
        tmp_path,
        {
            "D1": f"=SUBTOTAL(9,{_TEXT})",  # was 3
            "D2": f"=SUBTOTAL(2,{_TRUE})",  # was 1
            "D3": f"=NPV(0.1,{_TEXT},1)",  # was #VALUE!
            "D4": f"=NPV(0.1,{_TRUE},1)",  # was 1.7355 (TRUE read as 1)
            "D5": f'=SUMIF(A1:A4,"b",{_TEXT})',  # was 3
            "D6": f'=SUMIF({_TEXT},"3")',
        },
    )
    assert result.status == "ok", (result.message, result.unsupported)
    assert got == {"D1": 0, "D2": 0, "D3": 1 / 1.1, "D4": 1 / 1.1, "D5": 0, "D6": 0}


def test_xlookup_as_a_value_is_unchanged(tmp_path: Path) -> None:
    result, got = _recalculated(
        tmp_path,
        {
            "D1": f"={_TEXT}",
            "D2": f"={_TEXT}+1",  # arithmetic reads the text "3" as 3
            "D3": f"=SUM({_TEXT}+1,1)",
            "D4": '=COUNT(_xlfn.XLOOKUP("z",A1:A4,B1:B4,"7"))',  # if_not_found typed in: a value, counted
            "D5": '=SUM(_xlfn.XLOOKUP("a",A1:A4,B1:B4):_xlfn.XLOOKUP("c",A1:A4,B1:B4))',  # a range, as before: 1
        },
    )
    assert result.status == "ok", (result.message, result.unsupported)
    assert got == {"D1": "3", "D2": 4, "D3": 5, "D4": 1, "D5": 1}


def test_a_name_defined_as_xlookup_is_its_reference(tmp_path: Path) -> None:
    """A defined name whose formula is XLOOKUP gives the same reference: ``COUNT(Found,2)`` of the text "3" was 2,
    ``SUM(Found,2)`` 5, with status ok."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in {"A1": "a", "A2": "b", "A3": "c", "A4": "d", "B1": 1, "B2": "3", "B3": True}.items():
        sheet[ref] = value
    book.defined_names["Found"] = DefinedName("Found", attr_text='_xlfn.XLOOKUP("b",S!$A$1:$A$4,S!$B$1:$B$4)')
    sheet["D1"], sheet["D2"], sheet["D3"] = "=COUNT(Found,2)", "=SUM(Found,2)", "=Found"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", (result.message, result.unsupported)
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("D1", "D2", "D3")] == [1, 2, "3"]
