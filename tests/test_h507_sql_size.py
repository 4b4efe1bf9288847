"""``xl-retention sql`` printed 5.3 MB of SQL for Oracle, 4.9 MB for SQL Server, 1.7 MB for MySQL (DuckDB's: 0.3 MB),
in up to 46 s of CPU (H507): a stop's message of nine parts, joined two at a time, was written with a NULL test around
each join where Ibis writes one (Oracle's ``CASE WHEN a IS NULL OR b IS NULL THEN NULL ELSE CONCAT(a, b) END``, SQL
Server's ``IIF``), each part twice per level; and where the SQL has no regular expressions (MySQL, SQL Server,
SQLite), an id trimmed and in lower case was written in full at each of some 50 reads of the placeholder e-mail's test.
A message is now one join of its parts, the trimmed id and its parts about the ``@`` columns of a subquery; the
tables the SQL computes, and its stops' words, are those of before (run here on DuckDB and SQLite)."""

from __future__ import annotations

import datetime
import sqlite3

import duckdb
import ibis
import pytest

from xl_retention import cli
from xl_retention.relational.sql import _flat_concats, expressions, render

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

#: the start of two stops' messages on subscriptions' months (after the current month; a time of day)
MONTH_IS = "'xl-retention: subscriptions.month is '"


def _months() -> tuple[datetime.date, datetime.date]:
    """This month's first day and the next month's."""
    today = datetime.date.today()
    return today.replace(day=1), (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


#: the stop on a row of the next month, as the import refuses it
FUTURE = (
    "xl-retention: subscriptions.month is {next:%Y-%m} in a row, after the current month ({now:%Y-%m}): a month that "
    "has not "
    "happened yet is not counted, where xl-retention import refuses it (a forecast or a scheduled renewal?); remove "
    "those rows (the row's customer_id: b)"
)
TILL = (
    "xl-retention: subscriptions.customer_id is 'noemail@example.com' in a row, an id that stands for no one (a "
    "placeholder e-mail typed for walk-in sales)"
)


@pytest.mark.parametrize("dialect", ["oracle", "mssql", "mysql"])
def test_a_messages_first_part_is_written_twice_per_stop(dialect: str) -> None:
    sql = render(dialect, tables=["movements"])
    # two stops begin so (a month after the current one, a time of day): its NULL test and its join (Oracle, SQL
    # Server), MySQL's two rows of a stop; 80 times on Oracle and SQL Server before
    assert sql.count(MONTH_IS) == 4
    assert len(sql) < 120_000  # Oracle 950,000 characters before, SQL Server 904,000, MySQL 366,000


def test_mysqls_ids_are_trimmed_in_a_subquery() -> None:
    sql = render("mysql", tables=["movements"])
    assert sql.count("UNHEX(HEX(32))") == 17  # the trim of spaces: 449 times before


def test_sqlite_writes_its_placeholder_test_of_the_ids_parts() -> None:
    sql = render("sqlite", tables=["movements"])
    assert sql.count("INSTR(") == 21 and len(sql) < 80_000  # 271 times and 146,000 characters before


def _subscriptions(first: str, months: tuple[datetime.date, datetime.date]) -> duckdb.DuckDBPyConnection:
    db = duckdb.connect()
    db.execute("CREATE TABLE xl_retention_digits AS SELECT range AS d FROM range(10)")  # written in the printed SQL
    db.execute("CREATE TABLE subscriptions (customer_id VARCHAR, month DATE, mrr DOUBLE)")
    db.execute("INSERT INTO subscriptions VALUES (?, ?, 10), ('b', ?, 5)", [first, *months])
    return db


@pytest.mark.parametrize("engine", ["mssql", "oracle"])
def test_the_joined_message_and_the_ids_subquery_compute_the_same_on_duckdb(engine: str) -> None:
    expr = _flat_concats(expressions(["movements"], engine=engine)["movements"])
    sql = f"SELECT month, customers_end FROM ({ibis.to_sql(expr, dialect='duckdb')}) t ORDER BY month"
    now, after = _months()
    with pytest.raises(duckdb.ConversionException) as caught:
        _subscriptions("a", (now, after)).sql(sql).fetchall()
    assert FUTURE.format(next=after, now=now) in str(caught.value)
    jan, feb = datetime.date(2026, 1, 1), datetime.date(2026, 2, 1)
    with pytest.raises(duckdb.ConversionException) as caught:
        _subscriptions("noemail@example.com", (jan, jan)).sql(sql).fetchall()
    assert TILL in str(caught.value)
    got = _subscriptions("Ann@Example.com", (jan, feb)).sql(sql).fetchall()
    assert [(str(m), n) for m, n in got] == [("2026-01-01", 1), ("2026-02-01", 1)]


def test_sqlites_printed_sql_stops_on_a_month_after_the_current_one(capsys) -> None:
    assert cli.main(["sql", "--dialect", "sqlite", "--table", "movements"]) == 0
    sql = capsys.readouterr().out.rstrip().rstrip(";")
    now, after = _months()
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE subscriptions (customer_id TEXT, month DATE, mrr REAL)")
    con.executemany("INSERT INTO subscriptions VALUES (?, ?, ?)", [("a", str(now), 10.0), ("b", str(after), 5.0)])
    with pytest.raises(sqlite3.OperationalError) as caught:
        con.execute(sql).fetchall()
    assert FUTURE.format(next=after, now=now) in str(caught.value).replace("''", "'")  # SQLite doubles quotes
