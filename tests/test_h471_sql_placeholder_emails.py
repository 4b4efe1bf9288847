"""`xl-retention sql`: a till's placeholder e-mail for walk-in sales as the id stops the query (H471), as the import
and every engine refuse it (docs/metrics.md, Customers): the DuckDB and PostgreSQL SQL counted 'noemail@example.com'
in 2026-01 and 2026-02 as one customer who stays (2026-02: customers_end 1, new 0, lost 1), where pandas, DuckDB's
and Spark's tables refuse "customer ids that stand for no one (a placeholder e-mail typed for walk-in sales ...)".
A real e-mail is an id as before."""

from __future__ import annotations

import duckdb
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

#: each table the printed SQL makes, the input it reads and that input's id column
TABLES = {"movements": ("subscriptions", "customer_id"), "purchases": ("orders", "customer_id"),
          "visitors": ("visits", "visitor_id")}  # fmt: skip
COLUMNS = {"subscriptions": "month DATE, mrr DOUBLE", "orders": "date DATE, amount DOUBLE", "visits": "date DATE"}


def _sql(capsys, table: str, dialect: str = "duckdb") -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", table]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _said(name: str, column: str, value: str) -> str:
    whom = "visitor" if column == "visitor_id" else "customer"
    return (
        f"xl-retention: {name}.{column} is '{value}' in a row, an id that stands for no one (a placeholder e-mail "
        f"typed for walk-in sales): all of them would be one {whom} who returns, where xl-retention import refuses "
        f"them: remove those rows, or give each {whom} their own id"
    )


def _database(name: str, first: str, second: str) -> duckdb.DuckDBPyConnection:
    db = duckdb.connect()
    db.execute(f"CREATE TABLE {name} ({dict(TABLES.values())[name]} TEXT, {COLUMNS[name]})")
    rest = {"subscriptions": ", 10", "orders": ", 10", "visits": ""}[name]
    db.execute(f"INSERT INTO {name} VALUES (?, DATE '2026-01-01'{rest}), (?, DATE '2026-02-01'{rest}), "
               f"('b@shop.de', DATE '2026-01-01'{rest})", [first, second])  # fmt: skip
    return db


@pytest.mark.parametrize("value", ["noemail@example.com", "NoEmail@Example.com", "walkin@store.com", "a@none.com"])
@pytest.mark.parametrize("table", list(TABLES))
def test_a_placeholder_email_stops_the_query(capsys, table: str, value: str) -> None:
    name, column = TABLES[table]
    db = _database(name, value, value)
    with pytest.raises(duckdb.ConversionException) as caught:
        db.sql(_sql(capsys, table)).fetchall()
    assert str(caught.value).split("\n")[0] == (
        f"Conversion Error: Could not convert string '{_said(name, column, value)}' to INT64"
    )


def test_a_real_email_is_an_id(capsys) -> None:
    db = _database("subscriptions", "ann@example.com", "ann@example.com")
    got = db.sql(f"SELECT customers_end, new, lost FROM ({_sql(capsys, 'movements')}) ORDER BY month").fetchall()
    assert got == [(2, 2, 0), (1, 0, 1)]


def test_postgresql_stops_on_a_placeholder_email(capsys) -> None:
    psycopg = pytest.importorskip("psycopg")
    from postgres_server import throwaway_server

    sql = _sql(capsys, "movements", "postgres")
    with throwaway_server("xl-retention-pg-h471-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE subscriptions (customer_id text, month date, mrr float8)")
        con.execute("INSERT INTO subscriptions VALUES ('ann@example.com', '2026-01-01', 10), "
                    "('ann@example.com', '2026-02-01', 10), ('b', '2026-01-01', 5)")  # fmt: skip
        assert [r[1:] for r in con.execute(f"SELECT month, customers_end, new, lost FROM ({sql}) t ORDER BY month")
                .fetchall()] == [(2, 2, 0), (1, 0, 1)]  # fmt: skip
        con.execute("INSERT INTO subscriptions VALUES ('NOEMAIL@example.com', '2026-02-01', 10)")
        with pytest.raises(psycopg.errors.InvalidTextRepresentation) as caught:
            con.execute(sql).fetchall()
        assert _said("subscriptions", "customer_id", "NOEMAIL@example.com") in str(caught.value)
