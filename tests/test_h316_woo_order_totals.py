"""WooCommerce order totals (H314's findings 05, 06): a per-item export with a coupon was refused ("whether 'Order
Shipping Amount' includes its own tax cannot be told"): Total - Tax - Shipping = Subtotal - Cart Discount proves the
tax on top and the shipping net; a fee's tax (fee_tax_total), part of tax_total as shipping_tax_total is, was read as
a second tax and the file refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention.reading import ReadOptions
from xl_retention.reading.errors import DataError
from xl_retention.workbook.importer import load_tables


def _months(path: Path, columns: dict[str, str], backend: str) -> tuple[float, float]:
    """(Sep 2026's order revenue, Oct 2026's) of the Sep cohort's and the Oct cohort's rows."""
    tables = load_tables(orders=path, columns=columns, options=ReadOptions(), backend=backend)
    rc = tables.order_revenue_cohorts
    sep = rc.iloc[0].tolist()
    octo = sep[1] + (rc.iloc[1].tolist()[0] if len(rc) > 1 else 0.0)
    return round(float(sep[0]), 2), round(float(octo), 2)


WOO_ITEMS = (
    '"Order Number","Order Status","Order Date","Customer Email","Product Name","Quantity","Item Cost",'
    '"Order Subtotal Amount","Cart Discount Amount","Order Shipping Amount","Order Total Tax Amount",'
    '"Order Total Amount"\n'
    '"1003","Completed","2026-10-05 10:00","ann@x.co.uk","Candle","1","24.00","24.00","0.00","4.95","5.79","34.74"\n'
    '"1002","Completed","2026-10-02 09:00","ann@x.co.uk","Mug","2","18.00","48.00","4.80","4.95","9.63","57.78"\n'
    '"1002","Completed","2026-10-02 09:00","ann@x.co.uk","Towel","1","12.00","48.00","4.80","4.95","9.63","57.78"\n'
    '"1001","Completed","2026-09-15 08:00","bob@x.co.uk","Mug","1","20.00","20.00","0.00","4.95","4.99","29.94"\n'
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_05_total_less_tax_and_shipping_is_the_subtotal_less_the_cart_discount(tmp_path: Path, backend: str) -> None:
    (tmp_path / "woo.csv").write_text(WOO_ITEMS)
    columns = {"customer_id": "Customer Email", "date": "Order Date", "amount": "Order Total Amount",
               "order_id": "Order Number"}  # fmt: skip
    assert _months(tmp_path / "woo.csv", columns, backend) == (20.0, 67.2)  # was refused


WOO_FEES = (
    "order_id,order_number,order_date,status,shipping_total,shipping_tax_total,fee_total,fee_tax_total,tax_total,"
    "cart_discount,order_discount,discount_total,order_total,refunded_total,order_currency,payment_method,customer_id,"
    "billing_email\n"
    "1003,1003,2026-10-05 10:00:00,completed,4.95,0.99,2.00,0.40,7.39,0.00,0.00,0.00,44.34,0.00,GBP,cod,12,"
    "ann@x.co.uk\n"
    "1002,1002,2026-09-12 10:00:00,completed,4.95,0.99,0.00,0.00,4.59,0.00,0.00,0.00,27.54,0.00,GBP,stripe,13,"
    "bob@x.co.uk\n"
    "1001,1001,2026-09-10 10:00:00,completed,4.95,0.99,2.00,0.40,6.39,0.00,0.00,0.00,38.34,0.00,GBP,cod,12,"
    "ann@x.co.uk\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_06_a_fees_tax_is_part_of_the_orders_tax(tmp_path: Path, backend: str) -> None:
    (tmp_path / "woo.csv").write_text(WOO_FEES)
    columns = {"customer_id": "billing_email", "date": "order_date", "amount": "order_total"}
    assert _months(tmp_path / "woo.csv", columns, backend) == (45.0, 32.0)  # was refused as two taxes
    # a fee's tax above every other tax is no part of it: still refused as two taxes
    (tmp_path / "woo.csv").write_text(WOO_FEES.replace(",2.00,0.40,6.39,", ",2.00,9.40,6.39,"))
    with pytest.raises(DataError, match="columns 'fee_tax_total', 'tax_total' hold taxes"):
        _months(tmp_path / "woo.csv", columns, backend)
