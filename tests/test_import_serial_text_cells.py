"""Excel's date numbers stored as text in a workbook's cells ('46027' in a text column): the refusal told to "format
the column as dates in Excel before saving the CSV file", advice for a CSV file that does nothing to text cells of a
workbook. For a workbook it says they are text and how to make them numbers; a CSV file keeps its advice."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from import_cli import refusal

COLUMNS = "customer_id=Customer,date=Date,amount=Amount"


def test_text_serials_in_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Orders"
    sheet.append(["Customer", "Date", "Amount"])
    for who, day, amount in [("c1", "46027", 50.0), ("c2", "46031", 30.0)]:
        sheet.append([who, day, amount])
    book.save(tmp_path / "orders.xlsx")
    err = refusal(
        capsys, "--orders", str(tmp_path / "orders.xlsx"), "--columns", COLUMNS, "--to-csv", str(tmp_path / "o")
    )
    assert err == (
        "orders.xlsx, column 'Date': dates that do not parse (Excel's date numbers, stored as text? 46027 is "
        "2026-01-05 in Excel) in rows 2, 3 of sheet 'Orders': '46027', '46031': make the cells numbers (Data > Text "
        "to Columns > Finish) and format them as dates, or export it again from the source system"
    )


def test_serials_in_a_csv_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("Customer,Date,Amount\nc1,46027,50.00\nc2,46031,30.00\n")
    err = refusal(capsys, "--orders", str(path), "--columns", COLUMNS, "--to-csv", str(tmp_path / "o"))
    assert "(Excel's date numbers? 46027 is 2026-01-05 in Excel)" in err
    assert err.endswith(
        "format the column as dates in Excel before saving the CSV file, or export it again from the source system"
    )
