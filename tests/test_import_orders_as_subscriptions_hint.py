"""An orders file given as --subscriptions is told to be imported with --orders (H194 finding 08).

examples/orders.parquet (Customer, Created, amount) given as --subscriptions was refused with a hint to map
start=Created, and then mrr=NAME: following both, each order became a subscription that never ends, MRR stacking up,
exit 0. Now a file of a customer, one date and an amount, with no end, plan or subscription column, is refused
saying it looks like orders, to be imported with --orders (and its start and end to map only if it is subscriptions),
and so is the missing MRR once its start is mapped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_orders_given_as_subscriptions_are_told_to_be_orders(tmp_path) -> None:
    with pytest.raises(DataError) as error:
        load_tables(subscriptions=EXAMPLES / "orders.parquet", columns={"customer_id": "Customer"})
    assert str(error.value) == (
        "orders.parquet: no dates of the subscriptions (columns found: 'Customer', 'Created', 'amount'): it looks like "
        "orders (one date and an amount per row, no end, plan or subscription): import it with --orders; if it is "
        "subscriptions, map their start and end (--columns start=Created,end=NAME; in Python: "
        "columns={'start': 'Created', 'end': 'NAME'})"
    )
    with pytest.raises(DataError) as error:  # its start mapped as the hint said: still told it looks like orders
        load_tables(subscriptions=EXAMPLES / "orders.parquet", columns={"customer_id": "Customer", "start": "Created"})
    assert str(error.value) == (
        "orders.parquet: missing column 'mrr' (columns found: 'Customer', 'Created', 'amount'); it looks like orders "
        "(one date and an amount per row, no end, plan or subscription): import it with --orders; if it is "
        "subscriptions, to use a column of another name, map it: --columns mrr=NAME (in Python: columns={'mrr': "
        "'NAME'})"
    )
    (tmp_path / "subs.csv").write_text("Customer,Created,amount,Plan\na,2026-01-05,30,Pro\n")  # a plan: as before
    with pytest.raises(DataError) as error:
        load_tables(subscriptions=tmp_path / "subs.csv", columns={"customer_id": "Customer"})
    assert "looks like orders" not in str(error.value)
