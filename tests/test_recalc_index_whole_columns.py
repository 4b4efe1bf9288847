"""INDEX of whole columns or rows taking one of them whole (``INDEX(A:B,0,1)``) is that whole column, as in Excel
(recalculation.excel_functions.whole_slices): the engine gave the rows in use only.

Microsoft's INDEX: "If you set row_num or column_num to 0 (zero), INDEX returns the reference for the entire column or
row, respectively". ``ROWS(INDEX(A:B,0,1))`` was 4 with status ok (Excel 1048576), ``COLUMNS(INDEX(1:2,1,0))`` 10
(16384), ``FILTER(A:B,INDEX(A:B,0,1)="x")`` #VALUE! (Excel: the rows of x); ``SUMPRODUCT((INDEX(A:B,0,1)="x")*B:B)``
was listed as array arithmetic the engine cannot size.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

_DATA = {"A1": "x", "A3": "y", "A4": "x", "B1": 1, "B2": 2, "B3": 3, "B4": 4}


def _recalculated(tmp_path: Path, cells: dict[str, str], dynamic: dict[str, str]) -> tuple[object, dict[str, object]]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in {**_DATA, **cells}.items():
        sheet[ref] = value
    for ref, formula in dynamic.items():
        sheet[ref] = ArrayFormula(ref, formula)
    source = save_dynamic(book, tmp_path / "book.xlsx", dynamic)
    result = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    return result, {c.coordinate: c.value for row in out.iter_rows() for c in row if c.value is not None}


def test_index_of_a_whole_column_is_the_whole_column(tmp_path: Path) -> None:
    result, got = _recalculated(
        tmp_path,
        {
            "H1": "=ROWS(INDEX(A:B,0,1))",
            "H2": "=ROWS(INDEX($A:$B,,2))",
            "H3": "=COLUMNS(INDEX(1:2,1,0))",
            "H4": '=SUMPRODUCT((INDEX(A:B,0,1)="x")*B:B)',
            "H5": '=MATCH("y",INDEX(A:B,0,1),0)',
            "H6": "=ROWS(INDEX(A:A,0))",
        },
        {
            "D1": '=_xlfn._xlws.FILTER(A:B,INDEX(A:B,0,1)="x")',
            "J1": '=ROWS(_xlfn._xlws.FILTER(A:B,INDEX(A:B,0,1)<>"x"))',
        },
    )
    assert result.status == "ok", (result.message, result.unsupported)
    assert {k: got.get(k) for k in ("H1", "H2", "H3", "H4", "H5", "H6", "D1", "E1", "D2", "E2", "D3", "J1")} == {
        "H1": 1048576, "H2": 1048576, "H3": 16384, "H4": 5, "H5": 3, "H6": 1048576, "D1": "x", "E1": 1, "D2": "x",
        "E2": 4, "D3": None, "J1": 1048574,
    }  # fmt: skip


def test_index_of_part_of_whole_columns_is_left_to_index(tmp_path: Path) -> None:
    result, got = _recalculated(
        tmp_path,
        {"H1": "=INDEX(A:B,4,2)", "H2": "=INDEX(A:B,0,3)", "H3": "=SUM(INDEX(A:B,0,2))", "C4": "=INDEX(A:B,0,2)"},
        {},
    )
    assert result.status == "ok", result.message
    assert {k: got.get(k) for k in ("H1", "H2", "H3", "C4")} == {"H1": 4, "H2": "#REF!", "H3": 10, "C4": 4}


def test_the_size_of_index_past_its_area_is_its_ref_error(tmp_path: Path) -> None:
    # Microsoft's INDEX: a row_num or column_num outside the reference is #REF!; ROWS and COLUMNS of it were 1
    result, got = _recalculated(
        tmp_path,
        {
            "H1": "=ROWS(INDEX(A1:B4,0,5))",
            "H2": "=COLUMNS(INDEX(A1:B4,0,5))",
            "H3": "=ROWS(INDEX(A:B,0,B3))",  # B3 holds 3: past A:B
            "H4": "=ROWS(INDEX(A1:B4,0,2))",
            "H5": "=ROWS(INDEX(A:B,0,0))",
            "H6": "=COLUMNS(INDEX({1,2;3,4},0,1))",
        },
        {},
    )
    assert result.status == "ok", result.message
    assert {k: got.get(k) for k in ("H1", "H2", "H3", "H4", "H5", "H6")} == {
        "H1": "#REF!", "H2": "#REF!", "H3": "#REF!", "H4": 4, "H5": 1048576, "H6": 1,
    }  # fmt: skip
