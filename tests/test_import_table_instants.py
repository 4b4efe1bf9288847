"""A database table's TIMESTAMP WITH TIME ZONE dates are counted in UTC months, with a note (H54 finding 05).

Shopify's orders loaded into DuckDB with their offsets (``strptime(..., '%z')``) are instants: '2026-03-31 22:00:00
-0400' (a March order in the CSV file, whose month is the date as written) is 02:00 UTC on 1 April. The table's
months came out in UTC with no word, unlike the file's. The months stay UTC (every engine's session zone, on every
machine), and the import says so, naming the table, the column and --timezone; with --timezone the table's months
are the file's. A column of UTC midnights (dates kept as instants) gets no note.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from xl_retention.reading import ReadOptions
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

WRITTEN = ["2026-02-10 10:00:00 -0500", "2026-03-05 10:00:00 -0500", "2026-03-31 22:00:00 -0400",
           "2026-04-10 10:00:00 -0400"]  # fmt: skip
ORDERS = pd.DataFrame({"Email": ["a@x.com", "b@x.com", "a@x.com", "b@x.com"], "Created at": WRITTEN,
                       "Total": [10.0, 20.0, 30.0, 40.0]})  # fmt: skip
COLUMNS = {"customer_id": "Email", "date": "Created at", "amount": "Total"}
NOTE = (
    "table:orders, column 'Created at': timestamps with a time zone (instants: no date is written) are counted in UTC "
    "months; --timezone ZONE counts them in yours (an order at 22:00 in New York on 31 March is an April one in UTC)"
)


def _database(tmp_path, dated: str = "strptime(\"Created at\", '%Y-%m-%d %H:%M:%S %z')") -> str:
    path = str(tmp_path / "w.duckdb")
    with duckdb.connect(path) as con:
        con.execute("SET TimeZone = 'UTC'")
        con.register("frame", ORDERS)
        con.execute(f'CREATE TABLE orders AS SELECT Email, {dated} AS "Created at", Total FROM frame')
    return path


def _buyers(connection: str, timezone: str | None = None, backend: str = "duckdb") -> tuple[list[int], list[str]]:
    tables = load_tables(orders="table:orders", columns=COLUMNS, backend=backend, connection=connection,
                         options=ReadOptions(timezone=timezone))  # fmt: skip
    return tables.purchases["buyers"].tolist(), [n for n in tables.notes if "time zone" in n]


def test_timestamptz_dates_are_counted_in_utc_with_a_note(tmp_path) -> None:
    assert _buyers(connection=_database(tmp_path)) == ([1, 1, 2], [NOTE])  # #1003 in April (UTC)


def test_timezone_counts_them_as_the_file_does(tmp_path) -> None:
    ORDERS.to_csv(tmp_path / "orders.csv", index=False)
    by_file = load_tables(orders=tmp_path / "orders.csv", columns=COLUMNS).purchases["buyers"].tolist()
    assert by_file == [1, 2, 1]  # the dates as written: #1003 in March
    assert _buyers(connection=_database(tmp_path), timezone="America/New_York") == ([1, 2, 1], [])


def test_utc_midnights_are_dates_and_get_no_note(tmp_path) -> None:
    midnights = "cast(cast(strptime(\"Created at\", '%Y-%m-%d %H:%M:%S %z') AS DATE) AS TIMESTAMPTZ)"
    assert _buyers(connection=_database(tmp_path, midnights)) == ([1, 1, 2], [])


def test_naive_timestamps_get_no_note(tmp_path) -> None:
    naive = 'cast(left("Created at", 19) AS TIMESTAMP)'
    assert _buyers(connection=_database(tmp_path, naive)) == ([1, 2, 1], [])


def test_a_postgresql_timestamptz_table_gets_the_note_too() -> None:
    import ibis
    from postgres_server import throwaway_server

    from xl_retention import relational as R

    typed = ORDERS.assign(**{"Created at": pd.to_datetime(ORDERS["Created at"], format="%Y-%m-%d %H:%M:%S %z",
                                                          utc=True)})  # fmt: skip
    with throwaway_server("xl-retention-pg-h56-") as url:
        con = R.connect("postgres", url)
        con.create_table("orders", schema=ibis.memtable(typed).schema())
        con.insert("orders", typed)
        assert _buyers(connection=url, backend="postgres") == ([1, 1, 2], [NOTE])
