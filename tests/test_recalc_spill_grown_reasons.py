"""A dynamic array grown past the spill range its file stores names what blocks it (H160's finding 07).

Before: C1 =NPS_BREAKDOWN(A1:A4) stored with ref C1:D1 and now 4 wide over a note in E1, C3 =CRR(..4 values..)
stored as C3:C4 over =1+1 in C5, and the built-ins =SEQUENCE(1,4) and =A1:A4*1 alike, were #SPILL! with the reason
"" (the anchor's value is the #SPILL! with its new spill range, which the reasons did not look into), while the same
formula stored with the anchor alone as its ref was explained. Excel gives #SPILL! when the spill range is not blank
(Microsoft, "How to correct a #SPILL! error": "Spill range isn't blank"). The cells the old spill stored (D1 with
its value, as Excel saves a spill's cells) are the formula's own, never what blocks it.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file


def _reasons(tmp_path: Path, builtin: bool) -> dict[str, tuple[str, str]]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, score in enumerate((10, 9, 3, 7), start=1):
        sheet[f"A{row}"] = score
    wide = "=_xlfn.SEQUENCE(1,4)" if builtin else "=NPS_BREAKDOWN(A1:A4)"
    tall = "=A1:A4*1" if builtin else "=CRR({104;110;109;118},{10;12;8;15},{100;104;110;109})"
    sheet["C1"] = ArrayFormula("C1:D1", wide)  # stored 2 wide, now 4 wide
    sheet["D1"] = 5  # the old spill's value, as Excel saves it: the formula's own cell
    sheet["E1"] = "note"
    sheet["H1"] = "=SUM(C1:F1)"
    sheet["C3"] = ArrayFormula("C3:C4", tall)  # stored 2 tall, now 4 tall
    sheet["C4"] = 0.5
    sheet["C5"] = "=1+1"
    sheet["C8"] = ArrayFormula("C8:D8", wide)  # stored 2 wide, now 4 wide into blank cells: no #SPILL!
    sheet["D8"] = 5
    source = save_dynamic(book, tmp_path / "book.xlsx", ["C1", "C3", "C8"])
    report = recalc_file(source, tmp_path / "out.xlsx", engine="embedded")
    return {e.address: (e.error, e.reason) for e in report.errors}


def test_our_functions_grown_spill_names_its_blocker(tmp_path: Path) -> None:
    reasons = _reasons(tmp_path, builtin=False)
    wide = "S!C1 spills into C1:F1 (1 x 4), blocked by the value in S!E1: clear it or move the formula (#SPILL!)"
    assert reasons == {
        "S!C1": ("#SPILL!", wide),
        "S!C3": (
            "#SPILL!",
            "S!C3 spills into C3:C6 (4 x 1), blocked by the formula in S!C5: clear it or move the formula (#SPILL!)",
        ),
        "S!H1": ("#SPILL!", f"{wide}, from S!C1"),
    }


def test_builtins_grown_spill_names_its_blocker(tmp_path: Path) -> None:
    reasons = _reasons(tmp_path, builtin=True)
    wide = "S!C1 spills into C1:F1 (1 x 4), blocked by the value in S!E1: clear it or move the formula (#SPILL!)"
    assert reasons == {
        "S!C1": ("#SPILL!", wide),
        "S!C3": (
            "#SPILL!",
            "S!C3 spills into C3:C6 (4 x 1), blocked by the formula in S!C5: clear it or move the formula (#SPILL!)",
        ),
        "S!H1": ("#SPILL!", f"{wide}, from S!C1"),
    }
