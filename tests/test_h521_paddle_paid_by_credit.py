"""A Paddle Billing transaction paid wholly from the customer's credit balance (``details.totals.grand_total`` 0.00,
``details.totals.credit`` its whole total 50.00) read by its grand total: docs/metrics.md counts "an order of amount 0"
as an order (a purchase, no revenue: nothing was received for it), as a 100% coupon's invoice of 0.00 is; only a
free trial's $0 invoice the file marks, or an invoice whose own total is a credit, is none. So ctm_01b, who bought in
September and renewed in October from credit, is an October buyer and a repeat one, with 0.00 of revenue; ctm_01c's
80.00 with 20.00 of credit counts 60.00 (H521 task 2: today's result checked against the rule, pinned here)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run, written

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
PADDLE = (
    "id,status,origin,customer_id,billed_at,currency_code,details.totals.subtotal,details.totals.tax,"
    "details.totals.total,details.totals.credit,details.totals.grand_total\n"
    "txn_01a,completed,subscription_recurring,ctm_01a,2026-09-03T10:00:00.000Z,USD,100.00,0.00,100.00,0.00,100.00\n"
    "txn_01b,completed,subscription_recurring,ctm_01b,2026-09-04T10:00:00.000Z,USD,50.00,0.00,50.00,0.00,50.00\n"
    "txn_01c,completed,subscription_recurring,ctm_01b,2026-10-04T10:00:00.000Z,USD,50.00,0.00,50.00,50.00,0.00\n"
    "txn_01d,completed,subscription_recurring,ctm_01a,2026-10-03T10:00:00.000Z,USD,100.00,0.00,100.00,0.00,100.00\n"
    "txn_01e,completed,subscription_recurring,ctm_01c,2026-10-05T10:00:00.000Z,USD,80.00,0.00,80.00,20.00,60.00\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_order_paid_wholly_from_credit_is_a_purchase_of_nothing_received(tmp_path: Path, backend: str) -> None:
    path = written(tmp_path, "t.csv", PADDLE)
    out = run(tmp_path, "--orders", path, "--columns", "amount=details.totals.grand_total,date=billed_at,order_id=id",
              backend=backend)  # fmt: skip
    purchases = pd.read_csv(out / "purchases.csv")[["month", "buyers", "returning"]].values.tolist()
    assert purchases == [["2026-09", 2, 0], ["2026-10", 3, 2]]  # ctm_01b's October order of 0.00 counts
    counts = pd.read_csv(out / "order_cohorts.csv").fillna(-1).values.tolist()
    assert counts == [["2026-09", 2, 2], ["2026-10", 1, -1]]
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").fillna(-1).values.tolist()
    assert revenue == [["2026-09", 150.0, 100.0], ["2026-10", 60.0, -1]]  # 100.00 + 0.00; 80.00 less 20.00
