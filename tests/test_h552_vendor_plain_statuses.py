"""Vendors' own plain-English order and invoice statuses were refused as 'order statuses that say neither paid nor
unpaid' (H542's findings 01 and 04): PrestaShop's 'Awaiting bank wire payment', 'Awaiting check payment', 'Payment
error', 'On backorder (paid)', 'On backorder (not paid)'; 'Payment pending'; NetSuite's 'Paid In Full', 'Open',
'Pending Approval'; FreshBooks' and Wave's 'overdue', 'sent', 'viewed', 'auto-paid'. Each now says paid or not;
'sent' only beside a status only an invoice has (beside 'paid' alone it may be an order shipped), and FreshBooks'
'partial' and 'retry' are still refused.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

PRESTASHOP = (
    "ID;Reference;Customer;Total;Status;Date\n"
    "1;XK;a@x.fr;€45.50;Payment accepted;2026-01-05 11:32:10\n"
    "2;OH;b@x.fr;€30.00;Awaiting bank wire payment;2026-01-06 09:00:00\n"
    "3;FF;c@x.fr;€20.00;Awaiting check payment;2026-01-07 09:00:00\n"
    "4;UO;d@x.fr;€15.00;Payment error;2026-01-08 09:00:00\n"
    "5;KH;e@x.fr;€60.00;On backorder (paid);2026-01-09 09:00:00\n"
    "6;ZR;f@x.fr;€25.00;On backorder (not paid);2026-01-10 09:00:00\n"
    "7;GA;g@x.fr;€25.00;Payment pending;2026-01-11 09:00:00\n"
    "8;GZ;a@x.fr;€10.00;Delivered;2026-02-03 09:00:00\n"
)
NETSUITE = (
    "Internal ID,Date,Type,Document Number,Name,Amount,Status\n"
    '5001,1/5/2026,Invoice,INV1001,Acme Corp,"1,200.00",Paid In Full\n'
    "5002,1/20/2026,Invoice,INV1002,Beta LLC,500.00,Open\n"
    "5003,2/3/2026,Invoice,INV1003,Acme Corp,800.00,Paid In Full\n"
    "5004,2/13/2026,Invoice,INV1004,Gamma Inc,300.00,Pending Approval\n"
)
FRESHBOOKS = (
    "Invoice #,Date Issued,Client Name,Status,Amount,Currency\n"
    "0000101,2026-01-05,Acme Corp,paid,1200.00,USD\n"
    "0000102,2026-01-20,Beta LLC,overdue,500.00,USD\n"
    "0000103,2026-02-03,Acme Corp,auto-paid,800.00,USD\n"
    "0000104,2026-02-13,Gamma Inc,sent,300.00,USD\n"
    "0000105,2026-02-14,Delta Co,viewed,250.00,USD\n"
)
NETSUITE_COLUMNS = "customer_id=Name,date=Date,amount=Amount,order_id=Document Number"
FRESHBOOKS_COLUMNS = "customer_id=Client Name,date=Date Issued,amount=Amount,order_id=Invoice #"


def _purchases(out: Path) -> list[list[object]]:
    return pd.read_csv(out / "purchases.csv")[["month", "buyers", "returning"]].values.tolist()


def test_prestashops_statuses_say_paid_or_not(tmp_path: Path) -> None:
    path = written(tmp_path, "orders.csv", PRESTASHOP)
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Customer,date=Date,amount=Total,order_id=ID")
    assert _purchases(out) == [["2026-01", 2, 0], ["2026-02", 1, 1]]  # a and e (backorder, paid); a again


@pytest.mark.parametrize(("text", "columns"), [(NETSUITE, NETSUITE_COLUMNS), (FRESHBOOKS, FRESHBOOKS_COLUMNS)])
def test_invoicing_systems_statuses_say_paid_or_not(tmp_path: Path, text: str, columns: str) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "invoices.csv", text), "--columns", columns)
    assert _purchases(out) == [["2026-01", 1, 0], ["2026-02", 1, 1]]  # Acme only


@pytest.mark.parametrize(("word", "row"), [("partial", 3), ("retry", 3)])
def test_a_part_paid_or_retried_invoice_is_still_refused(tmp_path: Path, capsys, word: str, row: int) -> None:
    path = written(tmp_path, "invoices.csv", FRESHBOOKS.replace(",overdue,", f",{word},"))
    assert refusal(capsys, "--orders", str(path), "--columns", FRESHBOOKS_COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "invoices.csv, column 'Status': order statuses that say neither paid nor unpaid (whether these were purchases "
        "cannot be told: give them the status completed where they were paid, cancelled where they were not) in row "
        f"{row} (counting the header as row 1): '{word}'"
    )


def test_sent_beside_paid_alone_is_still_refused(tmp_path: Path, capsys) -> None:
    path = written(tmp_path, "orders.csv", "order_id,customer_id,date,amount,status\n1,a,2026-01-05,10,paid\n"
                   "2,b,2026-01-06,20,sent\n")  # fmt: skip
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o")).endswith(
        "in row 3 (counting the header as row 1): 'sent'"
    )
