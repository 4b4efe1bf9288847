"""`xl-retention sql --dialect mysql` (and mssql, oracle, sqlite) wrote the cohort tables only: the monthly tables
(movements, purchases, visitors, nps) were refused with 'the movements table needs a series of months (a range
unnested), which Ibis does not write for it', where PostgreSQL and DuckDB get them. Their months are now counted with
the ten digits written in the SQL (relational/sql_digits.py, as the cohort tables' since e6b1e19b): the MySQL SQL run
on a MariaDB server and the SQLite SQL on SQLite give the rows the DuckDB SQL gives, and the PostgreSQL SQL on a
PostgreSQL server too (its own series, and the digits compiled for it); SQL Server's and Oracle's SQL parse and hold
the ten digits. The inputs have a month without orders, visits or answers (2026-02): a row of 0 there."""

from __future__ import annotations

import datetime as dt
import re

import ibis
import pytest
import sqlglot

from xl_retention import cli
from xl_retention.relational.definitions import DIGITS
from xl_retention.relational.sql import expressions
from xl_retention.relational.sql_digits import with_digits

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

MONTHLY = ("movements", "purchases", "visitors", "nps")
#: a 10 and b 5 in 2026-01; a 12 (expansion 2), b 0 (churned 5) in 2026-02; a 8 (contraction 4) in 2026-03; b back
#: (reactivated 5) and c new (3) in 2026-04
SUBS = [("a", "2026-01-01", 10.0), ("b", "2026-01-01", 5.0), ("a", "2026-02-01", 12.0), ("b", "2026-02-01", 0.0),
        ("a", "2026-03-01", 8.0), ("b", "2026-03-01", 0.0), ("a", "2026-04-01", 8.0), ("b", "2026-04-01", 5.0),
        ("c", "2026-04-01", 3.0)]  # fmt: skip
#: a twice and b in 2026-01, nobody in 2026-02, a again and c new in 2026-03
ORDERS = [("a", "2026-01-05 10:00:00", 10.0), ("a", "2026-01-20 00:00:00", 5.0), ("b", "2026-01-07 00:00:00", 8.0),
          ("a", "2026-03-05 00:00:00", 30.0), ("c", "2026-03-10 00:00:00", 4.0)]  # fmt: skip
VISITS = [("v1", "2026-01-02 00:00:00"), ("v1", "2026-03-03 00:00:00"), ("v2", "2026-03-04 00:00:00")]
ANSWERS = [("2026-01-03 00:00:00", 10.0), ("2026-01-04 00:00:00", 9.0), ("2026-01-05 00:00:00", 3.0),
           ("2026-03-02 00:00:00", 7.0), ("2026-03-09 00:00:00", 6.0)]  # fmt: skip
#: the hand counts (month, then each table's columns in order)
RIGHT = {
    # customers_start, new, reactivated, lost, customers_end, mrr_start, new_mrr, expansion_mrr, reactivation_mrr,
    # contraction_mrr, churned_mrr, mrr_end
    "movements": [("2026-01", 0, 2, 0, 0, 2, 0.0, 15.0, 0.0, 0.0, 0.0, 0.0, 15.0),
                  ("2026-02", 2, 0, 0, 1, 1, 15.0, 0.0, 2.0, 0.0, 0.0, 5.0, 12.0),
                  ("2026-03", 1, 0, 0, 0, 1, 12.0, 0.0, 0.0, 0.0, 4.0, 0.0, 8.0),
                  ("2026-04", 1, 1, 1, 0, 3, 8.0, 3.0, 0.0, 5.0, 0.0, 0.0, 16.0)],
    "purchases": [("2026-01", 2, 1, 0), ("2026-02", 0, 0, 0), ("2026-03", 2, 0, 1)],  # buyers, repeat, returning
    "visitors": [("2026-01", 1, 0), ("2026-02", 0, 0), ("2026-03", 2, 1)],  # visitors, returning
    "nps": [("2026-01", 3, 2, 0, 1), ("2026-02", 0, 0, 0, 0), ("2026-03", 2, 0, 1, 1)],  # responses, p, passives, d
}  # fmt: skip
TYPES = {  # each input's columns: (name, DuckDB's type, PostgreSQL's, MariaDB's, SQLite's)
    "subscriptions": [("customer_id", "text", "text", "varchar(20)", "text"), ("month", "date", "date", "date", "date"),
                      ("mrr", "double", "float8", "double", "real")],
    "orders": [("customer_id", "text", "text", "varchar(20)", "text"),
               ("date", "timestamp", "timestamp", "datetime", "timestamp"),
               ("amount", "double", "float8", "double", "real")],
    "visits": [("visitor_id", "text", "text", "varchar(20)", "text"),
               ("date", "timestamp", "timestamp", "datetime", "timestamp")],
    "answers": [("date", "timestamp", "timestamp", "datetime", "timestamp"),
                ("score", "double", "float8", "double", "real")],
}  # fmt: skip
ROWS = {"subscriptions": SUBS, "orders": ORDERS, "visits": VISITS, "answers": ANSWERS}


