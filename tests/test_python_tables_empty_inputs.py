"""A table with the columns but no rows (a query or a filter that matched nothing) given to the Python tables is
refused naming the argument, as the import refuses a file with a header and no data rows (H214's finding 05: it gave
empty tables, or months of 0 customers with a window, under no word), on pandas, polars, pyarrow and the engines."""

from __future__ import annotations

import duckdb
import ibis
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import xl_retention.relational as R
from xl_retention import movements as M
from xl_retention.reading import DataError

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

NOTHING = "nothing to count (a query or a filter that matched nothing?)"
SNAPS = pd.DataFrame({"customer_id": pd.Series([], dtype=str), "month": pd.Series([], dtype=str),
                      "mrr": pd.Series([], dtype=float)})  # fmt: skip
SNAPS_SAID = f"snapshots has the columns but no rows ('customer_id', 'month', 'mrr'): {NOTHING}"
ORDERS = pd.DataFrame({"customer_id": pd.Series([], dtype=str), "date": pd.Series([], dtype=str)})
ORDERS_SAID = f"orders has the columns but no rows ('customer_id', 'date'): {NOTHING}"


def _said(call) -> str:
    with pytest.raises(DataError) as caught:
        call()
    return str(caught.value)


@pytest.mark.parametrize(
    "call",
    [
        lambda: M.monthly_movements(SNAPS),
        lambda: M.monthly_movements(SNAPS, start="2024-01", end="2024-03"),  # was 3 months of 0 customers
        lambda: M.subscription_tables(SNAPS),
        lambda: M.cohorts_from_snapshots(SNAPS),
        lambda: M.survivors(SNAPS),
        lambda: R.subscription_tables(SNAPS),
        lambda: R.monthly_movements(pl.from_pandas(SNAPS)),
        lambda: M.monthly_movements(pl.from_pandas(SNAPS)),
        lambda: R.monthly_movements(pa.Table.from_pandas(SNAPS)),
    ],
)
def test_empty_snapshots_refused_naming_the_argument(call) -> None:
    assert _said(call) == SNAPS_SAID


def test_orders_visits_answers_intervals() -> None:
    for call in (lambda: M.order_tables(ORDERS), lambda: M.repeat_purchases(ORDERS), lambda: R.order_tables(ORDERS),
                 lambda: M.cohorts_from_orders(ORDERS, kind="customers")):  # fmt: skip
        assert _said(call) == ORDERS_SAID
    assert _said(lambda: M.overall_repeat_purchase_rate(ORDERS)) == ORDERS_SAID  # was NaN
    visits = pd.DataFrame({"visitor_id": [], "date": []})
    said = f"visits has the columns but no rows ('visitor_id', 'date'): {NOTHING}"
    assert _said(lambda: M.returning_visitors(visits)) == said
    assert _said(lambda: R.returning_visitors(visits)) == said
    answers = pd.DataFrame({"date": [], "score": []})
    said = f"answers has the columns but no rows ('date', 'score'): {NOTHING}"
    assert _said(lambda: M.nps_by_month(answers)) == said
    assert _said(lambda: R.nps_by_month(answers)) == said
    intervals = pd.DataFrame({"customer_id": [], "start": [], "end": [], "mrr": []})
    said = f"intervals has the columns but no rows ('customer_id', 'start', 'end', 'mrr'): {NOTHING}"
    assert _said(lambda: M.snapshots_from_intervals(intervals)) == said


def test_source_given_and_no_columns() -> None:
    said = f"subs.csv has the columns but no rows ('customer_id', 'month', 'mrr'): {NOTHING}"
    assert _said(lambda: M.monthly_movements(SNAPS, source="subs.csv")) == said
    assert _said(lambda: M.monthly_movements(pd.DataFrame())) == "snapshots is an empty table (no columns, no rows)"


def test_engine_tables() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE subs (customer_id VARCHAR, month DATE, mrr DOUBLE)")
    con.execute("INSERT INTO subs VALUES ('a', DATE '2024-01-01', 10)")
    table = ibis.duckdb.from_connection(con).table("subs")
    nothing = table.filter(table.mrr > 100)  # a filter that matched nothing
    assert _said(lambda: R.monthly_movements(nothing)) == SNAPS_SAID
    assert _said(lambda: R.monthly_movements(con.sql("SELECT * FROM subs WHERE mrr > 100"))) == SNAPS_SAID
    # the same table with its row: counted (1 customer in January)
    assert R.monthly_movements(table)["customers_end"].tolist() == [1]


def test_spark_dataframe(spark) -> None:
    frame = spark.createDataFrame([("a", "2024-01-01", 10.0)], "customer_id string, month string, mrr double")
    assert _said(lambda: R.monthly_movements(frame.filter("mrr > 100"))) == SNAPS_SAID
