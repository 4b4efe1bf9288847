"""``#N/A`` typed in a formula is asked for, as ``NA()`` is (H313's finding 05).

A1 = 0; B1 =IF(A1=0,NA(),A1), B2 =IF(A1=0,#N/A,A1), B3 =IFERROR(CRR(110,20,A1),NA()), B4 =IFERROR(CRR(110,20,A1),#N/A):
the chart-gap idiom in both spellings Excel takes (ERROR.TYPE 7, ISNA TRUE both). B2 and B4 were listed as errors
without a reason ('S!B2, S!B4 (2 cells) = #N/A'), B1 and B3 not. Now none is; an #N/A the formula does not ask for
(a lookup that finds nothing) still is, and "#N/A" inside a text asks for nothing.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def test_typed_na_is_no_error(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"] = 0
    sheet["B1"] = "=IF(A1=0,NA(),A1)"
    sheet["B2"] = "=IF(A1=0,#N/A,A1)"
    sheet["B3"] = "=IFERROR(CRR(110,20,A1),NA())"
    sheet["B4"] = "=IFERROR(CRR(110,20,A1),#N/A)"
    sheet["B5"] = '=IF(A1=0,MATCH("x",A1:A1,0),"#N/A")'  # a lookup finding nothing, "#N/A" a text: an error
    sheet["B6"] = '=IF(A1=1,"#N/A",#n/a)'
    book.save(tmp_path / "gaps.xlsx")
    report = recalc_file(tmp_path / "gaps.xlsx", tmp_path / "out.xlsx")
    assert report.status == "ok"
    assert [(e.address, e.error) for e in report.errors] == [("S!B5", "#N/A")]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[f"B{row}"].value for row in range(1, 7)] == ["#N/A"] * 6
