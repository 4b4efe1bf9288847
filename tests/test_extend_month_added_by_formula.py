"""A month added by hand below the last one with a formula as its label (March's row copied down, =EDATE(A4,1) in A5,
April's figures typed): extend took the row for one of the user's under the months and moved it below the months it
added, two Aprils, the typed figures in a row nothing reads, exit 0 "every value kept" (H189's finding 08). A typed
date there was refused already; a formula in the Month column right below the last month is refused too, naming it,
by extend and import, the file untouched.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from cli_process import run

LINE = (
    "xl-retention: error: Customers!A5 holds the formula '=EDATE(A4,1)' in the Month column, below the tracker's last "
    "month 2026-03 (row 4): a month added by hand (a row copied down) is left out of the Dashboard, the lifetime value "
    "and the charts, and its figures would be left below the months added; move the figures of rows 5 on out, delete "
    "those rows, add the months with xl-retention extend FILE --months N (or import) and type the figures into them\n"
)


def _tracker(tmp_path: Path) -> Path:
    book = tmp_path / "e.xlsx"
    assert run("new", book, "--start", "2026-01", "--months", "3").returncode == 0
    wb = openpyxl.load_workbook(book)
    customers = wb["Customers"]
    customers["B2"] = 100
    for r, (gained, end) in enumerate([(10, 105), (8, 108), (5, 104), (6, 101)], start=2):
        customers[f"C{r}"], customers[f"D{r}"] = gained, end
    customers["A5"] = "=EDATE(A4,1)"
    wb.save(book)
    return book


@pytest.mark.parametrize("command", ["extend", "import"])
def test_a_month_labelled_by_a_formula_below_the_last_is_refused(tmp_path, command):
    book = _tracker(tmp_path)
    raw = book.read_bytes()
    if command == "extend":
        result = run("extend", book, "--months", "2")
    else:
        subscriptions = tmp_path / "subs.csv"
        subscriptions.write_text("customer_id,month,mrr\na,2026-01,10\na,2026-02,10\n")
        result = run("import", "--subscriptions", subscriptions, "--into", book)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", LINE)
    assert book.read_bytes() == raw
