"""Sheet-level names read from another sheet with the sheet's name before them, quoted or not."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation.embedded import compute


def test_a_quoted_sheet_name_before_a_sheet_level_name_picks_that_sheets_name(tmp_path: Path) -> None:
    """'My Data'!Local is sheet My Data's own Local (Excel); the quoted form was never rewritten and the engine gave
    #NAME?, or the cell was called uncomputable. Print_Area is an ordinary sheet-level name (_xlnm.Print_Area)."""
    wb = openpyxl.Workbook()
    mine = wb.active
    mine.title = "My Data"
    data = wb.create_sheet("Data")
    calc = wb.create_sheet("Calc")
    for r in range(1, 6):
        mine.cell(r, 1, r * 10)
        mine.cell(r, 2, r)
        data.cell(r, 1, r)
        data.cell(r, 2, r * 100)
    mine.defined_names["Local"] = DefinedName("Local", attr_text="'My Data'!$B$1:$B$5")
    mine.defined_names["One"] = DefinedName("One", attr_text="'My Data'!$B$1")
    data.defined_names["Local"] = DefinedName("Local", attr_text="Data!$B$1:$B$5")
    mine.print_area = "A1:B5"
    calc["A1"] = "=SUM('My Data'!Local)"
    calc["A2"] = "='My Data'!One*3"
    calc["A3"] = "=COUNT('My Data'!Print_Area)"
    calc["A4"] = "=SUM(Data!Local)"
    calc["A5"] = "=SUM('Data'!Local)"
    wb.save(tmp_path / "names.xlsx")
    computed = compute(tmp_path / "names.xlsx")
    values = computed.values["Calc"]
    assert (values["A1"], values["A2"], values["A3"], values["A4"], values["A5"]) == (15, 3, 10, 1500, 1500)
    assert computed.unsupported == []


def test_a_workbooks_own_lambda_named_like_an_xl_retention_function_is_never_replaced_by_ours(tmp_path: Path) -> None:
    """A user's name NPS = LAMBDA(r, SUM(r)*100): =NPS(A1:A3) means the workbook's LAMBDA (Excel: 600), not
    xl-retention's NPS (-100, written silently before): the LAMBDA called in place (.rewrite), 600."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    ws["A1"], ws["A2"], ws["A3"] = 1, 2, 3
    wb.defined_names["NPS"] = DefinedName("NPS", attr_text="_xlfn.LAMBDA(_xlpm.r,SUM(_xlpm.r)*100)")
    ws["B1"] = "=NPS(A1:A3)"
    ws["B2"] = "=CRR(535,75,500)"  # ours still, where the workbook defines no such name
    wb.save(tmp_path / "own.xlsx")
    computed = compute(tmp_path / "own.xlsx")
    assert computed.unsupported == []
    assert computed.values["S"]["B1"] == 600 and computed.values["S"]["B2"] == 0.92
