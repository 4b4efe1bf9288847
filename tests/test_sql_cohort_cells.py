"""`xl-retention sql` cohort tables: an observed cell of 0 had no row (H90 finding 06).

Pivoted into a triangle, the missing row is a blank cell, which docs/metrics.md (Survivors) keeps for "not observed
yet" (0 is every customer of the cohort lost); the sBG/BdW fits read such a cohort as never falling to 0. The import
writes ``2026-01,3,1,0`` (survivors) and ``2026-01,1,0,1`` (order cohorts) for these rows; the SQL now gives a row
for each cohort and month up to the data's last month, 0 where none of the cohort is active.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

#: a, b, d from January; a and b gone in February, d in March; c from February
SUBS = [("a", "2026-01-01", 100.0), ("b", "2026-01-01", 50.0), ("d", "2026-01-01", 10.0), ("c", "2026-02-01", 70.0),
        ("d", "2026-02-01", 10.0), ("c", "2026-03-01", 70.0)]  # fmt: skip
#: (cohort, months_since, customers, revenue, survivors): the January cohort's March cell observed, every one lost;
#: nobody new in March: a cohort of 0, as the import writes it
SUBS_RIGHT = [("2026-01", 0, 3, 160.0, 3), ("2026-01", 1, 1, 10.0, 1), ("2026-01", 2, 0, 0.0, 0),
              ("2026-02", 0, 1, 70.0, 1), ("2026-02", 1, 1, 70.0, 1),
              ("2026-03", 0, 0, 0.0, 0)]  # fmt: skip
#: a orders in January and March, b in February (with --segment plan: a 'pro', b 'basic')
ORDERS = [("a", "2026-01-05", 10.0, "pro"), ("b", "2026-02-07", 20.0, "basic"), ("a", "2026-03-05", 30.0, "pro")]
#: (cohort, months_since, customers, revenue)
ORDERS_RIGHT = [("2026-01", 0, 1, 10.0), ("2026-01", 1, 0, 0.0), ("2026-01", 2, 1, 30.0), ("2026-02", 0, 1, 20.0),
                ("2026-02", 1, 0, 0.0), ("2026-03", 0, 0, 0.0)]  # fmt: skip


def _sql(capsys, table: str, dialect: str = "duckdb", *more: str) -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", table, *more]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _cells(rows: list[tuple]) -> list[tuple]:
    return [(str(r[0])[:7], *(float(v) if isinstance(v, float) else int(v) for v in r[1:])) for r in rows]


def _db() -> duckdb.DuckDBPyConnection:
    db = duckdb.connect()
    subs = pd.DataFrame(SUBS, columns=["customer_id", "month", "mrr"])
    db.register("subscriptions", subs.assign(month=pd.to_datetime(subs.month).dt.date))
    orders = pd.DataFrame(ORDERS, columns=["customer_id", "date", "amount", "plan"])
    db.register("orders", orders.assign(date=pd.to_datetime(orders.date)))
    return db


def test_observed_cohort_cells_of_zero_have_a_row_of_zero(capsys) -> None:
    db = _db()
    assert _cells(db.sql(_sql(capsys, "subscription_cohorts")).fetchall()) == SUBS_RIGHT
    assert _cells(db.sql(_sql(capsys, "order_cohorts")).fetchall()) == ORDERS_RIGHT


def test_each_segments_cohorts_run_to_the_last_month(capsys) -> None:
    rows = _db().sql(_sql(capsys, "order_cohorts", "duckdb", "--segment", "plan")).df()
    got = [(str(r.cohort)[:7], int(r.months_since), r.segment, int(r.customers)) for r in rows.itertuples()]
    # each month a cohort of each segment, 0 where nobody joined (the import's triangles)
    assert sorted(got, key=lambda r: (r[2], r[0], r[1])) == [
        ("2026-01", 0, "basic", 0), ("2026-01", 1, "basic", 0), ("2026-01", 2, "basic", 0),
        ("2026-02", 0, "basic", 1), ("2026-02", 1, "basic", 0), ("2026-03", 0, "basic", 0),
        ("2026-01", 0, "pro", 1), ("2026-01", 1, "pro", 0), ("2026-01", 2, "pro", 1),
        ("2026-02", 0, "pro", 0), ("2026-02", 1, "pro", 0), ("2026-03", 0, "pro", 0),
    ]  # fmt: skip


def test_postgresql_gives_the_same_cells(capsys) -> None:
    import psycopg
    from postgres_server import throwaway_server

    subs, orders = _sql(capsys, "subscription_cohorts", "postgres"), _sql(capsys, "order_cohorts", "postgres")
    with throwaway_server("xl-retention-pg-h93-cells-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE subscriptions (customer_id text, month date, mrr float8)")
        con.execute("CREATE TABLE orders (customer_id text, date timestamp, amount float8)")
        with con.cursor() as cur:
            cur.executemany("INSERT INTO subscriptions VALUES (%s, %s, %s)", SUBS)
            cur.executemany("INSERT INTO orders VALUES (%s, %s, %s)", [r[:3] for r in ORDERS])
        assert _cells(con.execute(subs).fetchall()) == SUBS_RIGHT
        assert _cells(con.execute(orders).fetchall()) == ORDERS_RIGHT
