"""H513's finding 02 (after 932af7fd): Paddle Billing's details.totals.grand_total is the total after credits, but its
details.totals.tax is the tax of the whole total before them. Read beside a credit, that whole tax was taken off the
grand total (ctm_01b's October: 55.00 - 10.00, where the tax left in it is 5.00): 2026-09's month 1 145.00 for
150.00, exit 0. The rows with a credit and such a tax are refused naming details.totals.tax and the column Paddle
writes for the tax in the grand total (grand_total_tax), which is read where the file has it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from xl_retention import cli

HEADER = (
    "id,status,origin,customer_id,billed_at,currency_code,details.totals.subtotal,details.totals.tax,"
    "details.totals.total,details.totals.credit,details.totals.balance,details.totals.grand_total{extra}\n"
)
ROWS = [
    ("txn_01a", "ctm_01a", "2026-09-03", "0.00", "110.00", "10.00"),
    ("txn_01b", "ctm_01b", "2026-09-04", "0.00", "110.00", "10.00"),
    ("txn_01c", "ctm_01b", "2026-10-04", "55.00", "55.00", "5.00"),
    ("txn_01d", "ctm_01a", "2026-10-03", "0.00", "110.00", "10.00"),
]
COLUMNS = "amount=details.totals.grand_total,date=billed_at,order_id=id"


def _import(tmp_path: Path, with_grand_total_tax: bool) -> int:
    extra = ",details.totals.grand_total_tax" if with_grand_total_tax else ""
    lines = [
        f"{t},completed,subscription_recurring,{c},{d}T10:00:00.000Z,USD,100.00,10.00,110.00,{cr},0.00,{g}"
        + (f",{kept}" if with_grand_total_tax else "")
        for t, c, d, cr, g, kept in ROWS
    ]
    (tmp_path / "p.csv").write_text(HEADER.format(extra=extra) + "\n".join(lines) + "\n")
    args = ["import", "--orders", str(tmp_path / "p.csv"), "--columns", COLUMNS, "--to-csv", str(tmp_path / "out")]
    return cli.main(args)


def test_the_tax_before_credits_beside_a_grand_total_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert _import(tmp_path, False) == 1  # was 0, 2026-09 month 1 145.00
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "xl-retention: error: p.csv, column 'details.totals.tax': taxes of the whole total before the credit in "
        "'details.totals.credit' (Paddle's tax field), while 'details.totals.grand_total' is the total after it, "
        "holding only the credit's remainder of the tax in row 4 (counting the header as row 1): '10.00': export "
        "'details.totals.grand_total_tax' too (the tax in the grand total), which is read in its place"
    )


def test_the_tax_in_the_grand_total_is_taken_off_where_the_file_has_it(tmp_path: Path) -> None:
    assert _import(tmp_path, True) == 0
    revenue = pd.read_csv(tmp_path / "out" / "order_revenue_cohorts.csv", dtype={"cohort": str}).set_index("cohort")
    assert list(revenue.loc["2026-09", ["0", "1"]]) == [200.0, 150.0]  # 100 + 100; 100 + (55 - 5)
