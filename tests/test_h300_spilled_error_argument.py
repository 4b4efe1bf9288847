"""A spilled model formula reading a fit blocked by a note (#SPILL!) said "SBG_SURVIVAL: alpha is the error value
#SPILL!" with no cell and no cause, where a one-cell formula reading it named S!K1 and why it is #SPILL!: the first
cell of a dynamic array (held with its spill range) was passed over, and so were the cells it spills (B7:B10), whose
element reads the same one cell; an element reading a cell of its own keeps its own reason (H296's finding 05)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

CAUSE = "S!K1 spills into K1:M1 (1 x 3), blocked by the value in S!M1: clear it or move the formula"


def test_the_spilled_formula_names_the_fit_and_its_cause(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for j, v in enumerate([1000, 631, 468, 382, 326, 289, 262, 241]):
        sheet.cell(1, 2 + j, v)
    for i, t in enumerate([0, 1, 2, 3, 12]):
        sheet[f"A{6 + i}"] = t
    sheet["K1"] = ArrayFormula("K1", "=SBG_FIT(B1:I1)")
    sheet["M1"] = "note"
    sheet["B3"] = "=SBG_CLV(80,K1,L1,0.01)"
    sheet["B6"] = ArrayFormula("B6", "=SBG_SURVIVAL(K1,L1,A6:A10)")
    sheet["C6"] = ArrayFormula("C6", "=SBG_SURVIVAL(K1:K3,1,3)")
    result = recalc_file(save_dynamic(book, tmp_path / "b.xlsx", ["K1", "B6", "C6"]), tmp_path / "out.xlsx")
    reasons = {issue.address: issue.reason for issue in result.errors}
    named = f"alpha is the error value #SPILL! in S!K1, because {CAUSE} (#VALUE!)"
    assert reasons["S!K1"] == f"{CAUSE} (#SPILL!)"
    assert reasons["S!B3"] == f"SBG_CLV: {named}"
    for cell in ("S!B6", "S!B7", "S!B8", "S!B9", "S!B10", "S!C6"):
        assert reasons[cell] == f"SBG_SURVIVAL: {named}"
    assert reasons["S!C7"] == "SBG_SURVIVAL: alpha blank while other inputs are not: S!K2 is blank (#VALUE!)"
