"""Lifetime value!C8 says why the CLV is blank where ARPA (B3) is: Revenue filled to April, Customers to February
(or April's customers typed as 0), the default ARPA has no customers to divide by, and the CLV was blank with no word
beside it though the gross margin was typed."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from xl_retention.recalculation import recalc_file
from xl_retention.workbook import build_template
from xl_retention.workbook.upgrade import LIFETIME_EARLIER

MISSING = (
    "No value: ARPA (B3) is blank: see Customers!D5, the customers at end of the last month with MRR at end, blank, "
    "0 or no number: fill it, or type your ARPA in B3."
)


def _tracker(path: Path, customer_months: int, april_customers: object = None) -> Path:
    build_template(path, start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    customers, revenue = wb["Customers"], wb["Revenue"]
    customers["B2"], revenue["B2"] = 100, 5000
    for row in range(2, 2 + customer_months):
        customers[f"C{row}"], customers[f"D{row}"] = 10, 100
    if april_customers is not None:
        customers["C5"], customers["D5"] = 0, april_customers
    for row in range(2, 6):  # January to April
        revenue[f"C{row}"], revenue[f"G{row}"] = 500, 500
    wb["Lifetime value"]["B4"] = 0.6
    wb.save(path)
    return path


def _lifetime(path: Path, out: Path) -> openpyxl.worksheet.worksheet.Worksheet:
    assert recalc_file(path, out).status == "ok"
    return openpyxl.load_workbook(out, data_only=True)["Lifetime value"]


def test_customers_missing_the_last_month_with_mrr_names_its_cell(tmp_path):
    ws = _lifetime(_tracker(tmp_path / "t.xlsx", customer_months=2), tmp_path / "r.xlsx")
    assert (ws["B3"].value, ws["B4"].value, ws["B5"].value, ws["B8"].value) == (None, 0.6, 0.1, None)
    assert ws["C8"].value == MISSING


def test_zero_customers_at_end_of_that_month_names_its_cell(tmp_path):
    ws = _lifetime(_tracker(tmp_path / "t.xlsx", customer_months=3, april_customers=0), tmp_path / "r.xlsx")
    assert (ws["B3"].value, ws["B8"].value) == (None, None)
    assert ws["C8"].value == MISSING


def test_a_cleared_default_says_to_type_arpa_and_a_filled_one_says_nothing(tmp_path):
    path = _tracker(tmp_path / "t.xlsx", customer_months=4)
    ws = _lifetime(path, tmp_path / "full.xlsx")
    # 5,000 MRR / 100 customers = 50; CLV = 50 x 0.6 x 1.01 / (0.01 + 0.1)
    assert ws["B3"].value == 50 and round(ws["B8"].value, 6) == round(30 * 1.01 / 0.11, 6) and ws["C8"].value is None
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["B3"] = None
    wb.save(path)
    ws = _lifetime(path, tmp_path / "cleared.xlsx")
    assert ws["B8"].value is None
    assert ws["C8"].value == (
        "Type ARPA (B3): its default (the last month's MRR at end / customers at end) was cleared."
    )


def test_no_revenue_yet_says_to_type_arpa_or_fill_revenue(tmp_path):
    path = tmp_path / "t.xlsx"
    build_template(path, start="2026-01", months=12)
    wb = openpyxl.load_workbook(path)
    customers = wb["Customers"]
    customers["B2"], customers["C2"], customers["D2"], customers["C3"], customers["D3"] = 100, 10, 100, 10, 100
    wb["Lifetime value"]["B4"] = 0.6
    wb.save(path)
    ws = _lifetime(path, tmp_path / "r.xlsx")
    assert ws["C8"].value == (
        "Type ARPA (B3), or fill Revenue: its default is the last month's MRR at end / customers at end."
    )


def test_a_tracker_with_the_previous_note_gets_this_one_on_extend(tmp_path):
    from xl_retention import cli

    path = _tracker(tmp_path / "t.xlsx", customer_months=2)
    wb = openpyxl.load_workbook(path)
    wb["Lifetime value"]["C8"] = LIFETIME_EARLIER["C8"][-1]  # as made before this note
    wb.save(path)
    assert cli.main(["extend", str(path), "--months", "1"]) == 0
    note = 'ARPA ("&ADDRESS(ROW(B3),COLUMN(B3),4)&") is blank'  # the cell written where it is (H201's finding 04)
    assert note in openpyxl.load_workbook(path)["Lifetime value"]["C8"].value
    assert _lifetime(path, tmp_path / "r.xlsx")["C8"].value == MISSING
