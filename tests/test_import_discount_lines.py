"""A subscription's coupon written as an item line of its own (items 100 and 20, a 'Coupon 40 off' line of -40) was
refused as 'negative MRR' (H63), though MRR is after discounts and a subscription's items add up: its MRR is 80. Now
such a line is taken off the subscription's items of that period, in an intervals file (a billing export, yearly
prices too) and a snapshots file, by pandas and DuckDB, in a file and a typed DuckDB table. A negative row that is no
such line (more than the items, alone, no subscription id) is still refused.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from import_cli import refusal, run

from xl_retention.relational.load import load_tables

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
DATES = "start=Start (UTC),end=Ended At (UTC)"
HEADER = "Subscription ID,Customer ID,Plan,Amount,Interval,Quantity,Start (UTC),Ended At (UTC),Status\n"


def _items(coupon: str = "-40", interval: str = "month", plan: str = "100", start: str = "2024-01-05") -> str:
    return HEADER + (
        f"sub_1,cus_1,Pro,{plan},{interval},1,2024-01-05,,active\n"
        f"sub_1,cus_1,Extra seats,{int(plan) // 5},{interval},1,2024-01-05,,active\n"
        f"sub_1,cus_1,Coupon 40 off,{coupon},{interval},1,{start},,active\n"
        "sub_2,cus_2,Basic,50,month,1,2024-01-10,2024-03-10,canceled\n"
    )


def _mrr(out: Path) -> list[float]:
    return pd.read_csv(out / "movements.csv")["mrr_end"].tolist()


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_coupon_line_among_a_subscriptions_items_is_taken_off_them(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(_items())
    assert _mrr(run(tmp_path, "--subscriptions", path, "--columns", DATES, backend=backend)) == [130.0, 130.0, 80.0]


def test_a_yearly_coupon_line_is_taken_off_per_month(tmp_path: Path) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(_items(coupon="-480", interval="year", plan="1200"))  # (1200 + 240 - 480) / 12 = 80
    assert _mrr(run(tmp_path, "--subscriptions", path, "--columns", DATES)) == [130.0, 130.0, 80.0]


SNAPSHOTS = (
    "Subscription ID,Customer ID,Plan,MRR,Month\n"
    "sub_1,cus_1,Pro,100,2024-01\nsub_1,cus_1,Extra seats,20,2024-01\nsub_1,cus_1,Coupon,-40,2024-01\n"
    "sub_1,cus_1,Pro,100,2024-02\nsub_1,cus_1,Extra seats,20,2024-02\n"
    "sub_2,cus_2,Basic,50,2024-01\nsub_2,cus_2,Basic,50,2024-02\n"
)


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_coupon_line_in_a_snapshots_month(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "snap.csv"
    path.write_text(SNAPSHOTS)
    out = run(tmp_path, "--subscriptions", path, backend=backend)
    assert _mrr(out) == [130.0, 170.0]  # January 100 + 20 - 40 + 50; February without the coupon
    assert pd.read_csv(out / "movements.csv")["expansion_mrr"].tolist() == [0.0, 40.0]


def test_a_coupon_line_in_a_duckdb_table(tmp_path: Path) -> None:
    frame = pd.read_csv(pd.io.common.StringIO(SNAPSHOTS)).assign(Month=lambda f: pd.to_datetime(f["Month"]))
    db = tmp_path / "db.duckdb"
    with duckdb.connect(str(db)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE t AS SELECT * FROM frame")
    tables = load_tables(subscriptions="table:t", backend="duckdb", connection=str(db))
    assert tables.movements["mrr_end"].tolist() == [130.0, 170.0]


@pytest.mark.parametrize(
    ("text", "row", "value"),
    [
        (_items(coupon="-150"), 4, "-150"),  # more than the items: no discount of them
        (
            HEADER
            + "sub_1,cus_1,Pro,100,month,1,2024-01-05,,active\nsub_3,cus_1,Coupon,-40,month,1,2024-01-05,,active\n",
            3,
            "-40",
        ),  # a line of its own id  # fmt: skip
        (
            _items().replace("sub_1,", "").replace("sub_2,", "").replace("Subscription ID,", ""),
            4,
            "-40",
        ),  # no subscription id
    ],
)
def test_a_negative_row_that_is_no_discount_line_is_still_refused(
    tmp_path: Path, capsys, text: str, row: int, value: str
) -> None:
    path = tmp_path / "subs.csv"
    path.write_text(text)
    assert refusal(capsys, "--subscriptions", str(path), "--columns", DATES, "--to-csv", str(tmp_path / "o")) == (
        f"subs.csv, column 'Amount': negative MRR in row {row} (counting the header as row 1): '{value}'"
    )
