"""Approximate lookups as Excel searches (excel_functions.lookup): its bisection, also over unsorted data.

Excel's VLOOKUP/HLOOKUP/LOOKUP/MATCH in approximate mode bisect the data as if sorted and answer
what the search lands on; the expected values here are the ones Excel stored for the same layouts
in Excel-saved workbooks (blanks in the searched column, unsorted text, mixed types, MATCH -1 on
ascending data). Each test builds its own workbook and recalculates it with `recalc_file`.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.excel_functions import lookup
from xl_retention.recalculation.excel_functions.arguments import rewrite_arguments


def _recalculated(tmp_path: Path, cells: dict[str, object], formulas: dict[str, str]) -> dict[str, object]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in {**cells, **formulas}.items():
        sheet[ref] = value
    source = tmp_path / "lookups.xlsx"
    book.save(source)
    report = recalc_file(source, tmp_path / "out" / "lookups.xlsx", "embedded")
    assert report.status == "ok", report.message
    values = openpyxl.load_workbook(report.output, data_only=True)["S"]
    return {ref: values[ref].value for ref in formulas}


def test_lookups_over_a_column_with_blanks_bisect_as_excel(tmp_path: Path) -> None:
    # A1:A16: four blanks, 10, 20, 30, a blank, 50, 60, 70, 80, four blanks (the engine's LOOKUP gave 0)
    cells: dict[str, object] = {
        f"A{r}": v for r, v in zip(range(5, 13), [10, 20, 30, None, 50, 60, 70, 80], strict=True)
    }
    cells = {k: v for k, v in cells.items() if v is not None}
    formulas = {}
    for row, key in zip(range(1, 6), [0, 10, 60, 90, "Hi"], strict=True):
        cells[f"C{row}"] = key
        formulas[f"D{row}"] = f"=VLOOKUP(C{row},A$1:A$16,1)"
        formulas[f"E{row}"] = f"=MATCH(C{row},A$1:A$16)"
        formulas[f"F{row}"] = f"=LOOKUP(C{row},A$1:A$16)"
    got = _recalculated(tmp_path, cells, formulas)
    assert got == {
        "D1": "#N/A", "E1": "#N/A", "F1": "#N/A",
        "D2": 10, "E2": 5, "F2": 10,
        "D3": 60, "E3": 10, "F3": 60,
        "D4": 80, "E4": 12, "F4": 80,
        "D5": "#N/A", "E5": "#N/A", "F5": "#N/A",
    }  # fmt: skip


def test_approximate_lookups_over_unsorted_data_answer_what_excels_search_lands_on(tmp_path: Path) -> None:
    cells = {"A1": "Apples", "A2": "Oranges", "A3": "Bananas", "A4": "Lemons", "B1": 50, "B2": 20, "B3": 60, "B4": 40}
    cells.update({"D1": 3, "D2": 1, "D3": 5, "D4": 2, "E1": "a", "E2": "b", "E3": "c", "E4": "d"})
    formulas = {
        "G1": '=VLOOKUP("Apples",A1:B4,2,TRUE)',  # Excel: 50 (the engine: #N/A)
        "G2": "=VLOOKUP(4,D1:E4,2)",  # mid 1 -> low, mid 5 -> high: lands on 1
        "G3": "=MATCH(4,D1:D4,1)",
        "G4": "=LOOKUP(4,D1:D4,E1:E4)",
        "G5": "=_xlfn.XLOOKUP(4,D1:D4,E1:E4,,-1)",  # next smaller scans every item: 3
        "G6": "=_xlfn.XLOOKUP(4,D1:D4,E1:E4,,1)",  # next larger: 5
        "G7": '=_xlfn.XLOOKUP(0,D1:D4,E1:E4,"none",-1)',
        "G8": "=VLOOKUP(4,D1:E4,3)",  # a column beyond the table
        "G9": "=VLOOKUP(4,D1:E4,0)",
        "G10": "=VLOOKUP(1/0,D1:E4,2)",
        "G11": "=VLOOKUP(4,D1:E4,2,FALSE)",  # exact: stays with the engine
        "G12": "=VLOOKUP(4,D1:E4,2,Z1)",  # a blank range_lookup is FALSE, not the default TRUE: exact
        "G13": "=VLOOKUP(3,D1:E4,2,Z1)",
    }
    got = _recalculated(tmp_path, cells, formulas)
    assert got == {
        "G1": 50, "G2": "b", "G3": 2, "G4": "b", "G5": "a", "G6": "c", "G7": "none",
        "G8": "#REF!", "G9": "#VALUE!", "G10": "#DIV/0!", "G11": "#N/A", "G12": "#N/A", "G13": "a",
    }  # fmt: skip


def test_lookup_forms_types_and_match_descending_as_excel(tmp_path: Path) -> None:
    # B5:B9 = 0..4 (ascending), C5:C9 letters, D5:D9 mixed, as in the corpus' lookup workbook
    cells: dict[str, object] = {f"B{r}": r - 5 for r in range(5, 10)}
    cells.update({f"C{r}": ch for r, ch in zip(range(5, 10), "aeiou", strict=True)})
    cells.update({"D6": "plugh", "D7": True, "D8": "=1/0", "E5": 1, "E6": 2, "F5": 3, "F6": 4})
    cells.update({"B11": 0, "C11": 1, "D11": 2, "E11": 3, "F11": 4})
    cells.update({f"{col}12": ch for col, ch in zip("BCDEF", "aeiou", strict=True)})
    formulas = {
        "H1": "=MATCH(-1,B5:B9,-1)",  # descending search on ascending data: every value >= -1
        "H2": "=MATCH(0,B5:B9,-1)",
        "H3": "=MATCH(0.5,B5:B9,-1)",
        "H4": '=LOOKUP("plugh",B11:F12)',  # text never matches numbers
        "H5": "=LOOKUP(TRUE,B11:F12)",
        "H6": "=LOOKUP(0.5,B11:F12)",  # wider than tall: first row searched, last row returned
        "H7": "=LOOKUP(2,B5:C9,C5:C9)",  # a two-column lookup vector: its first column
        "H8": "=LOOKUP(2,B5:C9,E5:F9)",  # a two-dimensional result vector
        "H9": "=LOOKUP(2,B5:C9,D5:D9)",
        "H10": "=LOOKUP(3,B5:C9,D5:D9)",
        "H11": '=HLOOKUP("plugh",B12:F12,1)',  # unsorted text bisected: lands on "o"
        "H12": '=VLOOKUP("plugh",C5:D9,1)',
        "H13": "=LOOKUP(0.5,B5:B9,D5:D9)",  # a blank found: 0, as Excel shows it
    }
    got = _recalculated(tmp_path, cells, formulas)
    assert got == {
        "H1": 5, "H2": 1, "H3": "#N/A", "H4": "#N/A", "H5": "#N/A", "H6": "a", "H7": "i", "H8": "#N/A",
        "H9": True, "H10": "#DIV/0!", "H11": "o", "H12": "o", "H13": 0,
    }  # fmt: skip


def test_approximate_lookups_are_rewritten_and_exact_ones_checked() -> None:
    assert rewrite_arguments("=VLOOKUP(A3,A1:B2,2)") == (
        "=INDEX(A1:B2,_XLR.VPOS(A3,INDEX(A1:B2,0,1),2,COLUMNS(A1:B2)),2)"
    )
    assert rewrite_arguments("=HLOOKUP(A3,A1:B2,2,TRUE)") == (
        "=INDEX(A1:B2,IF(ISERROR(A3),A3,2),_XLR.HPOS(A3,INDEX(A1:B2,1,0),2,ROWS(A1:B2),TRUE))"
    )
    assert rewrite_arguments("=MATCH(A3,A1:A2)") == "=_XLR.MATCH(A3,A1:A2)"
    assert rewrite_arguments('=_xlfn.XLOOKUP(A3,A1:A2,B1:B2,"no",1)') == '=_XLR.XLOOKUP(A3,A1:A2,B1:B2,1,1,"no")'
    # exact: the engine's own call stays the answer when the value it finds is the key at 15 digits
    # (tests/test_excel_exact_lookups.py); a text key typed in needs no check
    for exact in [
        "=VLOOKUP(A3,A1:B2,2,FALSE)",
        "=VLOOKUP(A3,A1:B2,2,)",
        "=MATCH(A3,A1:A2,0)",
        "=_xlfn.XLOOKUP(A3,A1:A2,B1:B2)",
    ]:
        assert rewrite_arguments(exact).startswith("=IF(_XLR.SAME(A3,")
    assert rewrite_arguments('=MATCH("a",A1:A2,0)') == '=MATCH("a",A1:A2,0)'
    assert rewrite_arguments("=VLOOKUP(A1:A2,B1:C2,2)") == "=VLOOKUP(A1:A2,B1:C2,2)"  # an array key


def test_bisection_steps_over_other_types_and_takes_the_last_of_equal_values() -> None:
    number = (1, 2.0)
    assert lookup.bisect(number, [1.0, 2.0, 2.0, 2.0, 3.0]) == 3
    assert lookup.bisect(number, ["x", "y", 1.0, "z", "w"]) == 2
    assert lookup.bisect(number, ["x", "y", "z"]) == -1
    assert lookup.bisect(number, []) == -1
    assert lookup.bisect((2, "b"), ["A", "B", "C"]) == 1  # text without case


def test_index_refuses_negative_positions_with_value_error(tmp_path: Path) -> None:
    # Excel: a negative row or column number is #VALUE!, one beyond the range #REF! (the engine: #REF! for both)
    cells = {"A1": 1, "B1": 2, "A2": 3, "B2": 4, "D1": -1, "D2": 1, "D3": 5}
    formulas = {
        "F1": "=INDEX(A1:B2,D1,1)",
        "F2": "=INDEX(A1:B2,D2,D1)",
        "F3": "=INDEX(A1:B2,D3,1)",
        "F4": "=INDEX({1,2;3,4},D1)",
        "F5": "=INDEX({1,2;3,4},,D1)",
        "F6": "=INDEX(A1:B2,D2,2)",
        "F7": "=INDEX(A1:B2,MATCH(4,B1:B2,0)-3,1)",
        "F8": "=INDEX(A1:B2,1/0,1)",
    }
    got = _recalculated(tmp_path, cells, formulas)
    assert got == {
        "F1": "#VALUE!", "F2": "#VALUE!", "F3": "#REF!", "F4": "#VALUE!", "F5": "#VALUE!", "F6": 2, "F7": "#VALUE!",
        "F8": "#DIV/0!",
    }  # fmt: skip


def test_a_comparison_passes_an_error_operand_on(tmp_path: Path) -> None:
    # the 15-digit comparison (_XLR.COMPARED) gave #VALUE! for an error operand; Excel passes the error on
    got = _recalculated(tmp_path, {"A1": "=1/0", "A2": "=NA()"}, {"B1": "=IF(A1>0.5,1,2)", "B2": "=A2=0.3"})
    assert got == {"B1": "#DIV/0!", "B2": "#N/A"}
