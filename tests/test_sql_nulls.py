"""`xl-retention sql`: a NULL where the SQL reads a value read as churn or no order, silently (H78 finding 02).

A warehouse's ``subscriptions`` with mrr NULL in a month (not computed yet) gave a lost customer and churned MRR; an
``orders`` row with a NULL amount was no order (Feb buyers 1 for 2), where ``xl-retention import`` of the same tables
refuses the blank. Now such a row stops the query with an error naming the input, the column and the row's customer
(DuckDB, PostgreSQL; a NULL score is still no answer).
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from xl_retention import cli

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _sql(capsys, table: str, dialect: str = "duckdb") -> str:
    capsys.readouterr()
    assert cli.main(["sql", "--dialect", dialect, "--table", table]) == 0
    return capsys.readouterr().out.rstrip().rstrip(";")


MONTHS = pd.to_datetime(["2024-01-01", "2024-01-01", "2024-02-01", "2024-02-01"])
SUBS = pd.DataFrame({"customer_id": ["a", "b", "a", "b"], "month": MONTHS, "mrr": [50.0, 30.0, 50.0, None]})
ORDERS = pd.DataFrame({"customer_id": ["a", "b", "a", "b"], "amount": [10.0, 20.0, 10.0, None],
                       "date": pd.to_datetime(["2024-01-05", "2024-01-06", "2024-02-05", "2024-02-06"])})  # fmt: skip


def test_a_null_mrr_or_amount_stops_the_query_naming_it(capsys) -> None:
    db = duckdb.connect()
    db.register("subscriptions", SUBS)
    db.register("orders", ORDERS)
    with pytest.raises(duckdb.ConversionException, match=r"'xl-retention: subscriptions\.mrr is NULL in a row \(read "
                       r"as no MRR: a customer lost, where xl-retention import refuses a blank\): fill or remove it "
                       r"\(the row's customer_id: b\)'"):  # fmt: skip
        db.sql(_sql(capsys, "movements")).df()
    with pytest.raises(duckdb.ConversionException, match=r"orders\.amount is NULL in a row .*customer_id: b\)"):
        db.sql(_sql(capsys, "purchases")).df()
    db.register("subscriptions", SUBS.fillna({"mrr": 30.0}))  # filled: read
    db.register("orders", ORDERS.fillna({"amount": 5.0}))
    february = db.sql(_sql(capsys, "movements")).df().iloc[1]
    assert (february["customers_end"], february["lost"], february["mrr_end"]) == (2, 0, 80.0)
    assert db.sql(_sql(capsys, "purchases")).df().iloc[1]["buyers"] == 2


def test_a_null_score_is_still_no_answer(capsys) -> None:
    db = duckdb.connect()
    db.register("answers", pd.DataFrame({"date": pd.to_datetime(["2024-01-05", "2024-01-06"]), "score": [9.0, None]}))
    assert db.sql(_sql(capsys, "nps")).df().iloc[0]["responses"] == 1
    db.register("answers", pd.DataFrame({"date": [pd.Timestamp("2024-01-05"), pd.NaT], "score": [9.0, 3.0]}))
    with pytest.raises(duckdb.ConversionException, match=r"answers\.date is NULL in a row .*the row's score: 3"):
        db.sql(_sql(capsys, "nps")).df()


def test_postgresql_stops_on_a_null_and_plans_without_one(capsys) -> None:
    import psycopg
    from postgres_server import throwaway_server

    sql = _sql(capsys, "movements", "postgres")
    with throwaway_server("xl-retention-pg-h74-nulls-") as url, psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE TABLE subscriptions (customer_id text, month date, mrr float8)")
        for r in SUBS.fillna({"mrr": 30.0}).itertuples():
            con.execute("INSERT INTO subscriptions VALUES (%s, %s, %s)", (r.customer_id, r.month.date(), r.mrr))
        rows = con.execute(sql).fetchall()  # the stop's cast of a message is not folded while planning
        assert len(rows) == 2
        con.execute("UPDATE subscriptions SET mrr = NULL WHERE customer_id = 'b' AND month = '2024-02-01'")
        with pytest.raises(psycopg.errors.InvalidTextRepresentation, match=r"subscriptions\.mrr is NULL in a row"):
            con.execute(sql).fetchall()
