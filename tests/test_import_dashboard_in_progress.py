"""The Dashboard showed a month still in progress like any whole month (H141's finding 08): imported on 2 December,
"Retention (CRR) 100.0%, Dec 2026" from two days of data; only the console said so, not the workbook or its PDF.

Now the import writes a line in the Dashboard's A2 (under its title) naming the month, the date its figures go to
and the last full month (checked in a PDF rendered by LibreOffice: the line shows above the latest figures); an
import ending before the current month clears it; an A2 of the user's is kept, and the import says the month is not
marked.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
from cli_process import run

from xl_retention.workbook.in_progress import in_progress_text

TODAY = dt.date.today()
NOW = pd.Period(TODAY, freq="M")


def _subscriptions(tmp_path: Path) -> Path:
    start, ended, now = ((NOW - k).to_timestamp().date() for k in (3, 1, 0))
    path = tmp_path / "subs.csv"
    path.write_text(f"customer_id,start,end,mrr\na,{start},{ended},10\nb,{start},,20\nc,{now},,5\n")
    return path


def _tracker(tmp_path: Path) -> Path:
    book = tmp_path / "t.xlsx"
    assert run("new", book, "--start", str(NOW - 3), "--months", "4").returncode == 0
    return book


def _a2(book: Path):
    return openpyxl.load_workbook(book)["Dashboard"]["A2"].value


def test_the_month_in_progress_is_marked_then_cleared(tmp_path):
    book, subscriptions = _tracker(tmp_path), _subscriptions(tmp_path)
    result = run("import", "--subscriptions", subscriptions, "--into", book)
    assert result.returncode == 0, result.stderr
    name, full = NOW.strftime("%b %Y"), (NOW - 1).strftime("%b %Y")
    assert _a2(book) == (
        f"In progress: {name} has its figures to {TODAY.day} {TODAY:%b %Y} only (the date of the import), not a whole "
        f"month's: its churn, purchases and answers are those so far. The last full month is {full}; import again "
        f"after {name} ends."
    )


def test_the_line_is_cleared_when_the_data_end_before_the_current_month(tmp_path):
    """The next month's import (data through the month that was in progress) clears the line an earlier one wrote."""
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    wb["Dashboard"]["A2"] = in_progress_text(NOW - 1, (NOW - 1).to_timestamp().date())  # last month's import's line
    wb.save(book)
    result = run("import", "--subscriptions", _subscriptions(tmp_path), "--into", book, "--through", str(NOW - 1))
    assert result.returncode == 0, result.stderr
    assert _a2(book) is None


def test_a_line_of_the_users_in_a2_is_kept_and_the_import_says_so(tmp_path):
    book = _tracker(tmp_path)
    wb = openpyxl.load_workbook(book)
    wb["Dashboard"]["A2"] = "Board pack, Q4"
    wb.save(book)
    result = run("import", "--subscriptions", _subscriptions(tmp_path), "--into", book)
    assert result.returncode == 0, result.stderr
    assert _a2(book) == "Board pack, Q4"
    assert (
        f"'Dashboard'!A2 holds yours ('Board pack, Q4'), so the Dashboard does not say that {NOW}, its latest month, "
        "is still in progress: its figures are those so far"
    ) in result.stdout.splitlines()


def test_full_months_leave_a2_blank(tmp_path):
    book = _tracker(tmp_path)
    result = run("import", "--subscriptions", _subscriptions(tmp_path), "--into", book, "--through", str(NOW - 1))
    assert result.returncode == 0, result.stderr
    assert _a2(book) is None


def test_another_inputs_import_ending_earlier_keeps_the_line(tmp_path):
    """Subscriptions imported through the current month, then visits through the month before: the Dashboard's
    customers and MRR are still the month in progress, so its line stays."""
    book = _tracker(tmp_path)
    assert run("import", "--subscriptions", _subscriptions(tmp_path), "--into", book).returncode == 0
    line = _a2(book)
    assert line.startswith(f"In progress: {NOW.strftime('%b %Y')} has its figures to ")
    visits = tmp_path / "visits.csv"
    days = [(NOW - k).to_timestamp().date() for k in (3, 2, 1)]
    visits.write_text("visitor_id,date\n" + "".join(f"v,{day}\n" for day in days))
    result = run("import", "--visits", visits, "--into", book)
    assert result.returncode == 0, result.stderr
    assert _a2(book) == line


def test_the_same_inputs_import_through_the_month_before_clears_the_line(tmp_path):
    """Subscriptions imported through the current month, its figures cleared by hand (as the next import's refusal
    says), then imported --through the month before, as the console advised: the tracker ends with that month, and
    the line said the current month was in progress still, the first import's record taken for another input's
    (H172 finding 07)."""
    book, subscriptions = _tracker(tmp_path), _subscriptions(tmp_path)
    assert run("import", "--subscriptions", subscriptions, "--into", book).returncode == 0
    assert _a2(book).startswith(f"In progress: {NOW.strftime('%b %Y')} has its figures to ")
    wb = openpyxl.load_workbook(book)
    for sheet, columns in (("Customers", "CD"), ("Revenue", "CDEFG")):
        for column in columns:
            wb[sheet][f"{column}5"] = None  # the current month's row
    for i in range(4):
        wb["Cohorts"].cell(4 + i, 2 + 3 - i).value = None  # its diagonal of the survivors
    wb.save(book)
    result = run("import", "--subscriptions", subscriptions, "--into", book, "--through", str(NOW - 1))
    assert result.returncode == 0, result.stderr
    assert _a2(book) is None
    assert openpyxl.load_workbook(book)["Customers"]["D5"].value is None


def test_a_file_ending_before_the_current_month_keeps_the_line_while_its_figures_stay(tmp_path):
    """Subscriptions imported into the current month, then a file of them ending the month before (the customer who
    joined this month not in it): the current month's figures so far are kept (the import says so), so the Dashboard
    still shows them as its latest month, and its line stays, the import naming why. A2 was cleared, a partial month
    shown with no word."""
    book, subscriptions = _tracker(tmp_path), _subscriptions(tmp_path)
    assert run("import", "--subscriptions", subscriptions, "--into", book).returncode == 0
    line = _a2(book)
    assert line.startswith(f"In progress: {NOW.strftime('%b %Y')} has its figures to {TODAY.day} ")
    earlier = tmp_path / "subs_earlier.csv"
    earlier.write_text("\n".join(subscriptions.read_text().splitlines()[:3]) + "\n")  # without c, joined this month
    result = run("import", "--subscriptions", earlier, "--into", book)
    assert result.returncode == 0, result.stderr
    assert "the other months' figures are kept as they were" in result.stdout
    assert _a2(book) == line
    wb = openpyxl.load_workbook(book)
    assert [wb["Customers"][f"{column}5"].value for column in "CD"] == [1, 2]  # the current month's, kept
    assert (
        f"'Dashboard'!A2 still says {NOW.strftime('%b %Y')} is in progress: its figures so far, from an earlier "
        f"import, are kept after this import's last month {NOW - 1}, and the Dashboard's latest figures are theirs "
        f"(clear that month to end the tracker with {NOW - 1})"
    ) in result.stdout.splitlines()
