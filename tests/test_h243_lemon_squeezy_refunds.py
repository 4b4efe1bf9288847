"""Lemon Squeezy's orders in USD beside their own currency (H243's finding 02). Imported with amount=total_usd and
--amounts cents, a EUR order of 2400 (total) = 2592 (total_usd) half refunded (refunded_amount_usd 1296) was taken
as 23.9232 in July instead of 24.96: its USD refund read as a share of the EUR 'total' (the note said so), while the
refund was never divided into units (--amounts cents divided the amount alone: a USD-only file's refunded_amount
1296 beside total 2400 was refused as a refund above its amount). Lemon Squeezy's whole export was refused on the
way: its three refund columns ('refunded_amount', 'refunded_amount_usd', 'refunded_amount_formatted': the _usd one
is total_usd's), then its 'refunded' true/false flag taken for the amount 'refunded_amount_usd' is a refund of, and
its partly refunded orders (refunded true) left out as refunded in full. Now the refund of the amount's currency
(words beyond total's and refund's alike) is taken, in cents where the amount is, and a refunded flag beside a
refund of part of the amount leaves the order with that part taken off.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

SHORT = (
    "user_email,currency,total,total_usd,refunded_amount_usd,status,created_at\n"
    "u2@x.com,EUR,2400,2592,1296,partial_refund,2026-07-20T10:00:00.000000Z\n"
    "u3@x.com,USD,1200,1200,0,paid,2026-07-15T10:00:00.000000Z\n"
    "u1@x.com,USD,1200,1200,0,paid,2026-06-05T10:00:00.000000Z\n"
)
FULL = (
    "customer_id,user_email,currency,currency_rate,total,total_usd,total_formatted,refunded,refunded_at,"
    "refunded_amount,refunded_amount_usd,refunded_amount_formatted,status,created_at\n"
    "12,u2@x.com,EUR,1.0800,2400,2592,€24.00,true,2026-07-21T10:00:00.000000Z,1200,1296,€12.00,partial_refund,"
    "2026-07-20T10:00:00.000000Z\n"
    "13,u3@x.com,USD,1.0000,1200,1200,$12.00,false,,0,0,$0.00,paid,2026-07-15T10:00:00.000000Z\n"
    "14,u4@x.com,USD,1.0000,1000,1000,$10.00,true,2026-07-25T10:00:00.000000Z,1000,1000,$10.00,refunded,"
    "2026-07-22T10:00:00.000000Z\n"
    "15,u5@x.com,USD,1.0000,1000,1000,$10.00,true,2026-07-25T10:00:00.000000Z,500,500,$5.00,partial_refund,"
    "2026-07-23T10:00:00.000000Z\n"
    "11,u1@x.com,USD,1.0000,1200,1200,$12.00,false,,0,0,$0.00,paid,2026-06-05T10:00:00.000000Z\n"
)
USD = "customer_id=user_email,date=created_at,amount=total_usd"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    "text, columns, july",
    [
        (SHORT, USD, 24.96),  # 12.00 + 25.92 - 12.96
        (FULL, USD, 29.96),  # 12.00 + 12.96 + 5.00 (u4 refunded in full: no purchase)
        (FULL, "customer_id=user_email,date=created_at,amount=total", 29.0),  # (all USD) 24 - 12, 12, 10 - 5
        (SHORT.replace("EUR,2400", "USD,2592").replace("total_usd,refunded_amount_usd", "total_usd,refunded_amount"),
         "customer_id=user_email,date=created_at,amount=total", 24.96),  # one currency: 25.92 - 12.96 + 12.00
    ],
)  # fmt: skip
def test_a_usd_refund_is_taken_off_the_usd_total(
    tmp_path: Path, backend: str, text: str, columns: str, july: float
) -> None:
    path = tmp_path / "ls.csv"
    path.write_text(text if "total_usd" in columns or "EUR" not in text else text.replace("EUR", "USD"))
    out = run(tmp_path, "--orders", path, "--columns", columns, "--amounts", "cents", backend=backend)
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort")
    assert revenue.loc["2026-07", "0"] == pytest.approx(july, abs=1e-9)
    assert revenue.loc["2026-06", "0"] == 12.0
