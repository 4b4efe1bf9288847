"""`xl-retention sql --segment` on DuckDB and PostgreSQL: a segment value typed in two accent forms (``Café``, NFC and
macOS' NFD) or with a character of no width (``EU`` and ``EU`` + U+200B, pasted from a web page) was two segments
that show alike, each with half the customers, where ``xl-retention import`` reads a segment as it reads an id
(:func:`xl_retention.reading.values.clean_ids`: one segment each). The SQL now reads the segment column as it reads
ids there (:func:`xl_retention.relational.sql_ids.visible_id`)."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SEGMENTS = {"a": "Caf\u00e9", "b": "Cafe\u0301", "c": "EU\u200b", "d": "\uff25\uff35"}  # d: full-width EU
ROWS = [(c, m, 10.0, s) for m in ("2026-01-01", "2026-02-01") for c, s in SEGMENTS.items()]
#: (month, segment, customers_start, new, customers_end): the import's movements.csv of ROWS, by segment
RIGHT = [("2026-01", "Caf\u00e9", 0, 2, 2), ("2026-02", "Caf\u00e9", 2, 0, 2), ("2026-01", "EU", 0, 2, 2),
         ("2026-02", "EU", 2, 0, 2)]  # fmt: skip


def _sql(capsys, dialect: str) -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", "movements", "--segment", "plan"]) == 0
    sql = capsys.readouterr().out.rstrip().rstrip(";")
    return f"SELECT month, segment, customers_start, new, customers_end FROM ({sql}) t ORDER BY segment, month"


def _shown(rows: list[tuple]) -> list[tuple]:
    return [(str(r[0])[:7], r[1], *map(int, r[2:])) for r in rows]


def test_the_import_reads_one_segment_each(tmp_path) -> None:
    (tmp_path / "s.csv").write_text("customer_id,month,mrr,plan\n" + "".join(f"{c},{m[:7]},{v},{s}\n" for c, m, v, s in
                                                                         ROWS), encoding="utf-8")  # fmt: skip
    out = tmp_path / "out"
    assert (
        cli.main(["import", "--subscriptions", str(tmp_path / "s.csv"), "--segment", "plan", "--to-csv", str(out)]) == 0
    )
    got = pd.read_csv(out / "movements.csv")[["month", "segment", "customers_start", "new", "customers_end"]]
    assert sorted(map(tuple, got.values.tolist()), key=lambda r: (r[1], r[0])) == RIGHT


def test_duckdb_reads_one_segment_each(capsys) -> None:
    db = duckdb.connect()
    db.execute("CREATE TABLE subscriptions (customer_id VARCHAR, month DATE, mrr DOUBLE, plan VARCHAR)")
    db.executemany("INSERT INTO subscriptions VALUES (?, ?, ?, ?)", ROWS)
    assert _shown(db.sql(_sql(capsys, "duckdb")).fetchall()) == RIGHT


def test_postgresql_reads_one_segment_each(capsys) -> None:
    import psycopg
    from postgres_server import throwaway_server

    with throwaway_server("xl-retention-pg-h104-segments-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE subscriptions (customer_id text, month date, mrr float8, plan text)")
        with con.cursor() as cur:
            cur.executemany("INSERT INTO subscriptions VALUES (%s, %s, %s, %s)", ROWS)
        assert _shown(con.execute(_sql(capsys, "postgres")).fetchall()) == RIGHT
