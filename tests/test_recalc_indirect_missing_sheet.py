"""INDIRECT of a text naming a sheet the workbook does not have: the #REF! names the sheet (H151's finding 02).

Before: the data sheet renamed from "Data 2025" to "Données 2025" (Excel renames references, never the text inside
INDIRECT) left =INDIRECT("'Data 2025'!C2") #REF! with no reason (Microsoft's INDIRECT page: an invalid reference is
#REF!), =CRR(INDIRECT(..),..) "customers_end is the error value #REF!" and =NPS(INDIRECT(..)) "... in cell 1 of
scores", none naming the sheet or where to write it again.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

MISSING = (
    "INDIRECT(\"'Data 2025'!{0}\") names the sheet 'Data 2025', which the workbook does not have (renamed or deleted? "
    "its sheets: 'Données 2025', 'Synthèse')"
)


def test_the_missing_sheet_is_named_and_passed_on(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    data = book.active
    data.title = "Données 2025"
    data["A2"], data["B2"], data["C2"] = 100, 10, 105
    summary = book.create_sheet("Synthèse")
    summary["A1"] = "=CRR(INDIRECT(\"'Data 2025'!C2\"),INDIRECT(\"'Data 2025'!B2\"),INDIRECT(\"'Data 2025'!A2\"))"
    summary["A2"] = "=CRR(INDIRECT(\"'Données 2025'!C2\"),INDIRECT(\"'Données 2025'!B2\"),100)"  # its sheet: computed
    summary["A3"] = "=INDIRECT(\"'Data 2025'!C2\")"
    summary["A4"] = "=NPS(INDIRECT(\"'Data 2025'!A2:C2\"))"
    summary["A5"] = "=A3*2"
    summary["A6"] = '=INDIRECT("Nowhere!A1")+1'  # a bare sheet name, inside arithmetic
    book.save(tmp_path / "book.xlsx")
    report = recalc_file(tmp_path / "book.xlsx", tmp_path / "out.xlsx", engine="embedded")
    reasons = {e.address: (e.error, e.reason) for e in report.errors}
    own = f"Synthèse!A3: {MISSING.format('C2')}: write the sheet's name again in the formula (#REF!)"
    assert reasons == {
        "Synthèse!A1": (
            "#VALUE!",
            f"CRR: customers_end is the error value #REF!: {MISSING.format('C2')}: write the sheet's name again in "
            "Synthèse!A1 (#VALUE!)",
        ),
        "Synthèse!A3": ("#REF!", own),
        "Synthèse!A4": (
            "#VALUE!",
            f"NPS: scores holds the error value #REF! in cell 1 of scores: {MISSING.format('A2:C2')}: write the "
            "sheet's name again in Synthèse!A4 (#VALUE!)",
        ),
        "Synthèse!A5": ("#REF!", f"{own}, from Synthèse!A3"),
        "Synthèse!A6": (
            "#REF!",
            "Synthèse!A6: INDIRECT(\"Nowhere!A1\") names the sheet 'Nowhere', which the workbook does not have "
            "(renamed or deleted? its sheets: 'Données 2025', 'Synthèse'): write the sheet's name again in the formula "
            "(#REF!)",
        ),
    }
