"""A time zone in a column of its own beside Date and Time (Square's Transactions export: "Pacific Time (US &
Canada)"; any export with IANA names or abbreviations) was ignored by --timezone, silently (H26 finding 15): a payment
at 23:30 Pacific on 31 January (07:30 UTC on 1 February) stayed in January. With --timezone the date, its time and
its zone are one timestamp, converted; a Rails name is mapped to its IANA zone; a zone of no known name is refused
naming it; without --timezone nothing changes. By pandas and by DuckDB.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
BACKENDS = ["pandas", "duckdb"]


def _square(zone: str, zone_column: str = "Time Zone", time_column: str = "Time", date: str = "Date") -> str:
    return (
        f"{date},{time_column},{zone_column},Gross Sales,Net Sales,Transaction ID,Event Type,Customer ID\n"
        f'01/31/2024,23:30:00,"{zone}",$10.00,$10.00,t1,Payment,C1\n'
        f'01/15/2024,10:00:00,"{zone}",$20.00,$20.00,t2,Payment,C2\n'
        f'02/13/2024,10:00:00,"{zone}",$20.00,$20.00,t3,Payment,C1\n'
    )


def _purchases(out: Path) -> list[list[object]]:
    return pd.read_csv(out / "purchases.csv").iloc[:, [0, 1, 3]].values.tolist()


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("zone", "zone_column", "time_column"),
    [
        ("Pacific Time (US & Canada)", "Time Zone", "Time"),  # Square (Rails' names)
        ("(GMT-08:00) Pacific Time (US & Canada)", "Time Zone", "Time"),
        ("America/Los_Angeles", "TimeZone", "Time"),
        ("America/Los_Angeles", "Order Time Zone", "Order Time"),  # the date's own time and zone columns
        ("PST", "tz", "Time"),
    ],
)
def test_the_zone_column_is_read_with_the_date_and_time(
    tmp_path: Path, backend: str, zone: str, zone_column: str, time_column: str
) -> None:
    path = tmp_path / "square.csv"
    date = "Order Date" if time_column == "Order Time" else "Date"
    path.write_text(_square(zone, zone_column, time_column, date))
    args = ("--columns", f"customer_id=Customer ID,amount=Gross Sales,date={date}")
    assert _purchases(run(tmp_path, "--orders", path, *args, "--timezone", "UTC", backend=backend)) == [
        ["2024-01", 1, 0],
        ["2024-02", 1, 0],
    ]
    as_written = run(tmp_path / "plain", "--orders", path, *args, backend=backend)
    assert _purchases(as_written) == [["2024-01", 2, 0], ["2024-02", 1, 1]]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_zone_of_no_known_name_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    path = tmp_path / "square.csv"
    path.write_text(_square("Pacific Time (US & Canada)").replace('2024,10:00:00,"Pacific', '2024,10:00:00,"Mars', 1))
    err = refusal(capsys, "--orders", str(path), "--columns", "customer_id=Customer ID,amount=Gross Sales",
                  "--timezone", "UTC", "--backend", backend, "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert err == (
        "square.csv, column 'Time Zone': time zones that are no known zone (--timezone converts each time from its "
        "zone: write an IANA name such as America/Los_Angeles, or import without --timezone to read the dates as "
        "written) in row 3 (counting the header as row 1): 'Mars Time (US & Canada)'"
    )


def test_berlin_summer_time_and_a_date_without_time(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(
        "customer_id,date,time,timezone,amount\n"
        "a,2024-06-30,23:30:00,Berlin,10\n"  # 21:30 UTC: still June
        "b,2024-07-01,00:30:00,Berlin,10\n"  # 22:30 UTC on 30 June
        "c,2024-07-05,,Berlin,10\n"  # no time: the day as written
    )
    out = run(tmp_path, "--orders", path, "--timezone", "UTC")
    assert pd.read_csv(out / "purchases.csv").iloc[:, [0, 1]].values.tolist() == [["2024-06", 2], ["2024-07", 1]]
