"""Spark's TIMESTAMP dates (``TimestampType``: instants) are counted in UTC months with a note, as a TIMESTAMPTZ's are.

796ecfb notes a DuckDB or PostgreSQL table's TIMESTAMP WITH TIME ZONE column (an order at 22:00 in New York on 31
March is an April one in UTC). Spark's ``TimestampType`` is such an instant (shown in the session's zone, UTC), but
Ibis types it as a timestamp without a zone: no note, and --timezone, which the note names, converted none of them
('no time there has a UTC offset or a zone'). Now Spark says the same, and --timezone counts them in the user's zone;
``TIMESTAMP_NTZ`` (a date and time as written) gets no note.
"""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention import relational as R
from xl_retention.reading import ReadOptions
from xl_retention.reading.notes import collected

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")

#: UTC instants: 02:00 UTC on 1 April is 22:00 on 31 March in New York
UTC = ["2026-02-10 15:00:00", "2026-03-05 15:00:00", "2026-04-01 02:00:00", "2026-04-10 14:00:00"]
COLUMNS = {"customer_id": "Email", "date": "Created at", "amount": "Total"}
NOTE = (
    "input, column 'Created at': timestamps with a time zone (instants: no date is written) are counted in UTC "
    "months; --timezone ZONE counts them in yours (an order at 22:00 in New York on 31 March is an April one in UTC)"
)


def _buyers(frame, timezone: str | None = None) -> tuple[list[int], list[str]]:
    with collected() as notes:
        purchases = R.order_tables(frame, columns=COLUMNS, options=ReadOptions(timezone=timezone))[0]
    return purchases["buyers"].tolist(), [n for n in notes if "zone" in n]


def test_spark_timestamps_are_noted_and_converted_by_timezone(spark) -> None:
    orders = pd.DataFrame({"Email": ["a@x.com", "b@x.com", "a@x.com", "b@x.com"],
                           "Created at": pd.to_datetime(UTC), "Total": [10.0, 20.0, 30.0, 40.0]})  # fmt: skip
    frame = spark.createDataFrame(orders)
    assert frame.schema["Created at"].dataType.typeName() == "timestamp"  # TimestampType: an instant
    assert _buyers(frame) == ([1, 1, 2], [NOTE])  # the order of 1 April 02:00 UTC in April
    assert _buyers(frame, "America/New_York") == ([1, 2, 1], [])  # in March where the user is
    written = frame.withColumn("Created at", frame["Created at"].cast("timestamp_ntz"))  # a date and time as written
    assert _buyers(written) == ([1, 1, 2], [])
