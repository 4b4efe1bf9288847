"""A user's own column beside a monthly sheet, filled down from a later month than the first: a growth over the
month before (from the second month), a trailing 3-month average (from the third). ``extend`` continues it into the
months added as it continues a column filled from the first month (a year-to-date total); it left it blank there,
with no word. A column whose first month holds a label or a starting formula (``n/a`` above a growth, ``=C2`` above a
running total ``=N2+C3``; H91 finding 02) is continued from its last two months; a formula column that cannot be
continued is named in the report."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.workbook import build_template
from xl_retention.workbook.extend import extend_workbook


def test_columns_filled_down_from_the_second_or_third_month_are_continued(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2026-01", months=4)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    customers["M1"], customers["P1"], customers["R1"], customers["T1"] = "YTD", "Growth", "CRR 3 months", "Typed"
    for row in range(2, 6):
        customers[f"M{row}"] = f"=SUM(C$2:C{row})"
        if row >= 3:
            customers[f"P{row}"] = f'=IF(D{row}="","",D{row}/D{row - 1}-1)'
        if row >= 4:
            customers[f"R{row}"] = f"=AVERAGE(F{row - 2}:F{row})"
    customers["T2"] = 0  # a value above the formulas (the first month has no month before): continued below
    for row in range(3, 6):
        customers[f"T{row}"] = f"=D{row}-D{row - 1}"
    customers["V5"] = "=D5*2"  # one month only: nothing to continue
    wb.save(path)
    done = extend_workbook(path, months=2)
    customers = openpyxl.load_workbook(path)["Customers"]
    got = {ref: customers[ref].value for ref in ("M6", "M7", "P6", "P7", "R6", "R7", "T6", "V6")}
    assert got == {
        "M6": "=SUM(C$2:C6)",
        "M7": "=SUM(C$2:C7)",
        "P6": '=IF(D6="","",D6/D5-1)',
        "P7": '=IF(D7="","",D7/D6-1)',
        "R6": "=AVERAGE(F4:F6)",
        "R7": "=AVERAGE(F5:F7)",
        "T6": "=D6-D5",
        "V6": None,
    }
    assert done.notes == [
        "left blank in the months added: Customers!V6:V7, a column of yours whose last two months do not hold one "
        "formula filled down: fill it down yourself"
    ]


def test_a_label_or_a_starting_formula_above_a_column_filled_down_is_no_stop(tmp_path: Path) -> None:
    path = build_template(tmp_path / "t.xlsx", start="2024-01", months=3)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    customers["M1"], customers["N1"], customers["O1"] = "MoM growth", "Running gained", "Mixed"
    customers["M2"], customers["M3"], customers["M4"] = "n/a", "=D3/D2-1", "=D4/D3-1"
    customers["N2"], customers["N3"], customers["N4"] = "=C2", "=N2+C3", "=N3+C4"
    customers["O2"], customers["O3"], customers["O4"] = "=C2", "=C3*2", "=D4"  # no formula filled down: named
    wb.save(path)
    done = extend_workbook(path, months=2)
    customers = openpyxl.load_workbook(path)["Customers"]
    got = {ref: customers[ref].value for ref in ("M5", "M6", "N5", "N6", "O5", "O6")}
    assert got == {"M5": "=D5/D4-1", "M6": "=D6/D5-1", "N5": "=N4+C5", "N6": "=N5+C6", "O5": None, "O6": None}
    assert [n for n in done.notes if "left blank" in n] == [
        "left blank in the months added: Customers!O5:O6, a column of yours whose last two months do not hold one "
        "formula filled down: fill it down yourself"
    ]
