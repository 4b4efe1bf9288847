"""A suspended subscription (PayPal's ``SUSPENDED``, Maxio's and Zuora's ``suspended``) paid until its suspension
(H266's finding 13): it was refused "to be removed" as a trial or a never-paid row, which loses the months it paid
(10.00 MRR and a customer from February to July, and its churn in August). It is refused with what to write instead,
as ``paused`` and ``on_hold`` are, on every engine; the advice followed gives the months it paid."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from import_cli import refusal, run, written

PAYPAL = (
    "id,plan_id,status,status_update_time,start_time,{end}quantity,subscriber.payer_id,"
    "billing_info.last_payment.amount.value,billing_info.last_payment.time\n"
    "I-BW452GLLEP1G,P-5ML4271244454362WXNWU5NQ,ACTIVE,2026-01-05T10:00:00Z,2026-01-05T10:00:00Z,{blank}1,"
    "AAAAAAAAAAAA1,10.00,2026-11-05T10:00:00Z\n"
    "I-BW452GLLEP1H,P-5ML4271244454362WXNWU5NQ,{status},2026-08-20T10:00:00Z,2026-02-20T10:00:00Z,{ended}1,"
    "AAAAAAAAAAAA2,10.00,2026-07-20T10:00:00Z\n"
)
COLUMNS = "customer_id=subscriber.payer_id,start=start_time,mrr=billing_info.last_payment.amount.value"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_suspended_subscription_is_told_to_end_not_to_be_removed(tmp_path, capsys, backend) -> None:
    path = written(tmp_path, "subs.csv", PAYPAL.format(end="", blank="", ended="", status="SUSPENDED"))
    args = ("--subscriptions", str(path), "--columns", COLUMNS, "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, *args) == (
        "subs.csv, column 'status': subscriptions suspended (paused by the merchant or the subscriber, or after "
        "failed payments: they pay nothing since, and paid the periods before it: removing them would lose those "
        "months) in row 3 (counting the header as row 1): 'SUSPENDED': give each such row its end the day it was "
        "suspended ('status_update_time', where it is the day of the suspension) and a status that says it ended "
        "(cancelled), and a row of its own from the day it was reactivated; remove a row only where it never paid"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_suspended_row_of_another_export_names_no_date_column(tmp_path, capsys, backend) -> None:
    subs = "customer_id,state,start,end,amount,interval\nc1,active,2026-01-05,,49,month\n"
    subs += "c2,suspended,2026-02-05,,49,month\n"
    path = written(tmp_path, "maxio.csv", subs)
    args = ("--subscriptions", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, *args).endswith(
        "in row 3 (counting the header as row 1): 'suspended': give each such row its end the day it was suspended and "
        "a status that says it ended (cancelled), and a row of its own from the day it was reactivated; remove a row "
        "only where it never paid"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_advice_followed_keeps_the_months_it_paid(tmp_path, backend) -> None:
    text = PAYPAL.format(end="end,", blank=",", ended="2026-08-20T10:00:00Z,", status="CANCELLED")
    path = written(tmp_path, "subs.csv", text)
    out: Path = run(tmp_path, "--subscriptions", path, "--columns", COLUMNS + ",end=end", backend=backend)
    with open(out / "movements.csv", newline="") as handle:
        table = {
            row["month"]: (int(row["customers_end"]), float(row["mrr_end"]), int(row["lost"]))
            for row in csv.DictReader(handle)
        }
    assert table == {
        "2026-01": (1, 10.0, 0),
        **{f"2026-0{m}": (2, 20.0, 0) for m in range(2, 8)},
        "2026-08": (1, 10.0, 1),
    }
