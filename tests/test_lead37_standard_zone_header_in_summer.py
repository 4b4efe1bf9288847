"""A header naming a zone's standard time ("Started At (PST)") over summer dates, with --timezone (H350's finding 07).

"PST" is UTC-8, but many US exports write Pacific wall times (PDT in summer) under it. Read as UTC-8 all year, a
subscription started 2026-07-31 23:30 became 2026-08-01 00:30 in Los Angeles: new in August instead of July, and its
end 2026-09-30 23:30 a loss in October instead of September, with no word. Where the two readings put a time in
different months the import now stops, naming the column, the time, both readings and the headers that say which;
a header naming the IANA zone or a fixed offset is read as it says, and a file whose times fall in the same month
either way imports as before.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from cli_process import run

ROWS = "s1,2026-07-31 23:30:00,2026-09-30 23:30:00,9.99,month\ns2,2026-01-05 10:00:00,,9.99,month\n"


def _import(tmp_path: Path, zone: str, rows: str = ROWS):
    source = tmp_path / "subs.csv"
    source.write_text(f"customer_id,Started At ({zone}),Ended At ({zone}),amount,interval\n{rows}")
    out = tmp_path / "out"
    columns = f"start=Started At ({zone}),end=Ended At ({zone})"
    result = run("import", "--subscriptions", source, "--columns", columns, "--timezone", "America/Los_Angeles",
                 "--to-csv", out, "--through", "2026-11")  # fmt: skip
    return result, out


def test_a_pst_header_over_a_time_whose_month_depends_on_summer_time_stops(tmp_path):
    result, out = _import(tmp_path, "PST")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "xl-retention: error: subs.csv, column 'Started At (PST)': its name says PST (UTC-08:00 all year), but 1 "
        "time(s) fall in another month if they are America/Los_Angeles's wall times (summer time included), as many "
        "exports write under PST: 2026-07-31 23:30 is 2026-08-01 00:30 or 2026-07-31 23:30 in --timezone "
        "America/Los_Angeles; rename the column to say which ('Started At (America/Los_Angeles)' for wall times, "
        "'Started At (UTC-08:00)' for a fixed offset)"
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("zone", "new", "lost"),
    [
        ("America/Los_Angeles", {"2026-07": 1, "2026-08": 0}, {"2026-09": 1, "2026-10": 0}),  # wall times
        ("UTC-08:00", {"2026-07": 0, "2026-08": 1}, {"2026-09": 0, "2026-10": 1}),  # a fixed offset, as it says
    ],
)
def test_a_header_saying_which_is_read_as_it_says(tmp_path, zone, new, lost):
    result, out = _import(tmp_path, zone)
    assert result.returncode == 0, result.stderr
    movements = pd.read_csv(out / "movements.csv", dtype={"month": str}).set_index("month")
    assert movements.loc[list(new), "new"].to_dict() == new
    assert movements.loc[list(lost), "lost"].to_dict() == lost


def test_a_pst_header_whose_times_keep_their_month_either_way_imports(tmp_path):
    rows = "s1,2026-07-15 23:30:00,2026-09-10 08:00:00,9.99,month\ns2,2026-01-31 23:30:00,,9.99,month\n"
    result, out = _import(tmp_path, "PST", rows)
    assert result.returncode == 0, result.stderr
    movements = pd.read_csv(out / "movements.csv", dtype={"month": str}).set_index("month")
    assert movements.loc[["2026-01", "2026-07", "2026-09"], "new"].tolist() == [1, 1, 0]
    assert movements.loc["2026-09", "lost"] == 1
