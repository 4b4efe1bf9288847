"""Recurly's transactions export (H161 finding 04): a refund row (type refund, amount 50.00) of invoice 1004 was
left out and its sale counted whole, silently, with no order id mapped; mapped as the order id, the invoice's
declined attempt before its paid retry made the order refused ("another date than its first row"). Now the refund
row naming its sale in an unmapped id column is refused asking for the order id; with it, the declined attempt is
left out and the refunded invoice is no purchase."""

from __future__ import annotations

import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

ROWS = """account_code,transaction_id,type,amount,currency,date,status,invoice_number
acct_1,t01,purchase,1200.00,USD,2026-09-03 10:00:00 PST,success,1001
acct_2,t02,purchase,50.00,USD,2026-09-10 10:00:00 PST,success,1002
acct_2,t03,purchase,50.00,USD,2026-10-10 10:00:00 PST,declined,1003
acct_2,t04,purchase,50.00,USD,2026-10-13 10:00:00 PST,success,1003
acct_2,t06,purchase,50.00,USD,2026-11-10 10:00:00 PST,success,1004
acct_2,t07,refund,50.00,USD,2026-11-12 10:00:00 PST,success,1004
acct_3,t08,purchase,30.00,USD,2026-11-20 10:00:00 PST,success,1005
"""


def _load(tmp_path, **columns: str):
    path = tmp_path / "recurly_transactions.csv"
    path.write_text(ROWS)
    return load_tables(orders=path, columns={"customer_id": "account_code", **columns})


def test_a_refund_naming_its_invoice_asks_for_the_order_id(tmp_path) -> None:
    with pytest.raises(DataError) as caught:
        _load(tmp_path)
    assert str(caught.value) == (
        "recurly_transactions.csv, column 'invoice_number': refund rows that name their sale in 'invoice_number', "
        "which is not mapped as the order id (a refund row is left out, and its sale would count whole) in row 7 "
        "(counting the header as row 1): '1004': map it, --columns order_id=invoice_number, to take each refund off "
        "its sale"
    )


def test_with_the_invoice_as_order_the_declined_attempt_is_no_payment(tmp_path) -> None:
    tables = _load(tmp_path, order_id="invoice_number")
    assert tables.purchases["buyers"].tolist() == [2, 1, 1]  # November: acct_3 only (invoice 1004 refunded in full)
    cohorts = tables.order_revenue_cohorts.fillna(-1).to_numpy().tolist()
    assert cohorts == [[1250.0, 50.0, 0.0], [0.0, 0.0, -1.0], [30.0, -1.0, -1.0]]


def test_a_refund_sharing_only_a_product_code_with_its_sale_is_read_as_before(tmp_path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount,SKU\na,2024-01-05,10,HOOD-01\na,2024-01-09,-10,HOOD-01\n"
                    "b,2024-01-06,20,TEE-02\nb,2024-02-06,20,TEE-02\n")  # fmt: skip
    tables = load_tables(orders=path)
    assert tables.purchases["buyers"].tolist() == [2, 1]  # the refund row left out (no order id), as documented


def test_a_missing_customer_id_names_recurly_s_account_code(tmp_path) -> None:
    path = tmp_path / "recurly_transactions.csv"
    path.write_text(ROWS)
    with pytest.raises(DataError) as caught:
        load_tables(orders=path)
    assert str(caught.value).endswith(
        "to use a column of another name, map it: --columns customer_id=account_code (in Python: columns="
        "{'customer_id': 'account_code'})"
    )
