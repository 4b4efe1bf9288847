"""`xl-retention sql` on a date column stored as text with an offset (``2026-01-31T23:30:00-05:00``).

docs/metrics.md (Months): a timestamp written with an offset keeps the date as written, so `xl-retention import` (of
the CSV file, or of the table) counts a's order of 23:30 on 31 January in New York in January. The SQL could not
read a text column (DuckDB: "Binder Error: No function matches ... 'epoch_us(VARCHAR)'"; PostgreSQL: no extract of
text) and its header said to cast text first: cast to TIMESTAMPTZ, that order is the instant 04:30 UTC on 1 February,
counted in February (one buyer in January where the import has two). The SQL now reads a text date as written on
DuckDB and PostgreSQL, whatever the session's TimeZone; a text in another form stops the query naming it.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ORDERS = [("a", "2026-01-31T23:30:00-05:00", 10.0), ("b", "2026-01-15T10:00:00+00:00", 10.0),
          ("a", "2026-02-10 10:00:00+00", 5.0), ("c", "2026-02-01", 3.0)]  # fmt: skip
#: (month, buyers, returning): the import's purchases.csv of ORDERS
RIGHT = [("2026-01", 2, 0), ("2026-02", 2, 1)]


def _sql(capsys, dialect: str, table: str = "purchases") -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", table]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _months(rows: list[tuple]) -> list[tuple]:
    return [(str(r[0])[:7], int(r[1]), int(r[2])) for r in rows]


def test_the_import_takes_the_dates_as_written(capsys, tmp_path) -> None:
    (tmp_path / "o.csv").write_text("customer_id,date,amount\n" + "".join(f"{c},{d},{a}\n" for c, d, a in ORDERS))
    assert cli.main(["import", "--orders", str(tmp_path / "o.csv"), "--to-csv", str(tmp_path / "out")]) == 0
    got = pd.read_csv(tmp_path / "out" / "purchases.csv")[["month", "buyers", "returning"]]
    assert [tuple(r) for r in got.values.tolist()] == RIGHT


def test_duckdb_reads_a_text_date_as_written_in_a_new_york_session(capsys) -> None:
    db = duckdb.connect()
    db.execute("SET TimeZone = 'America/New_York'")
    db.execute("CREATE TABLE orders (customer_id VARCHAR, date VARCHAR, amount DOUBLE)")
    db.executemany("INSERT INTO orders VALUES (?, ?, ?)", ORDERS)
    sql = f'SELECT month, buyers, "returning" FROM ({_sql(capsys, "duckdb")}) t ORDER BY month'
    assert _months(db.sql(sql).fetchall()) == RIGHT
    db.execute("CREATE TABLE subscriptions AS SELECT * FROM (VALUES ('a', '2026-01', 10.0), ('a', '2026-02', 10.0), "
               "('b', ' 2026-02 ', 5.0)) t(customer_id, month, mrr)")  # fmt: skip
    moves = f"SELECT month, customers_end FROM ({_sql(capsys, 'duckdb', 'movements')}) t ORDER BY month"
    assert [(str(m)[:7], int(n)) for m, n in db.sql(moves).fetchall()] == [("2026-01", 1), ("2026-02", 2)]
    db.execute("INSERT INTO orders VALUES ('d', '31/01/2026', 1.0)")
    with pytest.raises(duckdb.Error) as error:
        db.sql(sql).fetchall()
    assert "xl-retention: orders.date is '31/01/2026', a date in text not written YYYY-MM-DD" in str(error.value)


def test_postgresql_reads_a_text_date_as_written_whatever_the_session_zone(capsys) -> None:
    import psycopg
    from postgres_server import throwaway_server

    sql = f'SELECT month, buyers, "returning" FROM ({_sql(capsys, "postgres")}) t ORDER BY month'
    with throwaway_server("xl-retention-pg-h115-text-dates-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE orders (customer_id text, date text, amount float8)")
        with con.cursor() as cur:
            cur.executemany("INSERT INTO orders VALUES (%s, %s, %s)", ORDERS)
        for zone in ("America/New_York", "Asia/Tokyo"):
            con.execute(f"SET TimeZone = '{zone}'")
            assert _months(con.execute(sql).fetchall()) == RIGHT, zone
        con.execute("SET DateStyle = 'SQL, DMY'")
        con.execute("ALTER TABLE orders ALTER COLUMN date TYPE date USING CAST(LEFT(date, 10) AS date)")
        assert _months(con.execute(sql).fetchall()) == RIGHT  # a DATE read as written, whatever the DateStyle
        con.execute("ALTER TABLE orders ALTER COLUMN date TYPE text")  # written in DateStyle SQL, DMY: 31/01/2026
        with pytest.raises(psycopg.Error) as error:
            con.execute(sql)
        assert "xl-retention: orders.date is '31/01/2026', a date in text not written YYYY-MM-DD" in str(error.value)
