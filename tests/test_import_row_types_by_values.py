"""A column of row types under a name the import did not know (Stripe's itemized balance report's
``reporting_category``, "Category", "Event Type", "Activity", ``txn_type``, "Buchungsart") was ignored: refunds with
a positive amount, payouts, fees and dispute reversals counted as purchases, exit 0 (H35 finding 04). A column whose
values hold a sale's type and a type that is no sale is read as the type column is: refunds left out, other types
refused naming the rows; a product's category is no type column. A database table alike."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

BALANCE = [
    "balance_transaction_id,created_utc,currency,gross,fee,net,reporting_category,source_id,customer_id",
    "txn_1,2024-01-05 10:00:00,usd,100.00,-3.20,96.80,charge,ch_1,cus_A",
    "txn_2,2024-01-06 10:00:00,usd,50.00,-1.75,48.25,charge,ch_2,cus_B",
    "txn_3,2024-02-05 10:00:00,usd,100.00,-3.20,96.80,charge,ch_3,cus_A",
    "txn_7,2024-02-12 10:00:00,usd,80.00,0.00,80.00,dispute_reversal,dp_2,cus_B",
    "txn_9,2024-02-13 10:00:00,usd,25.00,0.00,25.00,other_adjustment,ia_2,cus_C",
]


def ledger(name: str) -> list[str]:
    return [
        f"Transaction Id,Customer Id,Date,Amount,Currency,{name}",
        "txn_1,C1,2024-01-05,100.00,USD,payment",
        "txn_2,C1,2024-02-05,100.00,USD,payment",
        "txn_3,C2,2024-01-06,50.00,USD,payment",
        "txn_4,C2,2024-02-07,50.00,USD,refund",
    ]


def run(tmp_path: Path, lines: list[str], *more: str) -> int:
    path = tmp_path / "in.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cli.main(["import", "--orders", str(path), "--to-csv", str(tmp_path / "o"), *more])


def purchases(tmp_path: Path) -> dict[str, str]:
    with open(tmp_path / "o" / "purchases.csv", newline="") as f:
        return {r["month"]: r["buyers"] for r in csv.DictReader(f)}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_stripes_reporting_category(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str) -> None:
    assert run(tmp_path, BALANCE, "--columns", "date=created_utc,amount=gross", "--backend", backend) == 1
    err = capsys.readouterr().err
    assert "in.csv, column 'reporting_category': row types that say neither a sale nor a refund" in err
    assert "in row 6 (counting the header as row 1): 'other_adjustment'" in err  # dispute_reversal: no purchase
    kept = [r for r in BALANCE if "dispute_reversal" not in r and "other_adjustment" not in r]
    assert run(tmp_path, [*kept, "txn_8,2024-02-20 10:00:00,usd,50.00,0,50.00,refund,re_1,cus_B"], "--columns",
               "date=created_utc,amount=gross", "--backend", backend) == 0  # fmt: skip
    assert purchases(tmp_path) == {"2024-01": "2", "2024-02": "1"}


@pytest.mark.parametrize(
    "name", ["Category", "Event Type", "Activity", "Operation", "Buchungsart", "txn_type", "Transaction Category"]
)
def test_a_refund_under_other_names(tmp_path: Path, name: str) -> None:
    assert run(tmp_path, ledger(name)) == 0
    assert purchases(tmp_path) == {"2024-01": "2", "2024-02": "1"}  # C2's refund is no purchase


def test_a_payout_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(tmp_path, [*ledger("Activity"), "txn_5,C3,2024-02-09,500.00,USD,payout"]) == 1
    assert "column 'Activity': row types that say neither a sale nor a refund" in capsys.readouterr().err


def test_a_products_category_is_no_type(tmp_path: Path) -> None:
    lines = ["Order Id,Customer Id,Date,Amount,Category", "1,C1,2024-01-05,100,Subscription",
             "2,C1,2024-02-05,20,Books", "3,C2,2024-02-06,30,Refurbished"]  # fmt: skip
    assert run(tmp_path, lines) == 0
    assert purchases(tmp_path) == {"2024-01": "1", "2024-02": "2"}


def test_a_database_table(tmp_path: Path) -> None:
    import duckdb

    frame = pd.DataFrame([r.split(",") for r in ledger("Activity")[1:]], columns=ledger("Activity")[0].split(","))
    frame["Amount"] = frame["Amount"].astype("float64")
    frame["Date"] = pd.to_datetime(frame["Date"])
    database = tmp_path / "ledger.duckdb"
    with duckdb.connect(str(database)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE ledger AS SELECT * FROM frame")
    args = ["--orders", "table:ledger", "--backend", "duckdb", "--connection", str(database)]
    assert cli.main(["import", *args, "--to-csv", str(tmp_path / "o")]) == 0
    assert purchases(tmp_path) == {"2024-01": "2", "2024-02": "1"}
