"""H254 findings 05 and 06: discounts that are not the item amount's own.

05: Amazon's All Orders report: a free-shipping promotion (``ship-promotion-discount`` 5.00 against ``shipping-price``
5.00) was taken off ``item-price``: 40.00 read as 35.00. A discount named as the shipping's is off the shipping, which
``item-price`` does not hold. 06: Etsy's Sold Order Items: the order's coupon ("Discount Amount" 5.00 on each of its
item rows) beside ``Item Total`` (price x quantity) was neither taken off nor refused: 50.00 for 45.00. It is taken
off once per order, each item its share."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import run, written

AMAZON = (
    "amazon-order-id\tpurchase-date\torder-status\titem-status\tquantity\tcurrency\titem-price\titem-tax\t"
    "shipping-price\tshipping-tax\titem-promotion-discount\tship-promotion-discount\tbuyer-email\n"
    "111-1\t2026-06-03T10:00:00+00:00\tShipped\tShipped\t1\tUSD\t40.00\t3.20\t5.00\t0.40\t{item}\t{ship}\ta@m.com\n"
    "111-2\t2026-07-03T10:00:00+00:00\tShipped\tShipped\t1\tUSD\t40.00\t3.20\t0.00\t0.00\t0.00\t0.00\ta@m.com\n"
)


@pytest.mark.parametrize(
    ("item", "ship", "june"), [("0.00", "5.00", "40.0"), ("0.00", "-5.00", "40.0"), ("4.00", "5.00", "36.0")]
)
def test_a_shipping_promotion_is_not_taken_off_the_items_price(tmp_path: Path, item: str, ship: str, june: str) -> None:
    path = written(tmp_path, "amazon.txt", AMAZON.format(item=item, ship=ship))
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=buyer-email,date=purchase-date,amount=item-price")
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1:] == [f"2026-06,{june},40.0", "2026-07,0.0,"]


ETSY = (
    "Sale Date,Item Name,Buyer,Quantity,Price,Coupon Code,Discount Amount,Shipping Discount,Order Shipping,"
    "Order Sales Tax,Item Total,Currency,Transaction ID,Order ID\n"
    "06/03/2026,Mug,ann,1,30.00,TENOFF,5.00,0,5.00,0,30.00,USD,9001,3001\n"
    "06/03/2026,Cup,ann,2,10.00,TENOFF,5.00,0,5.00,0,20.00,USD,9002,3001\n"
    "06/20/2026,Mug,bob,1,30.00,THREE,3.00,0,0.00,0,30.00,USD,9003,3002\n"
    "07/16/2026,Mug,cat,1,30.00,,0,0,0.00,0,30.00,USD,9004,3004\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_orders_coupon_on_each_item_row_is_taken_off_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str
) -> None:
    path = written(tmp_path, "EtsySoldOrderItems.csv", ETSY)
    columns = "customer_id=Buyer,date=Sale Date,amount=Item Total,order_id=Order ID"
    capsys.readouterr()
    out = run(tmp_path, "--orders", path, "--columns", columns, backend=backend)
    # 2026-06: ann's 50.00 less 5.00, bob's 30.00 less 3.00
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1:] == ["2026-06,72.0,0.0", "2026-07,30.0,"]
    assert (
        "EtsySoldOrderItems.csv: 'Discount Amount' is the order's discount, written on each of its item rows: taken "
        "off 'Item Total' once per order, each item its share of the order's items (revenue is after discounts)"
    ) in capsys.readouterr().out.splitlines()
