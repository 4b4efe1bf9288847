"""A Stripe subscriptions export with subscriptions in their free trial, or whose first payment failed, is read.

H54 finding 01: every export of a business offering trials holds a few ``trialing`` rows, and they were refused as
"subscriptions that do not pay, to be removed (... their price would count as MRR from their start)" although the
same row's "Trial End (UTC)", which the import reads, says when a trial's MRR starts; Stripe's ``incomplete_expired``
rows (the first payment failed, Stripe ended the subscription a day later) were refused alike, and stay in every
later export. Now a trialing row whose trial ends after today is not paying yet (counted nowhere, with a note) and an
incomplete_expired row with its end never paid (counted nowhere, with a note); a trialing row without a trial end
after today, and one without a trial-end column, are still refused.
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError, ReadOptions
from xl_retention.reading.notes import collected
from xl_retention.workbook.importer import load_tables

HEADER = (
    "id,Customer ID,Plan,Quantity,Currency,Interval,Amount,Status,Start Date (UTC),Trial End (UTC),Ended At (UTC)\n"
)
ROWS = (
    "sub_1,cus_A1,Pro,1,usd,month,49.00,active,2026-08-03 10:00,,\n"
    "sub_2,cus_B2,Pro,1,usd,month,49.00,active,2026-09-10 09:00,2026-09-24 09:00,\n"
    "sub_3,cus_C3,Basic,1,usd,month,19.00,canceled,2026-08-15 12:00,,2026-10-15 12:00\n"
)
COLUMNS = {"start": "Start Date (UTC)", "end": "Ended At (UTC)"}
TODAY = ReadOptions(today="2026-11-20")


def movements(tmp_path, rows: str, header: str = HEADER):
    path = tmp_path / "subs.csv"
    path.write_text(header + ROWS + rows)
    with collected() as notes:
        tables = load_tables(path, columns=COLUMNS, options=TODAY)
    frame = tables.movements
    got = {str(m): (int(frame.loc[m, "customers_end"]), float(frame.loc[m, "mrr_end"])) for m in frame.index}
    return got, notes + tables.notes


def test_a_trial_ending_after_today_is_not_paying_yet(tmp_path):
    trialing = "sub_4,cus_D4,Pro,1,usd,month,49.00,trialing,2026-11-15 16:00,2026-12-09 16:00,\n"
    got, notes = movements(tmp_path, trialing)
    without, _ = movements(tmp_path, "")
    assert {m: v for m, v in got.items() if m < "2026-11"} == without  # its start in November: observed through it
    assert got["2026-11"] == (2, 98.0) and got["2026-10"] == (2, 98.0) and got["2026-09"] == (3, 117.0)
    assert (
        "subs.csv: 1 subscription in a free trial ending after today (trialing): not paying yet, counted nowhere (an "
        "export after the trial's end counts it from then)" in notes
    )


def test_stripes_incomplete_expired_never_paid(tmp_path):
    expired = "sub_5,cus_E5,Pro,1,usd,month,49.00,incomplete_expired,2026-09-05 10:00,,2026-09-06 10:00\n"
    got, notes = movements(tmp_path, expired)
    without, _ = movements(tmp_path, "")
    assert got == without and got["2026-09"] == (3, 117.0)
    assert any("1 subscription whose status is 'incomplete_expired'" in n for n in notes)


@pytest.mark.parametrize(
    ("rows", "header", "problem"),
    [
        ("sub_4,cus_D4,Pro,1,usd,month,49.00,trialing,2026-10-15 16:00,2026-11-10 16:00,\n", HEADER,
         "whose trial end is not after today"),  # the trial ended ten days ago: the status says it still is
        ("sub_4,cus_D4,Pro,1,usd,month,49.00,trialing,2026-11-15 16:00,,\n", HEADER, "whose trial end is not after"),
        ("sub_4,cus_D4,Pro,1,usd,month,49.00,trialing,2026-11-15 16:00,2026-12-09 16:00,\n",
         HEADER.replace("Trial End (UTC)", "Notes"), "subscriptions that do not pay"),  # no trial end to read
        ("sub_5,cus_E5,Pro,1,usd,month,49.00,incomplete_expired,2026-09-05 10:00,,\n", HEADER,
         "subscriptions that do not pay"),  # no end: whether it ended cannot be told
    ],
)  # fmt: skip
def test_rows_that_cannot_be_read_are_still_refused(tmp_path, rows, header, problem):
    with pytest.raises(DataError, match=problem) as error:
        movements(tmp_path, rows, header)
    assert "row 5" in str(error.value)
