"""A Shopify order refunded in full ('Financial Status' refunded on its first line item, the other lines' status
blank), read without an amount: the order is no purchase, as before 3ec108ed; its blank-status lines are that
order's, not paid rows of their own (H373's finding 01: 3ec108ed refused the file, naming 'Lineitem price' 45.06 of
73.6). A WooCommerce-style refund row beside a paid row of its own is still refused (test_h374_unweighed_refunds)."""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention.cli import main

HEADER = "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Refunded Amount,Total\n"
ROWS = [
    "#1001,anna@example.com,paid,2026-01-10 08:00:00 +0100,1,Shirt,40.00,0.00,40.00",
    "#1002,anna@example.com,refunded,2026-02-05 08:00:00 +0100,1,Jacket,45.06,118.66,118.66",
    "#1002,,,2026-02-05 08:00:00 +0100,1,Boots,73.60,,",
    "#1003,ben@example.com,paid,2026-01-15 12:00:00 +0100,1,Mug,25.00,0.00,25.00",
    "#1004,ben@example.com,partially_refunded,2026-02-11 09:00:00 +0100,1,Shirt,20.00,10.00,50.00",
    "#1004,,,2026-02-11 09:00:00 +0100,1,Cap,30.00,,",
    "#1005,anna@example.com,paid,2026-03-20 10:00:00 +0100,1,Mug,30.00,0.00,30.00",
]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_refunded_order_of_two_lines_is_no_purchase(tmp_path, backend):
    source = tmp_path / "orders_export.csv"
    source.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    args = ["import", "--orders", str(source), "--columns", "customer_id=Email,date=Created at"]
    args += ["--to-csv", str(tmp_path / "out")] + (["--backend", backend] if backend != "pandas" else [])
    assert main(args) == 0
    got = pd.read_csv(tmp_path / "out" / "purchases.csv")
    # anna: January (#1001), February refunded in full (no purchase), March (#1005, returning);
    # ben: January (#1003), February refunded in part (a purchase, returning)
    assert got[["month", "buyers", "repeat_purchasers", "returning"]].values.tolist() == [
        ["2026-01", 2, 0, 0],
        ["2026-02", 1, 0, 1],
        ["2026-03", 1, 0, 1],
    ]
