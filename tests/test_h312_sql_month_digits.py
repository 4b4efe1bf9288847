"""`xl-retention sql` for a dialect without a series of months (MySQL, SQL Server, Oracle, SQLite: Ibis writes no
range unnested there) counted the cohort tables' months from the cells alone: a month without any order (or with
every subscription at 0) had no row. Orders of a in 2026-01 and 2026-03 gave the order cohorts (2026-01, 0, 1),
(2026-01, 2, 1), (2026-03, 0, 0), where the import writes 2026-01: 1, 0, 1; 2026-02: 0, 0; 2026-03: 0. The months are
now counted with ten digits written as constants in the SQL (relational.sql_digits; no recursive CTE, which MySQL
stops at 1,000 rows and SQL Server at 100): the rows are the import's, on SQLite and MariaDB (the SQL the command
writes), on DuckDB and PostgreSQL (the same expressions compiled for them); SQL Server's and Oracle's SQL hold the
ten digits. And SQLite's subscriptions SQL stopped on every DATE month as 'a time of day' (Ibis writes the start of
the day without the timestamp's milliseconds there): a DATE month is read now, a time of day still stops it."""

from __future__ import annotations

import ibis
import pytest
import sqlglot

from xl_retention import cli
from xl_retention.relational.definitions import DIGITS
from xl_retention.relational.sql import expressions
from xl_retention.relational.sql_digits import with_digits

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

#: a orders in 2026-01 and 2026-03; nobody in 2026-02
ORDERS = [("a", "2026-01-05 00:00:00", 10.0), ("a", "2026-03-05 00:00:00", 30.0)]
#: (cohort, months_since, customers, revenue): the import's order_cohorts.csv and order_revenue_cohorts.csv
ORDERS_RIGHT = [("2026-01", 0, 1, 10.0), ("2026-01", 1, 0, 0.0), ("2026-01", 2, 1, 30.0), ("2026-02", 0, 0, 0.0),
                ("2026-02", 1, 0, 0.0), ("2026-03", 0, 0, 0.0)]  # fmt: skip
#: a and b from 2026-01, both at 0 in 2026-02, a again in 2026-03
SUBS = [("a", "2026-01-01", 10.0), ("b", "2026-01-01", 5.0), ("a", "2026-02-01", 0.0), ("b", "2026-02-01", 0.0),
        ("a", "2026-03-01", 10.0)]  # fmt: skip
#: (cohort, months_since, customers, revenue, survivors): the import's customer_cohorts, revenue_cohorts, survivors
SUBS_RIGHT = [("2026-01", 0, 2, 15.0, 2), ("2026-01", 1, 0, 0.0, 0), ("2026-01", 2, 1, 10.0, 0),
              ("2026-02", 0, 0, 0.0, 0), ("2026-02", 1, 0, 0.0, 0), ("2026-03", 0, 0, 0.0, 0)]  # fmt: skip


def _sql(capsys, dialect: str, table: str) -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", table]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _cells(rows: list[tuple]) -> list[tuple]:
    return [(str(r[0])[:7], *(float(v) if "." in str(v) else int(v) for v in r[1:])) for r in rows]


def _digits_sql(table: str, dialect: str) -> str:
    """The SQL of ``table`` as a dialect without a series of months gets it, compiled for ``dialect``."""
    return with_digits(str(ibis.to_sql(expressions([table], engine="mysql")[table], dialect=dialect)), dialect)


def test_sqlite_gives_the_imports_rows(capsys) -> None:
    db = ibis.sqlite.connect().con  # the SQL calls ibis' functions: run where they are defined
    db.execute("CREATE TABLE orders (customer_id text, date timestamp, amount real)")
    db.executemany("INSERT INTO orders VALUES (?, ?, ?)", ORDERS)
    db.execute("CREATE TABLE subscriptions (customer_id text, month date, mrr real)")
    db.executemany("INSERT INTO subscriptions VALUES (?, ?, ?)", SUBS)
    assert _cells(db.execute(_sql(capsys, "sqlite", "order_cohorts")).fetchall()) == ORDERS_RIGHT
    subs = _sql(capsys, "sqlite", "subscription_cohorts")
    assert _cells(db.execute(subs).fetchall()) == SUBS_RIGHT
    db.execute("INSERT INTO subscriptions VALUES ('c', '2026-03-01 10:00:00', 3.0)")  # a time of day: a payment's
    with pytest.raises(Exception, match=r"subscriptions.month is 2026-03-01 10:00:00.000 in a row, a time of day"):
        db.execute(subs).fetchall()


