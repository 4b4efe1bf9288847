"""Braintree's subscriptions search download (H266's finding 06): 'Current Billing Cycle' (the cycle it is in, 11 after
11 months) was offered as the interval count (49.00 / 11 = 4.45 a month if followed), and 'Trial Period' true (the
subscription was created with a 14-day trial) on an Active subscription billed since its First Billing Date was
called a trial "to be removed" (40.83 MRR lost if followed). The counter is no count; the flag beside 'Trial
Duration' is a setting: read with 'First Billing Date' as the start, refused naming that column otherwise."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from import_cli import refusal, run, written

BRAINTREE = (
    "Subscription ID,Plan ID,Status,Price,Merchant Account ID,Billing Day of Month,Created At,First Billing Date,"
    "Next Billing Date,Paid Through Date,Billing Period Start Date,Billing Period End Date,Number Of Billing Cycles,"
    "Current Billing Cycle,Days Past Due,Failure Count,Trial Period,Trial Duration,Trial Duration Unit,Balance,"
    "Customer ID,Payment Method Token\n"
    "b1,pro_monthly,Active,49.00,acme_usd,5,01/05/2026 10:00:00,01/05/2026,{next},{paid},11/05/2026,"
    "{paid},,11,,0,false,,,0.00,c1,tok1\n"
    "b2,pro_yearly,Active,490.00,acme_usd,15,02/01/2026 10:00:00,02/15/2026,{next2},{paid2},02/15/2026,"
    "{paid2},,1,,0,true,14,day,0.00,c2,tok2\n"
).format(  # both paid through days to come, whatever day the tests run (a date past on one row is refused)
    paid=(dt.date.today() + dt.timedelta(days=20)).strftime("%m/%d/%Y"),
    next=(dt.date.today() + dt.timedelta(days=21)).strftime("%m/%d/%Y"),
    paid2=(dt.date.today() + dt.timedelta(days=200)).strftime("%m/%d/%Y"),
    next2=(dt.date.today() + dt.timedelta(days=201)).strftime("%m/%d/%Y"),
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_created_at_as_the_start_is_refused_naming_the_first_billing_date(tmp_path, capsys, backend) -> None:
    path = written(tmp_path, "subs.csv", BRAINTREE)
    args = ("--subscriptions", str(path), "--columns", "interval=Plan ID,start=Created At", "--backend", backend)
    assert refusal(capsys, *args, "--to-csv", str(tmp_path / "o")) == (
        "subs.csv, column 'Trial Period': subscriptions created with a free trial (a trial's length beside the flag: "
        "it says a trial was set up, not that it runs now), which pay from their first billing date, not from the "
        "start mapped ('Created At') in row 3 (counting the header as row 1): 'true': map the start to 'First Billing "
        "Date': --columns 'start=First Billing Date'"
    )  # not 'interval_count=Current Billing Cycle' (49.00 / 11 a month), nor 'to be removed'


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_first_billing_date_as_the_start_reads_every_subscription(tmp_path, backend) -> None:
    path = written(tmp_path, "subs.csv", BRAINTREE)
    out: Path = run(tmp_path, "--subscriptions", path, "--columns", "interval=Plan ID,start=First Billing Date",
                    "--through", "2026-03", backend=backend)  # fmt: skip
    with open(out / "movements.csv", newline="") as handle:
        table = {
            row["month"]: (int(row["customers_end"]), round(float(row["mrr_end"]), 2)) for row in csv.DictReader(handle)
        }
    assert table == {"2026-01": (1, 49.0), "2026-02": (2, 89.83), "2026-03": (2, 89.83)}  # 49 + 490 / 12


def test_a_trial_flag_without_a_trial_length_is_still_a_trial(tmp_path, capsys) -> None:
    subs = "customer_id,start,amount,interval,is_trial,First Billing Date\nc1,2026-01-05,49,month,false,2026-01-05\n"
    subs += "c2,2026-02-05,49,month,true,2026-02-19\n"
    path = written(tmp_path, "subs.csv", subs)
    assert "flagged as in their free trial, to be removed" in refusal(
        capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")
    )
