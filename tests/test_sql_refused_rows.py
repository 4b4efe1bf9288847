"""`xl-retention sql`: rows ``xl-retention import`` refuses were counted silently (H90 finding 03).

A credit month written as a negative MRR (a: 100, -20, 100) gave a lost customer with churned MRR 100, then a
reactivation; a month missing from the table (a failed nightly load) made every customer lost, then reactivated (CRR
0); a month after the current one (a forecast loaded beside the actuals) was counted. The import refuses all three
(README "Bad data stops"; docs/metrics.md, Months); the query now stops naming the value, the month or the row.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

NEGATIVE = [("a", "2026-01-01", 100.0), ("b", "2026-01-01", 50.0), ("a", "2026-02-01", -20.0),
            ("b", "2026-02-01", 50.0), ("a", "2026-03-01", 100.0), ("b", "2026-03-01", 50.0)]  # fmt: skip
GAP = [("a", "2026-01-01", 100.0), ("b", "2026-01-01", 50.0), ("a", "2026-03-01", 100.0), ("b", "2026-03-01", 50.0),
       ("a", "2026-04-01", 100.0)]  # fmt: skip
#: February's rows added (b's with MRR 0: paused): read, by hand: Feb b lost (50), Mar b reactivated, Apr b lost
FILLED = [*GAP, ("a", "2026-02-01", 100.0), ("b", "2026-02-01", 0.0)]
NEGATIVE_STOP = (
    r"xl-retention: subscriptions\.mrr is -20(\.0)? in a row \(a negative MRR, which xl-retention import refuses\): "
    r"correct or remove it \(the row's customer_id: a\)"
)
GAP_STOP = (
    r"xl-retention: subscriptions has no rows at all for the month 2026-02, between months with rows \(a month's "
    r"export is missing: every customer would show as lost, then back; xl-retention import refuses it\): add it"
)


def _sql(capsys, table: str, dialect: str = "duckdb") -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", table]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


def _subs(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["customer_id", "month", "mrr"])
    return frame.assign(month=pd.to_datetime(frame.month).dt.date)


def _later() -> tuple[dt.date, str, str]:
    """A day two months after the current month, its month and the current month (YYYY-MM)."""
    first = dt.date.today().replace(day=1)
    later = (first + dt.timedelta(days=62)).replace(day=1)
    return later, later.strftime("%Y-%m"), first.strftime("%Y-%m")


def test_a_negative_mrr_and_a_missing_month_stop_the_query(capsys) -> None:
    db, sql = duckdb.connect(), _sql(capsys, "movements")
    db.register("subscriptions", _subs(NEGATIVE))
    with pytest.raises(duckdb.ConversionException, match=NEGATIVE_STOP):
        db.sql(sql).df()
    db.register("subscriptions", _subs(GAP))
    with pytest.raises(duckdb.ConversionException, match=GAP_STOP):
        db.sql(sql).df()
    with pytest.raises(duckdb.ConversionException, match=GAP_STOP):
        db.sql(_sql(capsys, "subscription_cohorts")).df()
    db.register("subscriptions", _subs(FILLED))
    got = db.sql(sql).df()[["customers_end", "lost", "reactivated", "churned_mrr", "reactivation_mrr"]]
    assert got.to_numpy().tolist() == [[2, 0, 0, 0, 0], [1, 1, 0, 50, 0], [2, 0, 1, 0, 50], [1, 1, 0, 50, 0]]


def test_rows_of_a_month_after_the_current_one_stop_the_query(capsys) -> None:
    later, month, now = _later()
    db = duckdb.connect()
    db.register("subscriptions", _subs([("a", "2026-01-01", 100.0), ("a", later.isoformat(), 100.0)]))
    db.register("orders", pd.DataFrame({"customer_id": ["a", "b"], "amount": [10.0, 20.0],
                                        "date": pd.to_datetime(["2026-01-05", later])}))  # fmt: skip
    stop = rf"xl-retention: {{}} is {month} in a row, after the current month \({now}\): a month that has not happened"
    with pytest.raises(duckdb.ConversionException, match=stop.format(r"subscriptions\.month") + r".*customer_id: a\)"):
        db.sql(_sql(capsys, "movements")).df()
    with pytest.raises(duckdb.ConversionException, match=stop.format(r"orders\.date") + r".*customer_id: b\)"):
        db.sql(_sql(capsys, "purchases")).df()
    db.register("orders", pd.DataFrame({"customer_id": ["a", "b"], "amount": [10.0, 20.0],
                                        "date": pd.to_datetime(["2026-01-05", "2026-02-03"])}))  # fmt: skip
    assert db.sql(_sql(capsys, "purchases")).df()["buyers"].tolist() == [1, 1]


def test_postgresql_stops_alike(capsys) -> None:
    import psycopg
    from postgres_server import throwaway_server

    sql = _sql(capsys, "movements", "postgres")
    later, month, _ = _later()
    with throwaway_server("xl-retention-pg-h93-refused-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE subscriptions (customer_id text, month date, mrr float8)")
        for rows, stop in ((NEGATIVE, NEGATIVE_STOP), (GAP, GAP_STOP),
                           ([("a", later, 5.0)], rf"subscriptions\.month is {month} in a row, after")):  # fmt: skip
            con.execute("DELETE FROM subscriptions")
            with con.cursor() as cur:
                cur.executemany("INSERT INTO subscriptions VALUES (%s, %s, %s)", rows)
            with pytest.raises(psycopg.errors.InvalidTextRepresentation, match=stop):
                con.execute(sql).fetchall()
        con.execute("DELETE FROM subscriptions")
        with con.cursor() as cur:
            cur.executemany("INSERT INTO subscriptions VALUES (%s, %s, %s)", FILLED)
        assert [r[-1] for r in con.execute(f"SELECT month, reactivated FROM ({sql}) t ORDER BY 1").fetchall()] == [
            0, 0, 1, 0
        ]  # fmt: skip
