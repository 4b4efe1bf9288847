"""Database functions' criteria as Excel reads them: a text criterion is "begins with", a DCOUNT without a field
counts records (H485's findings 01 and 02).

Data!A1:C6 = Name | Region | Sales: Ann East 100, Bob Eastern 200, Cy West 150, Di East 50, Ed North 300. Excel's
criteria rule (Microsoft's DSUM page: type ``="=East"`` for an equality): Region ``East`` finds East and Eastern,
``DSUM(A1:C6,"Sales",F1:F2)`` = 100 + 200 + 50 = 350; the engine matched the text whole, 150, under status ok, and
``W`` found nothing (0 for West's 150). ``DCOUNT(A1:C6,,G1:G2)`` (the field left out: "counts all records in the
database that match the criteria") gave #VALUE! with an empty reason. A criteria row left blank beside another is a
condition every record meets (rows are ORed; H485's finding 08): the engine dropped it (150 for 800). LibreOffice
matches whole cells by default, so it is no peer here; the figures are counted by hand from the rule.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xl_retention.recalculation import recalc_file
from xl_retention.recalculation.database_labels import begins_with

ROWS = [("Name", "Region", "Sales"), ("Ann", "East", 100), ("Bob", "Eastern", 200), ("Cy", "West", 150),
        ("Di", "East", 50), ("Ed", "North", 300)]  # fmt: skip

CRITERIA = {  # label row, then criteria rows, from F1 (F, G, ...)
    "F1": [("Region",), ("East",)],
    "H1": [("Region",), ("W",)],
    "I1": [("Region",), ('="=East"',)],  # an equality, as Microsoft writes it
    "J1": [("Region",), ("<>East",)],
    "K1": [("Region", "Sales"), ("East", ">=100"), (None, ">250")],  # East* and 100 or more, or over 250
    "M1": [("Region", "Name"), ("E", None), ("N", "E")],  # E*, or N* named E*
    "O1": [("Sales",), (">=100",)],
    "P1": [("Region",), ('="=West"',), (None,)],  # a spare row left blank: every record
    "Q1": [("Region", "Sales"), ('="=West"', ">120"), (None, None)],
}

FORMULAS = {
    "A10": ('=DSUM(A1:C6,"Sales",F1:F2)', 350),
    "A11": ('=DMAX(A1:C6,"Sales",F1:F2)', 200),
    "A12": ('=DCOUNTA(A1:C6,"Name",F1:F2)', 3),
    "A13": ('=DSUM(A1:C6,"Sales",H1:H2)', 150),
    "A14": ('=DSUM(A1:C6,"Sales",I1:I2)', 150),
    "A15": ('=DSUM(A1:C6,"Sales",J1:J2)', 650),
    "A16": ('=DSUM(A1:C6,"Sales",K1:L3)', 600),  # Ann 100, Bob 200; Ed 300
    "A17": ('=DSUM(A1:C6,"Sales",M1:N3)', 650),  # Ann, Bob, Di; Ed
    "A18": ('=DGET(A1:C6,"Name",H1:H2)', "Cy"),
    "A19": ("=DCOUNT(A1:C6,,O1:O2)", 4),  # Ann, Bob, Cy, Ed: every record, the field left out
    "A20": ("=DCOUNTA(A1:C6,,F1:F2)", 3),
    "A21": ('=DSUM(Db,"Sales",Crit)', 350),  # through defined names
    "A22": ("=DCOUNT(Db,,Crit)", 3),
    "A23": ('=DSUM(A1:C6,"Sales",P1:P3)', 800),  # West's 150 OR every record: all of them
    "A24": ('=DCOUNTA(A1:C6,"Name",Q1:R3)', 5),
}


def _recalculated(tmp_path: Path) -> tuple[object, dict[str, object]]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    for row in ROWS:
        sheet.append(list(row))
    for corner, rows in CRITERIA.items():
        first = sheet[corner]
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                sheet.cell(first.row + r, first.column + c, value)
    for ref, (formula, _) in FORMULAS.items():
        sheet[ref] = formula
    book.defined_names["Db"] = DefinedName("Db", attr_text="Data!$A$1:$C$6")
    book.defined_names["Crit"] = DefinedName("Crit", attr_text="Data!$F$1:$F$2")
    book.save(tmp_path / "db.xlsx")
    report = recalc_file(tmp_path / "db.xlsx", tmp_path / "out.xlsx")
    written = openpyxl.load_workbook(tmp_path / "out.xlsx")["Data"]
    assert {ref: written[ref].value for ref in FORMULAS} == {ref: f for ref, (f, _) in FORMULAS.items()}  # kept
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["Data"]
    return report, {ref: values[ref].value for ref in FORMULAS}


def test_text_criteria_begin_with_and_a_blank_field_counts_records(tmp_path: Path) -> None:
    report, values = _recalculated(tmp_path)
    assert (report.status, report.errors, report.unsupported) == ("ok", [], [])
    assert values == {ref: want for ref, (_, want) in FORMULAS.items()}


def test_a_numeric_label_and_a_text_criterion_in_one_criteria(tmp_path: Path) -> None:
    """Region | 2025 | 2026 (EU 120/130, US 90/95, EMEA 200/210, LATAM 60/80): Region ``E`` and 2025 ``>100`` are EU
    and EMEA, DSUM of 2026 = 130 + 210 = 340 (the label 2025 a number: both rules at once)."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [("Region", 2025, 2026), ("EU", 120, 130), ("US", 90, 95), ("EMEA", 200, 210), ("LATAM", 60, 80)]:
        sheet.append(list(row))
    sheet["F1"], sheet["G1"], sheet["F2"], sheet["G2"] = "Region", 2025, "E", ">100"
    sheet["J1"] = "=DSUM(A1:C5,3,F1:G2)"
    sheet["J2"] = "=DCOUNT(A1:C5,,F1:G2)"
    book.save(tmp_path / "n.xlsx")
    report = recalc_file(tmp_path / "n.xlsx", tmp_path / "out.xlsx")
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True).active
    assert (report.status, report.errors, values["J1"].value, values["J2"].value) == ("ok", [], 340, 2)


