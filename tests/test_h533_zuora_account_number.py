"""A Zuora Data Source (or Export ZOQL) export names the customer's account ``Account.AccountNumber``; imported
without a mapping, the refusal suggested ``customer_id=NAME`` (the account column is suggested only under the names
"Account Number" and "Account: Account Number", and only when the customer id was the one column missing), where it
names Recurly's ``account_code`` and Zuora's "Account Number". It now names ``Account.AccountNumber`` (and
``Invoice.InvoiceDate`` as the date, H547's brief: it said ``date=NAME``), and following the suggestion counts
the invoices (docs/metrics.md's orders: August cohort 100 and 100 in September, A002's 200).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

INVOICES = (
    "Invoice.InvoiceNumber,Invoice.InvoiceDate,Account.AccountNumber,Invoice.Amount,Invoice.Balance\n"
    "INV001,2026-08-03,A001,100.00,0.00\n"
    "INV002,2026-09-03,A001,100.00,0.00\n"
    "INV003,2026-09-05,A002,200.00,0.00\n"
)


def test_the_account_number_is_suggested_and_following_it_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = written(tmp_path, "zuora.csv", INVOICES)
    message = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o"))
    assert message == (
        "zuora.csv: missing columns 'customer_id', 'date' (columns found: 'Invoice.InvoiceNumber', "
        "'Invoice.InvoiceDate', 'Account.AccountNumber', 'Invoice.Amount', 'Invoice.Balance'); to use columns of "
        "other names, map them all: --columns customer_id=Account.AccountNumber,date=Invoice.InvoiceDate (in Python: "
        "columns={'customer_id': 'Account.AccountNumber', 'date': 'Invoice.InvoiceDate'})"
    )  # Invoice.InvoiceDate suggested too (H547's brief, item 3: it said date=NAME)
    out = run(tmp_path, "--orders", path, "--columns", "customer_id=Account.AccountNumber,date=Invoice.InvoiceDate")
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort")
    assert revenue.loc["2026-08"].tolist() == [100.0, 100.0]
    assert revenue.loc["2026-09", "0"] == 200.0


def test_a_subscriptions_export_suggests_it_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = written(
        tmp_path,
        "zuora.csv",
        "Account.AccountNumber,Subscription.Name,Subscription.SubscriptionStartDate,Subscription.SubscriptionEndDate,"
        "RatePlanCharge.MRR\nA1,S1,2026-06-03,,50\n",
    )
    message = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert message.endswith(
        "map them: --columns start=Subscription.SubscriptionStartDate,end=Subscription.SubscriptionEndDate,"
        "customer_id=Account.AccountNumber (in Python: columns={'start': 'Subscription.SubscriptionStartDate', "
        "'end': 'Subscription.SubscriptionEndDate', 'customer_id': 'Account.AccountNumber'})"
    )


def test_an_invoice_date_is_suggested_when_the_date_alone_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = written(tmp_path, "zuora.csv", INVOICES.replace("Account.AccountNumber", "customer_id"))
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o")) == (
        "zuora.csv: missing column 'date' (columns found: 'Invoice.InvoiceNumber', 'Invoice.InvoiceDate', "
        "'customer_id', 'Invoice.Amount', 'Invoice.Balance'); to use a column of another name, map it: --columns "
        "date=Invoice.InvoiceDate (in Python: columns={'date': 'Invoice.InvoiceDate'})"
    )
    out = run(tmp_path, "--orders", path, "--columns", "date=Invoice.InvoiceDate")
    assert pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort").loc["2026-08"].tolist() == [100.0, 100.0]
