"""An empty row inserted among Customers' months, holding a note in a column of the user's own (H261's task 5: a
customer-success manager's "Q4 starts" in L, headed "Notes"): recalc said ``ok`` while the lifetime value's churn was
#N/A, C5 asking to type that row's customers gained and at end (a row that is no month), and recalc's checks of the
months stopped above it. The row is named as an empty one is (tests/test_recalc_inserted_rows.py); a note in the
row's month cells is still a row of figures under a blank month (recalculation.month_order's)."""

from __future__ import annotations

import openpyxl
from cli_process import run

from xl_retention.workbook.checks import unread_input


def test_a_spacer_row_with_a_note_in_a_column_of_yours_is_named(tmp_path):
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", "2026-01", "--months", "12").returncode == 0
    wb = openpyxl.load_workbook(book)
    customers = wb["Customers"]
    for r, (gained, end) in enumerate([(10, 105), (8, 108), (5, 104), (3, 106), (7, 110), (4, 112)], start=2):
        customers[f"C{r}"], customers[f"D{r}"] = gained, end
    customers["B2"], customers["L1"] = 100, "Notes"
    customers.insert_rows(5)  # between March and April
    customers["L5"] = "Q2 starts"
    wb.defined_names["Customers_Months"].attr_text = "'Customers'!$A$2:$A$14"
    wb.save(book)
    assert unread_input(book) == (
        "'Customers'!A5 ('Month') is empty, between months (2026-03 above, 2026-04 below): a row that is not a month "
        "inside the months (inserted?); delete it: the formulas over the months read it as a month without figures "
        "(the lifetime value's churn gives #N/A), and recalc checks the months above it only"
    )
