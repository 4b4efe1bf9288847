"""BigCommerce's orders export names its amounts before and after tax "(ex tax)" and "(inc tax)" ("Order Total (ex
tax)", "Subtotal (inc tax)", "Shipping Cost (inc tax)", beside "Tax Total" and "Refund Amount", the refund of the
order's total with tax). 'ex' and 'inc' were not read as before and including tax: every such column was taken for a
tax amount and the import refused ("whether 'Order Total (ex tax)' includes them cannot be told", a valid export
refused). Now 'Order Total (ex tax)' is net, 'Order Total (inc tax)' has its 'Tax Total' taken off, and a refund
beside the net total is taken off in its share of 'Order Total (inc tax)' (12.00 of 48.00 off 40.00 leaves 30.00):
the two mappings give the same revenue, the hand count's, net of the shipping ("Shipping Cost (ex tax)",
reading.order_shipping)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

EXPORT = (
    "Order ID,Customer ID,Customer Name,Customer Email,Order Date,Order Status,Subtotal (inc tax),Subtotal (ex tax),"
    "Tax Total,Shipping Cost (inc tax),Shipping Cost (ex tax),Order Total (inc tax),Order Total (ex tax),"
    "Refund Amount,Payment Method\n"
    "101,1,Ann,ann@x.com,05/01/2026,Completed,60.00,50.00,11.00,6.00,5.00,66.00,55.00,0.00,Card\n"
    "102,2,Bob,bob@x.com,20/01/2026,Shipped,120.00,100.00,20.00,0.00,0.00,120.00,100.00,0.00,Card\n"
    "104,3,Cy,cy@x.com,14/02/2026,Partially Refunded,48.00,40.00,8.00,0.00,0.00,48.00,40.00,12.00,Card\n"
    "105,2,Bob,bob@x.com,15/02/2026,Cancelled,30.00,25.00,5.00,0.00,0.00,30.00,25.00,0.00,Card\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("amount", ["Order Total (ex tax)", "Order Total (inc tax)"])
def test_bigcommerce_totals_before_and_including_tax(tmp_path: Path, backend: str, amount: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(EXPORT)
    out = run(tmp_path, "--orders", path, "--columns", f"date=Order Date,amount={amount}", backend=backend)
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert revenue["cohort"].tolist() == ["2026-01", "2026-02"]
    assert revenue["0"].tolist() == [150.0, 30.0]  # 55.00 less 5.00 shipping + 100.00; 40.00 less 12.00 x 40/48
    assert pd.read_csv(out / "purchases.csv")["buyers"].tolist() == [2, 1]
