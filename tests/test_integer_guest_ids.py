"""A typed integer customer id 0 beside ids not numbered from 0 is WooCommerce's guest, on every path (H190 finding 01).

``pd.read_csv`` reads a WooCommerce export's ``customer_id`` as int64; its guests' ``0`` was counted as one customer
who returns every month (``repeat_purchases`` gave a returning rate of 1.0 in 2026-03), where the same file through
``xl-retention import`` (text ids) is refused. docs/metrics.md (Customers): a typed integer column's 0 is an id where
the ids are numbered from 0; beside 101 and 102 (no id 1) it is refused as the text 0 is, on pandas, a Parquet file
read by DuckDB, a DuckDB table and the SQL of ``xl-retention sql``; ids numbered from 0 still count their 0.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from xl_retention import cli
from xl_retention.movements import repeat_purchases
from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ORDERS = (
    "customer_id,date,amount\n101,2026-01-05,10\n0,2026-01-06,20\n0,2026-02-07,30\n102,2026-02-08,15\n"
    "0,2026-03-01,12\n101,2026-03-02,11\n"
)
PROBLEM = "customer ids that stand for no one (a guest checkout: WooCommerce writes 0"


def _frame(tmp_path) -> pd.DataFrame:
    (tmp_path / "orders.csv").write_text(ORDERS)
    frame = pd.read_csv(tmp_path / "orders.csv")
    assert frame["customer_id"].dtype == "int64"
    return frame


def test_a_frames_integer_guest_0_is_refused_naming_its_rows(tmp_path) -> None:
    with pytest.raises(DataError) as caught:
        repeat_purchases(_frame(tmp_path))
    assert str(caught.value).startswith(f"input, column 'customer_id': {PROBLEM}")
    assert " in the rows at index 1, 2, 4: 0, 0, 0: " in str(caught.value)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_parquet_files_integer_guest_0_is_refused(tmp_path, backend) -> None:
    _frame(tmp_path).to_parquet(tmp_path / "orders.parquet")
    with pytest.raises(DataError, match=r"in rows 2, 3, 5 \(counting the Parquet file's first record as row 1\)"):
        load_tables(orders=tmp_path / "orders.parquet", backend=backend)


def test_a_duckdb_tables_integer_guest_0_is_refused(tmp_path) -> None:
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        con.register("f", _frame(tmp_path))
        con.execute("CREATE TABLE o AS SELECT * FROM f")
    with pytest.raises(DataError) as caught:
        load_tables(orders="table:o", backend="duckdb", connection=str(tmp_path / "w.duckdb"))
    assert str(caught.value).startswith(f"table:o, column 'customer_id': {PROBLEM}")
    assert " in 3 rows, e.g. customer_id 0, date '2026-01-06'; customer_id 0, date '2026-02-07'; " in str(caught.value)


def test_the_sql_stops_on_an_integer_guest_0(capsys) -> None:
    assert cli.main(["sql", "--dialect", "duckdb", "--table", "purchases"]) == 0
    sql = capsys.readouterr().out.rstrip().rstrip(";")
    db = duckdb.connect()
    db.execute("CREATE TABLE orders (customer_id INTEGER, date DATE, amount DOUBLE)")
    db.execute("INSERT INTO orders VALUES (101, '2026-01-05', 10), (0, '2026-01-06', 20), (102, '2026-02-08', 15)")
    with pytest.raises(duckdb.ConversionException, match=r"orders\.customer_id is '0' in a row, an id that stands"):
        db.sql(sql).fetchall()
    db.execute("INSERT INTO orders VALUES (1, '2026-02-09', 5)")  # ids numbered from 0: 0 is a customer
    assert [r[1] for r in db.sql(sql).fetchall()] == [2, 2]


def test_integer_ids_numbered_from_0_count_their_0(tmp_path) -> None:
    frame = _frame(tmp_path).replace({"customer_id": {102: 1}})  # 0, 1, 101: numbered from 0
    table = repeat_purchases(frame)
    assert table["buyers"].tolist() == [2, 2, 2]