def _sql(capsys: pytest.CaptureFixture[str], dialect: str, table: str) -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", table]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _cells(rows: list[tuple]) -> list[tuple]:
    """Rows as (month 'YYYY-MM', then ints and floats), as each server's client gives them (dates, texts)."""
    out = []
    for row in rows:
        month = row[0].isoformat() if isinstance(row[0], dt.date) else str(row[0])
        out.append((month[:7], *(float(v) if "." in str(v) else int(v) for v in row[1:])))
    return out


def _create(kind: int, quote: str = "") -> list[tuple[str, list[tuple]]]:
    """(CREATE TABLE statement, rows) of each input, in the types of column ``kind`` of :data:`TYPES`."""
    return [(f"CREATE TABLE {name} ({', '.join(f'{quote}{c[0]}{quote} {c[kind]}' for c in columns)})", ROWS[name])
            for name, columns in TYPES.items()]  # fmt: skip


def _digits_sql(table: str, dialect: str) -> str:
    """The SQL of ``table`` as a dialect without a series of months gets it, compiled for ``dialect``."""
    return with_digits(str(ibis.to_sql(expressions([table], engine="mysql")[table], dialect=dialect)), dialect)


def test_duckdb_sql_gives_the_hand_counts(capsys: pytest.CaptureFixture[str]) -> None:
    import duckdb

    db = duckdb.connect()
    for create, rows in _create(1):
        db.execute(create)
        db.executemany(f"INSERT INTO {create.split()[2]} VALUES ({', '.join('?' * len(rows[0]))})", rows)
    for table in MONTHLY:
        assert _cells(db.sql(_sql(capsys, "duckdb", table)).fetchall()) == RIGHT[table], table
        assert _cells(db.sql(_digits_sql(table, "duckdb")).fetchall()) == RIGHT[table], table


def test_mariadb_runs_the_mysql_sql_of_every_monthly_table(capsys: pytest.CaptureFixture[str]) -> None:
    from mariadb_server import throwaway_mariadb

    queries = {table: _sql(capsys, "mysql", table) for table in MONTHLY}  # was: exit 1, 'needs a series of months'
    with throwaway_mariadb("xl-retention-mariadb-h327-") as run:
        for create, rows in _create(3, "`"):
            values = ", ".join("(" + ", ".join(f"'{v}'" if isinstance(v, str) else str(v) for v in r) + ")"
                               for r in rows)  # fmt: skip
            out, err = run(f"{create}; INSERT INTO {create.split()[2]} VALUES {values};")
            assert err == ""
        for table, query in queries.items():
            out, err = run(query + ";")
            assert err == ""
            assert _cells([tuple(line.split("\t")) for line in out.splitlines()[1:]]) == RIGHT[table], table


def test_postgresql_gives_the_same_rows_by_its_series_and_by_the_digits(capsys: pytest.CaptureFixture[str]) -> None:
    import psycopg
    from postgres_server import throwaway_server

    queries = {table: _sql(capsys, "postgres", table) for table in MONTHLY}
    with throwaway_server("xl-retention-pg-h327-") as url, psycopg.connect(url, autocommit=True) as con:
        for create, rows in _create(2):
            con.execute(create)
            with con.cursor() as cur:
                cur.executemany(f"INSERT INTO {create.split()[2]} VALUES ({', '.join(['%s'] * len(rows[0]))})", rows)
        for table, query in queries.items():
            assert _cells(con.execute(query).fetchall()) == RIGHT[table], table
            assert _cells(con.execute(_digits_sql(table, "postgres")).fetchall()) == RIGHT[table], table


def test_sqlite_runs_the_sqlite_sql_of_every_monthly_table(capsys: pytest.CaptureFixture[str]) -> None:
    db = ibis.sqlite.connect().con  # the SQL calls ibis' functions: run where they are defined
    for create, rows in _create(4):
        db.execute(create)
        db.executemany(f"INSERT INTO {create.split()[2]} VALUES ({', '.join('?' * len(rows[0]))})", rows)
    for table in MONTHLY:
        assert _cells(db.execute(_sql(capsys, "sqlite", table)).fetchall()) == RIGHT[table], table


@pytest.mark.parametrize(("dialect", "sqlglot_name", "alias"), [("mssql", "tsql", "[d]"), ("oracle", "oracle", '"d"')])
def test_sql_server_and_oracle_get_every_monthly_table(
    capsys: pytest.CaptureFixture[str], dialect: str, sqlglot_name: str, alias: str
) -> None:
    for table in MONTHLY:  # was: exit 1, 'the movements table needs a series of months'
        sql = _sql(capsys, dialect, table)
        assert DIGITS not in sql
        digits = set(re.findall(rf"\b(\d) AS {re.escape(alias)}", sql))
        assert sorted(map(int, digits)) == list(range(10)), table
        if table == "visitors":  # the text parses in the dialect (sqlglot), the ten digits selected as constants
            query = "\n".join(line for line in sql.splitlines() if not line.startswith("--"))
            tree = sqlglot.parse_one(query, read=sqlglot_name)
            selects = [s.expressions[0] for s in tree.find_all(sqlglot.exp.Select) if len(s.expressions) == 1]
            found = {int(e.this.name) for e in selects if e.alias == "d" and isinstance(e.this, sqlglot.exp.Literal)}
            assert sorted(found) == list(range(10))
