"""H254 finding 04: Shopify's orders export read by line item (``amount`` = "Lineitem price") writes the order's
"Total" and "Refunded Amount" on its first item row only. The refund's share of the Total was taken off that row's
item alone: shoe 50.00 and lace 30.00, Total 80.00, 30.00 refunded, kept 61.25 (50 x 50/80 + 30). It is the
order's refund: each of its items keeps 50/80, 50.00 in all, as ``amount=Total`` gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import run, written

HEADER = "Name,Email,Financial Status,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,"
HEADER += "Lineitem price,Refunded Amount\n"


def _orders(refunded: str) -> str:
    return (
        HEADER
        + f"#1003,c@x.com,partially_refunded,80.00,0.00,0.00,80.00,2026-06-25 10:00:00 -0400,1,shoe,50.00,{refunded}\n"
        "#1003,c@x.com,,,,,,,1,lace,30.00,\n"
        "#1004,d@x.com,paid,20.00,0.00,0.00,20.00,2026-07-02 10:00:00 -0400,1,cap,20.00,0.00\n"
    )


@pytest.mark.parametrize(("refunded", "kept"), [("30.00", "50.0"), ("50.00", "30.0"), ("70.00", "10.0")])
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_orders_refund_is_taken_off_each_of_its_items(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], refunded: str, kept: str, backend: str
) -> None:
    path = written(tmp_path, "orders_export.csv", _orders(refunded))
    columns = "customer_id=Email,date=Created at,amount=Lineitem price,order_id=Name"
    capsys.readouterr()
    out = run(tmp_path, "--orders", path, "--columns", columns, backend=backend)
    lines = (out / "order_revenue_cohorts.csv").read_text().splitlines()
    assert lines[1:] == [f"2026-06,{kept},0.0", "2026-07,20.0,"]
    assert (
        "orders_export.csv: 'Refunded Amount' is the refunded part of 'Total' (tax and shipping included), above "
        "'Lineitem price': taken off 'Lineitem price' in the same share (1 refunded row, and 1 other item row of "
        "their orders, whose refund is written on one row only)"
    ) in capsys.readouterr().out.splitlines()


def test_an_orders_total_on_each_row_keeps_each_rows_own_refund(tmp_path: Path) -> None:
    # the order's fields on every row: each row's refund is its own share, as before (50 x 50/80 + 30 x 50/80)
    text = (
        HEADER + "#1003,c@x.com,partially_refunded,80.00,0.00,0.00,80.00,2026-06-25 10:00:00 -0400,1,shoe,50.00,30.00\n"
        "#1003,c@x.com,partially_refunded,80.00,0.00,0.00,80.00,2026-06-25 10:00:00 -0400,1,lace,30.00,30.00\n"
    )
    path = written(tmp_path, "orders_export.csv", text)
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Email,date=Created at,amount=Lineitem price,"
              "order_id=Name")  # fmt: skip
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1:] == ["2026-06,50.0"]
