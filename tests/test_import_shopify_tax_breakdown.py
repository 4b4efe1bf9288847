"""Shopify's orders export writes its tax breakdown ("Tax 1 Name", "Tax 1 Value" .. "Tax 5 Value", one per tax rate)
beside "Taxes" (H158 finding 01): with amount=Total it was refused ("columns 'Taxes', 'Tax 1 Value' hold taxes ...
whether 'Total' includes them cannot be told"), though the same file without the breakdown is read net of tax. Tax
columns that add up to another on every row are its breakdown, no second tax: Total is read net of 'Taxes' (and of
the shipping), as without them."""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

HEADER = (
    "Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Discount Amount,Created at,"
    "Lineitem quantity,Lineitem name,Lineitem price,Cancelled at,Refunded Amount,Id,Tax 1 Name,Tax 1 Value,"
    "Tax 2 Name,Tax 2 Value\n"
)
ROWS = (
    "#1001,ann@example.com,paid,2026-01-10 10:00:00 -0500,USD,100.00,5.00,{t1},{total1},0.00,"
    "2026-01-10 10:00:00 -0500,1,Hoodie,100.00,,0.00,5000000001001,NY State Tax 4%,4.00,NYC Tax 4.875%,{second}\n"
    "#1002,bob@example.com,paid,2026-01-20 11:00:00 -0500,USD,50.00,0.00,4.44,54.44,0.00,"
    "2026-01-20 11:00:00 -0500,1,Tee,50.00,,0.00,5000000001002,NY State Tax 8.875%,4.44,,\n"
    "#1003,ann@example.com,paid,2026-02-03 09:00:00 -0500,USD,40.00,5.00,3.55,48.55,0.00,"
    "2026-02-03 09:00:00 -0500,2,Mug,20.00,,0.00,5000000001003,NY State Tax 8.875%,3.55,,\n"
)
COLUMNS = {"customer_id": "Email", "date": "Created at", "amount": "Total"}


def _revenue(tmp_path, **values: str):
    path = tmp_path / "orders_export_1.csv"
    path.write_text(HEADER + ROWS.format(**values))
    return load_tables(orders=path, columns=COLUMNS).order_revenue_cohorts


def test_the_tax_breakdown_beside_taxes_is_no_second_tax(tmp_path) -> None:
    cohorts = _revenue(tmp_path, t1="8.88", total1="113.88", second="4.88")  # 4.00 + 4.88 = 8.88
    assert cohorts.round(2).fillna(-1).to_numpy().tolist()[:2] == [[150.0, 40.0], [0.0, -1]]


def test_tax_columns_that_are_no_breakdown_are_still_refused(tmp_path) -> None:
    with pytest.raises(DataError, match=r"^orders_export_1.csv: columns 'Taxes', 'Tax 1 Value', 'Tax 2 Value' hold "):
        _revenue(tmp_path, t1="8.88", total1="113.88", second="9.99")  # 4.00 + 9.99 is not 8.88
