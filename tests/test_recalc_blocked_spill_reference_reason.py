"""A function given D2# of a formula that does not spill: the reason names D2#, not '#REF! in cell 1' (H313's 07).

A2:B7 segments and scores; D2 =FILTER(B2:B7,A2:A7="A") (a dynamic array, five values) blocked by a note typed in D6:
#SPILL!, and E2 =NPS(D2#) #VALUE!, whose reason said "NPS: scores holds the error value #REF! in cell 1 of scores":
no cell holds #REF!, and "cell 1 of scores" is no address. It names the spill reference and its formula's cell now.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from one_sheet import save_dynamic
from openpyxl.worksheet.formula import ArrayFormula

from xl_retention.recalculation import recalc_file


def test_the_reason_names_the_spill_reference(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, (segment, score) in enumerate([("A", 10), ("B", 9), ("A", 7), ("A", 3), ("A", 8), ("A", 10)], start=2):
        sheet[f"A{row}"], sheet[f"B{row}"] = segment, score
    sheet["D2"] = ArrayFormula("D2:D4", '=_xlfn._xlws.FILTER(B2:B7,A2:A7="A")')
    sheet["E2"] = "=NPS(_xlfn.ANCHORARRAY(D2))"
    sheet["D6"] = "my note"
    source = save_dynamic(book, tmp_path / "spill.xlsx", ["D2"])
    report = recalc_file(source, tmp_path / "out.xlsx")
    reasons = {e.address: (e.error, e.reason) for e in report.errors}
    assert reasons["S!D2"][0] == "#SPILL!"
    assert reasons["S!E2"] == (
        "#VALUE!",
        "NPS: scores is S!D2#, whose formula does not spill: S!D2 is #SPILL! (see its reason) (#VALUE!)",
    )
