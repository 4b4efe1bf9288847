"""Etsy's Sold Orders with a coupon, the amount mapped to "Order Value" (before the coupon): Etsy's own columns prove
the net ("Order Total" = "Order Value" - "Discount Amount" + "Shipping" + "Sales Tax" in the coupon's row), so the
discount is taken off, with a note naming the columns; it was refused naming the discount (H213's finding 07, the
lead's decision of this session). Where no column proves it, the refusal stays."""

from __future__ import annotations

import pandas as pd
from import_cli import refusal, run

HEADER = "Sale Date,Order ID,Buyer User ID,Order Value,Coupon Code,Discount Amount,Shipping,Sales Tax,Order Total\n"
#: anna: Sep 40, Oct 25; ben: Sep 60 with FALL10 (6.00 off), Nov 30; cleo: Oct 100 (no shipping)
ROWS = (
    "09/03/2026,3001,anna,40.00,,0,5.00,3.20,48.20\n"
    "09/14/2026,3002,ben,60.00,FALL10,6.00,5.00,4.32,63.32\n"
    "10/02/2026,3003,anna,25.00,,0,5.00,2.00,32.00\n"
    "10/21/2026,3004,cleo,100.00,,0,0.00,8.00,108.00\n"
    "11/04/2026,3005,ben,30.00,,0,5.00,2.40,37.40\n"
)
COLUMNS = "customer_id=Buyer User ID,date=Sale Date,order_id=Order ID,amount=Order Value"


def test_order_value_with_a_coupon_is_read_net_of_it(tmp_path, capsys) -> None:
    path = tmp_path / "EtsySoldOrders2026.csv"
    path.write_text(HEADER + ROWS)
    out = run(tmp_path, "--orders", path, "--columns", COLUMNS)
    said = capsys.readouterr()
    assert (
        "EtsySoldOrders2026.csv: 'Order Value' is before the discounts in 'Discount Amount' ('Order Total' is Order "
        "Value - Discount Amount + Shipping + Sales Tax): taken off, revenue is after discounts"
    ) in said.out + said.err
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv", index_col=0)
    # Sep cohort: 40 + (60 - 6) = 94, then anna's 25 in Oct, ben's 30 in Nov; Oct cohort: cleo's 100
    assert revenue.loc["2026-09"].tolist() == [94.0, 25.0, 30.0]
    assert revenue.loc["2026-10"].tolist()[:2] == [100.0, 0.0]


def test_without_a_column_that_proves_it_the_discount_is_refused(tmp_path, capsys) -> None:
    path = tmp_path / "orders.csv"  # no shipping, tax nor total: nothing says 'Order Value' is before the coupon
    path.write_text("\n".join(",".join(line.split(",")[:6]) for line in (HEADER + ROWS).splitlines()) + "\n")
    message = refusal(capsys, "--orders", str(path), "--columns", COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert message.startswith(
        "orders.csv, column 'Discount Amount': discounts beside 'Order Value' in row 3 (counting the header as row 1): "
        "'6.00': revenue is after discounts, and whether 'Order Value' is before or after them cannot be told"
    )
