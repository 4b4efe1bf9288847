"""The caller's session time zone: a TIMESTAMPTZ counted in UTC months whatever it is, and left as it was after.

A's order at 22:30 New York time on 31 March 2026 is 02:30 UTC on 1 April: an April order (docs/metrics.md,
"Months": an instant's month is UTC's, on every engine); b's on 10 March, a's again on 15 April. A connection whose
session zone was set to New York counted a's first order in March (buyers 2, 1; H202's finding 02). A Spark session
in Los Angeles time was left in UTC by the call (H202's finding 03).
"""

from __future__ import annotations

import pandas as pd
import pytest

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
    pytest.mark.filterwarnings("ignore::xl_retention.reading.notes.ReadingNoteWarning"),  # the note on instants
]

ibis = pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[duckdb]')")

from postgres_server import throwaway_server  # noqa: E402

from xl_retention import relational as R  # noqa: E402
from xl_retention.reading import DataError  # noqa: E402

ORDERS = """CREATE TABLE orders AS SELECT * FROM (VALUES
 ('a', TIMESTAMPTZ '2026-03-31 22:30:00-04', 50.0), ('b', TIMESTAMPTZ '2026-03-10 10:00:00-04', 20.0),
 ('a', TIMESTAMPTZ '2026-04-15 12:00:00-04', 30.0)) v(customer_id, date, amount)"""
UTC_MONTHS = {pd.Period("2026-03", "M"): 1, pd.Period("2026-04", "M"): 1}  # by hand: b in March, a in April


def test_duckdb_session_in_new_york_counts_utc_months_and_keeps_its_zone() -> None:
    con = ibis.duckdb.connect()
    con.raw_sql("SET TimeZone='America/New_York'")
    con.raw_sql(ORDERS)
    got = R.order_tables(con.table("orders")).purchases["buyers"].to_dict()
    assert got == UTC_MONTHS  # was {2026-03: 2, 2026-04: 1}
    assert con.raw_sql("SELECT current_setting('TimeZone')").fetchone()[0] == "America/New_York"
    got = R.repeat_purchases(con.table("orders"), backend=con)["buyers"].to_dict()  # the connection as backend
    assert got == UTC_MONTHS
    assert con.raw_sql("SELECT current_setting('TimeZone')").fetchone()[0] == "America/New_York"


def test_duckdb_session_zone_is_put_back_when_the_input_is_refused() -> None:
    con = ibis.duckdb.connect()
    con.raw_sql("SET TimeZone='America/New_York'")
    con.raw_sql("CREATE TABLE subs AS SELECT * FROM (VALUES ('x', DATE '2026-01-01', -5.0)) v(customer_id, month, mrr)")
    with pytest.raises(DataError, match="negative MRR"):
        R.subscription_tables(con.table("subs"))
    assert con.raw_sql("SELECT current_setting('TimeZone')").fetchone()[0] == "America/New_York"


def test_postgres_session_in_new_york_counts_utc_months_and_keeps_its_zone() -> None:
    with throwaway_server("xl-retention-pg-zone-") as url:
        con = ibis.connect(url)
        con.raw_sql("SET TIME ZONE 'America/New_York'").close()
        con.raw_sql(ORDERS).close()
        got = R.order_tables(con.table("orders")).purchases["buyers"].to_dict()
        with con.raw_sql("SHOW TIME ZONE") as cursor:
            zone = cursor.fetchone()[0]
        con.disconnect()
    assert got == UTC_MONTHS  # was {2026-03: 2, 2026-04: 1}
    assert zone == "America/New_York"


def test_a_spark_sessions_zone_is_left_as_the_caller_set_it(spark) -> None:
    import pyspark.sql.functions as F

    spark.conf.set("spark.sql.session.timeZone", "America/Los_Angeles")
    try:
        events = spark.createDataFrame([("a", "2026-03-31 22:30:00")], ["customer_id", "t"])
        events = events.withColumn("t", F.to_timestamp("t"))  # 22:30 in Los Angeles: 05:30 UTC on 1 April
        subs = spark.createDataFrame(
            pd.DataFrame(
                {
                    "customer_id": ["x", "x", "y"],
                    "month": ["2026-01-01", "2026-02-01", "2026-02-01"],
                    "mrr": [10.0, 10.0, 20.0],
                }
            )  # fmt: skip
        ).withColumn("month", F.to_date("month"))
        got = R.subscription_tables(subs).movements["customers_end"].tolist()
        assert got == [1, 2]
        assert spark.conf.get("spark.sql.session.timeZone") == "America/Los_Angeles"  # was UTC after the call
        assert events.select(F.date_format("t", "yyyy-MM").alias("m")).first()["m"] == "2026-03"
        got = (
            R.order_tables(events, columns={"date": "t"}).purchases["buyers"].to_dict()
        )  # an instant: UTC's month, April
        assert got == {pd.Period("2026-04", "M"): 1}
        assert spark.conf.get("spark.sql.session.timeZone") == "America/Los_Angeles"
    finally:
        spark.conf.set("spark.sql.session.timeZone", "UTC")
