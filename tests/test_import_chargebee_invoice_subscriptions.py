"""Chargebee's invoices export as orders (H141 finding 07): `invoices.subscription_id` (the subscription each
monthly invoice bills) was taken for a record's own id, and every month's invoice of one subscription was refused as
the same record changed between two exports, also with order_id=invoices.id mapped. Chargebee's object prefix is
now read as on its subscription columns: a subscription's id repeats over its renewals."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

INVOICES = (
    "invoices.id,invoices.customer_id,invoices.subscription_id,invoices.status,invoices.date,invoices.currency_code,"
    "invoices.sub_total,invoices.tax,invoices.total,invoices.amount_paid,invoices.credits_applied\n"
    "inv_1,cb_A,sub_A,paid,2026-07-05,USD,99.00,0.00,99.00,99.00,0.00\n"
    "inv_2,cb_A,sub_A,paid,2026-08-05,USD,99.00,0.00,99.00,99.00,0.00\n"
    "inv_3,cb_B,sub_B,paid,2026-07-10,USD,147.00,14.70,161.70,161.70,0.00\n"
    "inv_4,cb_B,sub_B,paid,2026-08-10,USD,147.00,14.70,161.70,161.70,0.00\n"
    "inv_5,cb_D,sub_D,paid,2026-07-15,USD,99.00,0.00,99.00,99.00,0.00\n"
    "inv_6,cb_D,sub_D,paid,2026-08-15,USD,99.00,0.00,99.00,99.00,0.00\n"
    "inv_7,cb_C,sub_C,payment_due,2026-08-01,USD,1188.00,0.00,1188.00,0.00,0.00\n"
    "inv_8,cb_A,sub_A,voided,2026-09-05,USD,99.00,0.00,99.00,0.00,0.00\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("order_id", ["", ",order_id=invoices.id"])
def test_monthly_invoices_of_one_subscription_are_orders(tmp_path: Path, backend: str, order_id: str) -> None:
    path = tmp_path / "invoices.csv"
    path.write_text(INVOICES)
    out = run(tmp_path, "--orders", path, "--columns", f"amount=invoices.sub_total{order_id}", backend=backend)
    purchases = pd.read_csv(out / "purchases.csv")
    # September's one invoice is voided: the export covers September, which has 0 buyers (fa9357f3)
    assert purchases[["month", "buyers"]].values.tolist() == [["2026-07", 3], ["2026-08", 3], ["2026-09", 0]]
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1).values.tolist()
    assert revenue == [[345.0, 345.0, 0.0], [0.0, 0.0, -1.0], [0.0, -1.0, -1.0]]  # payment_due, voided left out
