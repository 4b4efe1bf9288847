"""H558's finding 01: a refund row under its own order's id (order 20 refunded in full: 30.00 then -30.00) was taken
off ANOTHER order: the credit-note link (a refund naming its invoice in another column, Xero's Reference) scanned
every column, the mapped customer id included, and customer 5's id equals order 5's. January lost a buyer (order 5
refunded) and March gained one (order 20 counted). Any small-number column did it too (a `store` column: refused with
an untrue "rows of one order with another customer"). A refund row carrying a sale's id is that order's refund; the
link is looked for only for a refund with a number of its own, and never through a mapped column. docs/metrics.md,
Orders: an order refunded in full is no purchase."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli

BY_CUSTOMER = (
    "order_id,customer_id,date,amount\n"
    "5,5,2025-01-05,30.00\n"
    "6,6,2025-01-06,10.00\n"
    "20,5,2025-03-05,30.00\n"
    "20,5,2025-03-06,-30.00\n"
)
BY_STORE = (
    "order_id,customer_id,date,amount,store\n"
    "1,ann,2025-01-05,30.00,2\n"
    "2,bob,2025-01-06,10.00,1\n"
    "3,cy,2025-03-05,30.00,1\n"
    "3,cy,2025-03-06,-30.00,1\n"
)


@pytest.mark.parametrize("text", [BY_CUSTOMER, BY_STORE], ids=["customer_id", "store"])
def test_a_refund_row_is_its_own_orders_refund(tmp_path: Path, text: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(text)
    assert cli.main(["import", "--orders", str(path), "--to-csv", str(tmp_path / "o")]) == 0
    with open(tmp_path / "o" / "purchases.csv", newline="") as f:
        buyers = {r["month"]: r["buyers"] for r in csv.DictReader(f)}
    assert buyers == {"2025-01": "2", "2025-02": "0", "2025-03": "0"}
    with open(tmp_path / "o" / "order_revenue_cohorts.csv", newline="") as f:
        assert list(csv.reader(f))[1] == ["2025-01", "40.0", "0.0", "0.0"]


def test_a_credit_note_of_its_own_number_is_still_taken_off_the_invoice_it_names(tmp_path: Path) -> None:
    """Xero's credit note CN-1 naming INV-2 in Reference: taken off INV-2 (refunded in full: no purchase)."""
    path = tmp_path / "invoices.csv"
    path.write_text(
        "InvoiceNumber,ContactName,InvoiceDate,Total,Reference\n"
        "INV-1,ann,2025-01-05,30.00,\n"
        "INV-2,bob,2025-01-06,10.00,\n"
        "CN-1,bob,2025-02-03,-10.00,INV-2\n"
    )
    columns = "order_id=InvoiceNumber,customer_id=ContactName,date=InvoiceDate,amount=Total"
    assert cli.main(["import", "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")]) == 0
    with open(tmp_path / "o" / "purchases.csv", newline="") as f:
        buyers = {r["month"]: r["buyers"] for r in csv.DictReader(f)}
    assert buyers == {"2025-01": "1", "2025-02": "0"}
