"""Paddle Billing's later items (``items[1].quantity`` x ``items[1].price.unit_price.amount`` beside the ``items[0].*``
mapped) were refused (2c17c30d) though a subscription's items are paid together in its one billing interval and
currency: the 5 extra seats of 10.00 beside the 30.00 plan make MRR 80, then 110 with the second subscription (60 +
5 x 10). They are now added into the amount with a note where each item is sure to be paid with the first (the
interval's and currency's fields, where the file has them, the first item's; status active; recurring; an add-on),
on pandas and DuckDB alike; an item in another currency or interval, not active, or a one-time charge is refused as
before."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from import_cli import refusal, written

from xl_retention import cli

COLUMNS = "start=started_at,end=canceled_at,quantity=items[0].quantity,amount=items[0].price.unit_price.amount"
HEADER = (
    "id,status,customer_id,currency_code,started_at,canceled_at,billing_cycle.interval,billing_cycle.frequency,"
    "items[0].status,items[0].quantity,items[0].price.unit_price.amount,items[0].price.unit_price.currency_code,"
    "items[1].status,items[1].quantity,items[1].price.unit_price.amount,items[1].price.unit_price.currency_code\n"
)
ROWS = (
    "sub_01h04vsc0qhwtsbsxh3422wjs4,active,ctm_01a,USD,2026-01-05T10:00:00.000Z,,month,1,"
    "active,1,3000,USD,{status},5,1000,{currency}\n"
    "sub_01h04vsc0qhwtsbsxh3422wjs5,active,ctm_01b,USD,2026-02-10T10:00:00.000Z,,month,1,active,1,3000,USD,,,,\n"
)
NOTE = (
    "paddle.csv: the subscriptions' later items ('items[1].quantity' x 'items[1].price.unit_price.amount') were added "
    "into 'items[0].price.unit_price.amount' on 1 row, each paid with the first item in its interval and currency "
    "(row 2: 1 x 3000 + 5 x 1000 = 8000, read as quantity 1)"
)


def _mrr(out: Path) -> dict[str, float]:
    with open(out / "movements.csv", newline="") as handle:
        return {row["month"]: float(row["mrr_end"]) for row in csv.DictReader(handle)}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_items_of_one_interval_and_currency_are_added(tmp_path, capsys, backend) -> None:
    path = written(tmp_path, "paddle.csv", HEADER + ROWS.format(status="active", currency="USD"))
    out = tmp_path / "o"
    capsys.readouterr()
    argv = ["import", "--subscriptions", str(path), "--columns", COLUMNS, "--through", "2026-02", "--backend", backend]
    assert cli.main([*argv, "--to-csv", str(out)]) == 0
    assert _mrr(out) == {"2026-01": 80.0, "2026-02": 110.0}  # 30 + 5 x 10; + 30
    assert NOTE in capsys.readouterr().out


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(("status", "currency"), [("active", "EUR"), ("inactive", "USD"), ("trialing", "USD")])
def test_an_item_not_sure_to_be_paid_with_the_first_is_refused(tmp_path, capsys, backend, status, currency) -> None:
    path = written(tmp_path, "paddle.csv", HEADER + ROWS.format(status=status, currency=currency))
    args = ("--subscriptions", str(path), "--columns", COLUMNS, "--through", "2026-02", "--backend", backend)
    assert refusal(capsys, *args, "--to-csv", str(tmp_path / "o")).startswith(
        "paddle.csv, column 'items[1].price.unit_price.amount': a second item of the subscription ('items[1].quantity' "
        "x 'items[1].price.unit_price.amount', beside the first one mapped: "
    )


def test_a_chargebee_one_time_charge_is_refused_an_add_on_added(tmp_path, capsys) -> None:
    text = (
        "subscription.id,subscription.customer_id,subscription.status,subscription.started_at,"
        "subscription.cancelled_at,subscription.billing_period_unit,subscription_items[0].item_type,"
        "subscription_items[0].quantity,subscription_items[0].unit_price,subscription_items[1].item_type,"
        "subscription_items[1].quantity,subscription_items[1].unit_price\n"
        "sub1,cus1,active,2026-01-05,,month,plan,1,30.00,{kind},5,10.00\n"
        "sub2,cus2,active,2026-02-10,,month,plan,1,30.00,,,\n"
    )
    columns = (
        "customer_id=subscription.customer_id,start=subscription.started_at,end=subscription.cancelled_at,"
        "interval=subscription.billing_period_unit,quantity=subscription_items[0].quantity,"
        "amount=subscription_items[0].unit_price"
    )
    path = written(tmp_path, "cb.csv", text.format(kind="charge"))
    args = ("--subscriptions", str(path), "--columns", columns, "--through", "2026-02")
    assert "a second item of the subscription" in refusal(capsys, *args, "--to-csv", str(tmp_path / "o"))
    path.write_text(text.format(kind="addon"))
    assert cli.main(["import", *args, "--to-csv", str(tmp_path / "a")]) == 0
    assert _mrr(tmp_path / "a") == {"2026-01": 80.0, "2026-02": 110.0}
