"""Timestamps with two UTC offsets in a column other than the mapped date (any export spanning a daylight-saving
change: Shopify's 'Paid at' ``-0500`` in winter beside ``-0400`` in summer, a subscription's phases with ISO offsets)
stopped the import with pandas' own message, "Mixed timezones detected. Pass utc=True in to_datetime", naming no
file or column (H54 finding 03). Those columns are only asked whether a cell is a date, or which of two comes
first: they are read as the instants they are (reading.dates.loose_datetimes)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

ORDERS = (
    "Name,Email,Financial Status,Paid at,Created at,Total\n"
    "#1001,a@x.com,paid,2026-03-05 10:00:00 -0500,2026-03-05 10:00:00 -0500,10.00\n"
    "#1002,b@x.com,paid,2026-03-20 10:00:00 -0400,2026-03-20 10:00:00 -0400,20.00\n"
    "#1003,a@x.com,paid,2026-04-02 10:00:00 -0400,2026-04-02 10:00:00 -0400,30.00\n"
)
PHASES = (
    "subscription_id,customer_id,start,end,mrr\n"
    "s1,a,2026-01-05T10:00:00-05:00,2026-04-05T10:00:00-04:00,10\n"
    "s1,a,2026-04-05T10:00:00-04:00,,20\n"
    "s2,b,2026-02-05T10:00:00-05:00,,30\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_paid_date_column_across_a_daylight_saving_change(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS)
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Email,date=Created at", backend=backend)
    got = pd.read_csv(out / "purchases.csv", dtype={"month": str}).set_index("month")
    assert got.loc[["2026-03", "2026-04"], ["buyers", "returning"]].values.tolist() == [[2, 0], [1, 1]]


def test_a_subscriptions_phases_across_a_daylight_saving_change(tmp_path: Path) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(PHASES)
    out = run(tmp_path, "--subscriptions", path)
    got = pd.read_csv(out / "movements.csv", dtype={"month": str}).set_index("month")
    assert got.loc[["2026-03", "2026-04"], ["mrr_end", "expansion_mrr"]].values.tolist() == [[40.0, 0.0], [50.0, 10.0]]
