"""What blocks a spill, named where the reason was empty: a cell holding an empty text, and merged cells in the way
of a built-in's spill.

Excel: "Spill range isn't blank" and "Spill range has merged cells" (Microsoft, "How to correct a #SPILL! error"). A
space typed in and saved without xml:space (openpyxl writes ``<t> </t>``) reads as an empty text: not blank, the
engine's #SPILL!, which had the reason "". =SEQUENCE(3) over merged L3:M3 had the reason "" too: the engine's cell is
set to #SPILL! (merged_spills) and holds no formula to ask the size of.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula
from openpyxl.worksheet.table import Table

from xl_retention.recalculation import recalc_file


def test_an_empty_text_and_merged_cells_are_named(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["J1"] = ArrayFormula("J1", "=_xlfn.SEQUENCE(3)")
    sheet["J2"] = " "
    sheet["L1"] = ArrayFormula("L1", "=_xlfn.SEQUENCE(3)")
    sheet.merge_cells("L3:M3")
    sheet["N1"] = ArrayFormula("N1", "=_xlfn.SEQUENCE(3)")  # nothing in its way
    sheet["N5"] = ""  # openpyxl writes no cell: blank
    source = save_dynamic(book, tmp_path / "book.xlsx", ["J1", "L1", "N1"])
    report = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert {e.address: (e.error, e.reason) for e in report.errors} == {
        "S!J1": (
            "#SPILL!",
            "S!J1 spills into J1:J3 (3 x 1), blocked by the empty text in S!J2: clear it or move the formula (#SPILL!)",
        ),
        "S!L1": (
            "#SPILL!",
            "S!L1 spills into L1:L3 (3 x 1), blocked by merged cells S!L3:M3: unmerge them or move the formula "
            "(#SPILL!)",
        ),
    }


def test_a_table_in_the_way_is_named(tmp_path: Path) -> None:
    """A spill into an Excel table's blank cell is #SPILL! (merged_spills: "Spilled array formulas aren't supported in
    Excel tables"), with the reason "" before: nothing held a value; into its header, its values are named too."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["C3"], sheet["D3"], sheet["C4"], sheet["D4"], sheet["D5"] = "Month", "Customers", "Jan", 100, 110
    sheet["C6"], sheet["D6"] = "Mar", 120  # C5 blank
    sheet.add_table(Table(displayName="T", ref="C3:D6"))
    sheet["B5"] = ArrayFormula("B5", "=_xlfn.SEQUENCE(1,2)")  # B5:C5, C5 a blank cell of the table
    sheet["B3"] = ArrayFormula("B3", "=_xlfn.SEQUENCE(1,3)")  # B3:D3, the table's header
    sheet["G1"] = "=B5+1"
    source = save_dynamic(book, tmp_path / "book.xlsx", ["B5", "B3"])
    report = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    blank = (
        "S!B5 spills into B5:C5 (1 x 2), blocked by the table T (S!C3:D6): convert it to a range or move the formula "
        "(#SPILL!)"
    )
    assert {e.address: (e.error, e.reason) for e in report.errors} == {
        "S!B5": ("#SPILL!", blank),
        "S!B3": (
            "#SPILL!",
            "S!B3 spills into B3:D3 (1 x 3), blocked by the table T (S!C3:D6), the value in S!C3, the value in S!D3: "
            "clear what is in the way or move the formula (#SPILL!)",
        ),
        "S!G1": ("#SPILL!", f"{blank}, from S!B5"),
    }


def test_another_spill_in_the_way_is_named(tmp_path: Path) -> None:
    """C1 =SEQUENCE(3) through B2 =SEQUENCE(1,3)'s result (B2:D2) was "blocked by the value in S!C2: clear it", a
    value nobody can clear: the other spill is named."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["C1"] = ArrayFormula("C1", "=_xlfn.SEQUENCE(3)")
    sheet["B2"] = ArrayFormula("B2", "=_xlfn.SEQUENCE(1,3)")
    sheet["H4"] = ArrayFormula("H4", "=_xlfn.SEQUENCE(3)")
    sheet["G5"] = ArrayFormula("G5", "=_xlfn.SEQUENCE(2,2)")
    sheet["H8"] = "note"  # beside the spills: not in their way
    source = save_dynamic(book, tmp_path / "book.xlsx", ["C1", "B2", "H4", "G5"])
    report = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    assert {e.address: (e.error, e.reason) for e in report.errors} == {
        "S!C1": (
            "#SPILL!",
            "S!C1 spills into C1:C3 (3 x 1), blocked by the spill of S!B2 (B2:D2): move this formula or that one "
            "(#SPILL!)",
        ),
        "S!H4": (
            "#SPILL!",
            "S!H4 spills into H4:H6 (3 x 1), blocked by the spill of S!G5 (G5:H6): move this formula or that one "
            "(#SPILL!)",
        ),
    }
