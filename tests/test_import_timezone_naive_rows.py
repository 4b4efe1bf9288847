"""``--timezone`` on a date column where some times carry a UTC offset and some do not (H50 finding 03).

Two exports appended, one re-saved by Excel (which drops ``Z``): ``--timezone America/New_York`` converted the rows
with an offset (2024-02-01T02:00Z is 31 January 21:00 in New York: January) and kept the naive ones as written
(2024-02-01 02:00, the same instant: February), exit 0, no note: one column read in two zones. The zone of the naive
times cannot be told (UTC as the API wrote it, or the zone Excel's user saw), so the column is now refused, naming
its rows without an offset and one with. Dates without a time of day are days, kept; a column whose times all lack
an offset is read as written with a note saying ``--timezone`` converted none.
"""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from xl_retention.reading import DataError, ReadOptions
from xl_retention.reading.notes import collected
from xl_retention.workbook.importer import load_tables

NEW_YORK = ReadOptions(timezone="America/New_York", today="2026-11-20")


def months_of(tmp_path, text: str):
    path = tmp_path / "orders.csv"
    path.write_text(text)
    with collected() as notes:
        tables = load_tables(orders=path, options=NEW_YORK)
    cohorts = tables.order_revenue_cohorts
    return {str(m): float(cohorts.loc[m].iloc[0]) for m in cohorts.index}, notes + tables.notes


@pytest.mark.parametrize(
    ("naive", "zoned"),
    [("2024-02-01 02:00:00", "2024-02-01T02:00:00Z"), ("2024-02-01 02:00", "2024-02-01 02:00:00 -0500"),
     ("02/13/2024 2:00 AM", "02/01/2024 2:00 AM PST")],
)  # fmt: skip
def test_times_with_and_without_an_offset_in_one_column_are_refused(tmp_path, naive, zoned):
    text = f"customer_id,date,amount\nc,{naive},30\nb,{zoned},20\n"
    with pytest.raises(DataError) as error:
        months_of(tmp_path, text)
    assert str(error.value) == (
        f"orders.csv, column 'date': times without a UTC offset beside times with one (such as {zoned!r}), so "
        "options=ReadOptions(timezone='America/New_York') cannot convert them alike: the zone of those without is "
        "not said (an export re-saved by Excel loses its offsets; UTC or another zone cannot be told): write their "
        "offset, or import without options=ReadOptions(timezone=...) (each date then read as written) in row 2 "
        f"(counting the header as row 1): {naive!r}"
    )  # a Python caller's words (load_tables(..., options=ReadOptions(...))); the import's: test_h400's last test


def test_the_offset_written_again_reads_every_row_alike(tmp_path):
    text = "customer_id,date,amount\na,2024-01-10T10:00:00Z,10\nc,2024-02-01T02:00:00Z,30\nb,2024-02-01T02:00:00Z,20\n"
    got, _ = months_of(tmp_path, text)
    assert got == {"2024-01": 60.0}  # all three in January, New York's: 31 January 21:00


def test_days_beside_times_with_an_offset_are_days(tmp_path):
    text = "customer_id,date,amount\na,2024-02-01,10\nb,2024-02-01T02:00:00Z,20\n"
    got, _ = months_of(tmp_path, text)
    assert got == {"2024-01": 20.0, "2024-02": 10.0}


def test_times_all_without_an_offset_are_read_as_written_with_a_note(tmp_path):
    got, notes = months_of(tmp_path, "customer_id,date,amount\na,2024-01-31 22:00:00,10\nb,2024-02-01 02:00:00,20\n")
    assert got == {"2024-01": 10.0, "2024-02": 20.0}
    assert (
        "orders.csv, column 'date': no time there has a UTC offset or a zone, so --timezone America/New_York "
        "converted none: each is read as written (name its zone in the header, 'Created (UTC)', to have it "
        "converted)" in notes
    )


def test_a_workbooks_date_cells_beside_text_with_an_offset(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["customer_id", "date", "amount"])
    sheet.append(["c", dt.datetime(2024, 2, 1, 2, 0), 30])
    sheet.append(["b", "2024-02-01T02:00:00Z", 20])
    book.save(tmp_path / "orders.xlsx")
    with pytest.raises(DataError, match=r"orders.xlsx, column 'date': times without a UTC offset .* row 2 of sheet"):
        load_tables(orders=tmp_path / "orders.xlsx", options=NEW_YORK)
