"""Database functions whose criteria label is a number, a year typed as a column label (H313's finding 10).

A1:C5 = Region | 2025 | 2026, EU 120/130, US 90/95, APAC 150/170, LATAM 60/80. Criteria 2025 / >100 (F1 =B1, G1
typed): the regions whose 2025 is over 100 are EU and APAC. The engine matched text labels alone and answered 0 for
every call under status ok; LibreOffice (and Excel, matching a label to the column label of the same value) give
DSUM of 2026 = 130 + 170 = 300, DCOUNT 2, DMAX 170, DGET of Region under 2026 > 150 'APAC'. The same through
defined names (Db = D!$A$1:$C$5, Crit = D!$G$1:$G$2), which d27c477a left at 0 under status ok.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

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


NAMED = {
    "J1": ("=DSUM(A1:C5,3,Crit)", 300),
    "J2": ("=DSUM(Db,3,G1:G2)", 300),
    "J3": ("=DCOUNT(Db,2,Crit)", 2),
    "J4": ("=DSUM(A1:C5,3,G1:G2)", 300),  # typed, as before
    "J5": ('=DSUM(Db,"Region",Crit)', 0),  # a text field: no numbers
}


def _recalculated(tmp_path: Path, formulas: dict[str, tuple[str, object]], other: str) -> tuple[dict, object]:
    """The values of ``formulas`` on sheet D over the table and criteria above, and of ``other`` on sheet R, after
    recalc (status ok, no error, nothing listed); the formulas kept as written."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "D"
    for row in [("Region", 2025, 2026), ("EU", 120, 130), ("US", 90, 95), ("APAC", 150, 170), ("LATAM", 60, 80)]:
        sheet.append(list(row))
    sheet["F1"], sheet["F2"] = "=B1", ">100"
    sheet["G1"], sheet["G2"] = 2025, ">100"
    sheet["H1"], sheet["H2"] = 2026, ">150"
    sheet["I1"], sheet["I2"] = "Region", "EU"
    book.defined_names["Db"] = DefinedName("Db", attr_text="D!$A$1:$C$5")
    book.defined_names["Crit"] = DefinedName("Crit", attr_text="D!$G$1:$G$2")
    for ref, (formula, _) in formulas.items():
        sheet[ref] = formula
    book.create_sheet("R")["A1"] = other  # from another sheet
    book.save(tmp_path / "db.xlsx")
    report = recalc_file(tmp_path / "db.xlsx", tmp_path / "out.xlsx")
    assert (report.status, report.errors, report.unsupported) == ("ok", [], [])
    written = openpyxl.load_workbook(tmp_path / "out.xlsx")["D"]
    assert {ref: written[ref].value for ref in formulas} == {ref: f for ref, (f, _) in formulas.items()}
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)
    return {ref: out["D"][ref].value for ref in formulas}, out["R"]["A1"].value


def test_a_numeric_criteria_label_finds_its_column(tmp_path: Path) -> None:
    values, other = _recalculated(tmp_path, FORMULAS, "=DSUM(D!A1:C5,3,D!G1:G2)")
    assert (values, other) == ({ref: want for ref, (_, want) in FORMULAS.items()}, 300)


def test_defined_names_find_the_numeric_label_too(tmp_path: Path) -> None:
    values, other = _recalculated(tmp_path, NAMED, "=DSUM(Db,3,Crit)")
    assert (values, other) == ({ref: want for ref, (_, want) in NAMED.items()}, 300)


def test_a_call_whose_labels_cannot_be_given_as_texts_is_listed(tmp_path: Path) -> None:
    """Whole columns, a database computed (OFFSET), a label both the number 2025 and the text "2025": the engine
    matched text labels alone and answered 0 under status ok (Excel: 300, or not known). Listed now, with the reason;
    a criteria of text labels over whole columns is computed as before (130)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "D"
    for row in [("Region", 2025, 2026), ("EU", 120, 130), ("US", 90, 95), ("APAC", 150, 170), ("LATAM", 60, 80)]:
        sheet.append(list(row))
    sheet["G1"], sheet["G2"], sheet["I1"], sheet["I2"] = 2025, ">100", "Region", "EU"
    sheet["E1"], sheet["E2"], sheet["E3"] = "Region", "EU", "US"  # a second table: "2025" as a text beside 2025
    sheet["F1"], sheet["F2"], sheet["F3"] = "2025", 120, 90
    sheet["J1"] = "=DSUM(A:C,3,G1:G2)"
    sheet["J2"] = "=DSUM(OFFSET(A1,0,0,5,3),3,G1:G2)"
    sheet["J3"] = "=DSUM(A:C,3,I1:I2)"
    sheet["J4"] = "=DSUM(E1:F3,2,VSTACK(G1,G2))+DSUM(A1:C5,3,G1:G2)+DSUM(A1:F3,2,G1:G2)"
    book.save(tmp_path / "db.xlsx")
    report = recalc_file(tmp_path / "db.xlsx", tmp_path / "out.xlsx")
    assert report.status == "incomplete"
    said = "the embedded engine matches a database's text labels alone, and this call's labels cannot be given to it"
    assert [(u.address, u.function, u.reason) for u in report.unsupported] == [
        ("D!J1", "DSUM", f"its criteria label 2025 is a number and it reads whole columns: {said} as texts with "
         "certainty"),
        ("D!J2", "DSUM", f"its criteria label 2025 is a number and its database is computed: {said} as texts with "
         "certainty"),
        ("D!J4", "DSUM", f"its criteria label 2025 is a number and the label 2025 is both a number and a text there: "
         f"{said} as texts with certainty"),
    ]  # fmt: skip
    assert openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["D"]["J3"].value == 130


def test_a_computed_criterion_is_listed_not_summed_over_every_row(tmp_path: Path) -> None:
    """F1 'Big' (no column label) or G1 blank over F2/G2 =B2>100: Excel's computed criterion, the rows whose Y25 is
    over 100 (EU 130 + APAC 170 = 300). The engine took every row (475) under status ok; listed now, no value."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "D"
    for row in [("Region", "Y25", "Y26"), ("EU", 120, 130), ("US", 90, 95), ("APAC", 150, 170), ("LATAM", 60, 80)]:
        sheet.append(list(row))
    sheet["F1"], sheet["F2"], sheet["G2"] = "Big", "=B2>100", "=B2>100"
    sheet["H1"], sheet["H2"] = "Y25", ">100"  # a column label: computed as before
    sheet["J1"], sheet["J2"], sheet["J3"] = "=DSUM(A1:C5,3,F1:F2)", "=DSUM(A1:C5,3,G1:G2)", "=DSUM(A1:C5,3,H1:H2)"
    book.save(tmp_path / "calc.xlsx")
    report = recalc_file(tmp_path / "calc.xlsx", tmp_path / "out.xlsx")
    said = (
        "DSUM's criteria {}1:{}2 hold a condition in {}2 under {}, which is no column label of A1:C5: Excel reads it "
        "as a computed criterion (a formula tested on each row), which the embedded engine does not compute (it took "
        "every row)"
    )
    assert report.status == "incomplete"
    assert [(u.address, u.function, u.reason, u.kept) for u in report.unsupported] == [
        ("D!J1", "DSUM", said.format("F", "F", "F", "the label 'Big'"), False),
        ("D!J2", "DSUM", said.format("G", "G", "G", "a blank label"), False),
    ]
    out = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["D"]
    assert [out["J1"].value, out["J2"].value, out["J3"].value] == [None, None, 300]
