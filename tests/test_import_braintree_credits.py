"""Braintree's Transaction Search export: a sale refunded in full by a later 'credit' naming it in 'Refunded
Transaction ID' (listed first, newest first), and a 'Processor Declined' sale whose 'Settlement Amount' is blank (H170
finding 05). With the settlement amount mapped the declined sale stopped the import as an order "without an amount
on any of their rows", though it is no order; with no amount the credit and its sale were "rows of one order with
another date than its first row"; without an order id the advice named Xero's Reference, not the file's own column.
Right: September 2 buyers, October 1 (the refunded sale and the declined attempt are no purchase)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from xl_retention import cli

BRAINTREE = (
    "Transaction ID,Subscription ID,Transaction Type,Transaction Status,Created Datetime,Created Timezone,"
    "Merchant Account,Currency ISO Code,Amount Authorized,Amount Submitted For Settlement,Customer ID,Customer Email,"
    "Refunded Transaction ID,Settlement Amount,Settlement Currency ISO Code\n"
    "b7k2m9p1,,credit,Settled,10/12/2026 09:30:00,UTC,acme,USD,25.00,25.00,41893217,a@ex.com,a1c3e5g7,25.00,USD\n"
    "a1c3e5g7,,sale,Settled,10/02/2026 14:05:00,UTC,acme,USD,25.00,25.00,41893217,a@ex.com,,25.00,USD\n"
    "c9d8e7f6,,sale,Settled,09/15/2026 11:00:00,UTC,acme,USD,40.00,40.00,41893217,a@ex.com,,40.00,USD\n"
    "d4e5f6a7,,sale,Settled,09/20/2026 16:40:00,UTC,acme,USD,60.00,60.00,55120934,b@ex.com,,60.00,USD\n"
    "e1f2a3b4,,sale,Processor Declined,10/20/2026 08:00:00,UTC,acme,USD,60.00,0.00,55120934,b@ex.com,,,USD\n"
    "f5a6b7c8,,sale,Settled,10/21/2026 08:05:00,UTC,acme,USD,60.00,60.00,55120934,b@ex.com,,60.00,USD\n"
)


def _import(tmp_path: Path, columns: str) -> int:
    path = tmp_path / "transactions.csv"
    path.write_text(BRAINTREE)
    return cli.main(["import", "--orders", str(path), "--columns", columns, "--to-csv", str(tmp_path / "o")])


def _buyers(tmp_path: Path) -> dict[str, str]:
    with open(tmp_path / "o" / "purchases.csv", newline="") as f:
        return {r["month"]: r["buyers"] for r in csv.DictReader(f)}


@pytest.mark.parametrize("amount", [",amount=Settlement Amount", ""])
def test_the_credit_and_the_declined_sale_are_no_purchase(tmp_path: Path, amount: str) -> None:
    assert _import(tmp_path, f"date=Created Datetime,order_id=Transaction ID{amount}") == 0
    assert _buyers(tmp_path) == {"2026-09": "2", "2026-10": "1"}


def test_the_revenue_leaves_them_out(tmp_path: Path) -> None:
    assert _import(tmp_path, "date=Created Datetime,order_id=Transaction ID,amount=Settlement Amount") == 0
    with open(tmp_path / "o" / "order_revenue_cohorts.csv", newline="") as f:
        rows = list(csv.reader(f))[1:]
    assert rows == [["2026-09", "100.0", "60.0"], ["2026-10", "0.0", ""]]


def test_without_an_order_id_the_advice_names_the_files_column(tmp_path: Path, capsys) -> None:
    assert _import(tmp_path, "date=Created Datetime") == 1
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith(
            "map the invoice number, --columns order_id=NAME, beside the column naming the invoice each credits "
            "('Refunded Transaction ID' here), or remove them"
        )
    )
