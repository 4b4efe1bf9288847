"""An Excel report's header on two rows: 'Amount' merged across C1:D1 over 'Net' and 'Tax' in row 2 (Customer and
Date merged down A1:A2, B1:B2). Read with row 1 as the header it stopped with "missing customer ids in row 2", naming
no cause, and the amount's second column had no name. It is refused naming the merged cell and the names below it;
a merged title across the columns of a data row (numbers below it) is no header and is read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from import_cli import refusal, run

ROWS = [("c1", dt.datetime(2026, 1, 5), 50.0, 10.0), ("c2", dt.datetime(2026, 1, 9), 30.0, 6.0),
        ("c1", dt.datetime(2026, 2, 2), 20.0, 4.0)]  # fmt: skip


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_header_on_two_rows_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], backend: str) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Orders"
    sheet.append(["Customer", "Date", "Amount", None])
    sheet.append([None, None, "Net", "Tax"])
    for cells in ("A1:A2", "B1:B2", "C1:D1"):
        sheet.merge_cells(cells)
    for row in ROWS:
        sheet.append(list(row))
    book.save(tmp_path / "orders.xlsx")
    columns = "customer_id=Customer,date=Date,amount=Amount"
    path = str(tmp_path / "orders.xlsx")
    err = refusal(capsys, "--orders", path, "--columns", columns, "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert err == (
        "orders.xlsx: the header of sheet 'Orders' is on two rows (C1:D1 'Amount' merged over 'Net', 'Tax' in row 2): "
        "write one row of column names, one per column ('Amount Net', ...), and import again"
    )


def test_a_cell_merged_across_over_numbers_is_no_header(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["customer_id", "date", "amount", "note"])
    sheet.merge_cells("C1:D1")
    for who, day, amount, _ in ROWS:
        sheet.append([who, day, amount, None])
    book.save(tmp_path / "orders.xlsx")
    out = run(tmp_path, "--orders", tmp_path / "orders.xlsx")
    assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [80.0, 0.0]