def test_which_texts_are_begins_with_criteria() -> None:
    assert [begins_with(v) for v in ("East", "W", "SKU-12", "=East", "<>East", ">=100", "100", "", "TRUE")] == [
        True, True, True, False, False, False, False, False, False
    ]  # fmt: skip
    assert [begins_with(v) for v in ("1-Jan-26", "Mar 2026", 7, 1.5, None, True)] == [False] * 6
    assert begins_with("Marketing 2") and begins_with("Decor 10")  # a month's letters begin them: no date (H495/01)


def test_a_dcount_without_a_field_over_whole_columns_is_listed(tmp_path: Path) -> None:
    """H495's finding 11: DCOUNTA(A:C,,F1:F2) was the engine's #VALUE! with an empty reason under status ok (Excel: 3;
    the records over whole columns are not given to the engine): listed, with the reason; a department 'Marketing 2'
    is a text criterion, not a date (DSUM 15 = 10 + 5 of 'Marketing 2' and 'Marketing 20')."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [("Dept", "Cost"), ("Marketing 2", 10), ("Marketing 20", 5), ("Sales", 7)]:
        sheet.append(list(row))
    sheet["F1"], sheet["F2"] = "Dept", "Marketing 2"
    sheet["H1"] = "=DCOUNTA(A:B,,F1:F2)"
    sheet["H2"] = '=DSUM(A1:B4,"Cost",F1:F2)'
    book.save(tmp_path / "w.xlsx")
    report = recalc_file(tmp_path / "w.xlsx", tmp_path / "out.xlsx")
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True).active
    assert (report.status, report.errors, values["H2"].value) == ("incomplete", [], 15)
    assert [(u.address, u.function, u.reason) for u in report.unsupported] == [
        (
            "Sheet!H1",
            "DCOUNTA",
            "DCOUNTA's field is left out (Excel counts every record that matches) and its database is whole columns: "
            "the embedded engine counts records only given a field, and recalc gives it one only over a range of rows "
            "typed in",
        )
    ]


def test_a_criterion_excel_s_kept_value_gives_begins_with_too(tmp_path: Path) -> None:
    """H495's finding 08: a criteria cell the engine cannot compute (a VBA function's =MyRegion(), Excel's stored 'East'
    kept) was read before Excel's value was put back: DSUM 150 (East matched whole) for Excel's 350, status ok."""
    from one_sheet import rewrite_part

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in ROWS:
        sheet.append(list(row))
    sheet["F1"], sheet["F2"], sheet["I1"] = "Region", "=MyRegion()", '=DSUM(A1:C6,"Sales",F1:F2)'
    book.save(tmp_path / "ks.xlsx")

    def stored(data: bytes) -> bytes:  # Excel's values: F2 the text 'East', I1 350
        xml = data.decode().replace(
            '<c r="F2"><f>MyRegion()</f><v /></c>', '<c r="F2" t="str"><f>MyRegion()</f><v>East</v></c>'
        )
        return xml.replace(
            '<f>DSUM(A1:C6,"Sales",F1:F2)</f><v />', '<f>DSUM(A1:C6,"Sales",F1:F2)</f><v>350</v>'
        ).encode()

    rewrite_part(tmp_path / "ks.xlsx", "xl/worksheets/sheet1.xml", stored)
    report = recalc_file(tmp_path / "ks.xlsx", tmp_path / "out.xlsx")
    values = openpyxl.load_workbook(tmp_path / "out.xlsx", data_only=True)["S"]
    assert (values["F2"].value, values["I1"].value) == ("East", 350)
    assert [u.address for u in report.unsupported] == ["S!F2"]
