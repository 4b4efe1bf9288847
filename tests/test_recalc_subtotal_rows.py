"""SUBTOTAL over OFFSET or INDIRECT given an array of rows, the "visible rows" idiom (H91 finding 03).

``SUMPRODUCT(SUBTOTAL(109,OFFSET(B2,ROW(B2:B5)-ROW(B2),0)),--(A2:A5="a"))`` sums the visible rows meeting a
condition (one reference per row, one SUBTOTAL per reference). It was listed (incomplete, no value); it is now
computed row by row, hidden rows left out as SUBTOTAL leaves them (Excel and LibreOffice: 1001, 3, 3, 1111 below).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

CELLS = {
    "D1": '=SUMPRODUCT(SUBTOTAL(109,OFFSET(B2,ROW(B2:B5)-ROW(B2),0)),--(A2:A5="a"))',
    "D2": '=SUMPRODUCT(SUBTOTAL(3,OFFSET(A2:A5,ROW(A2:A5)-MIN(ROW(A2:A5)),,1)),--(A2:A5="a"))',
    "D3": '=SUMPRODUCT(SUBTOTAL(103,INDIRECT("A"&ROW(A2:A5))))',
    "D4": "=SUMPRODUCT(SUBTOTAL(9,OFFSET(B2,ROW(B2:B5)-ROW(B2),0)))",
    "D5": "=SUMPRODUCT(SUBTOTAL(102,OFFSET(S!$B$2,ROW(B2:B5)-2,0)))",
    "D6": '=SUMPRODUCT(SUBTOTAL(3,OFFSET(C2,ROW(C2:C5)-ROW(C2),0)),--(A2:A5="a"))',
}


def _recalculated(tmp_path: Path, *, filtered: bool) -> tuple[object, list[object]]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"], sheet["B1"], sheet["C1"] = "k", "v", "note"
    for row, (key, value) in enumerate([("a", 1), ("b", 10), ("a", 100), ("a", 1000)], 2):
        sheet.cell(row, 1, key)
        sheet.cell(row, 2, value)
    sheet["C2"], sheet["C5"] = "x", "y"
    sheet.row_dimensions[4].hidden = True  # ("a", 100)
    if filtered:
        sheet.auto_filter.ref = "A1:C5"  # row 4 is one the filter hides: SUBTOTAL 1..11 leave it out too
        sheet.auto_filter.add_filter_column(1, ["1", "10", "1000"])  # its criterion: B is not 100
    for ref, formula in CELLS.items():
        sheet[ref] = formula
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    return result, [out[ref].value for ref in CELLS]


def test_hidden_by_hand(tmp_path: Path) -> None:
    result, values = _recalculated(tmp_path, filtered=False)
    assert result.status == "ok", result.message
    assert result.unsupported == [] and result.errors == []
    assert values == [1001, 3, 3, 1111, 3, 2]


def test_hidden_by_a_filter(tmp_path: Path) -> None:
    result, values = _recalculated(tmp_path, filtered=True)
    assert result.status == "ok", result.message
    assert values == [1001, 2, 3, 1011, 3, 2]


def test_other_forms_are_still_listed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(1, 5):
        sheet.cell(row, 2, row)
    sheet["D1"] = "=SUMPRODUCT(SUBTOTAL(9,OFFSET(B1:C1,ROW(B1:B4)-1,0)))"  # two cells a row
    sheet["D2"] = "=SUMPRODUCT(SUBTOTAL(9,OFFSET(B1,ROW(B1:B4)-1,1,2)))"  # two rows each
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    assert sorted(e.address for e in result.unsupported) == ["S!D1", "S!D2"]
