"""Braintree's transaction statuses of a payment captured and on its way to settlement ('Submitted For Settlement',
'Settling', 'Settlement Pending', 'Settlement Confirmed') were refused as 'order statuses that say neither paid nor
unpaid', though Adyen's SentForSettle was read as paid; an expired authorization too. Now they are paid (left in) and
'Authorization Expired' is not (left out), as 'Settled' and 'Processor Declined' were (xl_retention.reading.orders)."""

from __future__ import annotations

import pandas as pd
import pytest
from import_cli import run

BRAINTREE = (
    "Transaction ID,Transaction Type,Transaction Status,Created Datetime,Amount Submitted For Settlement,"
    "Currency ISO Code,Customer ID\n"
    "t1,sale,Settled,01/05/2026 10:00:00,100.00,USD,c1\n"
    "t2,sale,Settling,01/28/2026 10:00:00,50.00,USD,c2\n"
    "t3,sale,Submitted For Settlement,02/27/2026 10:00:00,30.00,USD,c1\n"
    "t4,sale,Settlement Pending,02/27/2026 11:00:00,20.00,USD,c4\n"
    "t5,sale,Settlement Confirmed,02/27/2026 12:00:00,10.00,USD,c5\n"
    "t6,sale,Processor Declined,02/27/2026 13:00:00,0.00,USD,c3\n"
    "t7,sale,Authorization Expired,02/27/2026 14:00:00,40.00,USD,c3\n"
)
COLUMNS = "customer_id=Customer ID,date=Created Datetime,amount=Amount Submitted For Settlement,order_id=Transaction ID"


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_braintree_settlement_statuses_are_paid(tmp_path, backend) -> None:
    (tmp_path / "transactions.csv").write_text(BRAINTREE)
    out = run(tmp_path, "--orders", tmp_path / "transactions.csv", "--columns", COLUMNS, "--date-format",
              "%m/%d/%Y %H:%M:%S", backend=backend)  # fmt: skip
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers", "returning"]].values.tolist() == [["2026-01", 2, 0], ["2026-02", 3, 1]]
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1)
    assert revenue.values.tolist() == [[150.0, 30.0], [30.0, -1]]
