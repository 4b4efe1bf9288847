"""`xl-retention sql`: an orders table loaded twice stops the query, as the import refuses it (H530's finding 02).

Four timestamped orders (a Jan 5 10:00, b Jan 6 11:00, a Feb 7 12:00, c Mar 1 09:00) with the same four rows again, no
order id: ``xl-retention import`` (pandas, DuckDB) and ``relational.order_tables`` refuse them (docs/metrics.md, "One
record once": rows identical to the second "are refused too, in any order ... when every row has such a twin"), where
the printed SQL of DuckDB and PostgreSQL counted each order twice: January 2 buyers, 2 repeat purchasers (repeat
purchase rate 100%, by hand 0), February and March 1 of 1. The SQL now stops naming the first such rows, in every
dialect run here (DuckDB, PostgreSQL, SQLite, MariaDB), by the import's rule: every row twinned, or three repeated
rows or more and a tenth of the rows; fewer are counted as the import counts them (with its note), and orders of a day
without a time as two purchases.
"""

from __future__ import annotations

import sqlite3

import duckdb
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ORDERS = [("a", "2024-01-05 10:00:00", 10.0), ("b", "2024-01-06 11:00:00", 20.0), ("a", "2024-02-07 12:00:00", 30.0),
          ("c", "2024-03-01 09:00:00", 5.0)]  # fmt: skip
#: by hand, each order once: (month, buyers, repeat_purchasers, returning); a buys again in February (returning)
RIGHT = [("2024-01-01", 2, 0, 0), ("2024-02-01", 1, 0, 1), ("2024-03-01", 1, 0, 0)]
STOPPED = (
    "xl-retention: orders has rows identical in every column read to an earlier row, to the second of their time "
    "({share}), without an order id to tell two orders apart: the table loaded twice (or an export saved twice?), "
    "each would count twice, where xl-retention import refuses them: remove the repeated rows (SELECT DISTINCT), or "
    "net and sum each order's rows first (the first of them: customer_id {who}, date {date}, 2 times)"
)
TWICE = STOPPED.format(share="every row has such a twin", who="a", date="2024-01-05 10:00:00")
#: twenty orders, each at its own second of January
TWENTY = [(f"c{i}", f"2024-01-{i + 1:02d} 10:00:{i:02d}", float(i + 1)) for i in range(20)]
FORTY = [(f"c{i}", f"2024-01-{i % 28 + 1:02d} 10:{i // 28:02d}:{i:02d}", float(i + 1)) for i in range(40)]


_PRINTED: dict[str, str] = {}


def _sql(capsys, dialect: str) -> str:
    """The purchases SQL printed for ``dialect`` (written once per dialect: tens of seconds on a loaded machine)."""
    if dialect not in _PRINTED:
        capsys.readouterr()
        assert cli.main(["sql", "--dialect", dialect, "--table", "purchases"]) == 0
        _PRINTED[dialect] = capsys.readouterr().out.rstrip().rstrip(";")
    return _PRINTED[dialect]


def _duckdb(sql: str, rows: list[tuple[str, str, float]], date: str = "TIMESTAMP") -> list[tuple]:
    con = duckdb.connect()
    con.execute(f"CREATE TABLE orders (customer_id VARCHAR, date {date}, amount DOUBLE)")
    con.executemany("INSERT INTO orders VALUES (?, ?, ?)", rows)
    return con.sql(f'SELECT CAST(month AS VARCHAR), buyers, repeat_purchasers, "returning" FROM ({sql}\n) t').fetchall()


def test_duckdb_stops_on_a_table_loaded_twice_and_counts_it_once_loaded(capsys) -> None:
    sql = _sql(capsys, "duckdb")
    assert _duckdb(sql, ORDERS) == RIGHT
    for date in ("TIMESTAMP", "VARCHAR"):  # a date in text is read with its time too
        with pytest.raises(duckdb.ConversionException) as caught:
            _duckdb(sql, ORDERS + ORDERS, date)
        assert TWICE in str(caught.value), date


def test_orders_of_a_day_without_a_time_twice_are_two_purchases(capsys) -> None:
    days = [(c, d[:10], a) for c, d, a in ORDERS]
    twice = [("2024-01-01", 2, 2, 0), ("2024-02-01", 1, 1, 1), ("2024-03-01", 1, 1, 0)]
    assert _duckdb(_sql(capsys, "duckdb"), days + days, "DATE") == twice


