"""`xl-retention sql`: every dialect's SQL stops on the ids pandas refuses and counts an e-mail's capitals as one
address, as pandas does (H479). The SQL of Snowflake, BigQuery, Trino, SQLite, ... (ids compared as written) counted
on f2305921's case (2026-01: the first id MRR 10 and 'b' MRR 5; 2026-02: the second id MRR 10) a blank '' or '   '
id as a customer (2026-02 new 1, lost 2), '(not set)' or noemail@example.com twice as one who stays (2026-02 lost 1),
'Acme' beside 'acme ' as two; and 'Ann@Example.com' beside 'ann@example.com' was two customers there (new 1, lost 2)
and stopped DuckDB's and PostgreSQL's query ("differ only in capitals"), where pandas counts one customer who stays
(2026-02 customers_end 1, new 0, lost 1). The dialects with a database here run their printed SQL (DuckDB,
PostgreSQL, SQLite, Spark); Snowflake's, BigQuery's and Trino's tables are compiled to DuckDB from the same Ibis
expressions their SQL is written from (:func:`xl_retention.relational.sql.expressions` of that engine), and every
dialect's printed SQL holds the stops and says them in its header."""

from __future__ import annotations

import datetime
import sqlite3

import duckdb
import ibis
import pytest

from xl_retention import cli
from xl_retention.relational.sql import expressions

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

LOOKALIKE = (
    "xl-retention: subscriptions.customer_id values that differ only in capitals, spaces, apostrophes or hyphens "
    "({}: one customer typed two ways? two would be counted, where xl-retention import refuses them): write each id "
    "one way"
)
GUEST = (
    "xl-retention: subscriptions.customer_id is '{}' in a row, an id that stands for no one (a guest checkout: "
    "WooCommerce writes 0; Google Analytics '(not set)'; an erased customer): all of them would be one customer who "
    "returns, where xl-retention import refuses them: use another id for them (an e-mail), or remove those rows"
)
TILL = (
    "xl-retention: subscriptions.customer_id is '{}' in a row, an id that stands for no one (a placeholder e-mail "
    "typed for walk-in sales): all of them would be one customer who returns, where xl-retention import refuses "
    "them: remove those rows, or give each customer their own id"
)
BLANK = (
    "xl-retention: subscriptions.customer_id is blank or NULL in a row (read as a row of no one, where xl-retention "
    "import refuses a blank): fill or remove it (the row's month: 2026-02-01)"
)
#: the first and second ids of f2305921's case and the stop each gives
STOPS = {
    "blank": ("Acme", "", BLANK),
    "spaces only": ("Acme", "   ", BLANK),
    "(not set)": ("(not set)", "(not set)", GUEST.format("(not set)")),
    "placeholder e-mail": ("noemail@example.com", "noemail@example.com", TILL.format("noemail@example.com")),
    "a till's walk-in": ("WalkIn@Store.com", "WalkIn@Store.com", TILL.format("WalkIn@Store.com")),
    "a domain of no one": ("ann@none.com", "ann@none.com", TILL.format("ann@none.com")),
    "trailing space": ("Acme", "acme ", LOOKALIKE.format("'Acme' and 'acme '")),
}
#: the first and second ids pandas counts as one customer who stays: (customers_end, new, lost) of 2026-01, 2026-02
ONE = {"e-mail capitals": ("Ann@Example.com", "ann@example.com"), "one id": ("acme", "acme"),
       "a real e-mail at a store": ("ann@store.com", "ann@store.com")}  # fmt: skip
COUNTED = [(2, 2, 0), (1, 0, 1)]
#: the stops' words in every dialect's printed SQL and header
HEADER = "an e-mail's capitals are one address (Ann@Example.com is"


def _sql(capsys, dialect: str, table: str = "movements") -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", table]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _duckdb(first: str, second: str) -> duckdb.DuckDBPyConnection:
    db = duckdb.connect()
    db.execute("CREATE TABLE subscriptions (customer_id VARCHAR, month DATE, mrr DOUBLE)")
    db.execute("INSERT INTO subscriptions VALUES (?, DATE '2026-01-01', 10), (?, DATE '2026-02-01', 10), "
               "('b', DATE '2026-01-01', 5)", [first, second])  # fmt: skip
    return db


def test_pandas_counts_an_emails_capitals_as_one_customer(tmp_path) -> None:
    from xl_retention.workbook.importer import load_tables

    path = tmp_path / "subs.csv"
    path.write_text("customer_id,month,mrr\nAnn@Example.com,2026-01,10\nann@example.com,2026-02,10\nb,2026-01,5\n")
    got = load_tables(path).movements
    assert [tuple(int(got.loc[m, c]) for c in ("customers_end", "new", "lost")) for m in got.index[:2]] == COUNTED


def test_duckdb_counts_an_emails_capitals_as_one_customer(capsys) -> None:
    sql = f"SELECT customers_end, new, lost FROM ({_sql(capsys, 'duckdb')}) t ORDER BY month"
    for case, (first, second) in ONE.items():  # the capitals stopped it: "differ only in capitals"
        assert _duckdb(first, second).sql(sql).fetchall() == COUNTED, case


