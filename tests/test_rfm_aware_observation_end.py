"""rfm_summary of instants (a PostgreSQL timestamptz read by pandas) with an aware observation_end: the end's date as
written in its zone, as the orders' dates are read (H202's finding 06: pandas' "Cannot compare tz-naive and tz-aware
timestamps", naming no argument)."""

from __future__ import annotations

import pandas as pd
import pytest

import xl_retention as xr

ORDERS = pd.DataFrame(
    {
        "customer_id": ["a", "a", "b", "a"],
        "date": pd.to_datetime(["2026-01-05 10:00", "2026-02-10 12:00", "2026-02-11 09:00", "2026-03-20 18:00"])
        .tz_localize("UTC"),
        "amount": [10.0, 20.0, 30.0, 40.0],
    }
)  # fmt: skip


@pytest.mark.parametrize(
    "end",
    [
        pd.Timestamp("2026-03-31"),
        pd.Timestamp("2026-03-31", tz="UTC"),
        pd.Timestamp("2026-03-31 23:00", tz="Asia/Tokyo"),
    ],
)
def test_aware_end_read_as_its_date(end: pd.Timestamp) -> None:
    summary = xr.rfm_summary(ORDERS, observation_end=end)
    # a: orders 5 Jan, 10 Feb, 20 Mar: 2 repeats, 74 days first to last, 85 days to 31 March, repeats' mean 30
    assert summary.loc["a"].tolist() == [2.0, 74.0, 85.0, 30.0]
    assert summary.loc["b"].tolist() == [0.0, 0.0, 48.0, 0.0]
