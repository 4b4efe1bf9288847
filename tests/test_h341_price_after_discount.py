"""A price column whose name does not say before discounts tells nothing about a one-item order's coupon.

eb51067f read 'Item Total' = price x quantity on a coupon's row as 'Item Total' before the coupon, for any column
named a price. Etsy's Sold Order Items with the price column named 'Net Price' (8.10, after the 0.90 coupon) and
'Item Total' 8.10: the coupon was taken off again, Oct 8.10 - 0.90 + 10.00 = 17.20 for 18.10, silently (so with
'Final Price', 'Price Paid', 'Item Cost'). Now only a name that says before discounts ('Price', 'Unit Price') tells;
otherwise the file is refused as before eb51067f, naming the order. Etsy's own 'Price' still gives 18.10.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention.reading import ReadOptions
from xl_retention.reading.errors import DataError
from xl_retention.workbook.importer import load_tables

HEADER = (
    '"Sale Date","Buyer","Quantity","{price}","Coupon Code","Discount Amount","Item Total","Order ID"\n'
)  # fmt: skip
ROWS = (
    '"10/20/2026","buyer2","1","10.00","","0","10.00","3100000003"\n'
    '"10/02/2026","buyer1","1","{coupon_row}","SAVE10","0.90","{total}","3100000002"\n'
    '"09/15/2026","buyer1","1","8.00","","0","8.00","3100000001"\n'
    '"09/15/2026","buyer1","1","6.00","","0","6.00","3100000001"\n'
)
COLUMNS = {"customer_id": "Buyer", "date": "Sale Date", "amount": "Item Total"}


def _months(path: Path, backend: str) -> tuple[float, float]:
    """(Sep 2026's order revenue, Oct 2026's)."""
    tables = load_tables(orders=path, columns=COLUMNS, options=ReadOptions(), backend=backend)
    rc = tables.order_revenue_cohorts
    sep = rc.iloc[0].tolist()
    return round(float(sep[0]), 2), round(float(sep[1] + rc.iloc[1].tolist()[0]), 2)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("price", ["Net Price", "Final Price", "Price Paid", "Item Cost"])
def test_a_price_named_after_discounts_does_not_say_before(tmp_path: Path, backend: str, price: str) -> None:
    path = tmp_path / "EtsySoldOrderItems.csv"
    path.write_text(HEADER.format(price=price) + ROWS.format(coupon_row="8.10", total="8.10"))
    with pytest.raises(DataError) as refused:  # was (14.0, 17.2): the 0.90 coupon taken off 8.10 again
        _months(path, backend)
    assert str(refused.value).startswith(
        "EtsySoldOrderItems.csv, column 'Discount Amount': discounts beside 'Item Total' on orders of one item (order "
        "3100000002) in row 3 (counting the header as row 1): '0.90': revenue is after discounts, and whether 'Item "
        "Total' is before or after them cannot be told"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_etsys_price_still_says_before(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "EtsySoldOrderItems.csv"
    path.write_text(HEADER.format(price="Price") + ROWS.format(coupon_row="9.00", total="9.00"))
    assert _months(path, backend) == (14.0, 18.1)  # 9.00 - 0.90 + 10.00
