"""Etsy's exports where the coupon or the sales tax was refused though the file's own columns tell (H327 task 1).

Sold Order Items whose coupon orders each hold one item were refused ('whether 'Item Total' is before or after them
cannot be told'): 'Item Total' = 'Price' x 'Quantity' on the coupon's row, a price before discounts, tells it is
before the coupon (Oct 9.00 - 0.90 + 10.00 = 18.10). Where nothing beside it tells, and where an order's 'Order Sales
Tax' is 8.25 % on top of its items and 9 % inside them alike to the cent (1.65 of 20.00), the refusal now names the
orders and the export that tells: Etsy's Sold Orders CSV. That CSV was refused too (its 8.25 % read as 9 % inside
'Order Value', 20.00 - 1.65 = 18.35, then no column matched the coupon): 'Order Total' = 'Order Value' - 'Discount
Amount' + 'Shipping' + 'Sales Tax' says the tax was added on top; read: Sep 20.00, Oct 48.00 - 4.80 + 24.00 = 67.20.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention.reading import ReadOptions
from xl_retention.reading.errors import DataError
from xl_retention.workbook.importer import load_tables

ITEMS_HEADER = (
    '"Sale Date","Item Name","Buyer","Quantity","Price","Coupon Code","Coupon Details","Discount Amount",'
    '"Shipping Discount","Order Shipping","Order Sales Tax","Item Total","Currency","Transaction ID","Listing ID",'
    '"Date Paid","Date Shipped","Order ID","Order Type","Payment Type","SKU"\n'
)
ITEMS = {"customer_id": "Buyer", "date": "Sale Date", "amount": "Item Total"}


def _item(day: str, buyer: str, price: str, coupon: str, tax: str, total: str, order: str) -> str:
    code = ("SAVE10", "10% off") if coupon != "0" else ("", "")
    return (f'"{day}","Item","{buyer}","1","{price}","{code[0]}","{code[1]}","{coupon}","0","3.00","{tax}",'
            f'"{total}","USD","4{order[1:]}","111","{day}","","{order}","online","online_cc","SKU"\n')  # fmt: skip


#: Oregon buyers (no tax): a two-item order without coupon, a one-item order with a 0.90 coupon, one without
COUPONS = [
    _item("10/20/2026", "buyer2", "10.00", "0", "0", "10.00", "3100000003"),
    _item("10/02/2026", "buyer1", "9.00", "0.90", "0", "9.00", "3100000002"),
    _item("09/15/2026", "buyer1", "8.00", "0", "0", "8.00", "3100000001"),
    _item("09/15/2026", "buyer1", "6.00", "0", "0", "6.00", "3100000001"),
]


def _months(path: Path, columns: dict[str, str], backend: str) -> tuple[float, float]:
    """(Sep 2026's order revenue, Oct 2026's) of the Sep cohort's and the Oct cohort's rows."""
    tables = load_tables(orders=path, columns=columns, options=ReadOptions(), backend=backend)
    rc = tables.order_revenue_cohorts
    sep = rc.iloc[0].tolist()
    octo = sep[1] + (rc.iloc[1].tolist()[0] if len(rc) > 1 else 0.0)
    return round(float(sep[0]), 2), round(float(octo), 2)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_one_item_orders_coupon_is_told_by_its_price(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "EtsySoldOrderItems.csv"
    path.write_text(ITEMS_HEADER + "".join(COUPONS))
    assert _months(path, ITEMS, backend) == (14.0, 18.1)  # was refused: 'cannot be told'
    # 'Item Total' 8.10 = 'Price' 9.00 less the coupon: after it already, kept as it is
    after = [r.replace('"0.90","0","3.00","0","9.00"', '"0.90","0","3.00","0","8.10"') for r in COUPONS]
    path.write_text(ITEMS_HEADER + "".join(after))
    assert _months(path, ITEMS, backend) == (14.0, 18.1)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_without_a_price_the_refusal_names_the_orders_and_the_export_that_tells(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "EtsySoldOrderItems.csv"
    header = ITEMS_HEADER.replace('"Quantity","Price",', '"Quantity",')
    path.write_text(header + "".join(r.replace('"1","9.00",', '"1",').replace('"1","10.00",', '"1",')
                                     .replace('"1","8.00",', '"1",').replace('"1","6.00",', '"1",')
                                     for r in COUPONS))  # fmt: skip
    with pytest.raises(DataError) as refused:
        _months(path, ITEMS, backend)
    assert str(refused.value).startswith(
        "EtsySoldOrderItems.csv, column 'Discount Amount': discounts beside 'Item Total' on orders of one item (order "
        "3100000002) in row 3 (counting the header as row 1): '0.90': revenue is after discounts, and whether 'Item "
        "Total' is before or after them cannot be told (no order of several items has one, and no price column beside "
        "it tells): export the orders one row per order instead (Etsy: the Sold Orders CSV, --columns 'amount=Order "
        "Value', whose 'Order Total' tells); otherwise, map the amount after discounts"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_tax_on_top_and_inside_alike_names_the_orders_and_the_export_that_tells(tmp_path: Path, backend: str) -> None:
    rows = [  # Texas 8.25 % on top: 1.98 of 24.00, 0.99 of 12.00, 1.65 of 20.00; 9 % inside gives the same cents
        _item("10/20/2026", "buyer2", "24.00", "0", "1.98", "24.00", "3100000003"),
        _item("10/02/2026", "buyer1", "12.00", "0", "0.99", "12.00", "3100000002"),
        _item("09/15/2026", "buyer1", "20.00", "0", "1.65", "20.00", "3100000001"),
    ]
    path = tmp_path / "EtsySoldOrderItems.csv"
    path.write_text(ITEMS_HEADER + "".join(rows))
    with pytest.raises(DataError) as refused:
        _months(path, ITEMS, backend)
    assert str(refused.value).startswith(
        "EtsySoldOrderItems.csv: column 'Order Sales Tax' holds taxes (row 2: '1.98' beside 'Item Total' '24.00') and "
        "is not used; revenue is net of tax, and whether 'Item Total' includes it cannot be told (each order's tax is "
        "a tax rate of its items on top and another inside them alike, to the cent, in orders 3100000003, 3100000002, "
        "3100000001): export the orders one row per order instead (Etsy: the Sold Orders CSV, --columns "
        "'amount=Order Value', whose 'Order Total' tells); otherwise, if it does, map a column of amounts before tax"
    )


SOLD_ORDERS = (
    '"Sale Date","Order ID","Buyer User ID","Full Name","First Name","Last Name","Number of Items","Payment Method",'
    '"Date Shipped","Street 1","Street 2","Ship City","Ship State","Ship Zipcode","Ship Country","Currency",'
    '"Order Value","Coupon Code","Coupon Details","Discount Amount","Shipping Discount","Shipping","Sales Tax",'
    '"Order Total","Status","Card Processing Fees","Order Net","Adjusted Order Total","Adjusted Card Processing Fees",'
    '"Adjusted Net Order Amount","Buyer","Order Type","Payment Type","InPerson Discount","InPerson Location","SKU"\n'
    '"10/20/2026","3100000003","2","B Two","B","Two","1","Credit Card","","1 St","","Austin","TX","78701",'
    '"United States","USD","24.00","","","0","0","4.50","1.98","30.48","","1.16","29.32","","","","buyer2","online",'
    '"online_cc","","","CDL"\n'
    '"10/02/2026","3100000002","1","B One","B","One","3","Credit Card","","1 St","","Austin","TX","78701",'
    '"United States","USD","48.00","SAVE10","10% off","4.80","0","4.50","3.56","51.26","","1.79","49.47","","","",'
    '"buyer1","online","online_cc","","","MUG,TT"\n'
    '"09/15/2026","3100000001","1","B One","B","One","1","Credit Card","","1 St","","Austin","TX","78701",'
    '"United States","USD","20.00","","","0","0","4.50","1.65","26.15","","1.03","25.12","","","","buyer1","online",'
    '"online_cc","","","MUG"\n'
)
ORDERS = {"customer_id": "Buyer", "date": "Sale Date", "amount": "Order Value"}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_sold_orders_csv_tells_the_tax_was_added_on_top(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "EtsySoldOrders.csv"
    path.write_text(SOLD_ORDERS)
    # was refused: 'Sales Tax' read as inside 'Order Value' (3.56 of 48.00 is 8 % inside), then the coupon untold
    assert _months(path, ORDERS, backend) == (20.0, 67.2)
    # without the coupon (tax 3.96 of 48.00): was refused, 8.25 % on top and 9 % inside alike
    path.write_text(
        SOLD_ORDERS.replace('"SAVE10","10% off","4.80"', '"","","0"').replace('"3.56","51.26"', '"3.96","56.46"')
    )
    assert _months(path, ORDERS, backend) == (20.0, 72.0)
    # a free-shipping coupon on order 3100000003: 'Order Total' 25.98 = 24.00 + 4.50 - 'Shipping Discount' 4.50 + 1.98
    free = '"USD","24.00","FREESHIP","free shipping","0","4.50","4.50","1.98","25.98"'
    path.write_text(SOLD_ORDERS.replace('"USD","24.00","","","0","0","4.50","1.98","30.48"', free))
    assert _months(path, ORDERS, backend) == (20.0, 67.2)
