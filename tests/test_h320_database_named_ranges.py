"""Database functions over defined names whose criteria label is a number (after d27c477a).

d27c477a matched a criteria label that is a number (a year typed as a column label) where the database and criteria
are ranges typed in; given as defined names (Db = D!$A$1:$C$5, Crit = D!$G$1:$G$2), the same calls were still 0
under status ok. A1:C5 = Region | 2025 | 2026, EU 120/130, US 90/95, APAC 150/170, LATAM 60/80; criteria 2025 / >100:
the 2026 column of EU and APAC, 130 + 170 = 300 (as the typed ranges give), DCOUNT of 2025 over 100: 2.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file

FORMULAS = {
    "J1": ("=DSUM(A1:C5,3,Crit)", 300),
    "J2": ("=DSUM(Db,3,G1:G2)", 300),
    "J3": ("=DCOUNT(Db,2,Crit)", 2),
    "J4": ("=DSUM(A1:C5,3,G1:G2)", 300),  # typed, as before
    "J5": ('=DSUM(Db,"Region",Crit)', 0),  # a text field: no numbers
}


def test_named_database_and_criteria_find_the_numeric_label(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "D"
    for row in [("Region", 2025, 2026), ("EU", 120, 130), ("US", 90, 95), ("APAC", 150, 170), ("LATAM", 60, 80)]:
        sheet.append(list(row))
    sheet["G1"], sheet["G2"] = 2025, ">100"
    book.defined_names["Crit"] = DefinedName("Crit", attr_text="D!$G$1:$G$2")
    book.defined_names["Db"] = DefinedName("Db", attr_text="D!$A$1:$C$5")
    for ref, (formula, _) in FORMULAS.items():
        sheet[ref] = formula
    other = book.create_sheet("R")
    other["A1"] = "=DSUM(Db,3,Crit)"  # from another sheet
    book.save(tmp_path / "db.xlsx")
    report = recalc_file(tmp_path / "db.xlsx", tmp_path / "out.xlsx")
    assert (report.status, report.errors, report.unsupported) == ("ok", [], [])
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert {ref: out["D"][ref].value for ref in FORMULAS} == {ref: want for ref, (_, want) in FORMULAS.items()}
    assert out["R"]["A1"].value == 300
    assert openpyxl.load_workbook(tmp_path / "out.xlsx")["D"]["J1"].value == "=DSUM(A1:C5,3,Crit)"  # as written
