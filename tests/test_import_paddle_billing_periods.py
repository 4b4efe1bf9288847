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


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_price_s_own_currency_column_tells_cents(tmp_path, backend: str) -> None:
    # its price's items flattened (record_path 'items'): the one currency column is the price's own, nested; the
    # amounts were read as units, silently (1000 a month for 10.00)
    from import_cli import run

    path = tmp_path / "items.csv"
    path.write_text(
        "subscription_id,customer_id,started_at,canceled_at,price.billing_cycle.interval,"
        "price.billing_cycle.frequency,price.unit_price.amount,price.unit_price.currency_code,quantity\n"
        "sub_1,ctm_1,2025-01-05T09:00:00Z,,month,1,1000,USD,1\n"
        "sub_2,ctm_2,2025-01-10T09:00:00Z,2025-03-10T09:00:00Z,year,1,9600,USD,1\n"
        "sub_3,ctm_3,2025-02-03T09:00:00Z,,month,1,500,USD,2\n"
    )
    columns = "start=started_at,end=canceled_at,amount=price.unit_price.amount,quantity=quantity,"
    columns += "interval=price.billing_cycle.interval,interval_count=price.billing_cycle.frequency"
    out = run(tmp_path, "--subscriptions", path, "--columns", columns, backend=backend)
    movements = pd.read_csv(out / "movements.csv").set_index("month")
    assert movements.loc["2025-01", "mrr_end"] == 18.0  # 10 + 96 / 12
    assert movements.loc["2025-02", "mrr_end"] == 28.0  # and 2 x 5.00
