"""A result over the embedded engine's 10,000 spill cells is listed (status incomplete), its reason naming the limit,
never the array's own cells (H160's findings 08 and 09).

formualizer 0.13 spills at most 10,000 cells (its SpillConfig.max_spill_cells, not settable from Python) and gives
#SPILL! past it; Excel spills any result that fits on the sheet into blank cells (Microsoft, "Dynamic array formulas
and spilled array behavior"), and a Ctrl+Shift+Enter array fills its own range, never #SPILL!. Before: B1
=SEQUENCE(10001) was #SPILL! with the reason "", and {=A1:A10001*2} over D1:D10001 "spills into D1:D10001 (10001 x
1), blocked by the value in S!D2, ...": its own cells; both with the status ok. One blocked by a note is Excel's
#SPILL! too, and stays an error.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

ROWS = 10_001


def test_the_engine_limit_is_named(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in range(1, ROWS + 1):
        sheet.cell(row, 1, row)
    # nothing in its way (a bare SEQUENCE of whole numbers is computed: test_recalc_whole_sequences.py)
    sheet["B1"] = ArrayFormula("B1", f"=_xlfn.SEQUENCE({ROWS})*A1")
    sheet["C1"] = ArrayFormula("C1", f"=_xlfn.SEQUENCE({ROWS})")  # a note in its way: Excel's #SPILL! too
    sheet["C20"] = "note"
    # Ctrl+Shift+Enter over its range (arithmetic alone, or one call of ours, is computed: test_recalc_large_arrays.py)
    sheet["D1"] = ArrayFormula(f"D1:D{ROWS}", f"=IF(A1:A{ROWS}>0,A1:A{ROWS}*2)")
    sheet["F1"] = ArrayFormula("F1", "=_xlfn.SEQUENCE(3)")  # a small one spills
    source = save_dynamic(book, tmp_path / "book.xlsx", ["B1", "C1", "F1"])
    report = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    limit = "more than the 10,000 cells the embedded engine spills"
    assert report.status == "incomplete"
    listed = {e.address: (e.function, e.reason) for e in report.unsupported}
    assert {cell: listed.get(cell) for cell in ("S!B1", "S!D1")} == {
        "S!B1": (
            "spill of more than 10,000 cells",
            f"S!B1 spills into B1:B{ROWS} ({ROWS} x 1), {limit} (Excel spills it): not computed here, recalculate it "
            "in Excel",
        ),
        "S!D1": (
            "spill of more than 10,000 cells",
            f"S!D1 fills D1:D{ROWS} ({ROWS} x 1), {limit} (Excel fills it): not computed here, recalculate it in Excel",
        ),
    }
    assert "S!C1" not in listed and "S!F1" not in listed
    reasons = {e.address: (e.error, e.reason) for e in report.errors if e.address in ("S!B1", "S!C1", "S!D1", "S!F1")}
    assert reasons == {
        "S!C1": (
            "#SPILL!",
            f"S!C1 spills into C1:C{ROWS} ({ROWS} x 1), blocked by the value in S!C20: clear it or move the formula "
            "(#SPILL!)",
        ),
    }
