"""An invoice's amount left to pay under other names than the exact ones known was ignored: Zuora's
"Invoice.Balance" and Harvest's "Due Amount" (A002's September invoice of 200.00, balance 200.00: nothing paid)
counted the unpaid invoice (September 2 buyers, cohort 2026-09 revenue 300.0), success, no note, where "Balance Due"
left it out (H484's finding 06). Such a column is now found by its name's words (a word of what is left to pay and a
word of money, or an invoice's balance): read as "Balance Due" is (September 1 buyer, 100.0, a note naming the row).
A balance alone ("Balance", Zoho's and Invoice Ninja's; an account's in other files) is refused naming the column and
how to map it where one is above 0; an account's, an opening or an ending balance and Stripe's "Amount Due (USD)" (the
invoice's amount) are no amount left to pay.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run, written

COLUMNS = "customer_id=Customer,date=Invoice Date,order_id=Invoice Number"


def _invoices(tmp_path: Path, balance: str, values: tuple[str, ...] = ("0.00", "200.00", "0.00", "0.00")) -> Path:
    rows = [("INV001", "2026-09-01", "A001", "100.00"), ("INV002", "2026-09-01", "A002", "200.00"),
            ("INV003", "2026-10-01", "A001", "100.00"), ("INV004", "2026-10-01", "A002", "200.00")]  # fmt: skip
    text = f"Invoice Number,Invoice Date,Customer,Amount,{balance}\n"
    text += "".join(f"{n},{d},{c},{a},{v}\n" for (n, d, c, a), v in zip(rows, values, strict=True))
    return written(tmp_path, "inv.csv", text)


@pytest.mark.parametrize("balance", ["Invoice.Balance", "Due Amount", "Invoice Balance", "Offener Betrag"])
def test_an_invoices_balance_in_other_words_leaves_the_unpaid_invoice_out(tmp_path: Path, capsys, balance: str) -> None:
    out = run(tmp_path, "--orders", _invoices(tmp_path, balance), "--columns", COLUMNS)
    purchases = pd.read_csv(out / "purchases.csv")
    assert purchases[["month", "buyers"]].values.tolist() == [["2026-09", 1], ["2026-10", 2]]
    revenue = pd.read_csv(out / "order_revenue_cohorts.csv")
    assert revenue.fillna(-1).values.tolist() == [["2026-09", 100.0, 100.0], ["2026-10", 200.0, -1]]
    assert (
        f"inv.csv, column {balance!r}: the whole amount still to pay: nothing paid (not paid: no purchase, left out) "
        "in row 3 (counting the header as row 1): '200.00'"
    ) in capsys.readouterr().out


def test_a_balance_alone_is_refused_naming_it(tmp_path: Path, capsys) -> None:
    path = _invoices(tmp_path, "Balance")
    assert refusal(capsys, "--orders", str(path), "--columns", COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "inv.csv, column 'Balance': balances above 0 ('Balance': an invoice's amount still to pay, or an account's "
        "balance; whether these orders were paid cannot be told) in row 3 (counting the header as row 1): '200.00': "
        "rename the column 'Balance Due' where it is what is left to pay of each invoice, or remove it where it is an "
        "account's balance"
    )


def test_a_balance_alone_all_zero_is_read(tmp_path: Path) -> None:
    out = run(tmp_path, "--orders", _invoices(tmp_path, "Balance", ("0.00",) * 4), "--columns", COLUMNS)
    assert pd.read_csv(out / "purchases.csv")[["month", "buyers"]].values.tolist() == [["2026-09", 2], ["2026-10", 2]]


@pytest.mark.parametrize("balance", ["Account.Balance", "Opening Balance", "Ending Balance", "Amount Due (USD)"])
def test_other_balances_are_no_amount_left_to_pay(tmp_path: Path, balance: str) -> None:
    out = run(tmp_path, "--orders", _invoices(tmp_path, balance), "--columns", COLUMNS)
    assert pd.read_csv(out / "purchases.csv")[["month", "buyers"]].values.tolist() == [["2026-09", 2], ["2026-10", 2]]
    assert pd.read_csv(out / "order_revenue_cohorts.csv").iloc[0].tolist() == ["2026-09", 300.0, 300.0]


def test_a_part_paid_invoice_by_its_due_amount_has_its_tax_share_asked(tmp_path: Path, capsys) -> None:
    """Counted by its amount paid (50.00 of 120.00, 70.00 left in "Due Amount"), the invoice had its whole TotalTax
    20.00 taken off (30.0 counted); the share of the tax paid cannot be told with no total: refused (paid_taxes)."""
    text = (
        "Invoice Number,Customer,Date,SubTotal,TotalTax,AmountPaid,Due Amount\n"
        "I1,Acme,2026-01-05,100.00,20.00,120.00,0.00\nI2,Beta,2026-01-06,50.00,10.00,60.00,0.00\n"
        "I3,Acme,2026-02-05,100.00,20.00,50.00,70.00\n"
    )
    path = written(tmp_path, "inv.csv", text)
    columns = "customer_id=Customer,order_id=Invoice Number,amount=AmountPaid"
    assert refusal(capsys, "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")) == (
        "inv.csv, column 'AmountPaid': invoices paid in part, whose 'TotalTax' is the whole invoice's tax: the share "
        "of it paid cannot be told with no column of the invoice's total in row 4 (counting the header as row 1): "
        "'50.00': add the invoices' 'Total' column (with its tax), or map a column of amounts before tax "
        "(--columns amount=NAME)"
    )
