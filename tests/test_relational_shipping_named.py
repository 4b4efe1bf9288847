"""An engine's orders table (DuckDB) with no order id whose amount is named as including shipping ('Amount incl.
P&P', 'Total with shipping') was counted with the shipping (January 165.0) where the same file is refused (H196's
request 3, after H200 finding 10): such a table is read as a file's and refused as a file is (reading.order_shipping),
naming the Python argument in Python and the option on the command line; 'Total' is still read on the engine."""

from __future__ import annotations

from pathlib import Path

import duckdb
import ibis
import pytest

import xl_retention.relational as R
from xl_retention import cli
from xl_retention.reading import DataError

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
NAMES = ["Total (incl. shipping)", "Total with shipping", "Gesamt inkl. Versandkosten", "Total frais de port inclus",
         "Amount incl. P&P"]  # fmt: skip


def _database(path: Path, name: str) -> str:
    db = str(path / "shop.duckdb")
    with duckdb.connect(db) as con:
        con.execute(f'CREATE TABLE orders (customer_id VARCHAR, date DATE, "{name}" DOUBLE)')
        con.execute("INSERT INTO orders VALUES ('a', '2026-01-05', 110), ('b', '2026-01-06', 55), "
                    "('a', '2026-02-07', 33)")  # fmt: skip
    return db


def _refusal(name: str, mapped: str) -> str:
    return (
        f"{name!r} says by its name that it includes the shipping and no column holds the shipping; revenue is net "
        f"of shipping: give the amounts without it ({mapped}), or a column of the shipping beside them"
    )


@pytest.mark.parametrize("name", NAMES)
def test_an_engines_amount_named_with_shipping_is_refused(tmp_path: Path, name: str) -> None:
    table = ibis.duckdb.connect(_database(tmp_path, name)).table("orders")
    with pytest.raises(DataError) as caught:
        R.order_tables(table, columns={"amount": name})
    assert str(caught.value) == "input: " + _refusal(name, "columns={'amount': 'NAME'}")


def test_the_import_of_such_a_table_refuses_it_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = _database(tmp_path, "Amount incl. P&P")
    args = ["import", "--orders", "table:orders", "--backend", "duckdb", "--connection", db,
            "--columns", "amount=Amount incl. P&P", "--to-csv", str(tmp_path / "o")]  # fmt: skip
    assert cli.main(args) == 1
    assert capsys.readouterr().err == (
        "xl-retention: error: table:orders: " + _refusal("Amount incl. P&P", "--columns amount=NAME") + "\n"
    )


def test_a_total_is_read_on_the_engine(tmp_path: Path) -> None:
    table = ibis.duckdb.connect(_database(tmp_path, "Total")).table("orders")
    got = R.order_tables(table, columns={"amount": "Total"})
    assert got.revenue_cohorts.loc["2026-01"].tolist() == [165.0, 33.0]
