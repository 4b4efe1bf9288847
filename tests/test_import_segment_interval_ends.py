"""--segment of an intervals file whose ends are contracts' last days, or stop days: every segment's rows are read as
the whole file's (docs/metrics.md, "A contract's last day as the end"; Segments: the segments add up to the whole
business), on the pandas path as on the engines. Was: the pandas path (``--backend pandas``, the default) decided
for each segment's rows alone, and so lost a customer a month early, or kept one a month late, in the segment whose
own rows said the other kind of end; DuckDB read the file's ends once."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

# x renews the day after their contract's end (2024-01-31, 2024-02-01): the file's ends are last days, and so y's
# contract to 2024-03-31 serves March. y's rows alone (no renewal) would be read as stop days: y lost in March.
LAST_DAYS = (
    "customer_id,plan,start,end,mrr\n"
    "x,Pro,2024-01-01,2024-01-31,100\nx,Pro,2024-02-01,,100\n"
    "y,Basic,2024-02-15,2024-03-31,50\n"
)
# y renews on the previous end's day (2024-03-15): the file's ends are stop days, and so x's contract to 2024-03-31
# stops on 31 March: served in February, lost in March (x's day-after renewal alone would read it served in March).
STOP_DAYS = (
    "customer_id,plan,start,end,mrr\n"
    "x,Pro,2024-01-01,2024-01-31,100\nx,Pro,2024-02-01,2024-03-31,100\n"
    "y,Basic,2024-02-15,2024-03-15,50\ny,Basic,2024-03-15,2024-04-20,50\n"
)


def _customers_end(tmp_path: Path, rows: str, backend: str) -> list[list]:
    path = tmp_path / "intervals.csv"
    path.write_text(rows)
    out = run(tmp_path, "--subscriptions", path, "--segment", "plan", backend=backend)
    table = pd.read_csv(out / "movements.csv")
    return table[["segment", "month", "customers_end", "lost", "mrr_end"]].values.tolist()


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_segments_ends_are_last_days_where_the_files_are(tmp_path: Path, backend: str) -> None:
    assert _customers_end(tmp_path, LAST_DAYS, backend) == [
        ["Basic", "2024-01", 0, 0, 0.0],
        ["Basic", "2024-02", 1, 0, 50.0],
        ["Basic", "2024-03", 1, 0, 50.0],  # was on pandas: 0 customers, y lost in March
        ["Basic", "2024-04", 0, 1, 0.0],
        ["Pro", "2024-01", 1, 0, 100.0],
        ["Pro", "2024-02", 1, 0, 100.0],
        ["Pro", "2024-03", 1, 0, 100.0],
        ["Pro", "2024-04", 1, 0, 100.0],
    ]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_segments_ends_are_stop_days_where_the_files_are(tmp_path: Path, backend: str) -> None:
    assert _customers_end(tmp_path, STOP_DAYS, backend) == [
        ["Basic", "2024-01", 0, 0, 0.0],
        ["Basic", "2024-02", 1, 0, 50.0],
        ["Basic", "2024-03", 1, 0, 50.0],
        ["Basic", "2024-04", 0, 1, 0.0],  # y's renewal to 2024-04-20 counts in March
        ["Pro", "2024-01", 1, 0, 100.0],
        ["Pro", "2024-02", 1, 0, 100.0],
        ["Pro", "2024-03", 0, 1, 0.0],  # was on pandas: 1 customer, x lost in April
        ["Pro", "2024-04", 0, 0, 0.0],
    ]


def test_the_python_functions_read_a_segment_as_the_file() -> None:
    from xl_retention import relational as R
    from xl_retention import tables as T
    from xl_retention.relational.segments import by_segment

    frame = pd.read_csv(pd.io.common.StringIO(LAST_DAYS), dtype=str)
    whole = T.subscription_tables(T.snapshots_from_intervals(frame))

    def compute(rows, start, end, **kw):
        snaps = T.snapshots_from_intervals(rows, through=whole.movements.index[-1], **kw)
        return T.subscription_tables(snaps, start, end)

    pandas = by_segment(compute, frame, "intervals", "plan", whole.movements.index).movements
    assert pandas.loc["Basic", "customers_end"].tolist() == [0, 1, 1, 0]
    engine = R.subscription_tables(frame, segment="plan").movements
    assert engine.loc["Basic", "customers_end"].tolist() == [0, 1, 1, 0]
