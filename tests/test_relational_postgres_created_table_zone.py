"""A PostgreSQL table made from a zoned pandas frame by Ibis (``con.create_table(name, frame)``) counts its
TIMESTAMPTZ in UTC months, as the same table read back (``con.table(name)``) and DuckDB do (docs/metrics.md,
"Months"; H250, item 3). Ibis gave the table it made the frame's zone (``timestamp('Europe/Berlin')``) and fetched the
values in it: where a table is read as a file's, its months were that zone's, under a note saying UTC's. Snapshots
of Berlin midnights (UTC 23:00 the day before) were counted in January-March where DuckDB refuses them naming
the zone; orders with an order id (read as a file's) were counted in New York's months, without one in UTC's."""

from __future__ import annotations

import pandas as pd
import pytest

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore::xl_retention.reading.notes.ReadingNoteWarning"),
]

ibis = pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[postgres]')")

from postgres_server import throwaway_server  # noqa: E402

from xl_retention import relational as R  # noqa: E402
from xl_retention.reading import DataError, ReadOptions  # noqa: E402

#: months as Berlin midnights: 2026-01-01 00:00 +01:00 is 2025-12-31 23:00 UTC
SNAPSHOTS = pd.DataFrame(
    {
        "customer_id": [1, 2, 1, 3, 2],
        "month": pd.to_datetime(["2026-01-01", "2026-01-01", "2026-02-01", "2026-02-01", "2026-03-01"]).tz_localize(
            "Europe/Berlin"
        ),
        "mrr": [10.0, 20.0, 30.0, 5.0, 20.0],
    }
)
#: New York times: customer 2's 23:30 on 31 January is 04:30 UTC on 1 February, customer 3's on 1 March is March
ORDERS = pd.DataFrame(
    {
        "order_id": ["o1", "o2", "o3", "o4"],
        "customer_id": [1, 2, 1, 3],
        "date": pd.to_datetime(
            ["2026-01-03 10:00", "2026-01-31 23:30", "2026-02-02 08:00", "2026-03-01 00:30"]
        ).tz_localize("America/New_York"),
        "amount": [10.0, 20.0, 30.0, 7.5],
    }
)
#: UTC months: January customer 1; February 1 and 2; March 3
BUYERS = [1, 2, 1]
REFUSED = "input, column 'month': a month column of instants at midnight in Europe/Berlin"


@pytest.fixture(scope="module")
def servers():
    with throwaway_server("xl-retention-pg-zone-") as url:
        yield ibis.connect(url), ibis.duckdb.connect()


def test_snapshots_of_another_zones_midnights_are_refused_as_on_duckdb(servers) -> None:
    pg, duck = servers
    made = pg.create_table("subs", SNAPSHOTS)
    for table in (made, pg.table("subs"), duck.create_table("subs", SNAPSHOTS)):
        with pytest.raises(DataError, match=REFUSED):
            R.monthly_movements(table)
    berlin = ReadOptions(timezone="Europe/Berlin")  # what the refusal advises: that zone's months
    moves = R.monthly_movements(made, options=berlin)
    assert moves[["customers_end", "mrr_end"]].to_dict("list") == {
        "customers_end": [2, 2, 1],
        "mrr_end": [30.0, 35.0, 20.0],
    }
    assert [str(m) for m in moves.index] == ["2026-01", "2026-02", "2026-03"]


def test_orders_read_as_a_files_are_counted_in_utc_months(servers) -> None:
    pg, duck = servers
    made = pg.create_table("orders", ORDERS)
    without_id = pg.create_table("orders_no_id", ORDERS.drop(columns="order_id"))  # counted by the SQL itself
    for table in (made, pg.table("orders"), without_id, duck.create_table("orders", ORDERS)):
        bought = R.order_tables(table).purchases
        assert bought["buyers"].tolist() == BUYERS
        assert [str(m) for m in bought.index] == ["2026-01", "2026-02", "2026-03"]
