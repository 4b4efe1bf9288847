"""Timestamps with a zone: one rule on every engine (the data-engineer tester's finding 2; docs/metrics.md, "Months").

A pandas column of New York times (``datetime64[ns, America/New_York]``) carries its zone: a's order at 20:00 on
31 January is a January one on pandas and on DuckDB alike (buyers 2, 1, 1). A DuckDB table's TIMESTAMP WITH TIME ZONE
keeps no zone (an instant): UTC months (01:00 UTC on 1 February: buyers 1, 1, 1), with a note that named no zone to
count them in, or (a DuckDB relation, whose Arrow table carries the session's zone) said "counted in
America/New_York months" of figures counted in UTC. The note now says UTC and names the zone the connection shows
them in, and ``options=ReadOptions(timezone=...)`` of it gives the pandas months.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from xl_retention import relational as R
from xl_retention import tables
from xl_retention.reading import ReadOptions
from xl_retention.reading.notes import ReadingNoteWarning

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
ibis = pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[duckdb]')")
duckdb = pytest.importorskip("duckdb")

TIMES = ["2026-01-31 20:00", "2026-01-15 10:00", "2026-02-10 10:00", "2026-03-01 10:00"]
ORDERS = pd.DataFrame(
    {
        "customer_id": ["a", "b", "a", "b"],
        "date": pd.to_datetime(TIMES).tz_localize("America/New_York"),
        "amount": [10.0, 20.0, 30.0, 40.0],
    }
)
LOCAL = [2, 1, 1]  # by hand: January a and b, February a, March b
UTC = [1, 1, 1]  # a's 31 January 20:00 in New York is 1 February 01:00 UTC: January b only
NOTE = (
    "input, column 'date': timestamps with a time zone (instants: no date is written) are counted in UTC months; "
    "options=ReadOptions(timezone='America/New_York') counts them in America/New_York's, as your connection shows "
    "them (an order at 22:00 in New York on 31 March is an April one in UTC)"
)


def _buyers(function, *args, **kwargs) -> tuple[list[int], list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReadingNoteWarning)
        got = function(*args, **kwargs)["buyers"].tolist()
    return got, [str(w.message) for w in caught if w.category is ReadingNoteWarning]


def test_a_frame_with_a_zone_counts_its_own_dates_on_every_engine() -> None:
    new_york = duckdb.connect()
    new_york.execute("SET TimeZone = 'America/New_York'")
    assert _buyers(tables.repeat_purchases, ORDERS) == (LOCAL, [])
    assert _buyers(R.repeat_purchases, ORDERS) == (LOCAL, [])  # DuckDB, the embedded connection
    assert _buyers(R.repeat_purchases, ORDERS, backend=new_york) == (LOCAL, [])
    assert _buyers(R.repeat_purchases, ORDERS, backend=duckdb.connect()) == (LOCAL, [])
    assert _buyers(R.repeat_purchases, pd.DataFrame(ORDERS).assign(date=ORDERS["date"].dt.tz_convert("UTC"))) == (
        UTC,
        [],
    )  # a frame of UTC times: their own dates are UTC's


def test_a_duckdb_tables_instants_are_utc_months_and_the_note_names_the_connections_zone() -> None:
    con = duckdb.connect()
    con.execute("SET TimeZone = 'America/New_York'")
    con.execute("CREATE TABLE orders AS SELECT * FROM ORDERS")
    assert con.execute("SELECT data_type FROM information_schema.columns WHERE column_name = 'date'").fetchone() == (
        "TIMESTAMP WITH TIME ZONE",
    )
    assert _buyers(R.repeat_purchases, con.table("orders"), backend=con) == (UTC, [NOTE])
    relation = con.sql("SELECT * FROM orders")  # its Arrow table carries the session's zone
    assert _buyers(R.repeat_purchases, relation) == (UTC, [NOTE])  # was "counted in America/New_York months"
    wrapped = ibis.duckdb.from_connection(con)
    wrapped.raw_sql("SET TimeZone = 'America/New_York'")  # Ibis' wrapper set UTC
    assert _buyers(R.repeat_purchases, wrapped.table("orders")) == (UTC, [NOTE])
    zone = ReadOptions(timezone="America/New_York")  # the note's advice: the pandas months
    assert _buyers(R.repeat_purchases, con.table("orders"), backend=con, options=zone)[0] == LOCAL
    assert con.execute("SELECT current_setting('TimeZone')").fetchone() == ("America/New_York",)


def test_a_frame_with_a_zone_counts_its_own_dates_on_postgres() -> None:
    from postgres_server import throwaway_server

    with throwaway_server("xl-retention-pg-zoned-") as url:
        con = ibis.connect(url)
        con.raw_sql("SET TIME ZONE 'America/New_York'").close()
        assert _buyers(R.repeat_purchases, ORDERS, backend=con) == (LOCAL, [])
