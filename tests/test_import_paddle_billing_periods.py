"""Paddle Billing's subscriptions (its API's list flattened by ``pandas.json_normalize``) write each one's current
period as ``current_billing_period.starts_at``: a month the export saw, as Stripe's "Current Period Start (UTC)" is
(H152 finding 02: the whole name was not read, only ``starts_at`` after its last dot, and a stable book's tables
stopped at its last start or loss, its active subscriptions left out of the months since)."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from xl_retention.tables import snapshots_from_intervals

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
PADDLE = (
    "id,status,customer_id,currency_code,created_at,started_at,canceled_at,current_billing_period.starts_at,"
    "current_billing_period.ends_at,billing_cycle.interval,billing_cycle.frequency,items.price.unit_price.amount,"
    "items.price.unit_price.currency_code,items.quantity\n"
    "sub_01ha,active,ctm_01ha,USD,2026-01-05T09:00:00.000Z,2026-01-05T09:00:00.000Z,,2026-11-05T09:00:00.000Z,"
    "2026-12-05T09:00:00.000Z,month,1,1000,USD,1\n"
    "sub_01hb,canceled,ctm_01hb,USD,2026-02-10T09:00:00.000Z,2026-02-10T09:00:00.000Z,2026-05-10T09:00:00.000Z,,,month,"
    "1,1000,USD,1\n"
    "sub_01hc,active,ctm_01hc,USD,2026-01-10T12:00:00.000Z,2026-01-10T12:00:00.000Z,,2026-01-10T12:00:00.000Z,"
    "2027-01-10T12:00:00.000Z,year,1,9600,USD,1\n"
    "sub_01hd,active,ctm_01hd,USD,2026-03-03T12:00:00.000Z,2026-03-03T12:00:00.000Z,,2026-09-03T12:00:00.000Z,"
    "2026-12-03T12:00:00.000Z,month,3,2700,USD,1\n"
)
COLUMNS = {"start": "started_at", "end": "canceled_at", "quantity": "items.quantity",
           "amount": "items.price.unit_price.amount"}  # fmt: skip


def test_current_billing_periods_start_is_a_month_observed() -> None:
    frame = pd.read_csv(io.StringIO(PADDLE), dtype=str)
    snaps = snapshots_from_intervals(frame, columns=COLUMNS, today="2026-12-03")
    by_month = snaps.groupby("month").agg(customers=("customer_id", "nunique"), mrr=("mrr", "sum"))
    assert str(by_month.index.max()) == "2026-11"  # the latest current period's start; was 2026-05
    assert by_month.loc["2026-06":"2026-11", "customers"].tolist() == [3] * 6
    assert by_month.loc["2026-06":"2026-11", "mrr"].round(6).tolist() == [27.0] * 6  # 10 + 96/12 + 27/3


def test_its_end_is_no_start() -> None:
    from xl_retention.reading.observed import period_start_columns

    assert period_start_columns(list(pd.read_csv(io.StringIO(PADDLE), nrows=0).columns)) == [
        "current_billing_period.starts_at"
    ]
