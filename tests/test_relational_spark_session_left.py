"""A Spark session given as ``backend=`` keeps its own time zone and views (the data-engineer tester's findings 3 and
5): Ibis' connection set the session to UTC and the call left it so, since only an Ibis Spark connection was put back
(session_zone._spark_sessions); Ibis' in-memory tables and the Spark DataFrame's input view stayed as temporary views
in the session. The months are the same as the pandas path's (an order at 20:00 in New York on 31 January: January).
"""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention import relational as R
from xl_retention import tables

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::FutureWarning"),
]

ZONE = "spark.sql.session.timeZone"
TIMES = ["2026-01-31 20:00", "2026-01-15 10:00", "2026-02-10 10:00", "2026-03-01 10:00"]
ORDERS = pd.DataFrame(
    {
        "customer_id": ["a", "b", "a", "b"],
        "date": pd.to_datetime(TIMES).tz_localize("America/New_York"),
        "amount": [10.0, 20.0, 30.0, 40.0],
    }
)
SNAPSHOTS = pd.DataFrame(
    {
        "customer_id": ["a", "b", "a", "c"],
        "month": ["2026-01", "2026-01", "2026-02", "2026-02"],
        "mrr": [10.0, 20, 30, 5],
    }
)


def _temporary_views(spark) -> list[str]:
    return sorted(t.name for t in spark.catalog.listTables() if t.isTemporary)


def test_a_session_given_as_backend_keeps_its_zone_and_counts_as_pandas(spark) -> None:
    spark.conf.set(ZONE, "America/New_York")
    spark.createDataFrame(pd.DataFrame({"x": [1]})).createOrReplaceTempView("mine")
    try:
        before = _temporary_views(spark)
        assert tables.repeat_purchases(ORDERS)["buyers"].tolist() == [2, 1, 1]  # a's 31 January: January
        assert R.repeat_purchases(ORDERS, backend=spark)["buyers"].tolist() == [2, 1, 1]
        assert spark.conf.get(ZONE) == "America/New_York"  # was UTC
        moves = R.subscription_tables(SNAPSHOTS, backend=spark).movements
        assert moves[["customers_end", "lost", "mrr_end"]].to_dict("list") == {
            "customers_end": [2, 2], "lost": [0, 1], "mrr_end": [30.0, 35.0]
        }  # fmt: skip
        assert spark.conf.get(ZONE) == "America/New_York"
        frame = spark.createDataFrame(SNAPSHOTS)
        assert R.monthly_movements(frame)["lost"].tolist() == [0, 1]  # a Spark DataFrame: its session's view
        assert _temporary_views(spark) == before == ["mine"]  # ibis_pandas_memtable_..., xl_retention_input_N gone
    finally:
        spark.conf.set(ZONE, "UTC")
        spark.catalog.dropTempView("mine")
