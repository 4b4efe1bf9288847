"""Subscription statuses of the end of dunning and of Maxio's live and problem states were refused as statuses the
import does not know, asking to rename them to active, canceled, ... (renamed active, an `unpaid` subscription would
count as MRR for ever). Stripe's `unpaid` (its Billing analytics count a subscription marked unpaid as churn), Maxio's
and Lemon Squeezy's are a subscription that ended: with no end date refused as any ended one is, with its end counted
to it; Maxio's `assessing` (a renewal being assessed, a live state) and `soft_failure` (a failed renewal retried, a
problem state it serves in) pay, as `past_due` does (xl_retention.reading.statuses)."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import refusal, run

HEADER = "Customer ID,Amount,Status,Start (UTC),Ended At (UTC)\n"
COLUMNS = "customer_id=Customer ID,mrr=Amount,start=Start (UTC),end=Ended At (UTC)"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_maxio_live_and_problem_states_pay(tmp_path, backend) -> None:
    (tmp_path / "subs.csv").write_text(
        HEADER + "a,100,active,2026-01-05,\nb,50,assessing,2026-01-10,\nc,20,soft_failure,2026-02-03,\n"
        "d,10,unpaid,2026-01-20,2026-03-01\n"
    )
    out = run(tmp_path, "--subscriptions", tmp_path / "subs.csv", "--columns", COLUMNS, backend=backend)
    movements = pd.read_csv(out / "movements.csv").set_index("month")
    assert movements["mrr_end"].to_dict() == {"2026-01": 160.0, "2026-02": 180.0, "2026-03": 170.0}
    assert movements["lost"].to_dict() == {"2026-01": 0, "2026-02": 0, "2026-03": 1}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_unpaid_subscription_without_an_end_is_refused_as_ended(tmp_path, capsys, backend) -> None:
    (tmp_path / "subs.csv").write_text(HEADER + "a,100,active,2026-01-05,\nb,50,unpaid,2026-01-10,\n")
    message = refusal(capsys, "--subscriptions", str(tmp_path / "subs.csv"), "--columns", COLUMNS, "--backend",
                      backend, "--to-csv", str(tmp_path / "out"))  # fmt: skip
    assert message.startswith("subs.csv, column 'Status': subscriptions whose status says they ended, with no end date")
    assert message.endswith(
        "in row 3 (counting the header as row 1): 'unpaid': map the column of the day service stopped, --columns "
        "end=NAME (Stripe: 'Ended At (UTC)', Recurly: expires_at), or give those rows their end"
    )


def test_an_unpaid_snapshot_with_mrr_is_refused(tmp_path, capsys) -> None:
    (tmp_path / "mrr.csv").write_text("customer_id,month,mrr,status\na,2026-01,100,active\nb,2026-01,50,unpaid\n")
    message = refusal(capsys, "--subscriptions", str(tmp_path / "mrr.csv"), "--to-csv", str(tmp_path / "out"))
    assert message.startswith("mrr.csv, column 'status': snapshot rows with an MRR whose status says the subscription "
                              "ended or is not active")  # fmt: skip
    assert message.endswith("in row 3 (counting the header as row 1): 'unpaid'")


WOOCOMMERCE = (
    "subscription_id,subscription_status,customer_id,start_date,next_payment_date,end_date,billing_period,"
    "billing_interval,order_total\n"
    "101,wc-switched,7,2026-01-05 10:00:00,,2026-02-10 10:00:00,month,1,20.00\n"
    "102,wc-active,7,2026-02-10 10:00:00,2026-03-10 10:00:00,,month,1,50.00\n"
    "103,wc-active,8,2026-01-20 10:00:00,2026-03-20 10:00:00,,month,1,30.00\n"
)


def test_a_woocommerce_subscription_switched_ended_at_its_switch(tmp_path, capsys) -> None:
    """WooCommerce Subscriptions' `switched` (replaced by the subscription it was switched to) was refused as a
    status the import does not know; it is a subscription that ended: counted to its end, a plan change here."""
    (tmp_path / "wcs.csv").write_text(WOOCOMMERCE)
    columns = "start=start_date,end=end_date,amount=order_total"
    out = run(tmp_path, "--subscriptions", tmp_path / "wcs.csv", "--columns", columns)
    movements = pd.read_csv(out / "movements.csv").set_index("month")
    assert movements["mrr_end"].to_dict() == {"2026-01": 50.0, "2026-02": 80.0}
    assert movements["expansion_mrr"].to_dict() == {"2026-01": 0.0, "2026-02": 30.0}
    (tmp_path / "open.csv").write_text(WOOCOMMERCE.replace("2026-02-10 10:00:00,month", ",month", 1))
    message = refusal(capsys, "--subscriptions", str(tmp_path / "open.csv"), "--columns", columns, "--to-csv",
                      str(tmp_path / "out"))  # fmt: skip
    assert message.startswith("open.csv, column 'subscription_status': subscriptions whose status says they ended")
