"""Database functions whose criteria label is a number, a year typed as a column label (H313's finding 10).

A1:C5 = Region | 2025 | 2026, EU 120/130, US 90/95, APAC 150/170, LATAM 60/80. Criteria 2025 / >100 (F1 =B1, G1
typed): the regions whose 2025 is over 100 are EU and APAC. The engine matched text labels alone and answered 0 for
every call under status ok; LibreOffice (and Excel, matching a label to the column label of the same value) give
DSUM of 2026 = 130 + 170 = 300, DCOUNT 2, DMAX 170, DGET of Region under 2026 > 150 'APAC'.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file

FORMULAS = {
    "J1": ("=DSUM(A1:C5,3,F1:F2)", 300),  # the label copied from the header, =B1
    "J2": ("=DCOUNT(A1:C5,2,G1:G2)", 2),  # typed 2025
    "J3": ('=DSUM(A1:C5,"Region",G1:G2)', 0),  # a text field: no numbers
    "J4": ("=DMAX($A$1:$C$5,3,$G$1:$G$2)", 170),
    "J5": ("=DGET(A1:C5,1,H1:H2)", "APAC"),  # 2026 > 150
    "J6": ("=DSUM(A1:C5,3,I1:I2)", 130),  # a text label, as before
    "J7": ('=DSUM(A1:C5,"Region",G1:G2)+DCOUNTA(A1:C5,1,G1:H2)', 1),  # both: APAC alone has 2025>100 and 2026>150
}


def test_a_numeric_criteria_label_finds_its_column(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "D"
    for row in [("Region", 2025, 2026), ("EU", 120, 130), ("US", 90, 95), ("APAC", 150, 170), ("LATAM", 60, 80)]:
        sheet.append(list(row))
    sheet["F1"], sheet["F2"] = "=B1", ">100"
    sheet["G1"], sheet["G2"] = 2025, ">100"
    sheet["H1"], sheet["H2"] = 2026, ">150"
    sheet["I1"], sheet["I2"] = "Region", "EU"
    for ref, (formula, _) in FORMULAS.items():
        sheet[ref] = formula
    other = book.create_sheet("R")
    other["A1"] = "=DSUM(D!A1:C5,3,D!G1:G2)"  # from another sheet
    book.save(tmp_path / "db.xlsx")
    report = recalc_file(tmp_path / "db.xlsx", tmp_path / "out.xlsx")
    assert (report.status, report.errors, report.unsupported) == ("ok", [], [])
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    assert {ref: out["D"][ref].value for ref in FORMULAS} == {ref: want for ref, (_, want) in FORMULAS.items()}
    assert out["R"]["A1"].value == 300
    assert openpyxl.load_workbook(tmp_path / "out.xlsx")["D"]["J1"].value == "=DSUM(A1:C5,3,F1:F2)"  # as written
