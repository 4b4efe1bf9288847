"""A Shopify order with two equal line items (one variant twice, its lines told apart by properties the CSV leaves
out) was refused as 'the same record twice', and its advice (remove a row) dropped a real item: revenue 67.00 for
92.00 (H200 finding 01). Rows equal inside one order's block, its first row (the order's own fields) on no other row
and the order's fields blank on the copy, are its line items (reading.repeats); an order appended from a second
export (its first row again) is still refused."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

HEADER = (
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,Created at,"
    "Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,"
    "Lineitem fulfillment status,Id"
)
ROWS = [
    "#1001,ann@example.com,paid,2026-01-03 10:00:00 -0500,fulfilled,USD,30.00,0.00,0.00,30.00,2026-01-03 10:00:00 "
    "-0500,1,Tee - M,30.00,TEE-M,true,true,fulfilled,5001",
    "#1002,bob@example.com,paid,2026-01-05 11:00:00 -0500,fulfilled,USD,62.00,0.00,0.00,62.00,2026-01-05 11:00:00 "
    "-0500,1,Cap,12.00,CAP,true,true,fulfilled,5002",
    "#1002,bob@example.com,,,,,,,,,2026-01-05 11:00:00 -0500,1,Engraved Mug,25.00,MUG-ENG,true,true,fulfilled,",
    "#1002,bob@example.com,,,,,,,,,2026-01-05 11:00:00 -0500,1,Engraved Mug,25.00,MUG-ENG,true,true,fulfilled,",
    "#1003,ann@example.com,paid,2026-02-02 09:00:00 -0500,fulfilled,USD,40.00,0.00,0.00,40.00,2026-02-02 09:00:00 "
    "-0500,1,Hoodie,40.00,HOOD,true,true,fulfilled,5003",
    "#1004,bob@example.com,paid,2026-02-07 09:00:00 -0500,fulfilled,USD,12.00,0.00,0.00,12.00,2026-02-07 09:00:00 "
    "-0500,1,Cap,12.00,CAP,true,true,fulfilled,5004",
]


def _write(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize("amount", ["Lineitem price", "Total"])
def test_equal_line_items_of_one_order_are_its_items(tmp_path: Path, backend: str, amount: str) -> None:
    path = _write(tmp_path / "orders_export.csv", ROWS)
    columns = f"customer_id=Email,date=Created at,amount={amount}"
    out = run(tmp_path, "--orders", path, "--columns", columns, backend=backend)
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv", dtype={"cohort": str}).set_index("cohort")
    assert revenue.loc["2026-01", "0"] == 92.0  # 30 + (12 + 25 + 25): both mugs
    buyers = pd.read_csv(out / "purchases.csv", dtype={"month": str}).set_index("month")["buyers"]
    assert buyers.to_dict() == {"2026-01": 2, "2026-02": 2}


def test_an_order_appended_again_is_still_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path / "orders_export.csv", [*ROWS, *ROWS[1:4]])  # #1002 again, from a second export
    columns = "customer_id=Email,date=Created at,amount=Lineitem price"
    assert refusal(capsys, "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")) == (
        "orders_export.csv, column 'Name': rows identical in every column to an earlier row with the same id: the "
        "same record twice (overlapping exports appended?), which would be counted twice in rows 5, 8, 9, 10 "
        "(counting the header as row 1): '#1002', '#1002', '#1002', '#1002': remove the repeated rows"
    )
