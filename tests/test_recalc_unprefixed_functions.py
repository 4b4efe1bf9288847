"""Excel's functions newer than the 2007 file format, written without their _xlfn. prefix, are #NAME? as in Excel.

openpyxl writes a formula's text as given: =XLOOKUP(..), =IFS(..), =STDEV.S(..), =CONCAT(..) typed as in Excel's
formula bar are stored bare, which Excel reads as no function (#NAME?: XlsxWriter's and EPPlus's docs); Excel writes
them _xlfn.XLOOKUP(..). Recalc computed them, status ok: values Excel never shows (H67 finding 07). Now they are
#NAME? with the reason naming the fix, the cells reading them #NAME? too; the prefixed form and Excel 2007's functions
(SUM, IFERROR, SUMIFS) and our own (CRR) are computed.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file


def test_newer_functions_without_their_prefix_are_name_errors(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    for i, (month, value) in enumerate([("Jan", 100), ("Feb", 110), ("Mar", 120)], 1):
        ws[f"A{i}"], ws[f"B{i}"] = month, value
    ws["D1"] = '=XLOOKUP("Feb",A1:A3,B1:B3)'
    ws["D2"] = '=IFS(B3>B1,"growing",TRUE,"flat")'
    ws["D3"] = "=STDEV.S(B1:B3)"
    ws["D4"] = '=CONCAT(A1,"-",A3)'
    ws["D5"] = "=D1*2"
    ws["D6"] = '=IFERROR(XLOOKUP("Feb",A1:A3,B1:B3),0)'  # IFERROR catches Excel's #NAME?: 0
    ws["E1"] = '=_xlfn.XLOOKUP("Feb",A1:A3,B1:B3)'
    ws["E2"] = "=_xlfn.STDEV.S(B1:B3)"
    ws["E3"] = '=SUMIFS(B1:B3,A1:A3,"Feb")+IFERROR(1/0,1)'
    ws["E4"] = "=CRR(B3,B1,B2)"
    ws["E5"] = '="XLOOKUP(" & "x"'  # the name in a text: no call
    wb.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok", report.message
    errors = {e.address: e for e in report.errors}
    assert sorted(errors) == ["S!D1", "S!D2", "S!D3", "S!D4", "S!D5"]
    assert errors["S!D1"].reason == (
        "XLOOKUP is stored without Excel's _xlfn. prefix, which Excel reads as no function: #NAME? (a function newer "
        "than Excel 2007 is stored as _xlfn.XLOOKUP(...), as Excel writes it; with openpyxl write =_xlfn.XLOOKUP(...))"
    )
    assert errors["S!D3"].reason.startswith("STDEV.S is stored without Excel's _xlfn. prefix")
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[f"D{i}"].value for i in range(1, 7)] == ["#NAME?"] * 5 + [0]
    assert [out[f"E{i}"].value for i in range(1, 6)] == [110, 10, 111, (120 - 100) / 110, "XLOOKUP(x"]
