"""A LET variable or LAMBDA parameter spelled like one of the workbook's defined names (H91 finding 04).

Excel stores ``=LET(price, A1*1.2, price*2)`` as ``_xlfn.LET(_xlpm.price, ..)`` and a workbook name ``Price`` bare:
inside the formula its own name wins, and a bare ``Price`` there is still the workbook's name. The rewrite dropped
the prefix and the engine then read ``price`` as the name ``Price`` (a range): #VALUE! with an empty reason and
status ok, IFERROR's fallback instead of the value.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import recalc_sheet
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file

NAMES = {
    "Price": "S!$A$1",
    "Total": "S!$B$2",
    "One": "S!$A$1:$A$2",
    "Tax": "0.2",
    "Dyn": "OFFSET(S!$A$1,0,0,2,1)",
    "Twice": "_xlfn.LAMBDA(_xlpm.price,_xlpm.price*2)",
}


def test_the_formulas_own_name_wins_inside_it(tmp_path: Path) -> None:
    cells = {
        "A1": 100, "A2": 3, "A3": 5,
        "B1": "=_xlfn.LET(_xlpm.price,A1*1.2,_xlpm.qty,A2,_xlpm.price*_xlpm.qty)",
        "B2": "=Price*A2",
        "B3": "=_xlfn.LET(_xlpm.total,Price*A2,_xlpm.total+1)",
        "B4": "=_xlfn.LET(_xlpm.total,5,_xlpm.total+Total)",
        "B5": '=IFERROR(_xlfn.LET(_xlpm.price,A1*1.2,_xlpm.price*2),"check")',
        "B6": "=Twice(4)",
        "B7": "=_xlfn.LAMBDA(_xlpm.price,_xlpm.price*3)(4)",
        "B8": "=_xlfn.LET(_xlpm.one,A1:A2,SUM(_xlpm.one)+SUM(One))",
        "B9": "=SUM(_xlfn.MAP(A1:A3,_xlfn.LAMBDA(_xlpm.price,_xlpm.price+Price)))",
        "B10": "=_xlfn.REDUCE(0,A1:A3,_xlfn.LAMBDA(_xlpm.price,_xlpm.one,_xlpm.price+_xlpm.one))",
        "B11": "=_xlfn.LET(_xlpm.price,2,_xlpm.price_,3,_xlpm.price*10+_xlpm.price_)",
        "B12": "=_xlfn.LET(_xlpm.tax,5,_xlpm.tax*2+Tax)",
        "B13": "=_xlfn.LET(_xlpm.dyn,5,_xlpm.dyn+SUM(Dyn))",
        "B14": "=_xlfn.LET(_xlpm.PRICE,7,_xlpm.PRICE+Price)",
    }  # fmt: skip
    result, values = recalc_sheet(tmp_path, cells, names=NAMES)
    assert result.status == "ok", result.message
    assert result.errors == []
    assert [values[f"B{row}"] for row in range(1, 15)] == [
        360, 300, 301, 305, 240, 8, 12, 206, 408, 108, 23, 10.2, 108, 107
    ]  # fmt: skip


def test_a_byrow_parameter_and_another_sheets_own_name(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    other = book.create_sheet("O")
    sheet["A1"], sheet["A2"] = 100, 3
    book.defined_names["One"] = DefinedName("One", attr_text="S!$A$1:$A$2")
    other.defined_names["Loc"] = DefinedName("Loc", attr_text="S!$A$2")
    sheet["B1"] = "=SUM(_xlfn.BYROW(A1:A2,_xlfn.LAMBDA(_xlpm.one,_xlpm.one*2)))"  # as Excel stores it (4ec02a3c)
    sheet["B2"] = "=_xlfn.LET(_xlpm.loc,5,_xlpm.loc*2)"
    other["A1"] = "=_xlfn.LET(_xlpm.loc,5,_xlpm.loc*2+Loc)"
    book.save(tmp_path / "book.xlsx")
    result = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok", result.message
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert [out["S"]["B1"].value, out["S"]["B2"].value, out["O"]["A1"].value] == [206, 10, 13]
