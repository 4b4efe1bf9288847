"""Lemon Squeezy's orders export writes each amount twice, in the order's currency and in USD (its Order object:
subtotal, discount_total, tax, total, subtotal_usd, discount_total_usd, tax_usd, total_usd): a valid export mapped to
'total' was refused as beside two taxes ('tax', 'tax_usd'). The tax in the amount's own currency is the one read."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

LEMON = (
    "id,identifier,order_number,user_name,user_email,currency,currency_rate,subtotal,discount_total,tax,total,"
    "subtotal_usd,discount_total_usd,tax_usd,total_usd,tax_name,tax_rate,status,status_formatted,refunded,"
    "refunded_at,created_at\n"
    "1,aaa,1001,Ann,ann@x.com,EUR,1.1,50.00,0.00,10.00,60.00,55.00,0.00,11.00,66.00,VAT,20,paid,Paid,false,,"
    "2026-01-05T10:00:00.000000Z\n"
    "2,bbb,1002,Bob,bob@x.com,EUR,1.1,30.00,5.00,5.00,30.00,33.00,5.50,5.50,33.00,VAT,20,paid,Paid,false,,"
    "2026-01-10T10:00:00.000000Z\n"
    "3,ccc,1003,Ann,ann@x.com,EUR,1.1,50.00,0.00,10.00,60.00,55.00,0.00,11.00,66.00,VAT,20,refunded,Refunded,true,"
    "2026-02-08T10:00:00.000000Z,2026-02-05T10:00:00.000000Z\n"
    "4,ddd,1004,Ann,ann@x.com,EUR,1.1,40.00,0.00,8.00,48.00,44.00,0.00,8.80,52.80,VAT,20,paid,Paid,false,,"
    "2026-03-05T10:00:00.000000Z\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(("amount", "january", "march"), [("total", 75.0, 40.0), ("total_usd", 82.5, 44.0)])
def test_the_tax_in_the_amounts_currency_is_taken_off(tmp_path: Path, backend, amount, january, march) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(LEMON)
    columns = f"customer_id=user_email,date=created_at,amount={amount},order_id=identifier"
    out = run(tmp_path, "--orders", path, "--columns", columns, backend=backend)
    got = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1).values.tolist()
    assert got == [[january, 0.0, march], [0.0, 0.0, -1.0], [0.0, -1.0, -1.0]]  # 1003 refunded: no purchase
