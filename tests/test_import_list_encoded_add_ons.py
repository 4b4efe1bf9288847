"""Chargebee's list encoding of a subscription's add-ons and items ('subscriptions.addons[unit_price][0]', Product
Catalog 2.0's 'subscriptions.subscription_items[unit_price][1]' beside the plan's '[0]') was not read as an add-on:
the add-on left out of the MRR (January 200 for 220), exit 0, no note (H68 finding 08, HIGH), where
'addons.unit_price' is refused. Now such columns are add-on columns: refused naming the column and its rows (add them
into the amount, or remove the column if free), in a file (pandas, DuckDB) and a typed DuckDB table alike; a list of
one item ('[0]' only) is read as before.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from import_cli import refusal, run

from xl_retention.reading import DataError
from xl_retention.relational.load import load_tables

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
ITEM = "subscriptions.subscription_items[{}][{}]"
BASE = {
    "subscriptions.id": ["s1", "s2"],
    "subscriptions.customer_id": ["c1", "c2"],
    "subscriptions.billing_period": [1, 1],
    "subscriptions.billing_period_unit": ["month", "month"],
    "subscriptions.status": ["active", "active"],
    "subscriptions.started_at": ["2026-01-05 10:00:00", "2026-01-07 10:00:00"],
    "subscriptions.current_term_start": ["2026-11-05 10:00:00", "2026-11-07 10:00:00"],
}
ADD_ONS = {
    "subscriptions.plan_id": ["pro", "pro"],
    "subscriptions.plan_unit_price": [100, 100],
    "subscriptions.plan_quantity": [1, 1],
    "subscriptions.addons[id][0]": ["extra-storage", ""],
    "subscriptions.addons[quantity][0]": [2, None],
    "subscriptions.addons[unit_price][0]": [10, None],
}
SECOND = {
    ITEM.format("item_price_id", 1): ["storage-USD-Monthly", ""],
    ITEM.format("item_type", 1): ["addon", ""],
    ITEM.format("unit_price", 1): [10, None],
    ITEM.format("quantity", 1): [2, None],
}
PROBLEM = (
    "add-on prices or quantities, which the subscription pays beside its plan (MRR = amount x quantity / months per "
    "interval leaves them out): add them into the amount (price x quantity + add-on price x add-on quantity, per "
    "interval), or remove the column if they are free in row 2 (counting the header as row 1): "
)
ITEMS_COLUMNS = (
    f"start=subscriptions.started_at,amount={ITEM.format('unit_price', 0)},quantity={ITEM.format('quantity', 0)}"
)


def _items(second: bool) -> pd.DataFrame:
    first = {
        ITEM.format("item_price_id", 0): ["pro-USD-Monthly"] * 2,
        ITEM.format("item_type", 0): ["plan"] * 2,
        ITEM.format("unit_price", 0): [100, 100],
        ITEM.format("quantity", 0): [1, 1],
    }
    return pd.DataFrame({**BASE, **first, **(SECOND if second else {})})


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_add_on_in_list_encoding_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "addons.csv"
    pd.DataFrame({**BASE, **ADD_ONS}).to_csv(path, index=False)
    err = refusal(capsys, "--subscriptions", str(path), "--columns", "start=subscriptions.started_at", "--backend",
                  backend, "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert err == f"addons.csv, column 'subscriptions.addons[id][0]': {PROBLEM}'extra-storage'"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_second_item_of_a_list_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "items.csv"
    _items(second=True).to_csv(path, index=False)
    err = refusal(capsys, "--subscriptions", str(path), "--columns", ITEMS_COLUMNS, "--backend", backend,
                  "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert err == f"items.csv, column '{ITEM.format('item_price_id', 1)}': {PROBLEM}'storage-USD-Monthly'"


def test_a_list_of_one_item_is_read(tmp_path: Path) -> None:
    path = tmp_path / "items.csv"
    _items(second=False).to_csv(path, index=False)
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path, "--columns", ITEMS_COLUMNS) / "movements.csv")
    assert movements["mrr_end"].iloc[0] == 200.0


def test_an_add_on_in_list_encoding_in_a_duckdb_table_is_refused(tmp_path: Path) -> None:
    frame = pd.DataFrame({**BASE, **ADD_ONS})
    for column in ("subscriptions.started_at", "subscriptions.current_term_start"):
        frame[column] = pd.to_datetime(frame[column])
    db = tmp_path / "db.duckdb"
    with duckdb.connect(str(db)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE t AS SELECT * FROM frame")
    with pytest.raises(DataError, match=r"column 'subscriptions\.addons\[id\]\[0\]': add-on prices"):
        load_tables(subscriptions="table:t", backend="duckdb", connection=str(db),
                    columns={"start": "subscriptions.started_at"})  # fmt: skip
