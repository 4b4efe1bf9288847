"""Invoices approved but not paid were counted as purchases (H467 finding 03): a Xero invoices export's Status
AUTHORISED (approved, awaiting payment; AmountPaid 0.00, AmountDue the Total) was read as a card's authorisation,
paid: Feb buyers 3, returning 2, the Jan cohort's Feb revenue 150.00 where only Beta paid (1, 1, 50.00). A generic
invoice's Status approved with Amount Paid 0.00 and Amount Due 100.00 counted 100.00, and Shopify's partially_paid
with an Outstanding Balance of 60.00 of 100.00 counted 100.00. The file's own amount paid and amount due now say
what was paid (reading.amounts_due): nothing paid, all due, no purchase (a note names the rows); part paid refused.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from import_cli import refusal, run, status_and_output, written

XERO = (
    "Type,InvoiceID,InvoiceNumber,Reference,Contact.Name,Date,DueDate,Status,LineAmountTypes,SubTotal,TotalTax,Total,"
    "AmountDue,AmountPaid,AmountCredited,CurrencyCode\n"
    "ACCREC,a1,INV-0001,,Acme Ltd,2026-01-05,2026-02-04,PAID,Exclusive,100.00,20.00,120.00,0.00,120.00,0.00,GBP\n"
    "ACCREC,a2,INV-0002,,Beta Ltd,2026-01-06,2026-02-05,PAID,Exclusive,50.00,10.00,60.00,0.00,60.00,0.00,GBP\n"
    "ACCREC,a3,INV-0003,,Acme Ltd,2026-02-05,2026-03-07,AUTHORISED,Exclusive,100.00,20.00,120.00,120.00,0.00,0.00,GBP\n"
    "ACCREC,a4,INV-0004,,Beta Ltd,2026-02-06,2026-03-08,PAID,Exclusive,50.00,10.00,60.00,0.00,60.00,0.00,GBP\n"
    "ACCREC,a5,INV-0005,,Gamma Ltd,2026-02-07,2026-03-09,AUTHORISED,Exclusive,80.00,16.00,96.00,96.00,0.00,0.00,GBP\n"
    "ACCREC,a6,INV-0006,,Delta Ltd,2026-02-08,2026-03-10,DRAFT,Exclusive,80.00,16.00,96.00,96.00,0.00,0.00,GBP\n"
)
XERO_COLUMNS = "order_id=InvoiceNumber,customer_id=Contact.Name,amount=SubTotal"
GENERIC = (
    "Invoice Number,Customer Id,Invoice Date,Status,Total,Amount Paid,Amount Due\n"
    "1,a,2026-01-05,paid,100.00,100.00,0.00\n"
    "2,b,2026-01-06,paid,50.00,50.00,0.00\n"
    "3,a,2026-02-05,approved,100.00,0.00,100.00\n"
    "4,b,2026-02-06,paid,50.00,50.00,0.00\n"
)
GENERIC_COLUMNS = "order_id=Invoice Number,customer_id=Customer Id,date=Invoice Date,amount=Total"


def _tables(out: Path) -> tuple[list[list[object]], pd.DataFrame]:
    purchases = pd.read_csv(out / "purchases.csv")[["month", "buyers", "returning"]].to_numpy().tolist()
    return purchases, pd.read_csv(out / "order_revenue_cohorts.csv").set_index("cohort")


def test_xero_authorised_invoices_are_awaiting_payment(tmp_path: Path) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "xero_inv.csv", XERO), "--columns", XERO_COLUMNS)
    purchases, revenue = _tables(out)
    assert purchases == [["2026-01", 2, 0], ["2026-02", 1, 1]]  # Feb: Beta alone paid
    assert revenue.loc["2026-01", "1"] == 50.0
    assert revenue.loc["2026-02", "0"] == 0.0  # no Gamma cohort of Feb (its 80.00 before)


def test_xero_deleted_invoice_is_no_purchase(tmp_path: Path) -> None:
    """DELETED (a draft deleted) was refused as a status that says neither paid nor unpaid."""
    path = written(tmp_path, "xero_inv.csv", XERO.replace(",DRAFT,", ",DELETED,"))
    purchases, _ = _tables(run(tmp_path, "--orders", path, "--columns", XERO_COLUMNS))
    assert purchases == [["2026-01", 2, 0], ["2026-02", 1, 1]]


def test_xero_authorised_part_paid_is_refused(tmp_path: Path, capsys) -> None:
    """Beside AmountPaid mapped the part paid counts (H480 finding 03: docs say what was paid counts)."""
    text = XERO.replace("AUTHORISED,Exclusive,100.00,20.00,120.00,120.00,0.00", "AUTHORISED,Exclusive,100.00,20.00,"
                        "120.00,70.00,50.00")  # fmt: skip
    path = written(tmp_path, "xero_inv.csv", text)
    assert refusal(capsys, "--orders", str(path), "--columns", XERO_COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "xero_inv.csv, column 'AmountDue': invoices or orders part paid ('AmountPaid' above 0 and 'AmountDue' "
        "above 0: what was paid of them, and whether they are purchases, cannot be told from the amount) in row 4 "
        "(counting the header as row 1): '70.00': remove the rows of those not paid in full (Xero's AUTHORISED: "
        "awaiting the rest of its payment), or map the amount paid as the amount"
    )
    columns = "order_id=InvoiceNumber,customer_id=Contact.Name,date=Date,amount=AmountPaid"
    purchases, _ = _tables(run(tmp_path, "--orders", path, "--columns", columns))
    assert purchases == [["2026-01", 2, 0], ["2026-02", 2, 2]]  # Acme paid 50.00 of INV-0003: a purchase


def test_approved_invoice_with_nothing_paid_is_left_out_with_a_note(tmp_path: Path, capsys) -> None:
    path = written(tmp_path, "invoices.csv", GENERIC)
    out = tmp_path / "o"
    code, said, _ = status_and_output(capsys, "import", "--orders", path, "--columns", GENERIC_COLUMNS, "--to-csv", out)
    assert code == 0
    assert (
        "invoices.csv, column 'Amount Paid': 0 paid and an amount still due in 'Amount Due' (not paid: no purchase, "
        "left out) in row 4 (counting the header as row 1): '0.00'"
    ) in said.splitlines()
    purchases, revenue = _tables(out)
    assert purchases == [["2026-01", 2, 0], ["2026-02", 1, 1]]
    assert revenue.loc["2026-01", "1"] == 50.0


def test_part_paid_invoice_counts_what_was_paid_where_that_is_the_amount(tmp_path: Path, capsys) -> None:
    path = written(tmp_path, "invoices.csv", GENERIC.replace("approved,100.00,0.00,100.00", "approved,100.00,40.00,"
                                                             "60.00"))  # fmt: skip
    assert refusal(capsys, "--orders", str(path), "--columns", GENERIC_COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "invoices.csv, column 'Amount Due': invoices or orders part paid ('Amount Paid' above 0 and 'Amount Due' "
        "above 0: what was paid of them, and whether they are purchases, cannot be told from the amount) in row 4 "
        "(counting the header as row 1): '60.00': remove the rows of those not paid in full, or map the amount paid "
        "as the amount"
    )
    columns = GENERIC_COLUMNS.replace("amount=Total", "amount=Amount Paid")
    _, revenue = _tables(run(tmp_path, "--orders", path, "--columns", columns))
    assert revenue.loc["2026-01", "1"] == 90.0  # a's 40.00 paid and b's 50.00


def test_shopify_partially_paid_with_an_outstanding_balance_is_refused(tmp_path: Path, capsys) -> None:
    path = written(tmp_path, "orders_export.csv", (
        "Name,Email,Financial Status,Created at,Total,Outstanding Balance\n"
        "#1001,a@x.com,paid,2026-01-05,100.00,0.00\n"
        "#1002,b@x.com,paid,2026-01-06,50.00,0.00\n"
        "#1003,a@x.com,partially_paid,2026-02-05,100.00,60.00\n"
    ))  # fmt: skip
    columns = "order_id=Name,customer_id=Email,date=Created at,amount=Total"
    assert refusal(capsys, "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")) == (
        "orders_export.csv, column 'Outstanding Balance': invoices or orders part paid ('Outstanding Balance' above 0: "
        "what was paid of them, and whether they are purchases, cannot be told from the amount) in row 4 (counting "
        "the header as row 1): '60.00': remove the rows of those not paid in full, or write what was paid as their "
        "amount and 0 as their 'Outstanding Balance'"
    )


def test_card_authorisations_and_stripe_paid_invoices_stay_paid(tmp_path: Path) -> None:
    """Adyen's Authorised is a card payment authorised: paid. Stripe's paid invoice has Amount Due equal to Amount
    Paid (the invoice's amount, not what is left): paid."""
    adyen = written(tmp_path, "adyen.csv", (
        "psp_reference,shopper_reference,creation_date,status,amount\n"
        "p1,a,2026-01-05,Authorised,10.00\np2,a,2026-02-05,Authorised,10.00\n"
    ))  # fmt: skip
    purchases, _ = _tables(run(tmp_path, "--orders", adyen, "--columns", "order_id=psp_reference,"
                               "customer_id=shopper_reference,date=creation_date"))  # fmt: skip
    assert purchases == [["2026-01", 1, 0], ["2026-02", 1, 1]]
    stripe = written(tmp_path, "invoices.csv", (
        "id,Customer,Amount Due,Amount Paid,Status,Date (UTC)\n"
        "in_1,cus_A,49.00,49.00,paid,2026-01-05\nin_2,cus_A,49.00,49.00,paid,2026-02-05\n"
    ))  # fmt: skip
    purchases, _ = _tables(run(tmp_path, "--orders", stripe, "--columns", "customer_id=Customer,date=Date (UTC),"
                               "amount=Amount Paid"))  # fmt: skip
    assert purchases == [["2026-01", 1, 0], ["2026-02", 1, 1]]


def test_quickbooks_open_balance_says_what_was_not_paid(tmp_path: Path, capsys) -> None:
    # H467's finding 05: QuickBooks' Invoice List (Amount, Open Balance; no amount paid column) counted the open
    # invoices 1003 and 1005 in full: Feb buyers 3, returning 2, the Jan cohort's Feb revenue 150.00 for 1, 1, 50.00
    path = written(tmp_path, "qb.csv", (
        "Date,Transaction Type,Num,Name,Memo/Description,Due Date,Amount,Open Balance\n"
        "2026-01-05,Invoice,1001,Acme,,2026-02-04,100.00,0.00\n"
        "2026-01-06,Invoice,1002,Beta,,2026-02-05,50.00,0.00\n"
        "2026-02-05,Invoice,1003,Acme,,2026-03-07,100.00,100.00\n"
        "2026-02-06,Invoice,1004,Beta,,2026-03-08,50.00,0.00\n"
        "2026-02-07,Invoice,1005,Gamma,,2026-03-09,80.00,80.00\n"
    ))  # fmt: skip
    out = run(tmp_path, "--orders", path, "--columns", "order_id=Num,customer_id=Name,date=Date,amount=Amount")
    purchases, revenue = _tables(out)
    assert purchases == [["2026-01", 2, 0], ["2026-02", 1, 1]]
    assert revenue.loc["2026-01", "1"] == 50.0
    assert revenue.loc["2026-02", "0"] == 0.0  # no Gamma cohort of 80.00
    assert (
        "qb.csv, column 'Open Balance': the whole amount still to pay: nothing paid (not paid: no purchase, left out) "
        "in rows 4, 6 (counting the header as row 1): '100.00', '80.00'"
    ) in capsys.readouterr().out
