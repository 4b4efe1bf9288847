"""LET parameters stored without ``_xlpm.``, and FILTER/SORT's storage prefix in the reason (H75 item 4).

Excel stores ``=LET(x,2,x+1)`` as ``_xlfn.LET(_xlpm.x,2,_xlpm.x+1)``; a script writing the names bare gets #NAME? in
Excel 365 (XlsxWriter issue 1072), where the engine computed 3 (status ok). Such a LET is #NAME? here, with the reason
naming the bare name; IFERROR around it gives its value. A bare FILTER or SORT was already #NAME?, but the reason
told to write _xlfn.FILTER(..): Excel stores them as _xlfn._xlws.FILTER(..) and _xlfn._xlws.SORT(..).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet

from xl_retention.recalculation import recalc_file

BARE = (
    "LET's name {name} is stored without Excel's _xlpm. prefix, which Excel reads as a defined name the workbook does "
    "not have: #NAME? (Excel stores it as _xlpm.{name}; with openpyxl write _xlpm.{name} in the formula)"
)


def test_bare_let_parameters_are_name_errors(tmp_path: Path) -> None:
    cells = {
        "A1": 1, "A2": 2, "A3": 3, "B1": True, "B2": False, "B3": True,
        "C1": "=_xlfn.LET(x,2,x+1)",
        "C2": "=_xlfn.LET(_xlpm.x,2,_xlpm.x+1)",
        "C3": "=IFERROR(_xlfn.LET(x,2,x+1),-1)",
        "C4": "=_xlfn.LET(_xlpm.a,2,b,3,_xlpm.a)",
        "C5": "=_xlfn.LET(_xlpm.a,2,_xlpm.b,SUM(A1:A3),_xlpm.a*_xlpm.b)",
        "C6": "=SUM(FILTER(A1:A3,B1:B3))",
        "C7": "=SUM(_xlfn._xlws.SORT(A1:A3))",
    }  # fmt: skip
    result, values = recalc_sheet(tmp_path, cells)
    assert [values[f"C{row}"] for row in range(1, 8)] == ["#NAME?", 3, -1, "#NAME?", 12, "#NAME?", 6]
    reasons = {e.address: e.reason for e in result.errors}
    assert reasons["S!C1"] == BARE.format(name="x")
    assert reasons["S!C4"] == BARE.format(name="b")
    assert reasons["S!C6"] == (
        "FILTER is stored without Excel's _xlfn._xlws. prefix, which Excel reads as no function: #NAME? (a function "
        "newer than Excel 2007 is stored as _xlfn._xlws.FILTER(...), as Excel writes it; with openpyxl write "
        "=_xlfn._xlws.FILTER(...))"
    )
    assert set(reasons) == {"S!C1", "S!C4", "S!C6"}


def test_a_bare_lambda_called_is_a_name_error_not_a_failed_file(tmp_path: Path) -> None:
    # =LAMBDA(v,v+1)(A1) as a script writes it (no _xlfn.): the whole file failed ("'#NIMPL!' is not an Excel error
    # code", readers too); Excel reads the bare LAMBDA as no function: #NAME?, its readers too, IFERROR its value
    cells = {
        "A1": 20,
        "B1": "=LAMBDA(wert,wert+1)(A1)",
        "B2": "=B1+1",
        "B3": "=IFERROR(LAMBDA(v,v*2)(A1),5)",
        "B4": "=_xlfn.LAMBDA(_xlpm.v,_xlpm.v*2)(A1)",
    }
    result, values = recalc_sheet(tmp_path, cells)
    assert result.status == "ok"
    assert [values[f"B{row}"] for row in range(1, 5)] == ["#NAME?", "#NAME?", 5, 40]
    assert {e.address: e.reason for e in result.errors}["S!B1"] == (
        "LAMBDA is stored without Excel's _xlfn. prefix, which Excel reads as no function: #NAME? (a function newer "
        "than Excel 2007 is stored as _xlfn.LAMBDA(...), as Excel writes it; with openpyxl write =_xlfn.LAMBDA(...))"
    )


def test_a_bare_lambda_called_reading_a_sheet_named_with_a_bracket(tmp_path: Path) -> None:
    # the called LAMBDA's end was found by counting brackets in the formula's text, the one in the sheet name
    # 'a(b' too: the call was left as it was and the whole file failed ("'#NIMPL!' is not an Excel error code");
    # the formula's tokens are read now (a sheet name is one token)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    book.create_sheet("a(b")["A1"] = 5
    sheet["A1"] = 20
    sheet["B1"] = "=LAMBDA(v,v+'a(b'!A1)(A1)"
    sheet["B2"] = "=IFERROR(LAMBDA(v,v+'a(b'!A1)(A1),7)"
    sheet["B3"] = "=_xlfn.LAMBDA(_xlpm.v,_xlpm.v+'a(b'!A1)(A1)"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [out[ref].value for ref in ("B1", "B2", "B3")] == ["#NAME?", 7, 25]
    assert [e.address for e in result.errors] == ["S!B1"]
