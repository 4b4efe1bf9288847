"""Billing systems' and ERPs' invoices write the document's state beside its payment status: Lago's ``status``
(finalized, voided) beside ``payment_status`` (succeeded, failed), Odoo's ``Status`` (Posted, Cancelled, Draft) beside
"Payment Status" (Paid, Not Paid, In Payment, Reversed, Partially Paid). ``finalized`` and ``Posted`` were refused as
"order statuses that say neither paid nor unpaid", Lago's ``one_off`` as a row type of neither a sale nor a refund,
and these exports could not be imported (H569's finding 03). The payment status decides now; a document's issued
state says nothing; Partially Paid is refused unless the amount paid is mapped; Lago's credit (prepaid credits) is
refused; Metronome's USAGE and SCHEDULED invoices are sales.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from import_cli import refusal, run, written

LAGO = (
    "number,issuing_date,invoice_type,status,payment_status,currency,total_amount_cents,customer_external_id\n"
    "LAG-001,2026-01-01,subscription,finalized,succeeded,USD,4900,cust_001\n"
    "LAG-002,2026-01-01,subscription,finalized,succeeded,USD,9900,cust_002\n"
    "LAG-003,2026-02-01,subscription,finalized,succeeded,USD,4900,cust_001\n"
    "LAG-004,2026-02-01,subscription,finalized,failed,USD,9900,cust_002\n"
    "LAG-005,2026-02-15,one_off,finalized,succeeded,USD,2500,cust_003\n"
    "LAG-006,2026-03-01,subscription,voided,pending,USD,9900,cust_002\n"
)
LAGO_COLUMNS = (
    "--columns",
    "customer_id=customer_external_id,date=issuing_date,order_id=number,amount=total_amount_cents",
)
ODOO = (
    "Number,Customer,Invoice/Bill Date,Total Signed,Status,Payment Status\n"
    "INV/1,Acme,2026-01-05,1210,Posted,Paid\n"
    "INV/2,Beta,2026-01-12,605,Posted,Paid\n"
    "INV/3,Gamma,2026-01-20,242,Posted,Reversed\n"
    "INV/4,Acme,2026-02-03,1210,Posted,In Payment\n"
    "INV/5,Delta,2026-02-10,363,Posted,Not Paid\n"
    "INV/6,Beta,2026-02-15,605,Cancelled,Not Paid\n"
    "INV/7,Beta,2026-03-02,605,Posted,Paid\n"
    "INV/9,Epsilon,2026-03-10,100,Draft,Not Paid\n"
)
ODOO_COLUMNS = ("--columns", "customer_id=Customer,date=Invoice/Bill Date,order_id=Number,amount=Total Signed")


def _table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(out / name, index_col=0)


def test_lagos_finalized_beside_its_payment_status_is_read_by_the_payment_status(tmp_path: Path) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "lago.csv", LAGO), *LAGO_COLUMNS)
    purchases = _table(out, "purchases.csv")
    assert purchases["buyers"].to_dict() == {"2026-01": 2, "2026-02": 2, "2026-03": 0}
    assert purchases["returning"].to_dict() == {"2026-01": 0, "2026-02": 1, "2026-03": 0}
    revenue = _table(out, "order_revenue_cohorts.csv")
    assert revenue.loc["2026-01", "0"] == 148.0 and revenue.loc["2026-01", "1"] == 49.0
    assert revenue.loc["2026-02", "0"] == 25.0


def test_lagos_prepaid_credits_and_finalized_without_a_payment_status_are_refused(tmp_path: Path, capsys) -> None:
    credit = LAGO.replace("LAG-005,2026-02-15,one_off", "LAG-005,2026-02-15,credit")
    path = written(tmp_path, "c.csv", credit)
    err = refusal(capsys, "--orders", str(path), *LAGO_COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "c.csv, column 'invoice_type': invoices of prepaid credits bought (Lago's credit: an advance payment, not "
        "revenue until the credits are used, and the credits used are taken off the later invoices' totals): whether "
        "these are purchases cannot be told in row 6 (counting the header as row 1): 'credit': remove these rows to "
        "count what was invoiced, or give them the type one_off to count the money taken"
    )
    bare = pd.read_csv(written(tmp_path, "l.csv", LAGO)).drop(columns="payment_status")
    bare.to_csv(tmp_path / "bare.csv", index=False)
    err = refusal(capsys, "--orders", str(tmp_path / "bare.csv"), *LAGO_COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert err.startswith("bare.csv, column 'status': order statuses that say neither paid nor unpaid")
    assert err.endswith(
        "'finalized': finalized, posted or issued says a document was issued, nothing of its payment: add the "
        "export's payment status column beside it (Lago's payment_status, Odoo's Payment Status), which then decides"
    )


def test_odoos_posted_in_payment_and_reversed(tmp_path: Path) -> None:
    out = run(tmp_path, "--orders", written(tmp_path, "odoo.csv", ODOO), *ODOO_COLUMNS)
    purchases = _table(out, "purchases.csv")
    assert purchases["buyers"].to_dict() == {"2026-01": 2, "2026-02": 1, "2026-03": 1}  # Gamma reversed, Delta unpaid
    revenue = _table(out, "order_revenue_cohorts.csv")
    assert revenue.loc["2026-01"].tolist() == [1815.0, 1210.0, 605.0]  # In Payment counted, Cancelled/Draft not


def test_odoos_partially_paid_is_refused_unless_the_amount_paid_is_mapped(tmp_path: Path, capsys) -> None:
    part = ODOO + "INV/8,Delta,2026-03-09,484,Posted,Partially Paid\n"
    path = written(tmp_path, "p.csv", part)
    err = refusal(capsys, "--orders", str(path), *ODOO_COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "p.csv, column 'Payment Status': statuses that say paid in part (what was paid of 'Total Signed' cannot be "
        "told from it, and counted whole it would count money not received) in row 10 (counting the header as row "
        "1): 'Partially Paid': map the amount paid with --columns amount=NAME, or write what was paid as their amount "
        "and give them the status paid, or remove them"
    )
    amounts_paid = iter(["Amount Paid", "1210", "605", "242", "1210", "0", "0", "605", "0", "200"])
    paid = "".join(f"{line},{next(amounts_paid)}\n" for line in part.splitlines())
    columns = ODOO_COLUMNS[1].replace("amount=Total Signed", "amount=Amount Paid")
    out = run(tmp_path, "--orders", written(tmp_path, "paid.csv", paid), "--columns", columns)
    assert _table(out, "order_revenue_cohorts.csv").loc["2026-03", "0"] == 200.0  # Delta's 200.00 paid of 484.00


def test_metronomes_usage_and_scheduled_invoices_are_sales(tmp_path: Path) -> None:
    path = written(tmp_path, "metronome.csv", (
        "invoice_id,customer_id,status,type,issued_at,total,payment_status\n"
        "i1,acme,FINALIZED,USAGE,2026-02-01,120.50,succeeded\n"
        "i2,beta,FINALIZED,SCHEDULED,2026-02-01,80.00,succeeded\n"
        "i3,gamma,DRAFT,USAGE,2026-02-01,10.00,succeeded\n"
    ))  # fmt: skip
    out = run(tmp_path, "--orders", path, "--columns", "date=issued_at,amount=total,order_id=invoice_id")
    assert _table(out, "order_revenue_cohorts.csv").loc["2026-02", "0"] == 200.5
