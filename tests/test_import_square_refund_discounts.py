"""Square's Transactions export with a refund row (Gross Sales -$200.00, Discounts $0.00), amount 'Gross Sales': the
refund's 0.00 discount is no discount above its amount (H213's finding 05: refused so); a refund with a discount is
refused, naming it (whether the discount is given back cannot be told)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from import_cli import refusal, run

SQUARE = (
    "Date,Gross Sales,Discounts,Net Sales,Tax,Total Collected,Transaction ID,Event Type,Customer ID\n"
    "2026-09-03,$120.00,-$20.00,$100.00,$0.00,$100.00,T1,Payment,C1\n"
    "2026-09-10,$50.00,$0.00,$50.00,$0.00,$50.00,T2,Payment,C2\n"
    "2026-10-04,$40.00,$0.00,$40.00,$0.00,$40.00,T3,Payment,C1\n"
    "2026-10-06,$200.00,$0.00,$200.00,$0.00,$200.00,T4,Payment,C3\n"
    "2026-10-08,-$200.00,$0.00,-$200.00,$0.00,-$200.00,T4,Refund,C3\n"
)
COLUMNS = "customer_id=Customer ID,date=Date,amount=Gross Sales,order_id=Transaction ID"


def test_a_refund_row_with_no_discount_is_read_beside_gross_sales(tmp_path: Path) -> None:
    path = tmp_path / "square.csv"
    path.write_text(SQUARE)
    out = run(tmp_path, "--orders", path, "--columns", COLUMNS)
    got = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").fillna(-1).values.tolist()
    assert got == [[150.0, 40.0], [0.0, -1.0]]  # 100 + 50, C1's 40 in October; C3's 200 refunded in full


def test_a_refund_row_with_a_discount_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "square.csv"
    path.write_text(SQUARE.replace("-$200.00,$0.00,-$200.00", "-$200.00,$20.00,-$180.00"))
    assert refusal(capsys, "--orders", str(path), "--columns", COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "square.csv, column 'Discounts': discounts beside a refund (a negative amount) in 'Gross Sales' (whether "
        "they are off it cannot be told) in row 6 (counting the header as row 1): '$20.00': map the amount after "
        "discounts (--columns amount=NAME), or remove the discount column if 'Gross Sales' is after it already"
    )
