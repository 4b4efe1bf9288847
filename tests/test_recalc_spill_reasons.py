"""A #SPILL! names what blocks the spill (H151's finding 03).

Before: =CRR(D2:D7,C2:C7,B2:B7) spilling into merged cells, or over a note typed below it, was #SPILL! with an empty
reason (a batch report said only "Calc!A2 = #SPILL!"). Excel's error menu selects the obstructing cells (Microsoft,
"How to correct a #SPILL! error": "Spill range isn't blank", "Spill range has merged cells"); the reason now names
them and the size of the spill.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file

CRR = "=CRR(Data!D2:D7,Data!C2:C7,Data!B2:B7)"


def test_the_blocking_cells_are_named(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    calc = book.active
    calc.title = "Calc"
    data = book.create_sheet("Data")
    for row in range(2, 8):
        data[f"B{row}"], data[f"C{row}"], data[f"D{row}"] = 100, 10, 100
    for col in "ABCD":
        calc[f"{col}2"] = ArrayFormula(f"{col}2", CRR)
    calc["A6"] = "Summary"  # a merged title in A's spill
    calc.merge_cells("A6:A7")
    calc["B5"] = "note"  # a value in B's
    calc["C4"] = "=1+1"  # a formula in C's
    calc["D3"], calc["D4"], calc["D5"], calc["D6"] = 1, 2, 3, 4  # four values in D's
    calc["F1"] = "=B2*2"  # a cell reading a blocked spill
    source = save_dynamic(book, tmp_path / "book.xlsx", ["A2", "B2", "C2", "D2"])
    report = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert report.status == "ok"
    reasons = {e.address: (e.error, e.reason) for e in report.errors}
    blocked = (
        "Calc!B2 spills into B2:B7 (6 x 1), blocked by the value in Calc!B5: clear it or move the formula (#SPILL!)"
    )
    assert reasons == {
        "Calc!A2": (
            "#SPILL!",
            "Calc!A2 spills into A2:A7 (6 x 1), blocked by merged cells Calc!A6:A7: unmerge them or move the formula "
            "(#SPILL!)",
        ),
        "Calc!B2": ("#SPILL!", blocked),
        "Calc!C2": (
            "#SPILL!",
            "Calc!C2 spills into C2:C7 (6 x 1), blocked by the formula in Calc!C4: clear it or move the formula "
            "(#SPILL!)",
        ),
        "Calc!D2": (
            "#SPILL!",
            "Calc!D2 spills into D2:D7 (6 x 1), blocked by the value in Calc!D3, the value in Calc!D4, the value in "
            "Calc!D5 and 1 more: clear them or move the formula (#SPILL!)",
        ),
        "Calc!F1": ("#SPILL!", f"{blocked}, from Calc!B2"),
    }
