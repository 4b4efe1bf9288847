"""Braintree's transactions: its optional "Order ID", blank on every row, was refused as "missing order ids" with no
way forward (H266 finding 08). The refusal now names the row's own id to map, and with it the figures are right:
September 1 buyer (50.00), October 1 returning buyer (50.00), Bob's 80.00 refunded by the credit row naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

ROWS = (
    (
        "Transaction ID,Subscription ID,Transaction Type,Transaction Status,Created Datetime,Currency ISO Code,"
        "Amount Submitted For Settlement,Order ID,Refunded Transaction ID,Customer ID\n"
    )
    + """a1b2c3d4,sub1,sale,settled,09/03/2026 10:00:00,USD,50.00,,,cust1
b1b2c3d4,,sale,settled,09/15/2026 10:00:00,USD,80.00,,,cust2
c1b2c3d4,sub1,sale,settled,10/03/2026 10:00:00,USD,50.00,,,cust1
d1b2c3d4,,credit,settled,10/20/2026 10:00:00,USD,80.00,,b1b2c3d4,cust2
"""
)
COLUMNS = {"date": "Created Datetime", "amount": "Amount Submitted For Settlement"}


def test_blank_order_id_names_the_row_id(tmp_path: Path) -> None:
    path = tmp_path / "transactions.csv"
    path.write_text(ROWS)
    with pytest.raises(DataError) as caught:
        load_tables(orders=path, columns=COLUMNS)
    message = str(caught.value)
    assert "column 'Order ID': missing order ids in rows 2, 3, 4, 5" in message, message
    assert message.endswith(
        "'Order ID' is blank on every row (an id the export may leave empty): map the column of each row's own id as "
        "the order id, --columns 'order_id=Transaction ID' (each row then one order; a refund naming its sale's id is "
        "taken off it)"
    ), message


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_advice_followed(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "transactions.csv"
    path.write_text(ROWS)
    tables = load_tables(orders=path, columns={**COLUMNS, "order_id": "Transaction ID"}, backend=backend)
    assert tables.purchases["buyers"].tolist() == [1, 1]
    assert tables.purchases["returning"].tolist() == [0, 1]
    assert tables.order_revenue_cohorts.fillna(-1).to_numpy().tolist() == [[50.0, 50.0], [0.0, -1.0]]
