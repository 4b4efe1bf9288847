"""An order's shipping and tax written on each of its item rows are the order's, not each item's (H188 finding 05).

Etsy's "Sold Order Items" export writes 'Item Total' (price x quantity) and the order's 'Order Shipping' and 'Order
Sales Tax' on every item row. 'Item Total' mapped was refused as holding the shipping (untrue), and without the
shipping column the order's tax was taken off every item row (January 61.6 for 70.0: order 3300000001's 3.50 twice).
Now a column the same on every row of each order (by its order id) is the order's: no order's shipping is in an
item's amount, and whether the order's tax is in its items is told by the tax's rate of the items together (7 % of
50.00 added on top: 3.50); where the tax is inside them, each item's share of it is taken off.
"""

from __future__ import annotations

import pytest

from xl_retention.reading import ReadOptions
from xl_retention.workbook.importer import load_tables

ITEMS = (
    "Sale Date,Item Name,Buyer,Quantity,Price,Discount Amount,Shipping Discount,Order Shipping,Order Sales Tax,"
    "Item Total,Currency,Transaction ID,Order ID,Order Type\n"
    "01/05/26,Mug,annab,1,20.00,0,0,5.00,3.50,20.00,USD,4100000001,3300000001,online\n"
    "01/05/26,Poster,annab,2,15.00,0,0,5.00,3.50,30.00,USD,4100000002,3300000001,online\n"
    "01/19/26,Mug,benc,1,20.00,0,0,5.00,1.40,20.00,USD,4100000003,3300000002,online\n"
    "02/13/26,Mug,annab,1,20.00,0,0,5.00,1.40,20.00,USD,4100000004,3300000003,online\n"
)
COLUMNS = {"customer_id": "Buyer", "date": "Sale Date", "amount": "Item Total"}


def _january(path, backend):
    tables = load_tables(orders=path, columns=COLUMNS, options=ReadOptions(date_format="%m/%d/%y"), backend=backend)
    return tables.order_revenue_cohorts.iloc[0].tolist()[:2]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_orders_shipping_and_tax_on_its_item_rows(tmp_path, backend: str) -> None:
    (tmp_path / "items.csv").write_text(ITEMS)
    assert _january(tmp_path / "items.csv", backend) == [70.0, 20.0]  # 20 + 2 x 15 + 20; February 20
    (tmp_path / "items.csv").write_text(ITEMS.replace(",5.00,", ",0.00,"))  # no shipping at all
    assert _january(tmp_path / "items.csv", backend) == [70.0, 20.0]
    # prices with the tax inside (7 % of 50.00 net: 53.50 of items, tax 3.50): each item's share taken off
    inside = ITEMS.replace(",20.00,USD,4100000001", ",21.40,USD,4100000001").replace(",30.00,USD", ",32.10,USD")
    (tmp_path / "items.csv").write_text(inside.replace(",1.40,20.00,", ",1.40,21.40,"))
    assert _january(tmp_path / "items.csv", backend) == [70.0, 20.0]
