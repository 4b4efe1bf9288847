"""H121 finding 01: a note typed in March's Expansion MRR makes March's MRR at end an error; Lifetime value's ARPA (B3)
then took February's MRR and customers (12,000 / 118 = 101.69), and the CLV built on it was shown on the Dashboard
beside March, silently. B3 is now that month's error, as the churn (B5) is the error of a month among its last 12,
and C8 names the cell to correct."""

from __future__ import annotations

from pathlib import Path

import openpyxl

import xl_retention
from xl_retention.workbook.template import build_template


def test_a_later_month_in_error_is_the_arpa(tmp_path: Path) -> None:
    book = build_template(tmp_path / "t.xlsx", start="2026-01", months=6)
    wb = openpyxl.load_workbook(book)
    customers, revenue = wb["Customers"], wb["Revenue"]
    for row, (gained, end) in enumerate([(10, 110), (12, 118), (5, 120)], start=2):
        customers[f"C{row}"], customers[f"D{row}"] = gained, end
    customers["B2"] = 100
    revenue["B2"] = 10_000
    for row, new in enumerate([1_000, 1_000, 500], start=2):
        revenue[f"C{row}"] = new
    revenue["D4"] = "ask Bob"  # March's Expansion MRR: a note, no number
    wb["Lifetime value"]["B4"] = 0.8
    wb.save(book)
    report = xl_retention.recalc([str(book)], engine="embedded", output_dir=str(tmp_path / "out"))
    assert report.files[0].status == "ok"
    out = openpyxl.load_workbook(tmp_path / "out" / "t.xlsx", data_only=True)["Lifetime value"]
    assert out["B3"].value == "#VALUE!"  # March's MRR at end, not February's ARPA
    assert out["B8"].value == "#VALUE!"
    assert out["C8"].value == (
        "No value: ARPA (B3) is an error, which starts in Revenue!D4 (blank, below 0 or no number): correct it there."
    )
    revenue["D4"] = 200  # corrected: March's ARPA, (10,000 + 1,000 + 1,000 + 500 + 200) / 120
    wb.save(book)
    xl_retention.recalc([str(book)], engine="embedded", output_dir=str(tmp_path / "out2"))
    out = openpyxl.load_workbook(tmp_path / "out2" / "t.xlsx", data_only=True)["Lifetime value"]
    assert round(out["B3"].value, 6) == round(12_700 / 120, 6)
    assert out["C8"].value in (None, "")
