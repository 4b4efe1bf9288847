"""Classic xlwings (COM's Range.Value) hands a date-formatted cell over as a datetime; the UDFs turn it back into
the cell's serial in its workbook's date system (H114's finding 01). Serials: 1900 system 1 = 1900-01-01, 59 =
1900-02-28, 61 = 1900-03-01 (Excel's 60 is a 29 February 1900 COM's calendar has not: Microsoft KB 205719);
1904 system 0 = 1904-01-01, 1,462 less than the 1900 serial of the same date."""

import datetime as dt

import pytest

from xl_retention.udfs import excel_serial


@pytest.mark.parametrize(
    ("value", "date1904", "serial"),
    [
        (dt.datetime(1900, 1, 1), False, 1.0),
        (dt.datetime(1900, 2, 28), False, 59.0),
        (dt.datetime(1900, 2, 28, 18), False, 59.75),
        (dt.datetime(1900, 3, 1), False, 61.0),
        (dt.datetime(1901, 6, 18), False, 535.0),
        (dt.date(2026, 12, 2), False, 46358.0),
        (dt.datetime(2026, 12, 2, 6), False, 46358.25),
        (dt.datetime(1904, 1, 1), True, 0.0),
        (dt.datetime(1905, 6, 19), True, 535.0),
        (dt.date(2026, 12, 2), True, 46358.0 - 1462),
    ],
)
def test_a_date_becomes_the_serial_of_its_date_system(value, date1904, serial):
    assert excel_serial(value, date1904) == serial


@pytest.mark.parametrize(
    ("value", "date1904"),
    [(dt.datetime(1899, 12, 31), False), (dt.datetime(1899, 12, 30, 12), False), (dt.datetime(1903, 12, 31), True)],
)
def test_a_date_no_cell_of_the_system_holds_stays_a_date(value, date1904):
    assert excel_serial(value, date1904) is value


@pytest.mark.parametrize("value", [535, 535.5, "535", None, True, "#N/A"])
def test_other_values_come_back_as_they_are(value):
    assert excel_serial(value, False) is value
