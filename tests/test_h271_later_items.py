"""A subscription's second item in an API list flattened to columns (H266's finding 04): Paddle Billing's
``items[1].quantity``, ``items[1].price.unit_price.amount`` beside the ``items[0].*`` mapped were neither used nor
refused (MRR 60 for 110 with exit 0); sharing the subscription's interval and currency, they are added (H272;
tests/test_h272_later_items_added.py has the refusals), and each item on a row of its own gives MRR 80 and 110 on
every engine."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from import_cli import run, written

HEADER = (
    "id,status,customer_id,currency_code,started_at,canceled_at,billing_cycle.interval,billing_cycle.frequency,"
    "items[0].status,items[0].quantity,items[0].price.id,items[0].price.unit_price.amount,"
    "items[1].status,items[1].quantity,items[1].price.id,items[1].price.unit_price.amount\n"
)
#: Subscription 1: the base plan (1 x 3000 cents) and 5 extra seats (5 x 1000 cents); subscription 2: the plan only.
PADDLE = HEADER + (
    "sub_01h04vsc0qhwtsbsxh3422wjs4,active,ctm_01a,USD,2026-01-05T10:00:00.000Z,,month,1,"
    "active,1,pri_01base,3000,active,5,pri_01seat,{seat}\n"
    "sub_01h04vsc0qhwtsbsxh3422wjs5,active,ctm_01b,USD,2026-02-10T10:00:00.000Z,,month,1,"
    "active,1,pri_01base,3000,,,,\n"
)
COLUMNS = "start=started_at,end=canceled_at,quantity=items[0].quantity,amount=items[0].price.unit_price.amount"


def mrr(out: Path) -> dict[str, float]:
    with open(out / "movements.csv", newline="") as handle:
        return {row["month"]: float(row["mrr_end"]) for row in csv.DictReader(handle)}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_paddle_subscriptions_second_item_is_added(tmp_path, backend) -> None:
    """Its items share the subscription's interval and currency: added into the amount (H272, after 2c17c30d)."""
    path = written(tmp_path, "paddle.csv", PADDLE.format(seat="1000"))
    out = run(tmp_path, "--subscriptions", path, "--columns", COLUMNS, backend=backend)
    assert mrr(out) == {"2026-01": 80.0, "2026-02": 110.0}  # 30 + 5 x 10; + 30


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_free_second_item_is_no_refusal(tmp_path, backend) -> None:
    path = written(tmp_path, "paddle.csv", PADDLE.format(seat="0"))  # 5 seats at 0: the MRR is the plan's
    out = run(tmp_path, "--subscriptions", path, "--columns", COLUMNS, backend=backend)
    assert mrr(out) == {"2026-01": 30.0, "2026-02": 60.0}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_each_item_on_a_row_of_its_own_adds_up(tmp_path, backend) -> None:
    """The advice followed: the second item on a row of its own with the subscription's id and its '...Z' start
    beside a blank end (which crashed comparing times with a zone and without one: TypeError)."""
    rows = (
        "id,status,customer_id,currency_code,started_at,canceled_at,billing_cycle.interval,billing_cycle.frequency,"
        "items[0].quantity,items[0].price.id,items[0].price.unit_price.amount\n"
        "sub_01h04vsc0qhwtsbsxh3422wjs4,active,ctm_01a,USD,2026-01-05T10:00:00.000Z,,month,1,1,pri_01base,3000\n"
        "sub_01h04vsc0qhwtsbsxh3422wjs4,active,ctm_01a,USD,2026-01-05T10:00:00.000Z,,month,1,5,pri_01seat,1000\n"
        "sub_01h04vsc0qhwtsbsxh3422wjs5,active,ctm_01b,USD,2026-02-10T10:00:00.000Z,,month,1,1,pri_01base,3000\n"
    )
    path = written(tmp_path, "rows.csv", rows)
    out = run(tmp_path, "--subscriptions", path, "--columns", COLUMNS, backend=backend)
    assert mrr(out) == {"2026-01": 80.0, "2026-02": 110.0}  # 30 + 5 x 10; + 30


def test_chargebee_subscription_items_flattened_alike(tmp_path) -> None:
    chargebee = (
        "subscription.id,subscription.customer_id,subscription.status,subscription.started_at,"
        "subscription.cancelled_at,subscription.billing_period_unit,subscription_items[0].item_type,"
        "subscription_items[0].quantity,subscription_items[0].unit_price,subscription_items[1].item_type,"
        "subscription_items[1].quantity,subscription_items[1].unit_price\n"
        "sub1,cus1,active,2026-01-05,,month,plan,1,30.00,addon,5,10.00\n"
        "sub2,cus2,active,2026-02-10,,month,plan,1,30.00,,,\n"
    )
    path = written(tmp_path, "cb.csv", chargebee)
    columns = (
        "customer_id=subscription.customer_id,start=subscription.started_at,end=subscription.cancelled_at,"
        "interval=subscription.billing_period_unit,quantity=subscription_items[0].quantity,"
        "amount=subscription_items[0].unit_price"
    )
    out = run(tmp_path, "--subscriptions", path, "--columns", columns)  # an add-on: paid with the plan (H272)
    assert mrr(out) == {"2026-01": 80.0, "2026-02": 110.0}
