"""A payments or invoices export with its subscription's id on each renewal's row ('Subscription ID', Chargebee's
'Subscription Id'): each renewal is a payment of its own, not one record changed between two exports (H26 finding
11: it was refused, and the advice, keep the latest row, would have deleted a customer's earlier payments)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
PAYMENTS = (
    "Payment ID,Customer,Subscription ID,Date,Amount,Status\n"
    "p1,a,s_a,2024-01-05,100,paid\np2,b,s_b,2024-01-10,50,paid\np3,a,s_a,2024-02-05,100,paid\n"
    "p4,c,s_c,2024-02-12,70,paid\n"
)
INVOICES = (
    "Invoice Number,Invoice Date,Customer Id,Subscription Id,Status,Currency,Amount\n"
    "1001,05-Jan-2024,cust_a,sub_a,Paid,USD,100.00\n1002,10-Jan-2024,cust_b,sub_b,Paid,USD,50.00\n"
    "1003,05-Feb-2024,cust_a,sub_a,Paid,USD,100.00\n1004,12-Feb-2024,cust_c,sub_c,Paid,USD,70.00\n"
)
BOUGHT = [["2024-01", 2, 0], ["2024-02", 2, 1]]


def _bought(out: Path) -> list[list]:
    return pd.read_csv(out / "purchases.csv")[["month", "buyers", "returning"]].values.tolist()


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(
    ("text", "columns"),
    [
        (PAYMENTS, "customer_id=Customer"),
        (PAYMENTS.replace("Payment ID,", "").replace("p1,", "").replace("p2,", "").replace("p3,", "")
         .replace("p4,", ""), "customer_id=Customer"),  # no payment id at all
        (INVOICES, "customer_id=Customer Id,date=Invoice Date,amount=Amount,order_id=Invoice Number"),
    ],
)  # fmt: skip
def test_renewals_of_one_subscription_are_payments(tmp_path: Path, backend: str, text: str, columns: str) -> None:
    path = tmp_path / "payments.csv"
    path.write_text(text)
    out = run(tmp_path, "--orders", path, "--columns", columns, backend=backend)
    assert _bought(out) == BOUGHT
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").fillna(-1)  # -1: the month not reached yet
    assert revenue.values.tolist() == [["2024-01", 150.0, 100.0], ["2024-02", 70.0, -1]]


def test_a_parquet_payments_file_read_by_duckdb(tmp_path: Path) -> None:
    path = tmp_path / "payments.parquet"
    frame = pd.read_csv(pd.io.common.StringIO(PAYMENTS), dtype=str)
    frame.to_parquet(path)
    assert _bought(run(tmp_path, "--orders", path, "--columns", "customer_id=Customer", backend="duckdb")) == BOUGHT


def test_a_payment_exported_twice_is_still_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "payments.csv"
    lines = PAYMENTS.replace("Payment ID,", "").replace("p1,", "").replace("p2,", "").replace("p3,", "")
    path.write_text(lines.replace("p4,", "") + "a,s_a,2024-02-05,100,paid\n")
    message = refusal(capsys, "--orders", str(path), "--columns", "customer_id=Customer", "--to-csv",
                      str(tmp_path / "out"))  # fmt: skip
    assert message.startswith(
        "payments.csv, column 'Subscription ID': rows identical in every column to an earlier row"
    )
    assert message.endswith("in row 6 (counting the header as row 1): 's_a': remove the repeated rows")
