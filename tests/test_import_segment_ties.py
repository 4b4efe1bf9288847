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
    "c,s5,2026-01,10,plus\nc,s6,2026-01,10,Pro\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_the_smallest_segment_of_the_first_months_paying_rows(tmp_path: Path, backend: str) -> None:
    # was: a in 'Pro' (its first row), b in 'Trial' (a row of MRR 0); 'Pro' < 'plus' by code point
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


ORDERS = (
    "order_id,customer_id,date,amount,category\n1001,a,2026-01-05,30.00,Shoes\n1001,,,20.00,Hats\n"
    "1002,b,2026-01-06,10.00,Shoes\n1003,a,2026-02-05,15.00,Shoes\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_orders_items_take_the_smallest_segment_and_all_count(tmp_path: Path, backend: str) -> None:
    # was: a in 'Shoes' (the order's first item), and on pandas the second item's 20.00 (customer blank on its row,
    # as Shopify writes an order's later items) in no segment: Shoes' January 40.00 where the data hold 60.00
    path = tmp_path / "orders.csv"
    path.write_text(ORDERS)
    out = run(tmp_path, "--orders", path, "--segment", "category", backend=backend)
    table = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert table[["segment", "cohort", "0", "1"]].fillna(-1).values.tolist() == [
        ["Hats", "2026-01", 50.0, 15.0],
        ["Hats", "2026-02", 0.0, -1],
        ["Shoes", "2026-01", 10.0, 0.0],
        ["Shoes", "2026-02", 0.0, -1],
    ]
