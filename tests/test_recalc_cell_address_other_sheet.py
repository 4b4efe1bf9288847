"""CELL("address", reference) of a reference on another sheet names the workbook too in Excel: ``[book.xlsx]Other!$B$2``
(``'[book.xlsx]My Sheet'!$C$3`` where the sheet needs quotes), which formulas strip with MID and FIND("]"). The engine
gave ``Other!$B$2``, and for a name of a cell on another sheet ``$D$4`` (the sheet left out), under status ok. A
reference on the formula's own sheet, named or not, is ``$B$5`` as before."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file


def test_cell_address_of_another_sheet_names_the_workbook(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    book.create_sheet("Other")
    book.create_sheet("My Sheet")
    book.defined_names["Far"] = DefinedName("Far", attr_text="Other!$D$4")
    cells = {
        "B1": '=CELL("address",Other!B2)',
        "B2": '=CELL("address",S!B5)',
        "B3": "=CELL(\"address\",'My Sheet'!$C$3)",
        "B4": '=CELL("address",INDEX(Other!A:A,3))',
        "B5": '=CELL("address",Far)',
        "B6": '=CELL("address",Other!B2:C3)',
        "B7": '=MID(B1,FIND("]",B1)+1,99)',
        "B8": '=CELL("address",B5)',
    }
    for ref, formula in cells.items():
        sheet[ref] = formula
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok" and not report.unsupported and not report.errors
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert {ref: out[ref].value for ref in cells} == {
        "B1": "[book.xlsx]Other!$B$2",
        "B2": "$B$5",
        "B3": "'[book.xlsx]My Sheet'!$C$3",
        "B4": "[book.xlsx]Other!$A$3",
        "B5": "[book.xlsx]Other!$D$4",
        "B6": "[book.xlsx]Other!$B$2",
        "B7": "Other!$B$2",
        "B8": "$B$5",
    }
