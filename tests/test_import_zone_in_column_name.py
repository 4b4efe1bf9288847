"""A zone named in a date column's header other than UTC (H35 finding 14): with --timezone, naive times under
'Started At (PST)', 'Created (America/Los_Angeles)', 'Created (GMT-8)', 'Start (UTC-08:00)' were not converted, no note,
exit 0 ('Start (UTC-08:00)' was even read as UTC); 'Created (UTC)' was. Now each is a time of the zone its name says,
converted, text and date cells alike, by pandas and DuckDB; an abbreviation of several zones ('(IST)') is refused.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]


def _january_new(out: Path) -> int:
    movements = pd.read_csv(out / "movements.csv").set_index("month")
    return int(movements.loc["2024-01", "new"])


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    ("column", "timezone", "new"),
    [
        ("Started At (PST)", "UTC", 1),  # A's 2024-01-31 20:00 PST is 2024-02-01 04:00 UTC
        ("Started At (America/Los_Angeles)", "UTC", 1),
        ("Created (GMT-8)", "UTC", 1),
        ("Start (UTC-08:00)", "UTC", 1),
        ("started_at_pst", "UTC", 1),
        ("Start (UTC-08:00)", "America/Los_Angeles", 2),  # already that zone's time: January
        ("Created (UTC)", "America/Los_Angeles", 2),  # 20:00 UTC is noon in Los Angeles: January
        ("Started At", "UTC", 2),  # no zone said: the date as written
    ],
)
def test_a_zone_in_the_header_is_the_times_zone(
    tmp_path: Path, backend: str, column: str, timezone: str, new: int
) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(
        f"customer_id,{column},end,mrr\nA,2024-01-31 20:00:00,,100\nB,2024-01-10 10:00:00,,50\n"
        "C,2024-02-10 10:00:00,,10\n"
    )
    out = run(tmp_path, "--subscriptions", path, "--columns", f"start={column}", "--timezone", timezone,
              backend=backend)  # fmt: skip
    assert _january_new(out) == new


def test_date_cells_of_a_workbook_too(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["customer_id", "Started At (PST)", "mrr"])
    sheet.append(["A", dt.datetime(2024, 1, 31, 20, 0), 100])
    sheet.append(["B", dt.datetime(2024, 1, 10, 10, 0), 50])
    book.save(tmp_path / "subs.xlsx")
    out = run(tmp_path, "--subscriptions", tmp_path / "subs.xlsx", "--columns", "start=Started At (PST)",
              "--timezone", "UTC")  # fmt: skip
    assert _january_new(out) == 1


def test_an_abbreviation_of_several_zones_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subs.csv"
    path.write_text("customer_id,Started (IST),mrr\nA,2024-01-31 20:00:00,100\n")
    err = refusal(capsys, "--subscriptions", str(path), "--columns", "start=Started (IST)", "--timezone", "UTC",
                  "--to-csv", str(tmp_path / "o"))  # fmt: skip
    assert err == (
        "subs.csv, column 'Started (IST)': its name says the times are IST, an abbreviation of several zones (India "
        "+05:30, Ireland +01:00 or Israel +02:00), so --timezone cannot convert them: name the zone in the header "
        "('Created (Asia/Kolkata)', 'Created (UTC+05:30)'), or import without --timezone (a timestamp's month is then "
        "its date as written)"
    )
