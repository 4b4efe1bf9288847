"""XNPV and XIRR over a date or payment typed as text (or TRUE/FALSE) are listed naming the cell and its text (H570's
finding 02: the reason was the general "the embedded engine cannot compute this formula (=XIRR(A1:A3,B1:B3))")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from xl_retention.recalculation.batch import recalc_file

UNKNOWN = "whose answer in Excel is not documented: type it as"
HIDDEN = " (its error is hidden by IFERROR or the like; it is listed where the cell shows it)"


def test_xirr_xnpv_name_the_text_cell(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    flows = book.create_sheet("Cash flow")
    for row, (amount, day) in enumerate(
        ((-1000, dt.date(2024, 1, 1)), (600, "2024-07-01"), (600, dt.date(2025, 1, 1))), 1
    ):
        sheet[f"A{row}"], sheet[f"B{row}"] = amount, day
        flows[f"A{row}"] = True if row == 3 else amount  # a logical among the payments
        flows[f"B{row}"] = dt.date(2024, 7, 1) if row == 2 else day
        flows[f"C{row}"] = "600" if row == 2 else amount  # a payment typed as text
    sheet["C1"] = "=XIRR(A1:A3,B1:B3)"
    sheet["C2"] = "=XNPV(0.1,'Cash flow'!A1:A3,'Cash flow'!B1:B3)"
    sheet["C3"] = '=IFERROR(XIRR(A1:A3,B1:B3),"none")'
    sheet["C4"] = '=XIRR({-1000,600,600},{45292,"2024-07-01",45658})'
    sheet["C5"] = "=ROUND(XNPV(0.1,'Cash flow'!C1:C3,'Cash flow'!B1:B3),2)"
    sheet["C6"] = "=XNPV(0.1,A1:A3,'Cash flow'!B1:B3)"  # numbers and dates: computed
    book.save(tmp_path / "t.xlsx")
    result = recalc_file(tmp_path / "t.xlsx", tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "incomplete"
    reasons = {issue.address: issue.reason for issue in result.unsupported}
    assert reasons == {
        "S!C1": f"XIRR: its dates hold the text '2024-07-01' (S!B2), {UNKNOWN} a date",
        "S!C2": f"XNPV: its values hold the logical TRUE ('Cash flow'!A3), {UNKNOWN} a number",
        "S!C3": f"XIRR: its dates hold the text '2024-07-01' (S!B2), {UNKNOWN} a date{HIDDEN}",
        "S!C4": f"XIRR: its dates hold the text '2024-07-01' (typed in, its 2nd item), {UNKNOWN} a date",
        "S!C5": f"XNPV: its values hold the text '600' ('Cash flow'!C2), {UNKNOWN} a number",
    }
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert round(out["C6"].value, 6) == round(-1000 + 600 / 1.1 ** (182 / 365) + 600 / 1.1 ** (366 / 365), 6)
