"""`xl-retention sql` movements: each row of a customer's month counted as a customer (H90 finding 05).

A warehouse's ``subscriptions`` at subscription grain (customer a: Pro 100 and Add-on 50 in January and March, Pro
alone in February; b 30) gave January 3 customers, a lost customer with churned MRR 100 and an expansion in February,
a reactivation in March, and PostgreSQL another reactivation MRR than DuckDB (rows paired in no set order). Without a
subscription id, two rows with an MRR of one customer and month cannot be told from a plan change or a table loaded
twice: ``xl-retention import`` refuses them (docs/metrics.md, "A snapshots file's rows of one customer and month"), and
the query now stops naming the customer and the month; a row of MRR 0 beside the month's paying row adds nothing.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

COLUMNS = ["customers_end", "new", "lost", "reactivated", "mrr_end", "expansion_mrr", "contraction_mrr",
           "churned_mrr", "reactivation_mrr"]  # fmt: skip
GRAIN = [("a", "2026-01-01", 100.0), ("a", "2026-01-01", 50.0), ("b", "2026-01-01", 30.0),
         ("a", "2026-02-01", 100.0), ("b", "2026-02-01", 30.0),
         ("a", "2026-03-01", 100.0), ("a", "2026-03-01", 50.0), ("b", "2026-03-01", 30.0)]  # fmt: skip
STOPPED = (
    r"xl-retention: subscriptions has 2 rows with an MRR of customer_id a in the month 2026-01 \(two subscriptions, a "
    r"plan change, or a table loaded twice\? without a subscription id xl-retention import refuses them\): keep one "
    r"row per customer and month"
)
#: a paused row of MRR 0 beside a's paying row in February (and a's and b's months): one customer each month
PAUSED = [("a", "2026-01-01", 100.0), ("b", "2026-01-01", 30.0), ("a", "2026-02-01", 0.0), ("a", "2026-02-01", 120.0),
          ("b", "2026-02-01", 30.0), ("a", "2026-03-01", 120.0), ("a", "2026-03-01", 0.0)]  # fmt: skip
#: by hand: Feb a 100 -> 120 (expansion 20), b kept; Mar b lost (churned 30), a kept at 120
PAUSED_RIGHT = [(2, 2, 0, 0, 130.0, 0.0, 0.0, 0.0, 0.0), (2, 0, 0, 0, 150.0, 20.0, 0.0, 0.0, 0.0),
                (1, 0, 1, 0, 120.0, 0.0, 0.0, 30.0, 0.0)]  # fmt: skip


def _sql(capsys, dialect: str) -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", "movements"]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _frame(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["customer_id", "month", "mrr"])
    return frame.assign(month=pd.to_datetime(frame.month).dt.date)


def _counts(frame: pd.DataFrame) -> list[tuple]:
    return [tuple(float(r[c]) for c in COLUMNS) for _, r in frame.iterrows()]


def test_two_rows_with_an_mrr_of_one_customer_and_month_stop_the_query(capsys) -> None:
    db = duckdb.connect()
    db.register("subscriptions", _frame(GRAIN))
    with pytest.raises(duckdb.ConversionException, match=STOPPED):
        db.sql(_sql(capsys, "duckdb")).df()
    db.register("subscriptions", _frame(PAUSED))
    assert _counts(db.sql(_sql(capsys, "duckdb")).df()) == PAUSED_RIGHT


def test_postgresql_stops_alike_and_counts_a_paused_row_as_duckdb_does(capsys) -> None:
    import psycopg
    from postgres_server import throwaway_server

    sql = _sql(capsys, "postgres")
    with throwaway_server("xl-retention-pg-h93-grain-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE subscriptions (customer_id text, month date, mrr float8)")
        with con.cursor() as cur:
            cur.executemany("INSERT INTO subscriptions VALUES (%s, %s, %s)", GRAIN)
        with pytest.raises(psycopg.errors.InvalidTextRepresentation, match=STOPPED):
            con.execute(sql).fetchall()
        con.execute("DELETE FROM subscriptions")
        with con.cursor() as cur:
            cur.executemany("INSERT INTO subscriptions VALUES (%s, %s, %s)", PAUSED)
        cursor = con.execute(sql)
        names = [c.name for c in cursor.description]
        got = pd.DataFrame(cursor.fetchall(), columns=names)
        assert _counts(got) == PAUSED_RIGHT
