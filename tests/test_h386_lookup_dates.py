"""H383's finding 02: a failed lookup of a date named the date by its serial ("MATCH: 46388 is not in
Bridge!$A$2:$A$13"); it is shown as the date the user sees where the value looked for is in a date-formatted cell or
the range it is looked for in holds date-formatted numbers. A plain number stays a number."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from one_sheet import lookup_reasons


@pytest.fixture(scope="module")
def reasons(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("h386_dates")
    book = openpyxl.Workbook()
    bridge = book.active
    bridge.title = "Bridge"
    bridge["A1"], bridge["B1"] = "Month", "Plan"
    for row, month in enumerate((1, 2, 3), start=2):
        bridge.cell(row, 1, dt.date(2026, month, 1)).number_format = "mmm-yy"
        bridge.cell(row, 2, 100 * month)
    summary = book.create_sheet("Summary")
    summary["A1"] = dt.datetime(2027, 1, 1, 12)
    summary["A1"].number_format = "yyyy-mm-dd hh:mm"
    summary["A2"] = 46388
    summary["B1"] = "=MATCH(DATE(2027,1,1),Bridge!$A$2:$A$4,0)"  # a date made by DATE, looked up in dated months
    summary["B2"] = "=VLOOKUP(A1,Bridge!$B$2:$B$4,1,FALSE)"  # a date-formatted cell, looked up in plain numbers
    summary["B3"] = "=MATCH(A2,Bridge!$B$2:$B$4,0)"  # a plain number in plain numbers
    summary["B4"] = "=MATCH(46388,Bridge!A1:A4,0)"  # a typed number among dates under a text header
    return lookup_reasons(book, folder / "dates.xlsx")[1]


def test_a_date_made_by_date_and_looked_up_in_dated_months_is_shown_as_a_date(reasons: dict[str, str]) -> None:
    assert reasons["Summary!B1"] == "MATCH: 2027-01-01 is not in Bridge!$A$2:$A$4 (#N/A)"


def test_a_date_formatted_cell_looked_up_is_shown_as_its_date_and_time(reasons: dict[str, str]) -> None:
    assert reasons["Summary!B2"] == (
        "VLOOKUP: 2027-01-01 12:00:00 (Summary!A1) is not in the first column of Bridge!$B$2:$B$4 (#N/A)"
    )


def test_a_plain_number_stays_a_number(reasons: dict[str, str]) -> None:
    assert reasons["Summary!B3"] == "MATCH: 46388 (Summary!A2) is not in Bridge!$B$2:$B$4 (#N/A)"
    # typed in the formula, a number is shown as typed even among dates (H388's finding 5; a computed date under a
    # text header: test_h392_lookup_times)
    assert reasons["Summary!B4"] == "MATCH: 46388 is not in Bridge!A1:A4 (#N/A)"
