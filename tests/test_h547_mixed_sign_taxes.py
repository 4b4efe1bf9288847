"""A tax column of the amount's sign in some rows and of the opposite sign in others was read as written (H547's
brief, item 2): 40b7febf reads a deduction only where every row says so, and otherwise took the column as charged,
so 'Tax' -19.00 beside 'Total' 119.00 (a refund's tax written negative beside an amount written positive) counted
119.00 - (-19.00) = 138.00 (cohort 2026-01 238.00, exit 0) and a snapshots file's vat gave MRR 138 + 50. The contract
(docs/metrics.md, "MRR is net of tax") cannot tell whether such a column is added or taken off: refused naming it and
the first row of each sign. A column of both signs that follows the amount's sign (a refund of its sale) is read as
written: b's refunded order leaves a's 100.00."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from import_cli import refusal, run, written

MIXED = """\
order_id,date,customer_id,Total,Tax,Subtotal
o1,2026-01-05,a,119.00,19.00,100.00
o2,2026-01-06,b,119.00,-19.00,100.00
o3,2026-02-05,a,119.00,19.00,100.00
"""
FOLLOWING = """\
order_id,date,customer_id,Total,Tax
o1,2026-01-05,a,119.00,19.00
o2,2026-01-06,b,59.50,9.50
o2,2026-01-20,b,-59.50,-9.50
o4,2026-02-05,a,119.00,19.00
"""
ADVICE = (
    "whether it is added to {money!r} or taken off it as a deduction cannot be told; write it with one sign: of the "
    "amount's sign in every row (a refund's tax as the refund is written) or of the opposite sign in every row (a "
    "deduction), or remove the column if {money!r} is before it"
)


def test_an_orders_tax_of_both_signs_beside_amounts_of_one_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = written(tmp_path, "sales.csv", MIXED)
    assert refusal(capsys, "--orders", str(path), "--columns", "amount=Total", "--to-csv", str(tmp_path / "o")) == (
        "sales.csv: 'Tax' is of the sign of 'Total' in some rows and of the opposite sign in others (row 2: '19.00' "
        "beside '119.00'; row 3: '-19.00' beside '119.00'): " + ADVICE.format(money="Total")
    )


def test_a_snapshots_vat_of_both_signs_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "customer_id,month,mrr_gross,vat\na,2026-01,119.00,19.00\na,2026-02,119.00,-19.00\nb,2026-02,59.50,9.50\n"
    path = written(tmp_path, "s.csv", text)
    args = ("--subscriptions", str(path), "--columns", "mrr=mrr_gross", "--to-csv", str(tmp_path / "o"))
    assert refusal(capsys, *args) == (
        "s.csv: 'vat' is of the sign of 'mrr_gross' in some rows and of the opposite sign in others (row 2: '19.00' "
        "beside '119.00'; row 3: '-19.00' beside '119.00'): " + ADVICE.format(money="mrr_gross")
    )


def test_a_tax_of_both_signs_that_follows_the_amounts_is_read_as_written(tmp_path: Path) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "sales.csv", FOLLOWING), "--columns", "amount=Total")
    with (out / "order_revenue_cohorts.csv").open(newline="") as handle:
        assert list(csv.reader(handle))[1:3] == [["2026-01", "100.0", "100.0"], ["2026-02", "0.0", ""]]
