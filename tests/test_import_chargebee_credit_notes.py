"""Chargebee's credit notes beside their invoices, by their own status (its API's ``credit_note.status``: "Adjustment
Credit Notes are created for the 'unpaid' component of the invoice and it can have statuses - Adjusted and Voided.
Refundable Credit Notes are created for 'paid' component of the invoice and it can have statuses - Refunded, Refund
Due and Voided", apidocs.chargebee.com, Credit Notes). ``adjusted`` was refused as "order statuses that say neither
paid nor unpaid" (H161); it is taken off its invoice as ``refunded`` is. A ``voided`` credit note was taken off its
invoice too, silently (its type said a refund, whatever its status): it takes nothing off. ``refund_due`` is refused
naming its row. Chargebee's ``price_type`` (``tax_exclusive``, ``tax_inclusive``: a text) was offered as an amount
to map; it is not."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli

# Chargebee's invoice and credit note attributes (id, customer_id, date, status, reference_invoice_id, reason_code,
# sub_total, tax, total, currency_code), one file, a document type column telling which
DOCUMENTS = (
    "document_type,id,customer_id,date,status,reference_invoice_id,reason_code,sub_total,tax,total,currency_code\n"
    """invoice,inv_2001,cus_A,2026-09-10,paid,,,100.00,19.00,119.00,EUR
invoice,inv_2002,cus_B,2026-09-12,paid,,,200.00,38.00,238.00,EUR
invoice,inv_2003,cus_A,2026-10-10,paid,,,100.00,19.00,119.00,EUR
credit_note,cn_301,cus_A,2026-10-25,refunded,inv_2003,product_unsatisfactory,40.00,7.60,47.60,EUR
invoice,inv_2004,cus_B,2026-10-12,paid,,,200.00,38.00,238.00,EUR
credit_note,cn_302,cus_B,2026-10-20,STATUS,inv_2004,subscription_change,50.00,9.50,59.50,EUR
invoice,inv_2005,cus_A,2026-11-10,paid,,,100.00,19.00,119.00,EUR
"""
)


def _import(tmp_path: Path, status: str, backend: str) -> int:
    path = tmp_path / "chargebee_documents.csv"
    path.write_text(DOCUMENTS.replace("STATUS", status))
    args = ["import", "--orders", str(path), "--columns", "order_id=id,amount=sub_total", "--backend", backend]
    return cli.main([*args, "--to-csv", str(tmp_path / "o")])


def _revenue(tmp_path: Path) -> list[list[str]]:
    with open(tmp_path / "o" / "order_revenue_cohorts.csv", newline="") as f:
        return [row for row in csv.reader(f)][1:]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
@pytest.mark.parametrize(("status", "october"), [("adjusted", "210.0"), ("refunded", "210.0"), ("voided", "260.0")])
def test_a_credit_note_by_its_status(tmp_path: Path, backend: str, status: str, october: str) -> None:
    assert _import(tmp_path, status, backend) == 0
    # September: inv_2001 and inv_2002 (300); October: their invoices 100 + 200, less cn_301's 40, less cn_302's 50
    # where it was applied to inv_2004 (adjusted) or refunded, not where it was voided
    assert _revenue(tmp_path)[0] == ["2026-09", "300.0", october, "100.0"]


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_refund_still_due_is_refused(tmp_path: Path, capsys, backend: str) -> None:
    assert _import(tmp_path, "refund_due", backend) == 1
    assert capsys.readouterr().err.strip() == (
        "xl-retention: error: chargebee_documents.csv, column 'status': credit notes whose refund is still due "
        "(Chargebee's refund_due: credits not refunded yet, kept for a later invoice or a refund to come; whether "
        "they come off their invoice cannot be told) in row 7 (counting the header as row 1): 'refund_due': give "
        "them the status refunded where they were refunded or applied, voided where they were not"
    )


def test_an_invoice_adjusted_is_still_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "chargebee_documents.csv"
    path.write_text(
        DOCUMENTS.replace("STATUS", "refunded").replace(
            "inv_2005,cus_A,2026-11-10,paid", "inv_2005,cus_A,2026-11-10,adjusted"
        )
    )
    assert cli.main(["import", "--orders", str(path), "--columns", "order_id=id,amount=sub_total", "--to-csv",
                     str(tmp_path / "o")]) == 1  # fmt: skip
    err = capsys.readouterr().err
    assert "column 'status': order statuses that say neither paid nor unpaid" in err
    assert "in row 8 (counting the header as row 1): 'adjusted'" in err


def test_a_refund_row_pending_takes_nothing_off(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("order_id,customer_id,date,amount,type,status\n1,a,2026-01-05,50,sale,paid\n"
                    "1,a,2026-01-20,-20,refund,pending\n2,b,2026-02-01,30,sale,paid\n")  # fmt: skip
    assert cli.main(["import", "--orders", str(path), "--to-csv", str(tmp_path / "o")]) == 0
    assert _revenue(tmp_path)[0] == ["2026-01", "50.0", "0.0"]  # the refund not made yet: 50 kept (was 30)


INVOICES = (
    "invoices.id,invoices.customer_id,invoices.status,invoices.price_type,invoices.date,invoices.total,invoices.tax\n"
    """inv_1001,cus_A,paid,tax_inclusive,2026-09-10,119.00,19.00
inv_1002,cus_B,paid,tax_inclusive,2026-10-12,238.00,38.00
"""
)


def test_price_type_is_not_offered_as_the_amount(tmp_path: Path, capsys) -> None:
    path = tmp_path / "chargebee_invoices.csv"
    path.write_text(INVOICES)
    columns = "customer_id=invoices.customer_id,date=invoices.date,order_id=invoices.id"
    assert cli.main(["import", "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert (
        "chargebee_invoices.csv: no column 'amount', so no revenue is counted (the order revenue cohorts of --to-csv "
        "are not written; a tracker holds no order revenue): to count it, map the column of each order's amount "
        "('invoices.total') with --columns amount=NAME"
    ) in out, out
