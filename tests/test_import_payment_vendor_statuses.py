"""GoCardless' payment statuses (paid_out, confirmed, submitted, customer_approval_denied, late_failure_settled,
chargeback_settled), Adyen's (Authorised, SentForSettle, Refused) and Google Play's "Charged" were refused as
"neither paid nor unpaid": every collected payment of those exports (H35 finding 07). Each is read with its meaning."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli

GOCARDLESS = [
    "id,created_at,charge_date,amount,amount_refunded,currency,status,links.subscription,customers.id",
    "PM001,2024-01-03T10:00:00.000Z,2024-01-08,100.00,0.00,GBP,paid_out,SB01,CU1",
    "PM002,2024-02-03T10:00:00.000Z,2024-02-08,100.00,0.00,GBP,paid_out,SB01,CU1",
    "PM003,2024-02-04T10:00:00.000Z,2024-02-09,50.00,0.00,GBP,confirmed,SB02,CU2",
    "PM004,2024-02-05T10:00:00.000Z,2024-02-10,70.00,0.00,GBP,customer_approval_denied,SB03,CU3",
    "PM005,2024-02-06T10:00:00.000Z,2024-02-11,80.00,0.00,GBP,late_failure_settled,SB04,CU4",
    "PM006,2024-02-07T10:00:00.000Z,2024-02-12,80.00,0.00,GBP,chargeback_settled,SB05,CU5",
    "PM007,2024-02-08T10:00:00.000Z,2024-02-13,80.00,0.00,GBP,pending_submission,SB06,CU6",
    "PM008,2024-02-09T10:00:00.000Z,2024-02-14,80.00,0.00,GBP,submitted,SB07,CU7",
]


def purchases(out: Path) -> dict[str, tuple[str, str]]:
    """Each month's buyers, and the revenue of the month's cohort in its first month."""
    with open(out / "order_revenue_cohorts.csv", newline="") as f:
        revenue = {r["cohort"]: r["0"] for r in csv.DictReader(f)}
    with open(out / "purchases.csv", newline="") as f:
        return {r["month"]: (r["buyers"], revenue[r["month"]]) for r in csv.DictReader(f)}


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_gocardless_payments(tmp_path: Path, backend: str) -> None:
    path = tmp_path / "gc.csv"
    path.write_text("\n".join(GOCARDLESS) + "\n", encoding="utf-8")
    args = ["--columns", "customer_id=customers.id,date=charge_date", "--backend", backend]
    assert cli.main(["import", "--orders", str(path), "--to-csv", str(tmp_path / "o"), *args]) == 0
    assert purchases(tmp_path / "o") == {"2024-01": ("1", "100.0"), "2024-02": ("2", "50.0")}


def test_adyen_and_google_play(tmp_path: Path) -> None:
    adyen = [
        "Psp Reference,Merchant Reference,Shopper Reference,Creation Date,Value,Currency,Status",
        "8815,o1,S1,2024-01-05 10:00:00,100.00,EUR,Authorised",
        "8816,o2,S1,2024-02-05 10:00:00,100.00,EUR,SentForSettle",
        "8817,o3,S2,2024-02-06 10:00:00,50.00,EUR,Settled",
        "8818,o4,S3,2024-02-07 10:00:00,70.00,EUR,Refused",
    ]
    path = tmp_path / "adyen.csv"
    path.write_text("\n".join(adyen) + "\n", encoding="utf-8")
    columns = "customer_id=Shopper Reference,date=Creation Date,amount=Value,order_id=Merchant Reference"
    assert cli.main(["import", "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")]) == 0
    assert purchases(tmp_path / "o") == {"2024-01": ("1", "100.0"), "2024-02": ("2", "50.0")}
    play = [
        "Order Number,Order Charged Date,Financial Status,Currency of Sale,Charged Amount,Buyer Id",
        "GPA.1,2024-01-05,Charged,USD,9.99,U1",
        "GPA.2,2024-02-05,Charged,USD,9.99,U1",
        "GPA.3,2024-02-06,Cancelled,USD,9.99,U2",
    ]
    path = tmp_path / "play.csv"
    path.write_text("\n".join(play) + "\n", encoding="utf-8")
    columns = "customer_id=Buyer Id,date=Order Charged Date,amount=Charged Amount,order_id=Order Number"
    assert cli.main(["import", "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "p")]) == 0
    assert purchases(tmp_path / "p") == {"2024-01": ("1", "9.99"), "2024-02": ("1", "0.0")}
