"""Amounts stored as PostgreSQL's money or as text: `xl-retention sql` and the table import read them as the CSV's.

The SQL could not read them ('CASE/WHEN could not convert type double precision to money'; text: 'CASE types text
and double precision cannot be matched', DuckDB: 'Cannot mix values of type VARCHAR and DOUBLE in CASE'), and `import
--backend postgres` of a money column failed with "TypeError: Unable to construct decimal from '$10.00'" (Ibis types
money decimal(19, 4), the driver gives its text). Now the SQL reads money and a plain number in text (a text in
another form, '1,234.50', stops the query naming it), the import reads money as NUMERIC: the numbers of the CSV file.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ORDERS = [("a", "2026-01-05", "10"), ("a", "2026-01-20", "-4"), ("b", "2026-01-06", "100"), ("a", "2026-02-05", "9.5")]
#: (cohort, months_since, revenue) of the SQL's order_cohorts; the import's order_revenue_cohorts.csv below
RIGHT = [("2026-01", 0, 110.0), ("2026-01", 1, 9.5), ("2026-02", 0, 0.0)]
IMPORTED = [["2026-01", 110.0, 9.5], ["2026-02", 0.0, None]]


def _sql(capsys, dialect: str) -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", "order_cohorts"]) == 0
    sql = capsys.readouterr().out.rstrip().rstrip(";")
    return f"SELECT cohort, months_since, revenue FROM ({sql}) t ORDER BY 1, 2"


def _cells(rows: list[tuple]) -> list[tuple]:
    return [(str(c)[:7], int(m), float(r)) for c, m, r in rows]


def _imported(capsys, tmp_path, *args: str) -> list[list]:
    assert cli.main(["import", *args, "--to-csv", str(tmp_path)]) == 0, capsys.readouterr().err
    got = pd.read_csv(tmp_path / "order_revenue_cohorts.csv")
    return got.astype(object).where(got.notna(), None).values.tolist()


def test_the_csv_file(capsys, tmp_path) -> None:
    (tmp_path / "o.csv").write_text("customer_id,date,amount\n" + "".join(f"{c},{d},{a}\n" for c, d, a in ORDERS))
    assert _imported(capsys, tmp_path / "out", "--orders", str(tmp_path / "o.csv")) == IMPORTED


def test_duckdb_reads_plain_numbers_in_text_and_stops_on_others(capsys) -> None:
    db = duckdb.connect()
    db.execute("CREATE TABLE orders (customer_id VARCHAR, date DATE, amount VARCHAR)")
    db.executemany("INSERT INTO orders VALUES (?, ?, ?)", ORDERS)
    sql = _sql(capsys, "duckdb")
    assert _cells(db.sql(sql).fetchall()) == RIGHT
    db.execute("INSERT INTO orders VALUES ('c', '2026-02-06', '1,234.50')")
    with pytest.raises(duckdb.Error) as error:
        db.sql(sql).fetchall()
    assert "xl-retention: orders.amount is '1,234.50', a number in text not written as digits" in str(error.value)


def test_postgresql_reads_money_and_text_as_the_import(capsys, tmp_path) -> None:
    import psycopg
    from postgres_server import throwaway_server

    sql = _sql(capsys, "postgres")
    with throwaway_server("xl-retention-pg-h115-money-") as url, psycopg.connect(url, autocommit=True) as con:
        for kind in ("money", "text", "numeric(18,4)", "real"):
            con.execute("DROP TABLE IF EXISTS orders")
            con.execute(f"CREATE TABLE orders (customer_id text, date date, amount {kind})")
            with con.cursor() as cur:
                typed = f"CAST(CAST(%s AS numeric) AS {kind})"
                cur.executemany(f"INSERT INTO orders VALUES (%s, CAST(%s AS date), {typed})", ORDERS)
            assert _cells(con.execute(sql).fetchall()) == RIGHT, kind
            table = ["--orders", "table:orders", "--backend", "postgres", "--connection", url]
            assert _imported(capsys, tmp_path / kind, *table) == IMPORTED, kind


def test_duckdb_reads_scores_in_text_as_the_import(capsys) -> None:
    """A survey's scores as text ('9', a blank: no answer; Qualtrics' -99: no answer): the import's nps.csv counts."""
    db = duckdb.connect()
    db.execute("CREATE TABLE answers (date DATE, score VARCHAR)")
    db.execute("INSERT INTO answers VALUES ('2026-01-05', '9'), ('2026-01-06', '3'), ('2026-01-07', ''), "
               "('2026-02-01', '10'), ('2026-02-02', '-99')")  # fmt: skip
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", "duckdb", "--table", "nps"]) == 0
    sql = capsys.readouterr().out.rstrip().rstrip(";")
    got = db.sql(f"SELECT month, responses, promoters, passives, detractors FROM ({sql}) t ORDER BY 1").fetchall()
    assert [(str(r[0])[:7], *map(int, r[1:])) for r in got] == [("2026-01", 2, 1, 0, 1), ("2026-02", 1, 1, 0, 0)]
