"""A Xero invoice part paid and counted by its amount paid had the whole invoice's tax taken off (H488): INV-0003,
AUTHORISED, Total 120.00 of which TotalTax 20.00, AmountPaid 50.00 counted 50.00 - 20.00 = 30.00, the Jan cohort's
Feb revenue 80.00. What was paid holds the paid share of the tax, 20.00 x 50 / 120 = 8.33: it counts 41.67, the Feb
revenue 91.67 (reading.paid_taxes), on the DuckDB route too; with no total to tell the share the file is refused.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, status_and_output, written

XERO = (
    "Type,InvoiceID,InvoiceNumber,Contact.Name,Date,Status,LineAmountTypes,SubTotal,TotalTax,Total,AmountDue,"
    "AmountPaid,CurrencyCode\n"
    "ACCREC,a1,INV-0001,Acme Ltd,2026-01-05,PAID,Exclusive,100.00,20.00,120.00,0.00,120.00,GBP\n"
    "ACCREC,a2,INV-0002,Beta Ltd,2026-01-06,PAID,Exclusive,50.00,10.00,60.00,0.00,60.00,GBP\n"
    "ACCREC,a3,INV-0003,Acme Ltd,2026-02-05,AUTHORISED,Exclusive,100.00,20.00,120.00,70.00,50.00,GBP\n"
    "ACCREC,a4,INV-0004,Beta Ltd,2026-02-06,PAID,Exclusive,50.00,10.00,60.00,0.00,60.00,GBP\n"
)
COLUMNS = "order_id=InvoiceNumber,customer_id=Contact.Name,date=Date,amount=AmountPaid"


def test_part_paid_invoice_counts_its_paid_share_net_of_that_share_of_tax(tmp_path: Path, capsys) -> None:
    path = written(tmp_path, "xero_inv.csv", XERO)
    out = tmp_path / "o"
    code, said, _ = status_and_output(capsys, "import", "--orders", path, "--columns", COLUMNS, "--to-csv", out)
    assert code == 0
    assert (
        "xero_inv.csv, column 'AmountPaid': invoices paid in part (below their 'Total'), each with only its paid share "
        "of 'TotalTax' taken off as tax in row 4 (counting the header as row 1): '50.00'"
    ) in said.splitlines()
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort")
    assert revenue.loc["2026-01", "0"] == 150.0  # paid in full: 120 - 20 and 60 - 10
    assert revenue.loc["2026-01", "1"] == pytest.approx(50.0 - 50.0 * 20.0 / 120.0 + 50.0)  # 41.67 + 50.00 = 91.67


def test_the_duckdb_route_counts_the_same(tmp_path: Path) -> None:
    pytest.importorskip("duckdb")
    out = run(tmp_path, "--orders", written(tmp_path, "xero_inv.csv", XERO), "--columns", COLUMNS, backend="duckdb")
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort")
    assert round(revenue.loc["2026-01", "1"], 2) == 91.67


def test_part_paid_invoice_with_no_total_is_refused(tmp_path: Path, capsys) -> None:
    lines = [",".join(line.split(",")[:9] + line.split(",")[10:]) for line in XERO.splitlines()]  # no Total
    path = written(tmp_path, "xero_inv.csv", "\n".join(lines) + "\n")
    assert refusal(capsys, "--orders", str(path), "--columns", COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "xero_inv.csv, column 'AmountPaid': invoices paid in part, whose 'TotalTax' is the whole invoice's tax: the "
        "share of it paid cannot be told with no column of the invoice's total in row 4 (counting the header as row "
        "1): '50.00': add the invoices' 'Total' column (with its tax), or map a column of amounts before tax "
        "(--columns amount=NAME)"
    )