@pytest.mark.parametrize(
    ("rows", "counted"),
    [
        (TWENTY + TWENTY[:2], [("2024-01-01", 20, 2, 0)]),  # two of 22: counted, the import's note names them
        (TWENTY + TWENTY[:3], None),  # three of 23, a tenth at least: refused
        (FORTY + FORTY[:3], [("2024-01-01", 40, 3, 0)]),  # three of 43, less than a tenth: counted
    ],
    ids=["2 of 22", "3 of 23", "3 of 43"],
)
def test_some_rows_twice_stop_it_as_the_import_refuses_them(capsys, tmp_path, rows, counted) -> None:
    from xl_retention.errors import RetentionInputError
    from xl_retention.workbook.importer import load_tables

    rows = sorted(rows, key=lambda r: r[1])  # each copy beside its row: the dates never turn back
    path = tmp_path / "o.csv"
    path.write_text("customer_id,date,amount\n" + "".join(f"{c},{d},{a}\n" for c, d, a in rows))
    sql = _sql(capsys, "duckdb")
    if counted is None:
        with pytest.raises(RetentionInputError, match=r"\(3 of 23 rows\)"):
            load_tables(orders=path)
        with pytest.raises(duckdb.ConversionException) as caught:
            _duckdb(sql, rows)
        said = STOPPED.format(share="3 of 23 rows", who="c0", date="2024-01-01 10:00:00")
        assert said in str(caught.value)
        return
    got = load_tables(orders=path).purchases
    imported = [(f"{m}-01", *(int(got.loc[m, c]) for c in ("buyers", "repeat_purchasers", "returning")))
                for m in got.index[:1]]  # fmt: skip
    assert imported == counted
    assert _duckdb(sql, rows) == counted


def test_sqlite_stops_alike(capsys) -> None:
    sql = _sql(capsys, "sqlite")
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE orders (customer_id TEXT, date TIMESTAMP, amount REAL)")
    con.executemany("INSERT INTO orders VALUES (?, ?, ?)", ORDERS)
    assert [r[:4] for r in con.execute(sql).fetchall()] == RIGHT
    con.executemany("INSERT INTO orders VALUES (?, ?, ?)", ORDERS)
    with pytest.raises(sqlite3.OperationalError) as caught:
        con.execute(sql).fetchall()
    assert TWICE in str(caught.value).replace("''", "'")  # SQLite's path error doubles quotes


def test_postgresql_stops_alike(capsys) -> None:
    psycopg = pytest.importorskip("psycopg")
    from postgres_server import throwaway_server

    sql = f'SELECT CAST(month AS TEXT), buyers, repeat_purchasers, "returning" FROM ({_sql(capsys, "postgres")}) t'
    with throwaway_server("xl-retention-pg-h539-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE orders (customer_id text, date timestamp, amount float8)")
        with con.cursor() as cur:
            cur.executemany("INSERT INTO orders VALUES (%s, %s, %s)", ORDERS)
        assert con.execute(sql).fetchall() == RIGHT
        with con.cursor() as cur:
            cur.executemany("INSERT INTO orders VALUES (%s, %s, %s)", ORDERS)
        with pytest.raises(psycopg.errors.InvalidTextRepresentation) as caught:
            con.execute(sql).fetchall()
        assert TWICE in str(caught.value)


def test_mariadb_stops_alike(capsys) -> None:
    from mariadb_server import throwaway_mariadb

    sql = _sql(capsys, "mysql")
    rows = ", ".join(f"('{c}', '{d}', {a})" for c, d, a in ORDERS)
    with throwaway_mariadb("xl-retention-mariadb-h539-") as run:
        run(f"CREATE TABLE orders (customer_id varchar(40), date datetime, amount double); INSERT INTO orders VALUES "
            f"{rows}")  # fmt: skip
        out, err = run(sql)
        assert err == ""
        assert [tuple(line.split("\t")[:4]) for line in out.splitlines()[1:]] == [
            (m, str(b), str(r), str(t)) for m, b, r, t in RIGHT
        ]
        run(f"INSERT INTO orders VALUES {rows}")
        out, err = run(sql)
        assert out == "" and "ERROR 1242 (21000)" in err  # MySQL's stop, which its header says


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "sqlite", "mysql", "snowflake", "bigquery", "mssql"])
def test_every_dialects_header_says_it_and_its_sql_holds_the_stop(capsys, dialect: str) -> None:
    sql = _sql(capsys, dialect)
    assert "-- Where orders' dates carry a time of day, rows identical in every column read (customer_id, amount" in sql
    assert "xl-retention: orders has rows identical in every column read to an earlier row" in sql
