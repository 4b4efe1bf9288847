"""One cell without a current value in a workbook no longer makes every OFFSET(INDEX(..)) formula said to read it
(H239's finding 4): an OFFSET whose reference INDEX or XLOOKUP returns was taken to read any cell, so its reason named
that cell and its good value was left out. It reads its range moved and sized as asked."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation.batch import recalc_file

REASON = "reads S!A1 (FORECAST.ETS), which has no current value (the embedded engine cannot compute it)"


def test_only_formulas_that_can_reach_the_cell_are_listed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(1, 6):
        sheet[f"E{row}"] = f"p{row}"
        sheet[f"F{row}"] = row * 10
    sheet["A1"] = "=_xlfn.FORECAST.ETS(1,F1:F5,F1:F5)"  # the engine lacks it, no value stored
    sheet["H1"] = "=OFFSET(INDEX(F1:F5,2),1,0)"
    sheet["H2"] = "=SUM(OFFSET(INDEX(F1:F5,1),0,0,2,1))"
    sheet["H3"] = '=OFFSET(_xlfn.XLOOKUP("p2",E1:E5,F1:F5),1,0)'
    sheet["H4"] = "=OFFSET(INDEX(F1:F5,1),0,-5)"  # A1: reaches it
    sheet["H5"] = "=OFFSET(INDEX(B1:B5,2),-1,-1)"  # A1 within reach of B1:B5 moved up and left
    book.save(tmp_path / "t.xlsx")
    result = recalc_file(tmp_path / "t.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    listed = {issue.address: issue.reason for issue in result.unsupported}
    assert listed == {"S!A1": "unsupported function FORECAST.ETS", "S!H4": REASON, "S!H5": REASON}
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("H1", "H2", "H3")] == [30, 30, 30]
