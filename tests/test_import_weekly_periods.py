"""A price mapped to mrr beside billing periods of a week was read as a monthly price (MRR 4.3 times too low).

A Stripe subscriptions export without an interval column, "Amount" mapped as mrr, "Current Period Start/End (UTC)"
7 days apart: a weekly plan of 10 counted 10 MRR where it is 43.48 (10 x 30.4375 / 7), exit 0. Periods of 2 months or
more were refused already (tests/test_import_period_spans.py); shorter ones were not read, because a monthly plan's
prorated first period (from the sign-up to the billing day) is short too and its price is monthly. Now a period under
a month that is no subscription's first period (a renewal) is refused, and so is a first period of exactly 1, 7, 14
or 21 days between two times of day (an anchor's prorated period ends at the anchor's time); a first period that
may be prorated is read as monthly, with a note where it lasts whole weeks (a date-only week).
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError, ReadOptions
from xl_retention.reading.notes import collected
from xl_retention.workbook.importer import load_tables

HEADER = "Customer ID,Amount,Created (UTC),Ended At (UTC),Current Period Start (UTC),Current Period End (UTC)\n"
MONTHLY = "cus_B,100.00,2026-09-01 09:00,,2026-11-01 09:00,2026-12-01 09:00\n"
COLUMNS = {"customer_id": "Customer ID", "start": "Created (UTC)", "end": "Ended At (UTC)", "mrr": "Amount"}
TODAY = ReadOptions(today="2026-11-24")


def mrr(tmp_path, rows: str, header: str = HEADER, columns: dict[str, str] = COLUMNS):
    path = tmp_path / "subs.csv"
    path.write_text(header + MONTHLY + rows)
    with collected() as notes:
        tables = load_tables(path, columns=columns, options=TODAY)
    frame = tables.movements
    return {str(m): round(float(frame.loc[m, "mrr_end"]), 2) for m in frame.index}, notes + tables.notes


def test_a_weekly_renewal_beside_a_price_as_mrr_is_refused(tmp_path):
    weekly = "cus_A,10.00,2026-10-05 10:00,,2026-11-16 10:00,2026-11-23 10:00\n"
    with pytest.raises(DataError) as error:
        mrr(tmp_path, weekly)
    assert str(error.value) == (
        "subs.csv, column 'Amount': 'Amount' (taken as mrr) is a price per billing period, and 'Current Period Start "
        "(UTC)' to 'Current Period End (UTC)' spans less than a month and is no first period (a renewal: a plan billed "
        "by the week or the day): read as monthly, a weekly price would count a quarter of what it is: give a billing "
        "interval column (week, month) and map the price as amount (--columns amount=Amount with interval=...), or "
        "map mrr to a monthly column; billing periods shorter than a month in row 3 (counting the header as row 1): "
        "'10.00 over 2026-11-16 to 2026-11-23 (7 days)'"
    )


def test_the_way_out_an_interval_column_reads_the_weekly_price(tmp_path):
    header = HEADER.replace("\n", ",Interval\n")
    monthly_row = MONTHLY.replace("\n", ",month\n")
    path = tmp_path / "subs.csv"
    path.write_text(header + monthly_row + "cus_A,10.00,2026-10-05 10:00,,2026-11-16 10:00,2026-11-23 10:00,week\n")
    columns = {**{k: v for k, v in COLUMNS.items() if k != "mrr"}, "amount": "Amount", "interval": "Interval"}
    tables = load_tables(path, columns=columns, options=TODAY)
    assert round(float(tables.movements.loc["2026-10", "mrr_end"]), 2) == 143.48  # 100 + 10 x 30.4375 / 7


def test_a_first_week_to_the_second_is_refused(tmp_path):
    weekly = "cus_A,10.00,2026-11-16 10:03,,2026-11-16 10:03,2026-11-23 10:03\n"
    with pytest.raises(DataError, match=r"spans less than a month to the second of a whole week or day .* row 3 "):
        mrr(tmp_path, weekly)


def test_a_monthly_plans_prorated_first_period_stays_monthly(tmp_path):
    prorated = "cus_A,50.00,2026-10-20 10:03,,2026-10-20 10:03,2026-11-01 09:00\n"  # to the billing day: 12 days
    got, notes = mrr(tmp_path, prorated)
    assert got == {"2026-09": 100.0, "2026-10": 150.0, "2026-11": 150.0}
    assert not [n for n in notes if "billing period" in n]


def test_a_first_week_of_dates_alone_is_read_as_prorated_with_a_note(tmp_path):
    header = HEADER.replace(" (UTC)", "")
    rows = "cus_A,50.00,2026-11-16,,2026-11-16,2026-11-23\n"
    got, notes = mrr(tmp_path, rows, header, {k: v.replace(" (UTC)", "") for k, v in COLUMNS.items()})
    assert got["2026-11"] == 150.0
    assert (
        "subs.csv, column 'Amount': a first billing period ('Current Period Start' to 'Current Period End') of a "
        "whole number of weeks or days in row 3 (counting the header as row 1): '50.00 over 2026-11-16 to 2026-11-23 "
        "(7 days)': read as a monthly plan's prorated first period ('Amount' per month); if the plan is billed by the "
        "week, give a billing interval column (week) and map the price as amount"
    ) in notes


def test_a_trials_two_weeks_are_no_billing_period(tmp_path):
    header = HEADER.replace("\n", ",Trial End (UTC)\n")
    monthly_row = MONTHLY.replace("\n", ",\n")
    path = tmp_path / "subs.csv"
    path.write_text(header + monthly_row + "cus_A,50.00,2026-11-17 10:00,,2026-11-17 10:00,2026-12-01 10:00,"
                    "2026-12-01 10:00\n")  # fmt: skip
    tables = load_tables(path, columns=COLUMNS, options=TODAY)
    assert float(tables.movements.loc["2026-11", "mrr_end"]) == 100.0  # in its trial until 1 December
