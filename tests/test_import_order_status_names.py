"""An order's status under the order's or its payment's words is a status column (H188 finding 14).

Clover's orders export heads its payment state 'Order Payment State': the column was ignored and an 'Open' (unpaid)
order counted as a purchase (2 January buyers for 1), as under 'Sale Status', 'Transaction State', 'Txn Status',
'Invoice State', 'Charge Status', 'Paid Status', 'Order Payment Status' and 'Payment State (Order)', while 'Status'
and 'Payment State' were read. Now each is read as they are; a value that says neither paid nor unpaid is refused
naming the rows, as under 'Status'. An address's state and Shopify's 'Fulfillment Status' are not order statuses.
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

ORDERS = (
    "Order ID,Order Date,Customer Name,Order Number,{},Order Total,Currency\n"
    "ABC1,2026-01-05,Ann Lee,1,Paid,21.60,USD\n"
    "ABC2,2026-01-20,Bob Ray,2,Open,32.40,USD\n"
    "ABC3,2026-02-03,Ann Lee,3,Paid,10.80,USD\n"
)
COLUMNS = {"customer_id": "Customer Name", "date": "Order Date", "order_id": "Order ID", "amount": "Order Total"}
HEADERS = ["Order Payment State", "Sale Status", "Transaction State", "Txn Status", "Invoice State", "Charge Status",
           "Paid Status", "Order Payment Status", "Payment State (Order)"]  # fmt: skip


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_order_status_under_other_words_is_read(tmp_path, backend: str) -> None:
    for header in HEADERS:
        (tmp_path / "o.csv").write_text(ORDERS.format(header))
        tables = load_tables(orders=tmp_path / "o.csv", columns=COLUMNS, backend=backend)
        assert tables.purchases["buyers"].tolist() == [1, 1], header  # Bob's Open order left out
        assert tables.order_revenue_cohorts.iloc[0].tolist()[:2] == [21.6, 10.8], header
    (tmp_path / "o.csv").write_text(ORDERS.format("Sale Status").replace("Open", "Layaway"))
    with pytest.raises(DataError) as error:
        load_tables(orders=tmp_path / "o.csv", columns=COLUMNS, backend=backend)
    assert str(error.value).startswith(
        "o.csv, column 'Sale Status': order statuses that say neither paid nor unpaid (whether these were purchases "
        "cannot be told: give them the status completed where they were paid, cancelled where they were not) in row 3 "
    )


@pytest.mark.parametrize("header", ["Billing State", "Fulfillment Status"])
def test_other_states_and_statuses_are_not_order_statuses(tmp_path, header: str) -> None:
    (tmp_path / "o.csv").write_text(ORDERS.format(header).replace(",Paid,", ",CA,").replace(",Open,", ",unfulfilled,"))
    tables = load_tables(orders=tmp_path / "o.csv", columns=COLUMNS)
    assert tables.purchases["buyers"].tolist() == [2, 1]
