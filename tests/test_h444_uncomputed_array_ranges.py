"""An array formula the engine cannot compute counts and names all the cells it leaves without a value (H434's 05).

``{=LINEST(A1:A3,B1:C3,,TRUE)}`` entered over S!F1:H5 with collinear x columns: the report said "1 cell could not be
recalculated" and listed S!F1 alone, while all 15 cells of F1:H5 were left empty. Now the message counts the 15 cells
and names the array's range, as does the listed cell's reason; a dynamic array's stored range likewise, whether its
stored values are kept (Excel's, current) or left out (stale: none of them stays in the output).
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from one_sheet import SHEET1, rewrite_part, save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

REASON = (
    "LINEST's x values are collinear: Excel drops columns by a rule the embedded engine lacks"
    " (the array formula S!F1 over F1:H5: 15 cells)"
)
#: what Excel shows over F1:H5 (pycel's stats.xlsx, LinestArrayExp), F1's 0 stored as 0.5 (a 0 is a program's)
EXCEL = [[0.5, 0, 2], [0, 0, 0], [1, 0, "#N/A"], ["#NUM!", 0, "#N/A"], [2, 0, "#N/A"]]


def _book(tmp_path: Path, *, dynamic: bool = False, stored: bool = False, reader: bool = False) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, (y, a, b) in enumerate([(1, 2, 3), (2, 2, 3), (3, 2, 3)], start=1):  # x columns B and C constant
        sheet.cell(row, 1, y), sheet.cell(row, 2, a), sheet.cell(row, 3, b)
    sheet["F1"] = ArrayFormula("F1:H5", "=LINEST(A1:A3,B1:C3,,TRUE)")
    if stored:  # Excel stores the array's other cells as values
        for row, values in enumerate(EXCEL, start=1):
            for column, value in enumerate(values, start=6):
                if (row, column) != (1, 6):
                    sheet.cell(row, column, value)
    if reader:
        sheet["J1"] = "=G3+1"
    path = tmp_path / "l.xlsx"
    save_dynamic(book, path, ["F1"] if dynamic else [])
    if stored:  # F1's value as Excel stores it (openpyxl stores none)
        first = rb'(<c r="F1"[^>]*>)(<f[^>]*>[^<]*</f>)(<v ?/>)?'
        rewrite_part(path, SHEET1, lambda xml: re.sub(first, rb"\1\2<v>0.5</v>", xml))
    return path


def _grid(path: Path) -> list[list[object]]:
    sheet = openpyxl.load_workbook(path, data_only=True)["S"]
    return [[sheet.cell(row, column).value for column in range(6, 9)] for row in range(1, 6)]


@pytest.mark.parametrize("dynamic", [False, True], ids=["ctrl-shift-enter", "dynamic"])
def test_an_uncomputed_array_counts_and_names_all_its_cells(tmp_path: Path, dynamic: bool) -> None:
    report = recalc_file(_book(tmp_path, dynamic=dynamic), tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "incomplete"
    assert report.message == (
        "l.xlsx: 15 cells could not be recalculated (unsupported LINEST, in the array formula S!F1 over F1:H5):"
        " they keep no value stored in the file, or its inputs changed since"
    )
    assert [(u.address, u.function, u.reason, u.kept) for u in report.unsupported] == [
        ("S!F1", "LINEST", REASON, False)
    ]
    assert _grid(tmp_path / "out.xlsx") == [[None] * 3] * 5


def test_a_cell_reading_the_array_is_counted_beside_its_cells(tmp_path: Path) -> None:
    report = recalc_file(_book(tmp_path, reader=True), tmp_path / "out.xlsx", engine="embedded")
    assert report.message == (
        "l.xlsx: 16 cells could not be recalculated (unsupported LINEST, in the array formula S!F1 over F1:H5):"
        " they keep no value stored in the file, or its inputs changed since"
    )
    assert [u.address for u in report.unsupported] == ["S!F1", "S!J1"]


@pytest.mark.parametrize("dynamic", [False, True], ids=["ctrl-shift-enter", "dynamic"])
def test_an_array_keeping_excels_values_counts_all_its_cells(tmp_path: Path, dynamic: bool) -> None:
    report = recalc_file(_book(tmp_path, dynamic=dynamic, stored=True), tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok"
    assert report.message == (
        "l.xlsx: 15 cells keep the values Excel stored (unsupported LINEST, in the array formula S!F1 over F1:H5)"
    )
    assert [(u.address, u.reason, u.kept) for u in report.unsupported] == [("S!F1", REASON, True)]
    assert _grid(tmp_path / "out.xlsx") == EXCEL


@pytest.mark.parametrize("dynamic", [False, True], ids=["ctrl-shift-enter", "dynamic"])
def test_an_array_whose_stored_values_are_stale_keeps_none_of_them(tmp_path: Path, dynamic: bool) -> None:
    path = _book(tmp_path, dynamic=dynamic, stored=True)
    report = recalc_file(path, tmp_path / "out.xlsx", engine="embedded", stored_current=False)
    assert report.status == "incomplete"
    assert report.message == (
        "l.xlsx: 15 cells could not be recalculated (unsupported LINEST, in the array formula S!F1 over F1:H5):"
        " they keep no value stored in the file, or its inputs changed since"
    )
    assert _grid(tmp_path / "out.xlsx") == [[None] * 3] * 5  # none of Excel's old values left as if computed
