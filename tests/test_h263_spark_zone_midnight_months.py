"""A Spark DataFrame's snapshot months at another zone's midnight are refused naming that zone (H263, item 2).

A pandas frame of Berlin midnights (``2026-01-01 00:00 +01:00``) made into a Spark DataFrame holds ``TimestampType``
instants, 2025-12-31 23:00 UTC: DuckDB and PostgreSQL refuse such a TIMESTAMPTZ month naming Europe/Berlin and
``--timezone`` (tests/test_relational_postgres_created_table_zone.py); Spark, which hands its instants over without a
zone, refused them as a payments export's times of day ('one row per event (a payments or orders export goes in with
--orders ...'). Spark's are now read as the instants they are: the same refusal, and that zone's months when asked.
"""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention import relational as R
from xl_retention.reading import DataError, ReadOptions

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")

#: months as Berlin midnights: 2026-01-01 00:00 +01:00 is 2025-12-31 23:00 UTC
BERLIN = pd.to_datetime(["2026-01-01", "2026-01-01", "2026-02-01", "2026-02-01", "2026-03-01"]).tz_localize(
    "Europe/Berlin"
)
SNAPSHOTS = pd.DataFrame({"customer_id": [1, 2, 1, 3, 2], "month": BERLIN, "mrr": [10.0, 20.0, 30.0, 5.0, 20.0]})
REFUSED = (
    "input, column 'month': a month column of instants at midnight in Europe/Berlin (or another zone of its UTC "
    "offsets), read as written with times of day in 5 rows, e.g. customer_id 1, month '2025-12-31 23:00:00+00:00'"
)


def test_spark_names_the_zone_as_duckdb_does(spark) -> None:
    frame = spark.createDataFrame(SNAPSHOTS)
    assert frame.schema["month"].dataType.typeName() == "timestamp"  # TimestampType: instants
    with pytest.raises(DataError) as caught:
        R.monthly_movements(frame)
    assert str(caught.value).startswith(REFUSED)
    assert str(caught.value).endswith("read them as that zone's months: --timezone Europe/Berlin")
    assert "payments" not in str(caught.value)


def test_spark_counts_that_zones_months_when_asked(spark) -> None:
    moves = R.monthly_movements(spark.createDataFrame(SNAPSHOTS), options=ReadOptions(timezone="Europe/Berlin"))
    assert [str(m) for m in moves.index] == ["2026-01", "2026-02", "2026-03"]
    assert moves[["customers_end", "mrr_end"]].to_dict("list") == {
        "customers_end": [2, 2, 1],
        "mrr_end": [30.0, 35.0, 20.0],
    }


def test_duckdb_refuses_the_same_table_alike() -> None:
    ibis = pytest.importorskip("ibis")
    table = ibis.duckdb.connect().create_table("subs", SNAPSHOTS)
    with pytest.raises(DataError) as caught:
        R.monthly_movements(table)
    assert str(caught.value).startswith(REFUSED)
