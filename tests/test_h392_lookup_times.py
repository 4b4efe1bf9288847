"""H388's findings 4 and 5 (ac7a0bfb): a failed lookup of a time of day in time-formatted cells crashed the whole
recalc ("AttributeError: 'datetime.time' object has no attribute 'time'", no output), and a number typed in the
formula (=MATCH(5,A2:A3,0)) was named as the date 1900-01-05 because the range holds dates. A time of day is shown as
its time, a typed number as typed; a computed value looked up among dates is still shown as a date."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from one_sheet import lookup_reasons


@pytest.fixture(scope="module")
def reasons(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("h392_times")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["A1"] = "Month"
    sheet["A2"], sheet["A3"] = dt.date(2027, 1, 1), dt.date(2027, 2, 1)
    sheet["D2"], sheet["D3"] = dt.time(9, 0), dt.time(10, 0)
    sheet["D2"].number_format = sheet["D3"].number_format = "hh:mm"
    sheet["E1"] = dt.time(12, 0)
    sheet["E1"].number_format = "hh:mm"
    sheet["B1"] = "=MATCH(5,A2:A3,0)"  # a number typed among dates
    sheet["B2"] = "=MATCH(0.5,D2:D3,0)"  # a fraction typed among times
    sheet["B3"] = "=MATCH(E1,D2:D3,0)"  # a time-formatted cell among times
    sheet["B4"] = "=MATCH(TIME(12,0,0),D2:D3,0)"  # a computed time among times
    sheet["B5"] = "=MATCH(DATE(2027,3,1),A1:A3,0)"  # a computed date among dates under a text header
    sheet["B6"] = "=VLOOKUP(46400,A2:A3,1,FALSE)"  # a serial typed among dates
    report, found = lookup_reasons(book, folder / "times.xlsx")
    assert report.status == "ok", report.message
    return found


def test_a_number_typed_in_the_formula_is_shown_as_typed(reasons: dict[str, str]) -> None:
    assert reasons["S!B1"] == "MATCH: 5 is not in A2:A3 (#N/A)"
    assert reasons["S!B2"] == "MATCH: 0.5 is not in D2:D3 (#N/A)"
    assert reasons["S!B6"] == "VLOOKUP: 46400 is not in the first column of A2:A3 (#N/A)"


def test_a_time_of_day_is_shown_as_its_time(reasons: dict[str, str]) -> None:
    assert reasons["S!B3"] == "MATCH: 12:00:00 (S!E1) is not in D2:D3 (#N/A)"
    assert reasons["S!B4"] == "MATCH: 12:00:00 is not in D2:D3 (#N/A)"


def test_a_computed_date_among_dates_is_still_a_date(reasons: dict[str, str]) -> None:
    assert reasons["S!B5"] == "MATCH: 2027-03-01 is not in A1:A3 (#N/A)"
