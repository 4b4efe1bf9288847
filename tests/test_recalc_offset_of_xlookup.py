"""OFFSET whose reference is the cell XLOOKUP returns, height and width left out (H233's finding 04): the cell it
moves to, as in Excel (XLOOKUP returns a reference); was #REF! with no reason under status ok."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation.batch import recalc_file

CELLS = {
    "H1": "=OFFSET(INDEX(F1:F5,2),1,0)",
    "H2": '=OFFSET(_xlfn.XLOOKUP("p2",E1:E5,F1:F5),1,0)',
    "H3": '=OFFSET(_xlfn.XLOOKUP("p2",E1:E5,F1:F5),0,0)',
    "H5": '=SUM(OFFSET(_xlfn.XLOOKUP("p2",E1:E5,F1:F5),0,0,2,1))',
    "I4": '=OFFSET(_xlfn.XLOOKUP("p4",E1:E5,F1:F5),-3,0)',
}


def test_offset_moves_from_the_cell_xlookup_returns(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(1, 6):
        sheet[f"E{row}"] = f"p{row}"
        sheet[f"F{row}"] = row * 10
    for ref, formula in CELLS.items():
        sheet[ref] = formula
    book.save(tmp_path / "t.xlsx")
    result = recalc_file(tmp_path / "t.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert {ref: out[ref].value for ref in CELLS} == {"H1": 30, "H2": 30, "H3": 20, "H5": 50, "I4": 10}
