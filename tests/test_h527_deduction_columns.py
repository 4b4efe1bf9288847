"""A tax or shipping column written as a deduction (negative beside positive amounts) is taken off by its size
(H527's finding 05): Paddle Classic's 'Tax' -19.00 beside 'Sale Gross' 119.00 counted 138.00, with a note saying the
tax was taken off; a 'Shipping' -5.00 beside 'Total' 105.00 counted 110.00. Hand counts: 100.00 and 50.00 net."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

PADDLE = """\
Order ID,Customer Email,Currency,Sale Gross,Fee,Tax,Earnings,Date,Status
1001,a@x.com,EUR,119.00,-5.95,-19.00,94.05,2026-01-05 10:00:00,Completed
1002,b@x.com,EUR,59.50,-2.98,-9.50,47.02,2026-01-07 10:00:00,Completed
1003,a@x.com,EUR,119.00,-5.95,-19.00,94.05,2026-02-05 10:00:00,Completed
"""
SUBTOTAL = """\
order_id,date,customer_id,Total,Tax,Subtotal
o1,2026-01-05,a,119.00,-19.00,100.00
o2,2026-01-06,b,59.50,-9.50,50.00
o3,2026-02-05,a,119.00,-19.00,100.00
"""
SHIPPING = """\
order_id,date,customer_id,Total,Shipping
o1,2026-01-05,a,105.00,-5.00
o2,2026-02-05,a,50.00,0.00
"""
SNAPSHOTS = """\
customer_id,month,mrr_gross,vat
a,2026-01,119.00,-19.00
a,2026-02,119.00,-19.00
b,2026-02,59.50,-9.50
"""


def _import(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "xl_retention", "import", *args], capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    return done


def _rows(path: Path) -> list[list[str]]:
    with path.open(newline="") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize(
    ("text", "columns", "cohorts", "said"),
    [
        (
            PADDLE,
            "customer_id=Customer Email,amount=Sale Gross",
            [["2026-01", "150.0", "100.0"]],
            "sales.csv: 'Tax' is written as a deduction (row 2: '-19.00' beside 'Sale Gross' '119.00'): its size is "
            "read",
        ),
        (
            SUBTOTAL,
            "amount=Total",
            [["2026-01", "150.0", "100.0"]],
            "sales.csv: 'Tax' is written as a deduction (row 2: '-19.00' beside 'Total' '119.00'): its size is read",
        ),
        (
            SHIPPING,
            "amount=Total",
            [["2026-01", "100.0", "50.0"]],
            "sales.csv: 'Shipping' is written as a deduction (row 2: '-5.00' beside 'Total' '105.00'): its size is "
            "read",
        ),
    ],
)
def test_orders_tax_or_shipping_written_negative(tmp_path: Path, text: str, columns: str, cohorts, said: str) -> None:
    (tmp_path / "sales.csv").write_text(text)
    done = _import(tmp_path, "--orders", "sales.csv", "--to-csv", "o", "--columns", columns)
    assert said in done.stdout.splitlines()
    assert _rows(tmp_path / "o" / "order_revenue_cohorts.csv")[1:2] == cohorts


def test_subscriptions_tax_written_negative(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_text(SNAPSHOTS)
    done = _import(tmp_path, "--subscriptions", "s.csv", "--to-csv", "s", "--columns", "mrr=mrr_gross")
    assert "s.csv: 'vat' is written as a deduction (row 2: '-19.00' beside 'mrr_gross' '119.00'): its size is read" in (
        done.stdout.splitlines()
    )
    movements = _rows(tmp_path / "s" / "movements.csv")
    end = movements[0].index("mrr_end")
    assert [(row[0], row[end]) for row in movements[1:3]] == [("2026-01", "100.0"), ("2026-02", "150.0")]
