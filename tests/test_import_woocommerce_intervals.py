"""WooCommerce Subscriptions' billing columns: ``billing_period`` is the unit (day, week, month, year) and
``billing_interval`` the count (2: every 2 months), the names Chargebee and Shopify use the other way round. The
interval was taken from ``billing_interval`` ('1', '2' refused as intervals); now each column by its values: every 2
months at 60.00 is MRR 30, every year at 240.00 is 20."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

HEADER = (
    "subscription_id,subscription_status,customer_id,start_date,trial_end_date,next_payment_date,last_payment_date,"
    "end_date,billing_period,billing_interval,order_total,order_currency"
)
ROWS = [
    "101,wc-active,7,2024-01-05 10:00:00,,2024-06-05 10:00:00,2024-05-05 10:00:00,,month,1,30.00,USD",
    "102,wc-active,8,2024-01-10 10:00:00,,2024-07-10 10:00:00,2024-05-10 10:00:00,,month,2,60.00,USD",
    "103,wc-active,9,2024-02-01 10:00:00,,2025-02-01 10:00:00,2024-02-01 10:00:00,,year,1,240.00,USD",
    "104,wc-cancelled,10,2024-02-03 10:00:00,,,2024-03-27 10:00:00,2024-04-03 10:00:00,week,1,10.00,USD",
]
WEEKLY = 10 * 365.25 / 7 / 12  # 10.00 a week, a month's share
MRR_END = {"2024-01": 30 + 60 / 2, "2024-02": 30 + 30 + 240 / 12 + WEEKLY, "2024-03": 80 + WEEKLY, "2024-04": 80.0}
MAPPED = ["--columns", "start=start_date,end=end_date,amount=order_total"]


def mrr_end(out: Path) -> dict[str, float]:
    with open(out / "movements.csv", newline="") as f:
        return {r["month"]: round(float(r["mrr_end"]), 9) for r in csv.DictReader(f)}


def run(*args: str) -> int:
    return cli.main(["import", *args])


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_woocommerce_period_and_interval(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "subscriptions.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run("--subscriptions", str(path), "--to-csv", str(out), "--backend", backend, *MAPPED) == 0
    paid = {**MRR_END, "2024-05": 80.0}  # last_payment_date 2024-05-05 and -10: May observed (H234's finding 01)
    assert mrr_end(out) == {m: round(v, 9) for m, v in paid.items()}


def test_woocommerce_table_of_a_duckdb_database(tmp_path: Path) -> None:
    import duckdb

    frame = pd.DataFrame([r.split(",") for r in ROWS], columns=HEADER.split(","))
    frame = frame.drop(columns=["trial_end_date", "next_payment_date", "last_payment_date"])
    frame["billing_interval"] = frame["billing_interval"].astype("int64")  # typed: a number
    frame["order_total"] = frame["order_total"].astype("float64")
    for column in ("start_date", "end_date"):
        frame[column] = pd.to_datetime(frame[column].replace("", None))
    database = tmp_path / "shop.duckdb"
    with duckdb.connect(str(database)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE subs AS SELECT * FROM frame")
    out = tmp_path / "out"
    code = run("--subscriptions", "table:subs", "--backend", "duckdb", "--connection", str(database), "--to-csv",
               str(out), *MAPPED)  # fmt: skip
    assert code == 0
    assert mrr_end(out) == {m: round(v, 9) for m, v in MRR_END.items()}


def test_a_count_beside_no_unit_is_still_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``billing_interval`` of numbers with no column of units: no interval can be read, refused naming it."""
    path = tmp_path / "subscriptions.csv"
    path.write_text("customer_id,start_date,end_date,billing_interval,order_total\n7,2024-01-05,,2,60.00\n")
    out = tmp_path / "out"
    assert run("--subscriptions", str(path), "--to-csv", str(out), *MAPPED) != 0
    err = capsys.readouterr().err
    assert "column 'billing_interval': billing intervals that are not day, week, month" in err
    assert "in row 2 (counting the header as row 1): '2'" in err
