"""--segment of a snapshots file whose customer has several rows in their first month (one per subscription, a
paused row beside the paying one): the customer's segment is the smallest value of the month's rows that pay, by
code point (docs/metrics.md, Segments), not the first row's."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

SNAPSHOTS = (
    "customer_id,subscription_id,month,mrr,plan\n"
    "a,s1,2026-01,50,Pro\na,s2,2026-01,30,Basic\na,s1,2026-02,50,Pro\na,s2,2026-02,30,Basic\n"
    "b,s3,2026-01,0,Trial\nb,s4,2026-01,20,Pro\nb,s4,2026-02,20,Pro\n"
    "c,s5,2026-01,10,basic\nc,s6,2026-01,10,Pro\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_smallest_segment_of_the_first_months_paying_rows(tmp_path: Path, backend: str) -> None:
    # was: a in 'Pro' (its first row), b in 'Trial' (a row of MRR 0); 'Pro' < 'basic' by code point
    path = tmp_path / "subs.csv"
    path.write_text(SNAPSHOTS)
    out = run(tmp_path, "--subscriptions", path, "--segment", "plan", backend=backend)
    table = pd.read_csv(out / "movements.csv")
    got = table[["segment", "month", "customers_end", "mrr_end"]].values.tolist()
    assert got == [
        ["Basic", "2026-01", 1, 80.0],
        ["Basic", "2026-02", 1, 80.0],
        ["Pro", "2026-01", 2, 40.0],  # b (20) and c (10 + 10)
        ["Pro", "2026-02", 1, 20.0],
    ]


def test_the_python_functions_split_alike() -> None:
    from xl_retention.relational.segments import split_rows

    frame = pd.read_csv(pd.io.common.StringIO(SNAPSHOTS), dtype=str)
    parts = split_rows(frame, "snapshots", "plan")
    assert {s: sorted(set(p["customer_id"])) for s, p in parts.items()} == {"Basic": ["a"], "Pro": ["b", "c"]}
