"""WooCommerce Subscriptions' own export refused over its ``post_parent`` (H243's finding 04): the id of the order
that created each subscription (101, 102, ...) was taken for a seat count ("holds whole numbers beside the price ...
a quantity (seats, licences)? ... map it: --columns quantity=post_parent"), advice that would multiply every MRR by
about 100. A column named as a record's parent, reference, key or serial is never a count; the export imports (MRR
net of its tax: 20, 200/12, 60/3).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

WOO = (
    "subscription_id,subscription_status,customer_id,start_date,end_date,{parent},billing_period,billing_interval,"
    "order_tax,order_total,order_currency\n"
    "11,wc-active,5,2026-01-05 10:00:00,0,101,month,1,3.80,23.80,EUR\n"
    "12,wc-active,6,2026-01-20 10:00:00,0,102,year,1,38.00,238.00,EUR\n"
    "13,wc-cancelled,7,2026-02-10 10:00:00,2026-05-10 10:00:00,103,month,1,1.90,11.90,EUR\n"
    "16,wc-active,9,2026-03-15 10:00:00,0,106,month,3,11.40,71.40,EUR\n"
)


@pytest.mark.parametrize("parent", ["post_parent", "Parent ID", "parent_order", "Order Ref"])
def test_a_parent_orders_id_is_no_seat_count(tmp_path: Path, parent: str) -> None:
    path = tmp_path / "woo.csv"
    path.write_text(WOO.format(parent=parent))
    out = run(tmp_path, "--subscriptions", path, "--columns", "start=start_date,end=end_date,amount=order_total")
    mrr = pd.read_csv(out / "movements.csv").set_index("month")["mrr_end"]
    assert mrr["2026-04"] == pytest.approx(20 + 200 / 12 + 10 + 20, abs=1e-9)
    assert mrr.index[-1] == "2026-05" and mrr["2026-05"] == pytest.approx(20 + 200 / 12 + 20, abs=1e-9)  # 13 lost
