"""Excel's built-in names of a sheet used bare on that sheet (H91 finding 05).

Excel stores a print area, print titles and an AutoFilter's range as sheet-level names ``_xlnm.Print_Area``,
``_xlnm.Print_Titles``, ``_xlnm._FilterDatabase``; a formula on the sheet names them bare (``=ROWS(Print_Area)``), as
any sheet-level name. Only ``S!Print_Area`` was read: the bare names were #NAME? with an empty reason (status ok), and
``SUBTOTAL(3,_FilterDatabase)`` counted the error, 1.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def test_built_in_names_are_their_sheets_own(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    other = book.create_sheet("T")
    for row in range(1, 6):
        sheet.cell(row, 1, row)
        sheet.cell(row, 2, row * 10)
    sheet.print_area = "A1:B5"
    sheet.print_title_rows, sheet.print_title_cols = "1:1", "A:A"
    sheet.auto_filter.ref = "A1:B5"
    sheet.auto_filter.add_filter_column(0, ["2", "4", "5"])  # its criterion leaves out row 3
    sheet.row_dimensions[3].hidden = True  # inside the AutoFilter: a row its filter hides (SUBTOTAL 3 and 103 skip it)
    other.print_area = "C1:C2"
    cells = {
        "D1": "=ROWS(Print_Area)",
        "D2": "=COUNTA(Print_Area)",
        "D3": "=SUBTOTAL(3,_FilterDatabase)",
        "D4": "=SUBTOTAL(103,_FilterDatabase)",
        "D5": "=AREAS(Print_Titles)",
        "D6": "=SUM(Print_Area)",
        "D7": "=ROWS(S!Print_Area)",
    }
    for ref, formula in cells.items():
        sheet[ref] = formula
    other["A1"] = "=ROWS(S!Print_Area)"
    other["A2"] = "=ROWS(Print_Area)"  # T's own print area
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    assert result.errors == []
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert [out["S"][ref].value for ref in cells] == [5, 10, 8, 8, 2, 165, 5]
    assert [out["T"]["A1"].value, out["T"]["A2"].value] == [5, 2]
