"""A user's own column beside a monthly sheet, filled down from a later month than the first: a growth over the
month before (from the second month), a trailing 3-month average (from the third). ``extend`` continues it into the
months added as it continues a column filled from the first month (a year-to-date total); it left it blank there,
with no word."""

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
    customers["T2"] = 0  # a value above the formulas: not one column filled down, left as it is
    for row in range(3, 6):
        customers[f"T{row}"] = f"=D{row}-D{row - 1}"
    customers["V5"] = "=D5*2"  # one month only: nothing to continue
    wb.save(path)
    extend_workbook(path, months=2)
    customers = openpyxl.load_workbook(path)["Customers"]
    got = {ref: customers[ref].value for ref in ("M6", "M7", "P6", "P7", "R6", "R7", "T6", "V6")}
    assert got == {
        "M6": "=SUM(C$2:C6)",
        "M7": "=SUM(C$2:C7)",
        "P6": '=IF(D6="","",D6/D5-1)',
        "P7": '=IF(D7="","",D7/D6-1)',
        "R6": "=AVERAGE(F4:F6)",
        "R7": "=AVERAGE(F5:F7)",
        "T6": None,
        "V6": None,
    }
