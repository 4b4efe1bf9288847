"""PayPal's activity download: a refund row whose 'Reference Txn ID' is blank (H59 review of 410ea91).

Such a refund names no payment, and the import said "column 'Transaction ID': missing order ids in row 3", though
that row's Transaction ID is filled; it now names the 'Reference Txn ID' column, the row and what to do.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEADER = "Date,Time,TimeZone,Name,Type,Status,Currency,Gross,Fee,Net,From Email Address,To Email Address,"
HEADER += "Transaction ID,Reference Txn ID\n"
PAYMENT = "01/05/2026,10:00:00,PST,Ann,Express Checkout Payment,Completed,USD,100.00,-3.20,96.80,ann@x.com,me@x.com,T1,"
PAYMENT += "\n"
REFUND = "01/20/2026,09:00:00,PST,Ann,Payment Refund,Completed,USD,-40.00,0.00,-40.00,me@x.com,ann@x.com,R1,{ref}\n"
LATER = "02/05/2026,10:00:00,PST,Bob,Express Checkout Payment,Completed,USD,50.00,-1.75,48.25,bob@x.com,me@x.com,T2,\n"


def _import(tmp_path: Path, reference: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "Download.CSV"
    path.write_text(HEADER + PAYMENT + REFUND.format(ref=reference) + LATER)
    return subprocess.run(
        [sys.executable, "-m", "xl_retention", "import", "--orders", str(path), "--monthfirst", "--to-csv",
         str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_a_refund_with_a_blank_reference_is_refused_naming_the_column(tmp_path: Path) -> None:
    result = _import(tmp_path, "")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "xl-retention: error: Download.CSV, column 'Reference Txn ID': refunds with a blank 'Reference Txn ID' (the "
        "payment refunded cannot be told, so it would be taken off no purchase) in row 3 (counting the header as row "
        "1): blank: fill in the payment's Transaction ID, or remove them"
    ]
    assert not (tmp_path / "out").exists()


def test_a_refund_naming_its_payment_is_taken_off_it(tmp_path: Path) -> None:
    result = _import(tmp_path, "T1")
    assert result.returncode == 0, result.stderr
    revenue = (tmp_path / "out" / "order_revenue_cohorts.csv").read_text().splitlines()
    assert revenue == ["cohort,0,1", "2026-01,60.0,0.0", "2026-02,50.0,"]
