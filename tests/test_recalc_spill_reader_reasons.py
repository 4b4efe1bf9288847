"""The cells reading a blocked spill: a spill reference says what blocks it, and a result spilled over blank cells is
never said to be blocked by its own values.

Before: D1 =SEQUENCE(4) blocked by 'x' in D3 was explained, but =SUM(D1#), =SUM(_xlfn.ANCHORARRAY(D1)) and
=INDEX(D1#,2) were #REF! with the reason "", and F1 =SEQUENCE(3)*D1, whose result spills freely over F1:F3 (each
value the #SPILL! of D1), was said to be "blocked by the value in S!F2, the value in S!F3": the cells of its own
spill (Microsoft, "How to correct a #SPILL! error": the obstructing cells are those in the spill range that are not
blank; F2:F3 were blank).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

BLOCKED = "S!D1 spills into D1:D4 (4 x 1), blocked by the value in S!D3: clear it or move the formula"


def test_readers_of_a_blocked_spill(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["D1"] = ArrayFormula("D1", "=_xlfn.SEQUENCE(4)")
    sheet["D3"] = "x"
    sheet["E1"] = "=SUM(D1#)"
    sheet["E2"] = "=SUM(_xlfn.ANCHORARRAY(D1))"
    sheet["E4"] = "=INDEX(D1#,2)"
    sheet["E5"] = "=E1*2"
    sheet["F1"] = ArrayFormula("F1", "=_xlfn.SEQUENCE(3)*D1")
    source = save_dynamic(book, tmp_path / "book.xlsx", ["D1", "F1"])
    report = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    reasons = {e.address: (e.error, e.reason) for e in report.errors}
    read = {
        cell: ("#REF!", f"S!{cell} reads S!D1#, and S!D1 is #SPILL!, because {BLOCKED} (#REF!)")
        for cell in ("E1", "E2", "E4")
    }
    assert {cell: reasons[f"S!{cell}"] for cell in read} == read
    assert reasons["S!E5"] == ("#REF!", f"{read['E1'][1]}, from S!E1")
    assert reasons["S!D1"] == ("#SPILL!", f"{BLOCKED} (#SPILL!)")
    assert reasons["S!F1"] == ("#SPILL!", f"{BLOCKED} (#SPILL!), from S!D1")  # never its own spill's cells
