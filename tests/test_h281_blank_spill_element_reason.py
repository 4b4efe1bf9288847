"""A blank element of a spill read as a number (H278's finding 04): =CRR(A2:A5,B2:B5,C2:C5) spilled from E2 over a
month left blank (row 3) gives a blank E3, and =E3+0 is #VALUE! as documented, but its reason said 'S!E3 holds only
spaces (or an empty text), no number: clear it': E3 is a cell of E2's spill, which no one typed and Excel will not
let anyone clear. Now the reason names the spill and the blank inputs; a cell typed with spaces is said as before."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file


def _book(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append(["E", "N", "S"])
    for months in [(535, 75, 500), (None, None, None), (560, 10, 550), (570, 30, 560)]:
        sheet.append(list(months))
    sheet["E2"] = ArrayFormula("E2:E5", "=CRR(A2:A5,B2:B5,C2:C5)")  # E3: the blank month's blank result
    sheet["F2"] = ArrayFormula("F2:F5", '=IF(A2:A5="","",A2:A5*2)')  # a spill of our own making, not elementwise
    sheet["H1"] = "  "  # typed: spaces alone
    sheet["G7"] = "=E3+0"
    sheet["G8"] = "=F3*2"
    sheet["G9"] = "=H1+1"
    return save_dynamic(book, tmp_path / "s.xlsx", ["E2", "F2"])


def test_a_blank_spill_element_names_its_spill_and_blank_inputs(tmp_path: Path) -> None:
    result = recalc_file(_book(tmp_path), tmp_path / "out.xlsx", engine="embedded")
    assert result.status == "ok"
    reasons = {e.address: (e.error, e.reason) for e in result.errors}
    assert reasons["S!G7"] == (
        "#VALUE!",
        "S!E3 is the blank result of the spill S!E2 in its row, CRR(A3,B3,C3) over the blank S!A3, S!B3 and S!C3, "
        'no number: fill those in, or leave the blank out (IF(S!E3="",..)) (#VALUE!)',
    )
    assert reasons["S!G8"] == (
        "#VALUE!",
        'S!F3 is the blank result of the spill S!F2, no number: read it with IF(S!F3="",..) where it may be blank '
        "(#VALUE!)",
    )
    assert reasons["S!G9"] == ("#VALUE!", "S!H1 holds only spaces (or an empty text), no number: clear it (#VALUE!)")
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert [sheet[f"E{r}"].value for r in range(2, 6)] == [0.92, None, 550 / 550, 540 / 560]
