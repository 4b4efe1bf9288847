"""A workbook's other sheet of returns or refunds was never read nor named: the first sheet's orders were counted in
full (H36 finding 06: Feb buyer and 30 of revenue though refunded, exit 0, no note)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from import_cli import refusal, run

COLUMNS = ("--columns", "customer_id=Customer,date=Order Date,amount=Amount")


def shop(path: Path, sheet: str, header: list[str]) -> Path:
    book = openpyxl.Workbook()
    orders = book.active
    orders.title = "Orders"
    orders.append(["Customer", "Order Date", "Amount"])
    for row in (["a", "2024-01-05", 100], ["b", "2024-01-06", 50], ["a", "2024-02-05", 30]):
        orders.append(row)
    other = book.create_sheet(sheet)
    other.append(header)
    other.append(["a", "2024-02-10", 30])
    book.save(path)
    return path


@pytest.mark.parametrize("sheet, header, said", [
    ("Returns", ["Customer", "Return Date", "Refund"], "Returns"),
    ("Sheet2", ["Customer", "Datum", "Erstattung"], "erstattung"),
    ("Stornos", ["Customer", "Datum", "Betrag"], "Stornos"),
])  # fmt: skip
def test_a_sheet_of_refunds_beside_the_orders_is_refused(tmp_path: Path, capsys, sheet, header, said) -> None:
    path = shop(tmp_path / "shop.xlsx", sheet, header)
    keys = ", ".join(sorted(h.lower().replace(" ", "_") for h in header))
    assert refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        f"shop.xlsx: sheet {sheet!r} (columns {keys}) holds refunds, returns or cancellations ({said!r}) beside "
        "sheet 'Orders', which alone is read: they would be left out; put them on the sheet read (a refund as a row "
        "of a negative amount, or a refunded amount column), or say the sheet to read with --sheet NAME"
    )
    out = run(tmp_path, "--orders", path, "--sheet", "Orders", *COLUMNS)  # the user's choice: the orders alone
    assert (out / "purchases.csv").read_text().splitlines()[1:] == ["2024-01,2,0,0,0.0,0.0", "2024-02,1,0,1,0.0,1.0"]


def test_another_sheet_of_the_same_customers_is_named_in_a_note(tmp_path: Path, capsys) -> None:
    path = shop(tmp_path / "shop.xlsx", "Customers", ["Customer", "Since", "Segment"])
    capsys.readouterr()
    out = run(tmp_path, "--orders", path, *COLUMNS)
    assert (out / "purchases.csv").read_text().splitlines()[1:] == ["2024-01,2,0,0,0.0,0.0", "2024-02,1,0,1,0.0,1.0"]
    assert (
        "shop.xlsx: read sheet 'Orders'; sheet 'Customers' with a column of it was not read (--sheet NAME to choose)"
        in capsys.readouterr().out.splitlines()
    )
