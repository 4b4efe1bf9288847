"""Recharge's subscriptions export: a prepaid subscription (``charge_interval_frequency`` 3 beside
``order_interval_frequency`` 1, ``order_interval_unit`` month) was read by the charge's interval alone: a price of 90
gave MRR 30, right if 90 is the charge (legacy prepaid products priced at the whole upfront amount) and 3 times too
low if it is one order's (prepaid plans whose charge Recharge computes as the price times the orders: 90). The export
does not say which, so such rows are refused naming both columns; equal frequencies (not prepaid) read as before.
"""

from __future__ import annotations

import duckdb
import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")

HEADER = "customer_id,created_at,cancelled_at,price,quantity,charge_interval_frequency,{order},order_interval_unit\n"
COLUMNS = {"start": "created_at", "end": "cancelled_at"}
REFUSED = (
    r"^{source}: {row}: 'charge_interval_frequency' is 3 and '{order}' 1: a prepaid subscription \(charged every 3 "
    r"intervals for 3 orders\); whether 'price' is the charge's \(MRR = price / 3 intervals\) or one order's"
)


def _file(tmp_path, order: str, prepaid: int) -> str:
    path = tmp_path / "recharge.csv"
    path.write_text(
        HEADER.format(order=order) + f"c1,2025-01-01,,30,1,1,1,month\nc2,2025-07-01,,90,1,3,{prepaid},month\n",
        encoding="utf-8",
    )
    return str(path)


@pytest.mark.parametrize("order", ["order_interval_frequency", "shipping_interval_frequency"])
def test_a_prepaid_subscription_is_refused_naming_both_frequencies(tmp_path, order: str) -> None:
    with pytest.raises(DataError, match=REFUSED.format(source=r"recharge\.csv", row="row 3", order=order)):
        load_tables(_file(tmp_path, order, 1), columns=COLUMNS)


def test_a_typed_table_on_duckdb_is_refused_alike(tmp_path) -> None:
    path = _file(tmp_path, "order_interval_frequency", 1)
    database = str(tmp_path / "w.duckdb")
    with duckdb.connect(database) as con:
        con.execute(f"CREATE TABLE recharge AS SELECT * FROM read_csv_auto('{path}')")
    with pytest.raises(
        DataError, match=r"'charge_interval_frequency' is 3 and 'order_interval_frequency' 1: a prepaid"
    ):
        load_tables("table:recharge", columns=COLUMNS, backend="duckdb", connection=database)


def test_equal_frequencies_read_the_price_per_charge(tmp_path) -> None:
    tables = load_tables(_file(tmp_path, "order_interval_frequency", 3), columns=COLUMNS)
    assert tables.movements["mrr_end"].iloc[-1] == 60.0  # 30 + 90 / 3
