"""Amounts saved from Excel's Accounting format: ' $ -   ' is 0 and ' $ (30.00)' is -30 (H36 finding 16: refused as
'values that are not numbers'); a dash alone, with no currency, still says nothing and is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_cli import refusal, run

COLUMNS = ("--columns", "customer_id=Customer,date=Date,amount=Amount,order_id=Order")


@pytest.mark.parametrize("name, text", [
    ("usd.csv", 'Order,Customer,Date,Amount\n1,a,2024-01-05," $ 100.00 "\n2,b,2024-01-06," $ -   "\n'
                '3,a,2024-02-05," $ 30.00 "\n3,a,2024-02-09," $ (30.00)"\n4,c,2024-02-06," $ 20.00 "\n'),
    ("eur.csv", 'Order;Customer;Date;Amount\n1;a;05.01.2024;" 100,00 € "\n2;b;16.01.2024;" -   € "\n'
                '3;a;05.02.2024;" 30,00 € "\n3;a;09.02.2024;" (30,00 €)"\n4;c;06.02.2024;" 20,00 € "\n'),
])  # fmt: skip
def test_accounting_zeros_and_negatives_are_read(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = run(tmp_path, "--orders", path, *COLUMNS)
    assert (out / "purchases.csv").read_text().splitlines()[1:] == ["2024-01,2,0,0,0.0,0.0", "2024-02,1,0,0,0.0,0.0"]
    assert (out / "order_revenue_cohorts.csv").read_text().splitlines()[1:] == ["2024-01,100.0,0.0",
                                                                                "2024-02,20.0,"]  # fmt: skip


def test_a_dash_alone_is_still_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("Order,Customer,Date,Amount\n1,a,2024-01-05,100\n2,b,2024-01-06,-\n")
    assert refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "orders.csv, column 'Amount': values that are not numbers in row 3 (counting the header as row 1): '-'"
    )
