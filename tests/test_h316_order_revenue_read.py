"""Order revenue read from shop exports: H314's findings 01-04 (H316).

01 Etsy "Sold Order Items" whose orders each hold one item: the order's 'Order Shipping' was taken off 'Item Total',
   which never holds it (Sep 5.00 for 8.00). 02 the same export: a coupon on a one-item order was left in revenue
   (Oct 19.00 for 18.10). 03 one coupon order made the order's sales tax read as inside the items (Sep 18.35 for
   20.00): the tax is a rate of the order's items less its discount. 04 BigCommerce's "Handling Cost (ex tax)" was
   left inside "Order Total (ex tax)" (Sep 62.50 for 60.00). (05-07: tests/test_h316_woo_order_totals.py,
   tests/test_h316_appended_bom_quoted_headers.py)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention.reading import ReadOptions
from xl_retention.reading.errors import DataError
from xl_retention.workbook.importer import load_tables

ETSY = (
    '"Sale Date","Item Name","Buyer","Quantity","Price","Coupon Code","Coupon Details","Discount Amount",'
    '"Shipping Discount","Order Shipping","Order Sales Tax","Item Total","Currency","Transaction ID","Listing ID",'
    '"Date Paid","Date Shipped","Order ID","Order Type","Payment Type","SKU"\n'
)
ITEMS = {"customer_id": "Buyer", "date": "Sale Date", "amount": "Item Total"}


def _etsy_row(day: str, buyer: str, qty: int, price: str, coupon: str, shipping: str, tax: str, total: str,
              order: str, txn: str) -> str:  # fmt: skip
    code = ("SAVE10", "10% off") if coupon != "0" else ("", "")
    return (f'"{day}","Item","{buyer}","{qty}","{price}","{code[0]}","{code[1]}","{coupon}","0","{shipping}",'
            f'"{tax}","{total}","USD","{txn}","111","{day}","","{order}","online","online_cc","SKU"\n')  # fmt: skip


def _months(path: Path, columns: dict[str, str], backend: str, date_format: str | None = None) -> tuple[float, float]:
    """(Sep 2026's order revenue, Oct 2026's) of the Sep cohort's and the Oct cohort's rows."""
    tables = load_tables(orders=path, columns=columns, options=ReadOptions(date_format=date_format), backend=backend)
    rc = tables.order_revenue_cohorts
    sep = rc.iloc[0].tolist()
    octo = sep[1] + (rc.iloc[1].tolist()[0] if len(rc) > 1 else 0.0)
    return round(float(sep[0]), 2), round(float(octo), 2)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_01_an_orders_shipping_is_in_no_item_total_when_every_order_has_one_item(tmp_path: Path, backend: str) -> None:
    rows = [
        _etsy_row("10/20/2026", "buyer2", 1, "10.00", "0", "3.00", "0", "10.00", "3100000003", "4000000004"),
        _etsy_row("10/02/2026", "buyer1", 1, "9.00", "0", "3.00", "0", "9.00", "3100000002", "4000000003"),
        _etsy_row("09/15/2026", "buyer1", 1, "8.00", "0", "3.00", "0", "8.00", "3100000001", "4000000002"),
    ]
    (tmp_path / "items.csv").write_text(ETSY + "".join(rows))
    assert _months(tmp_path / "items.csv", ITEMS, backend) == (8.0, 19.0)  # was (5.0, 13.0): 3.00 off each
    # with a US sales tax (6.25 % on top of each order's one item, a rate of no item less it): kept, not refused as
    # shipping inside 'Item Total', nor taken off for the word 'Total'
    taxes = ("0.63", "0.56", "0.50")
    taxed = [r.replace('"3.00","0",', f'"3.00","{t}",') for r, t in zip(rows, taxes, strict=True)]
    (tmp_path / "items.csv").write_text(ETSY + "".join(taxed))
    assert _months(tmp_path / "items.csv", ITEMS, backend) == (8.0, 19.0)
    # 7 % on top (0.56 of 8.00) is 7.5 % inside too (0.558 of 8.00): both readings fit, refused naming the tax
    taxes = ("0.70", "0.63", "0.56")
    taxed = [r.replace('"3.00","0",', f'"3.00","{t}",') for r, t in zip(rows, taxes, strict=True)]
    (tmp_path / "items.csv").write_text(ETSY + "".join(taxed))
    with pytest.raises(DataError) as refused:
        _months(tmp_path / "items.csv", ITEMS, backend)
    assert "column 'Order Sales Tax'" in str(refused.value) and "cannot be told" in str(refused.value)
    assert "'0.70' beside 'Item Total' '10.00'" in str(refused.value)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_02_a_coupon_on_a_one_item_order_is_not_left_in_revenue(tmp_path: Path, backend: str) -> None:
    rows = [
        _etsy_row("10/20/2026", "buyer2", 1, "10.00", "0", "3.00", "0", "10.00", "3100000003", "4000000004"),
        _etsy_row("10/02/2026", "buyer1", 1, "9.00", "0.90", "3.00", "0", "9.00", "3100000002", "4000000003"),
        _etsy_row("09/15/2026", "buyer1", 1, "8.00", "0", "3.00", "0", "8.00", "3100000001", "4000000002"),
        _etsy_row("09/15/2026", "buyer1", 1, "6.00", "0", "3.00", "0", "6.00", "3100000001", "4000000001"),
    ]
    (tmp_path / "items.csv").write_text(ETSY + "".join(rows))
    # was (14.0, 19.0) with no word; no order of several items has a coupon, but 'Item Total' 9.00 = 'Price' 9.00 x
    # 'Quantity' 1 on the coupon's row, a price before discounts, tells it is before the coupon (H327; the refusal
    # where no price tells: tests/test_h327_etsy_coupons_taxes.py)
    assert _months(tmp_path / "items.csv", ITEMS, backend) == (14.0, 18.1)
    # a coupon on an order of two items shows 'Discount Amount' is the order's: taken off once per order, the
    # one-item order's too (Sep 14.00 - 1.40, Oct 9.00 - 0.90 + 10.00)
    two = rows[:2] + [r.replace('"0","0","3.00"', '"1.40","0","3.00"') for r in rows[2:]]
    (tmp_path / "items.csv").write_text(ETSY + "".join(two))
    assert _months(tmp_path / "items.csv", ITEMS, backend) == (12.6, 18.1)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_03_an_orders_tax_is_a_rate_of_its_items_less_its_coupon(tmp_path: Path, backend: str) -> None:
    rows = [  # Texas 8.25 % on top of the items after the coupon: 8.25 % x (36.00 + 12.00 - 4.80) = 3.56
        _etsy_row("10/20/2026", "buyer2", 1, "24.00", "0", "4.50", "1.98", "24.00", "3100000003", "4000000003"),
        _etsy_row("10/02/2026", "buyer1", 2, "18.00", "4.80", "4.50", "3.56", "36.00", "3100000002", "4000000001"),
        _etsy_row("10/02/2026", "buyer1", 1, "12.00", "4.80", "4.50", "3.56", "12.00", "3100000002", "4000000002"),
        _etsy_row("09/15/2026", "buyer1", 1, "20.00", "0", "4.50", "1.65", "20.00", "3100000001", "4000000000"),
    ]
    (tmp_path / "items.csv").write_text(ETSY + "".join(rows))
    assert _months(tmp_path / "items.csv", ITEMS, backend) == (20.0, 67.2)  # was (18.35, 61.66): 8.25 % taken off


BIGCOMMERCE = (
    '"Order ID","Customer ID","Customer Email","Order Date","Order Status","Subtotal (inc tax)","Subtotal (ex tax)",'
    '"Tax Total","Shipping Cost (inc tax)","Shipping Cost (ex tax)","Handling Cost (inc tax)","Handling Cost (ex tax)",'
    '"Store Credit Redeemed","Gift Certificate Amount Redeemed","Order Total (inc tax)","Order Total (ex tax)",'
    '"Payment Method","Order Currency Code","Refund Amount"\n'
    '"103","501","ann@mail.com","2026-10-05","Shipped","33.00","30.00","3.60","6.60","6.00","2.50","2.50","0.00",'
    '"0.00","42.10","38.50","Credit Card","AUD","0.00"\n'
    '"102","502","bob@mail.com","2026-09-12","Completed","22.00","20.00","2.60","6.60","6.00","0.00","0.00","0.00",'
    '"0.00","28.60","26.00","Credit Card","AUD","0.00"\n'
    '"101","501","ann@mail.com","2026-09-10","Completed","44.00","40.00","4.60","6.60","6.00","2.50","2.50","0.00",'
    '"0.00","53.10","48.50","Credit Card","AUD","0.00"\n'
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_04_a_handling_cost_is_taken_off_with_the_shipping(tmp_path: Path, backend: str) -> None:
    (tmp_path / "bc.csv").write_text(BIGCOMMERCE)
    columns = {"customer_id": "Customer Email", "date": "Order Date", "amount": "Order Total (ex tax)"}
    assert _months(tmp_path / "bc.csv", columns, backend) == (60.0, 30.0)  # was (62.5, 32.5): 2.50 handling kept
