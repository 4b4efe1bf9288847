"""Square's Transactions export: "Total Collected" is "Net Sales" + Tax + Tip less its "Partial Refunds". Mapped by
'Total Collected', the refund already out of it was taken off again (H433's finding 02: January 60.00 where 70.00 is
right; 15.00 refunded of 30.00 left no purchase, 1 buyer for 2); mapped by 'Net Sales', a refund of 10.80 holding its
0.80 of tax was taken off whole (19.20 kept for 20.00). The file's own columns add up on every row: each mapping now
takes the refund off once, net of its tax, and both give the same figures, on pandas and DuckDB."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import run

HEADER = (
    "Date,Time,Gross Sales,Discounts,Net Sales,Tax,Tip,Partial Refunds,Total Collected,Transaction ID,Customer ID\n"
)
FINDING = (  # the finding's file: T2 30.00 sold, 10.00 refunded, 20.00 collected
    "2026-01-05,09:00:00,$50.00,$0.00,$50.00,$4.00,$2.00,$0.00,$56.00,T1,CUST1\n"
    "2026-01-20,09:00:00,$30.00,$0.00,$30.00,$0.00,$0.00,-$10.00,$20.00,T2,CUST2\n"
    "2026-02-03,09:00:00,$10.00,$0.00,$10.00,$0.80,$0.00,$0.00,$10.80,T3,CUST1\n"
)
TAXED = (  # T2 refunded 10.80 of 32.40 (8 % tax inside the refund); T4 refunded half, no tax
    "2026-01-05,09:00:00,$50.00,$0.00,$50.00,$4.00,$2.00,$0.00,$56.00,T1,CUST1\n"
    "2026-01-20,09:00:00,$30.00,$0.00,$30.00,$2.40,$0.00,-$10.80,$21.60,T2,CUST2\n"
    "2026-01-22,09:00:00,$30.00,$0.00,$30.00,$0.00,$0.00,-$15.00,$15.00,T4,CUST3\n"
    "2026-02-03,09:00:00,$10.00,$0.00,$10.00,$0.80,$0.00,$0.00,$10.80,T3,CUST1\n"
)


def _tables(tmp_path: Path, rows: str, amount: str, backend: str) -> tuple[list, list]:
    path = tmp_path / "transactions.csv"
    path.write_text(HEADER + rows)
    columns = f"customer_id=Customer ID,date=Date,amount={amount}"
    out = run(tmp_path, "--orders", path, "--columns", columns, backend=backend)
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1).values.tolist()
    buyers = pd.read_csv(out / "order_cohorts.csv").set_index("cohort").fillna(-1).values.tolist()
    return revenue, buyers


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_total_collected_has_its_refund_taken_off_once(tmp_path: Path, backend: str) -> None:
    revenue, buyers = _tables(tmp_path, FINDING, "Total Collected", backend)
    assert revenue == [[70.0, 10.0], [0.0, -1.0]]  # 50.00 + (30.00 - 10.00); CUST1's 10.00 net of tax in February
    assert buyers == [[2.0, 1.0], [0.0, -1.0]]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("amount", ["Total Collected", "Net Sales"])
def test_a_refund_holding_its_tax_is_taken_off_net_once(tmp_path: Path, amount: str, backend: str) -> None:
    revenue, buyers = _tables(tmp_path, TAXED, amount, backend)
    assert revenue == [[85.0, 10.0], [0.0, -1.0]]  # 50.00 + (30.00 - 10.00) + (30.00 - 15.00)
    assert buyers == [[3.0, 1.0], [0.0, -1.0]]  # CUST3 kept half of the purchase: a buyer
