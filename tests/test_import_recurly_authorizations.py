"""Recurly's transactions export writes card checks as rows of type ``authorization`` ("A $1 or $0 transaction
created to validate payment information usability after billing updates", docs.recurly.com "Transactions - export").
They stopped the import ("row types that say neither a sale nor a refund"; with the invoice as the order id,
"missing order ids": an authorization has no invoice) (H162 finding 01). An authorization collects no money: no
purchase, left out with a note naming its row; the other rows keep their rows of the file in refusals."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli
from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

ROWS = """account_code,transaction_id,type,amount,currency,date,status,invoice_number
acct_1,t01,purchase,1200.00,USD,2026-09-03 10:00:00 PST,success,1001
acct_2,t02,authorization,1.00,USD,2026-09-09 10:00:00 PST,success,
acct_2,t03,purchase,50.00,USD,2026-09-10 10:00:00 PST,success,1002
acct_2,t04,purchase,50.00,USD,2026-10-13 10:00:00 PST,success,1003
acct_3,t05,authorization,0.00,USD,2026-10-20 10:00:00 PST,declined,
"""
NOTE = (
    "recurly_transactions.csv: 2 row(s) of type authorization in 'type' left out, rows 3, 6: a card check (Recurly's "
    "$1 or $0 transaction validating payment details) collects no money, no purchase"
)


def _write(tmp_path: Path, rows: str = ROWS) -> Path:
    path = tmp_path / "recurly_transactions.csv"
    path.write_text(rows)
    return path


@pytest.mark.parametrize("columns", ["customer_id=account_code,order_id=invoice_number", "customer_id=account_code"])
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_authorizations_are_no_purchase(tmp_path: Path, capsys, backend: str, columns: str) -> None:
    args = ["import", "--orders", str(_write(tmp_path)), "--columns", columns, "--backend", backend]
    assert cli.main([*args, "--to-csv", str(tmp_path / "o")]) == 0
    with open(tmp_path / "o" / "purchases.csv", newline="") as f:
        buyers = {r["month"]: r["buyers"] for r in csv.DictReader(f)}
    assert buyers == {"2026-09": "2", "2026-10": "1"}  # acct_3's declined card check: no buyer
    assert NOTE in capsys.readouterr().out


def test_revenue_leaves_the_card_check_out(tmp_path: Path) -> None:
    tables = load_tables(orders=_write(tmp_path), columns={"customer_id": "account_code", "order_id": "invoice_number"})
    assert tables.purchases["buyers"].tolist() == [2, 1]
    assert tables.order_revenue_cohorts.fillna(-1).to_numpy().tolist() == [[1250.0, 50.0], [0.0, -1.0]]


def test_refusals_name_the_rows_of_the_file(tmp_path: Path) -> None:
    rows = ROWS + "acct_4,t06,purchase,30.00,USD,2026-10-21 10:00:00 PST,on_hold,1004\n"
    with pytest.raises(DataError) as caught:
        load_tables(
            orders=_write(tmp_path, rows), columns={"customer_id": "account_code", "order_id": "invoice_number"}
        )
    assert "in row 7 (counting the header as row 1): 'on_hold'" in str(caught.value), str(caught.value)


def test_other_types_are_still_refused(tmp_path: Path) -> None:
    rows = ROWS + "acct_4,t06,payout,30.00,USD,2026-10-21 10:00:00 PST,success,1004\n"
    with pytest.raises(DataError) as caught:
        load_tables(
            orders=_write(tmp_path, rows), columns={"customer_id": "account_code", "order_id": "invoice_number"}
        )
    assert str(caught.value).startswith(
        "recurly_transactions.csv, column 'type': row types that say neither a sale nor a refund"
    )
    assert "in row 7 (counting the header as row 1): 'payout'" in str(caught.value)
