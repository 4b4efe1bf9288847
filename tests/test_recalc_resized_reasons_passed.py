"""A reason passes on to and from a dynamic array's first cell whose spill range changes (held as a Resized error):
F1 =SEQUENCE(3)*D1 over D1's explained #SPILL! kept the reason "" (the cells waiting for one were CellErrors only),
and a reader of such a cell got none either (H166's request: pass_reasons_on unwraps Resized, and writes it back
wrapped)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

BLOCKED = "S!D1 spills into D1:D4 (4 x 1), blocked by the value in S!D3: clear it or move the formula (#SPILL!)"


def test_a_resized_spill_gets_and_passes_on_its_reason(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["D1"] = ArrayFormula("D1", "=_xlfn.SEQUENCE(4)")
    sheet["D3"] = "x"
    sheet["F1"] = ArrayFormula("F1", "=_xlfn.SEQUENCE(3)*D1")
    sheet["H1"] = "=F1"
    source = save_dynamic(book, tmp_path / "book.xlsx", ["D1", "F1"])
    report = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    reasons = {e.address: (e.error, e.reason) for e in report.errors}
    assert reasons["S!F1"] == ("#SPILL!", f"{BLOCKED}, from S!D1")
    assert reasons["S!H1"] == ("#SPILL!", f"{BLOCKED}, from S!F1")
