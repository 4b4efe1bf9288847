"""A refunded amount column written with a minus sign is taken off the amount, never added (H188 finding 08).

Square's Transactions export writes 'Partial Refunds' as -$10.00, an accounting export refund_amount -10.00: the
import subtracted the negative number, adding the refund (January 60.0 for 40.0), without a word. Now a column
whose refunds are all negative has their size taken off, with a note; negative refunds beside positive ones are
refused naming the rows.
"""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

SQUARE = (
    "Date,Time,Gross Sales,Net Sales,Tax,Tip,Partial Refunds,Total Collected,Transaction ID,Customer ID\n"
    "2026-01-05,09:00:00,$20.00,$20.00,$1.75,$0.00,-$10.00,$11.75,T1,CUST1\n"
    "2026-01-20,09:00:00,$30.00,$30.00,$2.63,$0.00,$0.00,$32.63,T2,CUST2\n"
    "2026-02-03,09:00:00,$10.00,$10.00,$0.88,$0.00,$0.00,$10.88,T3,CUST1\n"
)
PLAIN = (
    "order_id,customer_id,date,amount,refund_amount\n"
    "1,a@x.com,2026-01-05,20.00,-10.00\n"
    "2,b@x.com,2026-01-20,30.00,0.00\n"
    "3,a@x.com,2026-02-03,10.00,0.00\n"
)


def _january(path, columns, backend):
    revenue = load_tables(orders=path, columns=columns, backend=backend).order_revenue_cohorts
    return revenue.loc[revenue.index[0]].tolist()[:2]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_negative_refund_column_is_taken_off(tmp_path, backend: str) -> None:
    (tmp_path / "transactions.csv").write_text(SQUARE)
    columns = {"customer_id": "Customer ID", "date": "Date", "amount": "Net Sales"}
    # Ann 20 less the 10.00 refunded of her 21.75 collected, net of its tax (H441: a refund of 'Total Collected' is
    # taken off 'Net Sales' in its share, 10 x 20 / 21.75), Bob 30
    january = _january(tmp_path / "transactions.csv", columns, backend)
    assert [round(v, 2) for v in january] == [40.8, 10.0]
    (tmp_path / "orders.csv").write_text(PLAIN)
    assert _january(tmp_path / "orders.csv", None, backend) == [40.0, 10.0]
    (tmp_path / "orders.csv").write_text(PLAIN.replace("20.00,-10.00", "20.00,-20.00"))  # refunded in full
    assert _january(tmp_path / "orders.csv", None, backend) == [30.0, 0.0]  # Ann first buys in February


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_negative_refunds_beside_positive_ones_are_refused(tmp_path, backend: str) -> None:
    (tmp_path / "orders.csv").write_text(PLAIN.replace("30.00,0.00", "30.00,5.00"))
    with pytest.raises(DataError) as error:
        load_tables(orders=tmp_path / "orders.csv", backend=backend)
    assert str(error.value) == (
        "orders.csv, column 'refund_amount': negative refunded amounts beside positive ones (which are refunds, and "
        "which undo one?) in row 2 (counting the header as row 1): '-10.00': write every refund with the same sign, "
        "or correct the rows"
    )
