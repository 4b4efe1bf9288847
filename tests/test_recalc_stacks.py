"""HSTACK and VSTACK of arrays of different heights (widths) pad the shorter ones with #N/A, as Excel does; FILTER
by a row keeps columns.

Microsoft's HSTACK page: "If an array has fewer rows than the maximum width of the selected arrays, Excel returns a
#N/A error in the additional rows" (its example 2, ``=HSTACK(A2:B4,C2:D3,E2:F2)``: three rows, #N/A below the shorter
arrays); VSTACK's page alike with columns. The engine made the whole result one #VALUE! with status ok (0 after
IFERROR). Arrays of one size, whole columns among them, stay the engine's own stacks.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

NA = "#N/A"


def _spilled(tmp_path: Path, formulas: dict[str, str], cells: dict[str, object] | None = None) -> dict[str, object]:
    """Every value of sheet S after recalculation: A1:C4 hold 11, 12, 13 / 21, 22, 23 / ... (and ``cells``);
    ``formulas`` are dynamic array formulas (Excel 365's), each in its own cell."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for r in range(1, 5):
        for c in range(1, 4):
            sheet.cell(r, c, r * 10 + c)
    for ref, value in (cells or {}).items():
        sheet[ref] = value
    for ref, text in formulas.items():
        sheet[ref] = ArrayFormula(ref, text)
    source = save_dynamic(book, tmp_path / "book.xlsx", formulas)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    return {c.coordinate: c.value for row in out.iter_rows() for c in row if c.value is not None}


def _block(values: dict[str, object], top: int, left: str, rows: int, columns: int) -> list[list[object]]:
    start = openpyxl.utils.column_index_from_string(left)
    letters = [openpyxl.utils.get_column_letter(start + k) for k in range(columns)]
    return [[values.get(f"{col}{top + i}") for col in letters] for i in range(rows)]


def test_shorter_arrays_are_padded_with_na(tmp_path: Path) -> None:
    got = _spilled(
        tmp_path,
        {
            "E1": "=_xlfn.HSTACK(A1:A2,B1:B3)",
            "H1": "=_xlfn.HSTACK(A1:B3,C1:C2,7)",  # Microsoft's example 2: three arrays, two of them short
            "E6": "=_xlfn.VSTACK(A1:B1,A2:C2)",
            "E9": "=_xlfn.VSTACK(A1:C1,{1,2})",
            "I6": "=_xlfn.HSTACK({1;2},_xlfn.SEQUENCE(3))",  # a size known only when the formula runs
        },
    )
    assert _block(got, 1, "E", 3, 2) == [[11, 12], [21, 22], [NA, 32]]
    assert _block(got, 1, "H", 3, 4) == [[11, 12, 13, 7], [21, 22, 23, NA], [31, 32, NA, NA]]
    assert _block(got, 6, "E", 2, 3) == [[11, 12, NA], [21, 22, 23]]
    assert _block(got, 9, "E", 2, 3) == [[11, 12, 13], [1, 2, NA]]
    assert _block(got, 6, "I", 3, 2) == [[1, 1], [2, 2], [NA, 3]]


def test_results_read_from_padded_stacks(tmp_path: Path) -> None:
    got = _spilled(
        tmp_path,
        {
            "E1": '=IFERROR(_xlfn.HSTACK(A1:A2,B1:B3),"-")',
            "H1": "=SUM(IFERROR(_xlfn.HSTACK(A1:A2,B1:B3),0))",  # 11 + 21 + 12 + 22 + 32 (was 0)
            "H2": "=ROWS(_xlfn.HSTACK(A1:A2,B1:B3))",
            "H3": "=COUNTIF(_xlfn.VSTACK(A1:B1,A2:C2),23)",
        },
    )
    assert _block(got, 1, "E", 3, 2) == [[11, 12], [21, 22], ["-", 32]]
    assert [got["H1"], got["H2"], got["H3"]] == [98, 3, 1]


def test_arrays_of_one_size_and_whole_columns_are_as_before(tmp_path: Path) -> None:
    got = _spilled(
        tmp_path,
        {
            "E1": "=_xlfn.HSTACK(A1:A3,C1:C3)",
            "H1": "=ROWS(_xlfn.HSTACK(A:A,B:B))",
            "H2": "=SUM(_xlfn.VSTACK(A:A,C:C))",
            "H3": "=_xlfn.HSTACK(1/0,2)",  # a single error value is one element
            "E5": "=_xlfn.BYROW(A1:B2,_xlfn.LAMBDA(_xlpm.r,SUM(_xlpm.r)))",  # the engine's own VSTACK
        },
    )
    assert _block(got, 1, "E", 3, 2) == [[11, 13], [21, 23], [31, 33]]
    assert [got["H1"], got["H2"], got["H3"], got["I3"]] == [
        1_048_576,
        11 + 21 + 31 + 41 + 13 + 23 + 33 + 43,
        "#DIV/0!",
        2,
    ]
    assert [got["E5"], got["E6"]] == [23, 43]


def test_filter_by_a_row_keeps_columns(tmp_path: Path) -> None:
    """Microsoft's FILTER page: include is "A Boolean array whose height or width is the same as the array"; a row
    keeps the columns under its TRUE values (the engine kept every column)."""
    book_cells = {"E6": "Q1", "F6": "Q2", "G6": "Q1"}
    formulas = {
        "E8": '=_xlfn._xlws.FILTER(A1:C4,E6:G6="Q1")',
        "H8": "=_xlfn._xlws.FILTER(A1:C1,{TRUE,FALSE,TRUE})",
        "H10": '=SUM(_xlfn._xlws.FILTER(A1:C4,E6:G6="Q1"))',
        "H11": '=_xlfn._xlws.FILTER(A1:C4,E6:G6="Q9","none")',
        "H12": "=_xlfn._xlws.FILTER(A1:C4,{1,0})",  # a row of another width: #VALUE!
        "E13": "=_xlfn._xlws.FILTER(A1:C4,A1:A4>20)",  # a column keeps rows, as before
    }
    got = _spilled(tmp_path, formulas, book_cells)
    assert _block(got, 8, "E", 4, 2) == [[11, 13], [21, 23], [31, 33], [41, 43]]
    assert _block(got, 8, "H", 1, 2) == [[11, 13]]
    assert [got["H10"], got["H11"], got["H12"]] == [216, "none", "#VALUE!"]
    assert _block(got, 13, "E", 3, 3) == [[21, 22, 23], [31, 32, 33], [41, 42, 43]]


def test_take_and_drop_of_nothing_are_calc_errors(tmp_path: Path) -> None:
    """TAKE's and DROP's pages: "Excel returns a #CALC! error to indicate an empty array" (the engine left the cell
    blank, status ok)."""
    got = _spilled(
        tmp_path,
        {
            "E1": "=_xlfn.TAKE(A1:C4,0)",
            "E2": "=_xlfn.TAKE(A1:C4,2,0)",
            "E3": "=_xlfn.DROP(A1:C4,4)",
            "E4": "=_xlfn.DROP(A1:C4,,3)",
            "E5": '=IFERROR(_xlfn.DROP(A1:C4,-4),"none")',
            "E6": "=SUM(_xlfn.TAKE(A1:C4,-1,2))",  # what is left is as before
            "E7": "=_xlfn.DROP(A1:C4,3,1)",
            "E8": "=ROWS(_xlfn.TAKE(A1:C4,0))",  # the #CALC! itself, not the size of an error value (1)
            "E9": "=ROWS(_xlfn.TAKE(A1:C4,2))",
            "E10": "=COLUMNS(_xlfn.DROP(A1:C4,,1))",
        },
    )
    assert [got.get(f"E{r}") for r in range(1, 7)] == ["#CALC!", "#CALC!", "#CALC!", "#CALC!", "none", 83]
    assert _block(got, 7, "E", 1, 2) == [[42, 43]]
    assert [got["E8"], got["E9"], got["E10"]] == ["#CALC!", 2, 2]


def test_choosecols_given_an_array_of_numbers_is_listed(tmp_path: Path) -> None:
    """CHOOSECOLS(A1:C4,{1,3}) was one #VALUE!, status ok; Microsoft's CHOOSECOLS/CHOOSEROWS pages document #VALUE!
    only for a number of 0 or past the array and do not say what an array of numbers gives: listed, its reason
    naming it. Numbers given one by one are computed as before."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for r in range(1, 5):
        for c in range(1, 4):
            sheet.cell(r, c, r * 10 + c)
    formulas = {"E1": "=_xlfn.CHOOSECOLS(A1:C4,{1,3})", "H1": "=_xlfn.CHOOSEROWS(A1:C4,{1;4})"}
    formulas["E8"] = "=_xlfn.CHOOSECOLS(A1:C4,1,3)"
    for ref, text in formulas.items():
        sheet[ref] = ArrayFormula(ref, text)
    source = save_dynamic(book, tmp_path / "book.xlsx", formulas)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    listed = {u.address: u for u in result.unsupported}
    assert sorted(listed) == ["S!E1", "S!H1"]
    assert listed["S!E1"].function == "CHOOSECOLS" and "array of column (row) numbers" in listed["S!E1"].reason
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [[out.cell(8 + i, 5 + k).value for k in range(2)] for i in range(4)] == [
        [11, 13],
        [21, 23],
        [31, 33],
        [41, 43],
    ]


def test_take_of_more_rows_than_its_array_is_listed(tmp_path: Path) -> None:
    """TAKE(A1:C4,10) was #VALUE!, status ok, an error Microsoft's TAKE page does not list (#CALC! for 0, #NUM! for an
    array too large) for an answer it does not give: listed, its reason naming it; counts within the array as
    before."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for r in range(1, 5):
        for c in range(1, 4):
            sheet.cell(r, c, r * 10 + c)
    formulas = {"E1": "=_xlfn.TAKE(A1:C4,10)", "I1": "=_xlfn.TAKE(A1:C4,-2,-6)", "E6": "=_xlfn.TAKE(A1:C4,-2,2)"}
    formulas["I6"] = "=SUM(_xlfn.TAKE(A1:C4,4,3))"
    for ref, text in formulas.items():
        sheet[ref] = ArrayFormula(ref, text)
    source = save_dynamic(book, tmp_path / "book.xlsx", formulas)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    listed = {u.address: u for u in result.unsupported}
    assert sorted(listed) == ["S!E1", "S!I1"]
    assert listed["S!E1"].function == "TAKE" and "more rows or columns than its array" in listed["S!E1"].reason
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [[out.cell(6 + i, 5 + k).value for k in range(2)] for i in range(2)] == [[31, 32], [41, 42]]
    assert out["I6"].value == 11 + 12 + 13 + 21 + 22 + 23 + 31 + 32 + 33 + 41 + 42 + 43
