"""A grouped header row (Customer over A:B, Order over C:D) above the column names: refused naming the group cells
only (H36 finding 15); the refusal now names the row holding the mapped names and what to do."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from import_cli import refusal, run

COLUMNS = ("--columns", "customer_id=ID,date=Date,amount=Amount")


def test_a_group_header_row_above_the_names_is_named(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("Customer,,Order,\nID,Name,Date,Amount\n1,Ann,2024-01-05,100\n2,Bob,2024-01-06,50\n")
    assert refusal(capsys, "--orders", str(path), *COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "orders.csv: no column 'ID' (given for customer_id); columns found: 'Customer', '', 'Order', ''; row 2 holds "
        "the names 'ID', 'Name', 'Date', 'Amount' (counting the first row as row 1): the header, below a title? "
        "delete the rows above it"
    )
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Orders"
    sheet.append(["Customer", None, "Order", None])
    sheet.merge_cells("A1:B1")
    sheet.merge_cells("C1:D1")
    for row in (["ID", "Name", "Date", "Amount"], ["1", "Ann", "2024-01-05", 100], ["2", "Bob", "2024-01-06", 50]):
        sheet.append(row)
    book.save(tmp_path / "orders.xlsx")
    assert refusal(capsys, "--orders", str(tmp_path / "orders.xlsx"), *COLUMNS, "--to-csv", str(tmp_path / "o")) == (
        "orders.xlsx: no column 'ID' (given for customer_id); columns found: 'Customer', '', 'Order', ''; row 2 of "
        "sheet 'Orders' holds the names 'ID', 'Name', 'Date', 'Amount': the header, below a title? delete the rows "
        "above it"
    )
    sheet.delete_rows(1)
    book.save(tmp_path / "orders.xlsx")
    out = run(tmp_path, "--orders", tmp_path / "orders.xlsx", *COLUMNS)
    assert (out / "purchases.csv").read_text().splitlines()[1] == "2024-01,2,0,0,0.0,0.0"