@pytest.mark.parametrize("engine", ["snowflake", "bigquery", "trino"])
def test_the_dialects_comparing_ids_as_written_stop_as_pandas_refuses(engine: str) -> None:
    sql = str(ibis.to_sql(expressions(["movements"], engine=engine)["movements"], dialect="duckdb"))
    sql = f"SELECT customers_end, new, lost FROM ({sql}) t ORDER BY month"
    for case, (first, second, said) in STOPS.items():
        with pytest.raises(duckdb.ConversionException) as caught:
            _duckdb(first, second).sql(sql).fetchall()
        assert said in str(caught.value), case
    for case, (first, second) in ONE.items():
        assert _duckdb(first, second).sql(sql).fetchall() == COUNTED, case


def test_sqlite_runs_the_stops_without_regular_expressions(capsys) -> None:
    sql = f"SELECT customers_end, new, lost FROM ({_sql(capsys, 'sqlite')}) t ORDER BY month"
    for case, (first, second, said) in {**STOPS, "spelled with dots": ("no.e-mail@shop.de", "x", TILL.format(
                                        "no.e-mail@shop.de")), "x's": ("xxx@shop.de", "x", TILL.format("xxx@shop.de"))
                                        }.items():  # fmt: skip
        con = sqlite3.connect(":memory:")
        con.execute("CREATE TABLE subscriptions (customer_id TEXT, month DATE, mrr REAL)")
        con.executemany("INSERT INTO subscriptions VALUES (?, ?, ?)", [(first, "2026-01-01", 10.0), (second,
                        "2026-02-01", 10.0), ("b", "2026-01-01", 5.0)])  # fmt: skip
        with pytest.raises(sqlite3.OperationalError) as caught:
            con.execute(sql).fetchall()
        assert said in str(caught.value).replace("''", "'"), case  # SQLite's path error doubles quotes
    for case, (first, second) in ONE.items():
        con = sqlite3.connect(":memory:")
        con.execute("CREATE TABLE subscriptions (customer_id TEXT, month DATE, mrr REAL)")
        con.executemany("INSERT INTO subscriptions VALUES (?, ?, ?)", [(first, "2026-01-01", 10.0), (second,
                        "2026-02-01", 10.0), ("b", "2026-01-01", 5.0)])  # fmt: skip
        assert con.execute(sql).fetchall() == COUNTED, case


@pytest.mark.parametrize("dialect", ["snowflake", "bigquery", "trino", "mysql", "mssql", "oracle", "databricks"])
def test_every_dialects_sql_holds_the_stops_and_says_them(capsys, dialect: str) -> None:
    sql = _sql(capsys, dialect, "visitors")
    assert HEADER in sql and "Here an id that is blank ('' or spaces), one of no one" in sql
    for words in (
        "visits.visitor_id is blank or NULL in a row",
        "an id that stands for no one (a placeholder e-mail",
        "an id that stands for no one (a guest checkout",
        "visits.visitor_id values that differ only in",
    ):
        assert words in sql, words  # fmt: skip


def test_postgresql_counts_an_emails_capitals_as_one_customer(capsys) -> None:
    psycopg = pytest.importorskip("psycopg")
    from postgres_server import throwaway_server

    sql = f"SELECT customers_end, new, lost FROM ({_sql(capsys, 'postgres')}) t ORDER BY month"
    with throwaway_server("xl-retention-pg-h479-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE subscriptions (customer_id text, month date, mrr float8)")
        for case, (first, second) in ONE.items():
            con.execute("DELETE FROM subscriptions")
            con.execute("INSERT INTO subscriptions VALUES (%s, '2026-01-01', 10), (%s, '2026-02-01', 10), "
                        "('b', '2026-01-01', 5)", [first, second])  # fmt: skip
            assert con.execute(sql).fetchall() == COUNTED, case


@pytest.mark.slow  # Spark local mode: tens of seconds
def test_spark_counts_an_emails_capitals_as_one_customer(spark, capsys) -> None:
    sql = f"SELECT customers_end, new, lost FROM ({_sql(capsys, 'spark')}) t ORDER BY month"
    day = datetime.date.fromisoformat
    for case, (first, second) in ONE.items():
        rows = [(first, day("2026-01-01"), 10.0), (second, day("2026-02-01"), 10.0), ("b", day("2026-01-01"), 5.0)]
        spark.createDataFrame(rows, "customer_id string, month date, mrr double").createOrReplaceTempView(
            "subscriptions"
        )
        assert [tuple(r) for r in spark.sql(sql).collect()] == COUNTED, case
    rows = [("x", day("2026-01-01"), 10.0), ("ann@none.com", day("2026-02-01"), 10.0)]
    spark.createDataFrame(rows, "customer_id string, month date, mrr double").createOrReplaceTempView("subscriptions")
    with pytest.raises(Exception) as caught:
        spark.sql(sql).collect()
    assert TILL.format("ann@none.com") in str(caught.value)
