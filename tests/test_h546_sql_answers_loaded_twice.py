"""`xl-retention sql`: an answers (NPS survey) table loaded twice stops the query, as the import refuses it.

Four timestamped answers (9 and 3 in January, 10 and a question seen but unanswered in February) with the same four rows
again, no response id: ``xl-retention import --nps`` refuses them (docs/metrics.md, "One record once": rows identical
to the second "are refused too, in any order ... when every row has such a twin"), where the printed SQL of DuckDB,
PostgreSQL and SQLite counted each answer twice (January 4 responses, February 2, for 2 and 1). The SQL now stops
naming the first such rows, by the import's rule (as it does on orders: tests/test_h539_sql_orders_loaded_twice.py);
fewer repeated rows are counted, as the import counts them, and answers of a day without a time as read.
"""

from __future__ import annotations

import duckdb
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ANSWERS = [("2024-01-05 10:00:00", 9.0), ("2024-01-06 11:00:00", 3.0), ("2024-02-07 12:00:00", 10.0),
           ("2024-02-08 09:00:00", None)]  # fmt: skip
#: by hand, each answer once: (month, responses, promoters, detractors)
RIGHT = [("2024-01-01", 2, 1, 1), ("2024-02-01", 1, 1, 0)]
STOPPED = (
    "xl-retention: answers has rows identical in every column read to an earlier row, to the second of their time "
    "({share}), without a response id to tell two answers apart: the table loaded twice (or an export saved twice?), "
    "each would count twice, where xl-retention import refuses them: remove the repeated rows (SELECT DISTINCT) (the "
    "first of them: date {date}, score {score}, 2 times)"
)
TWICE = STOPPED.format(share="every row has such a twin", date="2024-01-05 10:00:00", score="9")
_COUNTS = "SELECT CAST(month AS TEXT), responses, promoters, detractors FROM ({}) t ORDER BY 1"

_PRINTED: dict[str, str] = {}


def _sql(capsys, dialect: str) -> str:
    if dialect not in _PRINTED:
        capsys.readouterr()
        assert cli.main(["sql", "--dialect", dialect, "--table", "nps"]) == 0
        _PRINTED[dialect] = capsys.readouterr().out.rstrip().rstrip(";")
    return _PRINTED[dialect]


def _duckdb(sql: str, rows: list[tuple], date: str = "TIMESTAMP") -> list[tuple]:
    con = duckdb.connect()
    con.execute(f"CREATE TABLE answers (date {date}, score DOUBLE)")
    con.executemany("INSERT INTO answers VALUES (?, ?)", rows)
    return con.sql(_COUNTS.format(sql)).fetchall()


def test_the_import_refuses_them(capsys, tmp_path) -> None:
    from import_cli import refusal

    path = tmp_path / "answers.csv"
    rows = sorted(ANSWERS * 2, key=lambda r: r[0])  # each copy beside its row: the dates never turn back
    path.write_text("date,score\n" + "".join(f"{d},{'' if s is None else int(s)}\n" for d, s in rows))
    said = refusal(capsys, "--nps", str(path), "--to-csv", str(tmp_path / "o"))
    assert "rows identical in every column to an earlier row, to the second of their time (every row" in said


def test_duckdb_stops_on_a_table_loaded_twice(capsys) -> None:
    sql = _sql(capsys, "duckdb")
    assert _duckdb(sql, ANSWERS) == RIGHT
    for date in ("TIMESTAMP", "VARCHAR"):
        with pytest.raises(duckdb.ConversionException) as caught:
            _duckdb(sql, ANSWERS + ANSWERS, date)
        assert TWICE in str(caught.value), date
    # an unanswered row first: named as such (a NULL score is one value, as a blank in the import)
    unanswered = [("2024-01-01 08:00:00", None), *ANSWERS]
    with pytest.raises(duckdb.ConversionException) as caught:
        _duckdb(sql, unanswered + unanswered)
    said = STOPPED.format(share="every row has such a twin", date="2024-01-01 08:00:00", score="NULL (no answer)")
    assert said in str(caught.value)


def test_fewer_repeated_rows_and_days_without_a_time_are_counted(capsys) -> None:
    sql = _sql(capsys, "duckdb")
    twenty = [(f"2024-01-{i + 1:02d} 10:00:{i:02d}", float(i % 11)) for i in range(20)]
    assert _duckdb(sql, twenty + twenty[:2]) == [
        ("2024-01-01", 22, 2, 16)
    ]  # two of 22 (0 and 1): counted, as the import does
    with pytest.raises(duckdb.ConversionException, match=r"\(3 of 23 rows\)"):
        _duckdb(sql, twenty + twenty[:3])
    days = [(d[:10], s) for d, s in ANSWERS]
    assert _duckdb(sql, days + days, "DATE") == [("2024-01-01", 4, 2, 2), ("2024-02-01", 2, 2, 0)]


def test_postgresql_stops_alike(capsys) -> None:
    psycopg = pytest.importorskip("psycopg")
    from postgres_server import throwaway_server

    sql = _COUNTS.format(_sql(capsys, "postgres"))
    with throwaway_server("xl-retention-pg-h546a-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE answers (date timestamp, score float8)")
        with con.cursor() as cur:
            cur.executemany("INSERT INTO answers VALUES (%s, %s)", ANSWERS)
        assert con.execute(sql).fetchall() == RIGHT
        with con.cursor() as cur:
            cur.executemany("INSERT INTO answers VALUES (%s, %s)", ANSWERS)
        with pytest.raises(psycopg.errors.InvalidTextRepresentation) as caught:
            con.execute(sql).fetchall()
        assert TWICE in str(caught.value)


def test_sqlite_stops_alike(capsys) -> None:
    import sqlite3

    sql = _COUNTS.format(_sql(capsys, "sqlite"))
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE answers (date TIMESTAMP, score REAL)")
    con.executemany("INSERT INTO answers VALUES (?, ?)", ANSWERS)
    assert con.execute(sql).fetchall() == RIGHT
    con.executemany("INSERT INTO answers VALUES (?, ?)", ANSWERS)
    with pytest.raises(sqlite3.OperationalError) as caught:
        con.execute(sql).fetchall()
    assert TWICE in str(caught.value).replace("''", "'")  # SQLite's path error doubles quotes


@pytest.mark.parametrize("dialect", ["duckdb", "postgres", "sqlite", "mysql", "snowflake"])
def test_every_dialects_header_says_it_and_its_sql_holds_the_stop(capsys, dialect: str) -> None:
    sql = _sql(capsys, dialect)
    assert "So do answers'\n-- rows identical in every column read (the date to the second, score)" in sql
    assert "xl-retention: answers has rows identical in every column read to an earlier row" in sql
