"""Ids that look alike in Excel are one customer: a character of no width or a decomposed accent is no new id.

A zero-width space (ids copied from a web page or a CRM), a byte order mark inside a file (two exports put
together), a left-to-right mark (copied from a right-to-left interface) and ``e`` + a combining accent (macOS'
form of ``é``) made a second customer: a phantom loss and a phantom new customer in the month the id changed. They
are dropped (Unicode's format characters, category Cf) and accents put in one form (NFC), as surrounding spaces are,
on every input kind, in segments, and on every engine (DuckDB, Spark and PostgreSQL read such a table as a file).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from import_cli import run
from postgres_server import throwaway_server

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

#: January's id, February's id of the same customer (each pays 10 both months): no one is lost, no one is new.
PAIRS = [
    ("abc", "abc\u200b"),  # zero-width space
    ("\ufeffxyz", "xyz"),  # a byte order mark inside the file
    ("l\u200eft", "lft"),  # a left-to-right mark
    ("caf\u00e9", "cafe\u0301"),  # NFC, then NFD
    ("soft", "so\u00adft"),  # a soft hyphen
]
SUBS = pd.DataFrame({
    "customer_id": [a for a, _ in PAIRS] + [b for _, b in PAIRS],
    "month": pd.to_datetime(["2024-01-01"] * len(PAIRS) + ["2024-02-01"] * len(PAIRS)),
    "mrr": [10.0] * (2 * len(PAIRS)),
    "plan": ["Pro", "Pro\u200b", "Basic", "Basic", "Pro"] + ["Pro\u200b", "Pro", "Basic\ufeff", "Basic", "Pro"],
})  # fmt: skip
MOVES = [["2024-01", 5, 0, 5], ["2024-02", 0, 0, 5]]  # month, new, lost, customers at end


def moves(out: Path) -> list[list[object]]:
    got = pd.read_csv(out / "movements.csv", dtype={"month": str})
    if "segment" in got.columns:
        got = got.groupby("month")[["new", "lost", "customers_end"]].sum().reset_index()
    return got[["month", "new", "lost", "customers_end"]].values.tolist()


def test_a_csv_of_ids_with_unseen_characters(tmp_path: Path) -> None:
    path = tmp_path / "subs.csv"
    SUBS.assign(month=SUBS["month"].dt.strftime("%Y-%m")).to_csv(path, index=False, encoding="utf-8")
    assert moves(run(tmp_path, "--subscriptions", path)) == MOVES


def test_a_workbooks_ids_with_unseen_characters(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["customer_id", "month", "mrr"])
    for row in SUBS.itertuples():
        sheet.append([row.customer_id, row.month.to_pydatetime(), row.mrr])
    sheet.append([123, pd.Timestamp("2024-01-01").to_pydatetime(), 10.0])  # a number cell: object ids, not text
    book.save(tmp_path / "subs.xlsx")
    assert moves(run(tmp_path, "--subscriptions", tmp_path / "subs.xlsx")) == [
        ["2024-01", 6, 0, 6],
        ["2024-02", 0, 1, 5],
    ]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_parquet_ids_and_segments_with_unseen_characters(tmp_path: Path, backend: str) -> None:
    SUBS.to_parquet(tmp_path / "subs.parquet", index=False)
    assert moves(run(tmp_path, "--subscriptions", tmp_path / "subs.parquet", backend=backend)) == MOVES
    out = run(tmp_path, "--subscriptions", tmp_path / "subs.parquet", "--segment", "plan", backend=backend)
    got = pd.read_csv(out / "movements.csv", dtype={"month": str})
    assert sorted(set(got["segment"])) == ["Basic", "Pro"]  # 'Pro\u200b' is Pro
    assert moves(out) == MOVES


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_orders_of_ids_with_unseen_characters(tmp_path: Path, backend: str) -> None:
    orders = pd.DataFrame({
        "customer_id": ["caf\u00e9", "cafe\u0301", "abc", "\u200babc"],
        "date": pd.to_datetime(["2024-01-05", "2024-02-05", "2024-01-09", "2024-02-09"]),
        "amount": [10.0, 20.0, 5.0, 7.0],
    })  # fmt: skip
    orders.to_parquet(tmp_path / "orders.parquet", index=False)
    got = pd.read_csv(run(tmp_path, "--orders", tmp_path / "orders.parquet", backend=backend) / "purchases.csv",
                      dtype={"month": str})  # fmt: skip
    assert got[["month", "buyers", "returning"]].values.tolist() == [["2024-01", 2, 0], ["2024-02", 2, 2]]


def moves_of(got) -> list[list[object]]:
    m = got.movements.reset_index()
    return [[str(r.month), int(r.new), int(r.lost), int(r.customers_end)] for r in m.itertuples()]


def test_unseen_characters_on_spark(spark) -> None:
    from xl_retention import relational as R

    assert moves_of(R.subscription_tables(spark.createDataFrame(SUBS.drop(columns="plan")))) == MOVES


def test_unseen_characters_on_postgres() -> None:
    import ibis

    from xl_retention import relational as R

    with throwaway_server("xl-retention-pg-unseen-") as url:
        con = R.connect("postgres", url)
        frame = SUBS.drop(columns="plan")
        con.create_table("subs", schema=ibis.memtable(frame).schema())
        con.insert("subs", frame)
        assert moves_of(R.subscription_tables(con.table("subs"), backend=con)) == MOVES
