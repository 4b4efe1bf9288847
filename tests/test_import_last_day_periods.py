"""A month's billing period written as dates to its last day was refused as a week's.

Braintree's "Billing Period Start Date"/"Billing Period End Date" write a period as its first and last days: a monthly
plan billed on the 20th renewed on 20 February has the period 02/20/2026 to 03/19/2026, 27 days apart. The check for
plans billed by the week (a renewal's period under 27.5 days, tests/test_import_weekly_periods.py) refused the valid
monthly file ('spans less than a month ... (27 days)'). Now a period of dates (no time of day) of 27 days is a month
(its last day inclusive: 28 days); a week's period of dates (6 days to its last day) is still refused.
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError, ReadOptions
from xl_retention.workbook.importer import load_tables

HEADER = "Customer ID,Price,First Billing Date,Cancelled On,Billing Period Start Date,Billing Period End Date\n"
COLUMNS = {"customer_id": "Customer ID", "start": "First Billing Date", "end": "Cancelled On", "mrr": "Price"}
TODAY = ReadOptions(today="2026-04-10", dayfirst=False)


def _movements(tmp_path, rows: str) -> dict[str, float]:
    path = tmp_path / "braintree.csv"
    path.write_text(HEADER + rows)
    frame = load_tables(path, columns=COLUMNS, options=TODAY).movements
    return {str(m): round(float(frame.loc[m, "mrr_end"]), 2) for m in frame.index}


def test_a_month_to_its_last_day_in_february_is_a_month(tmp_path) -> None:
    rows = (
        "c1,100.00,01/05/2026,,03/05/2026,04/04/2026\n"
        "c2,50.00,01/20/2026,,02/20/2026,03/19/2026\n"  # February's month: 27 days apart
        "c3,30.00,01/31/2026,03/10/2026,01/31/2026,02/27/2026\n"  # billed on the 31st: 31 January to 27 February
    )
    assert _movements(tmp_path, rows) == {"2026-01": 180.0, "2026-02": 180.0, "2026-03": 150.0}


def test_a_weeks_renewal_to_its_last_day_is_still_refused(tmp_path) -> None:
    rows = "c1,100.00,01/05/2026,,03/05/2026,04/04/2026\nc2,10.00,01/20/2026,,03/09/2026,03/15/2026\n"
    with pytest.raises(DataError) as error:
        _movements(tmp_path, rows)
    assert str(error.value).startswith("braintree.csv, column 'Price': 'Price' (taken as mrr) is a price per billing "
                                       "period, and 'Billing Period Start Date' to 'Billing Period End Date' spans "
                                       "less than a month and is no first period")  # fmt: skip
    assert str(error.value).endswith("in row 3 (counting the header as row 1): '10.00 over 2026-03-09 to 2026-03-15 "
                                     "(6 days)'")  # fmt: skip
