"""`xl-retention sql` purchases: the grain of ``orders`` said nowhere (H90 finding 02).

The SQL reads ``orders(customer_id, date, amount)``, no order id: a refund row (a negative amount) is no order and is
taken off none, an order's line items are orders each, exactly as ``xl-retention import`` reads a table without an
order id (docs/metrics.md, Orders: "without such rows each row is an order"). A warehouse table with an order id
holding refund rows or line items gave silently more buyers and repeat purchasers; the header now says to net refunds
and sum line items per order first. The counts are the import's of the same rows.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROWS = (
    "customer_id,date,amount\na,2026-01-05,100\nb,2026-01-06,40\na,2026-01-20,-100\nb,2026-02-05,50\na,2026-02-07,30\n"
)


def test_the_sql_reads_orders_as_the_import_reads_a_table_without_an_order_id(tmp_path, capsys) -> None:
    (tmp_path / "o.csv").write_text(ROWS)
    assert cli.main(["import", "--orders", str(tmp_path / "o.csv"), "--to-csv", str(tmp_path / "out")]) == 0
    imported = pd.read_csv(tmp_path / "out" / "purchases.csv")[["buyers", "repeat_purchasers", "returning"]]
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", "duckdb", "--table", "purchases"]) == 0
    sql = capsys.readouterr().out
    assert "-- orders holds one row per order, as the import reads a table without an order id" in sql
    db = duckdb.connect()
    db.register("orders", pd.read_csv(tmp_path / "o.csv", parse_dates=["date"]))
    got = db.sql(sql.rstrip().rstrip(";")).df()[["buyers", "repeat_purchasers", "returning"]]
    assert got.to_numpy().tolist() == imported.to_numpy().tolist() == [[2, 0, 0], [2, 0, 2]]
