"""`xl-retention sql`: a TIMESTAMPTZ date counted in the session's time zone (H90 finding 01).

DuckDB takes the machine's zone, PostgreSQL the session's ``TimeZone``: b's order at 2026-02-01 02:00 UTC (21:00 on
31 January in New York) was a January order there, a February one on a UTC session: one query, two answers. README and
docs/metrics.md (Months) say a TIMESTAMP WITH TIME ZONE is counted in UTC months on every engine, as ``xl-retention
import table:orders`` counts it. The printed SQL of DuckDB and PostgreSQL now reads every date as UTC's wall time (a
timestamp or DATE without a zone as written); other dialects' headers say to run them in UTC.
"""

from __future__ import annotations

import duckdb
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

#: UTC instants: a 2026-01-10 15:00, b 2026-02-01 02:00 (2026-01-31 21:00 in New York), a 2026-02-15 15:00
ORDERS = [("a", "2026-01-10 15:00:00+00", 10.0), ("b", "2026-02-01 02:00:00+00", 20.0),
          ("a", "2026-02-15 15:00:00+00", 30.0)]  # fmt: skip
#: (month, buyers, returning) in UTC months
RIGHT = [("2026-01", 1, 0), ("2026-02", 2, 1)]


def _sql(capsys, dialect: str, table: str = "purchases") -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", table]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _months(rows: list[tuple]) -> list[tuple]:
    return [(str(r[0])[:7], int(r[1]), int(r[3])) for r in rows]


@pytest.mark.parametrize("kind", ["TIMESTAMPTZ", "TIMESTAMP", "DATE"])
def test_duckdb_counts_utc_months_in_a_new_york_session(capsys, kind: str) -> None:
    db = duckdb.connect()
    db.execute("SET TimeZone = 'America/New_York'")
    db.execute(f"CREATE TABLE orders (customer_id VARCHAR, date {kind}, amount DOUBLE)")
    # a zoned column holds the instants; a timestamp or DATE without a zone holds them as UTC's wall time (a load
    # in UTC), and is read as written, never shifted by the session's zone
    for who, when, amount in ORDERS:
        written = when if kind == "TIMESTAMPTZ" else when.removesuffix("+00")
        db.execute(f"INSERT INTO orders VALUES (?, CAST(CAST(? AS TIMESTAMPTZ) AS {kind}), ?)"
                   if kind == "TIMESTAMPTZ" else f"INSERT INTO orders VALUES (?, CAST(? AS {kind}), ?)",
                   [who, written, amount])  # fmt: skip
    assert _months(db.sql(_sql(capsys, "duckdb")).fetchall()) == RIGHT
    subs = "CREATE TABLE subscriptions AS SELECT * FROM (VALUES ('a', TIMESTAMPTZ '2026-02-01 00:00:00+00', 10.0))"
    db.execute(subs + " t(customer_id, month, mrr)")  # 2026-01-31 19:00 in New York: UTC's February
    assert str(db.sql(_sql(capsys, "duckdb", "movements")).fetchall()[0][0])[:7] == "2026-02"


def test_postgresql_counts_utc_months_whatever_the_session_zone(capsys) -> None:
    import psycopg
    from postgres_server import throwaway_server

    sql = _sql(capsys, "postgres")
    with throwaway_server("xl-retention-pg-h93-utc-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE orders (customer_id text, date timestamptz, amount float8)")
        with con.cursor() as cur:
            cur.executemany("INSERT INTO orders VALUES (%s, %s, %s)", ORDERS)
        for zone in ("America/New_York", "Asia/Tokyo", "UTC"):
            con.execute(f"SET TimeZone = '{zone}'")
            assert _months(con.execute(sql).fetchall()) == RIGHT, zone
        con.execute("SET TimeZone = 'America/New_York'")
        con.execute("ALTER TABLE orders ALTER COLUMN date TYPE timestamp USING date AT TIME ZONE 'UTC'")
        assert _months(con.execute(sql).fetchall()) == RIGHT  # UTC's wall time, read as written


def test_other_dialects_say_to_run_in_utc(capsys) -> None:
    for dialect in ("snowflake", "spark", "trino"):
        assert "a TIMESTAMP WITH TIME ZONE is counted in the session's time zone" in _sql(capsys, dialect)
    assert "counted in UTC months" in _sql(capsys, "duckdb")