@pytest.mark.slow  # tens of seconds (a server, Spark or every formula): `python -m pytest -m slow`
def test_mariadb_gives_the_imports_rows(capsys) -> None:
    from mariadb_server import throwaway_mariadb

    orders, subs = _sql(capsys, "mysql", "order_cohorts"), _sql(capsys, "mysql", "subscription_cohorts")
    with throwaway_mariadb("xl-retention-mariadb-h312-") as run:
        rows = ", ".join(f"('{c}', '{d}', {a})" for c, d, a in ORDERS)
        run(f"CREATE TABLE orders (customer_id varchar(20), date datetime, amount double); INSERT INTO orders "
            f"VALUES {rows}")  # fmt: skip
        rows = ", ".join(f"('{c}', '{m}', {v})" for c, m, v in SUBS)
        run(f"CREATE TABLE subscriptions (customer_id varchar(20), month date, mrr double); INSERT INTO "
            f"subscriptions VALUES {rows}")  # fmt: skip
        for query, right in ((orders, ORDERS_RIGHT), (subs, SUBS_RIGHT)):
            out, err = run(query + ";")
            assert err == ""
            assert _cells([tuple(line.split("\t")) for line in out.splitlines()[1:]]) == right


def test_duckdb_and_postgresql_give_the_same_rows() -> None:
    import duckdb
    import psycopg
    from postgres_server import throwaway_server

    db = duckdb.connect()
    db.execute("CREATE TABLE orders (customer_id text, date timestamp, amount double)")
    db.executemany("INSERT INTO orders VALUES (?, ?, ?)", ORDERS)
    db.execute("CREATE TABLE subscriptions (customer_id text, month date, mrr double)")
    db.executemany("INSERT INTO subscriptions VALUES (?, ?, ?)", SUBS)
    assert _cells(db.sql(_digits_sql("order_cohorts", "duckdb")).fetchall()) == ORDERS_RIGHT
    assert _cells(db.sql(_digits_sql("subscription_cohorts", "duckdb")).fetchall()) == SUBS_RIGHT
    with throwaway_server("xl-retention-pg-h312-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE subscriptions (customer_id text, month date, mrr float8)")
        con.execute("CREATE TABLE orders (customer_id text, date timestamp, amount float8)")
        with con.cursor() as cur:
            cur.executemany("INSERT INTO subscriptions VALUES (%s, %s, %s)", SUBS)
            cur.executemany("INSERT INTO orders VALUES (%s, %s, %s)", ORDERS)
        assert _cells(con.execute(_digits_sql("order_cohorts", "postgres")).fetchall()) == ORDERS_RIGHT
        assert _cells(con.execute(_digits_sql("subscription_cohorts", "postgres")).fetchall()) == SUBS_RIGHT


@pytest.mark.parametrize(("dialect", "sqlglot_name"), [("mssql", "tsql"), ("oracle", "oracle"), ("mysql", "mysql")])
def test_the_sql_holds_the_ten_digits(capsys, dialect: str, sqlglot_name: str) -> None:
    sql = _sql(capsys, dialect, "order_cohorts")
    assert DIGITS not in sql
    query = "\n".join(line for line in sql.splitlines() if not line.startswith("--"))
    tree = sqlglot.parse_one(query, read=sqlglot_name)
    selects = [s.expressions[0] for s in tree.find_all(sqlglot.exp.Select) if len(s.expressions) == 1]
    digits = sorted({int(e.this.name) for e in selects if e.alias == "d" and isinstance(e.this, sqlglot.exp.Literal)})
    assert digits == list(range(10))
