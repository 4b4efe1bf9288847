"""An Excel date column holding a 0 formatted as a date (a lookup's empty end date, shown as 00/01/1900) or a time
alone was refused quoting Python's repr ("values that are not dates ...: datetime.time(0, 0)"). Now the refusal says
what the cell is and quotes it as a time ('00:00:00')."""

from __future__ import annotations

import datetime as dt

import openpyxl
from import_cli import refusal


def test_a_zero_date_cell_is_named_as_no_date(tmp_path, capsys) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Subs"
    sheet.append(["Customer", "Start", "End", "MRR"])
    sheet.append(["a", dt.date(2026, 1, 5), dt.date(2026, 3, 5), 100])
    sheet.append(["b", dt.date(2026, 1, 6), 0, 50])
    for cell in ("B2", "B3", "C2", "C3"):
        sheet[cell].number_format = "dd/mm/yyyy"
    book.save(tmp_path / "subs.xlsx")
    columns = "customer_id=Customer,start=Start,end=End,mrr=MRR"
    message = refusal(capsys, "--subscriptions", str(tmp_path / "subs.xlsx"), "--columns", columns, "--to-csv",
                      str(tmp_path / "out"))  # fmt: skip
    assert message == (
        "subs.xlsx, column 'End': times of day without a date (an Excel cell of a time alone; a 0 formatted as a date, "
        "shown as 00/01/1900, is no date) in row 3 of sheet 'Subs': '00:00:00': leave the cell empty where there is "
        "none"
    )


def test_a_time_cell_among_order_dates_is_quoted_as_a_time(tmp_path, capsys) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Orders"
    sheet.append(["customer_id", "date", "amount"])
    sheet.append(["a", dt.datetime(2026, 1, 5, 9, 0), 10])
    sheet.append(["b", dt.time(10, 30), 20])
    book.save(tmp_path / "orders.xlsx")
    message = refusal(capsys, "--orders", str(tmp_path / "orders.xlsx"), "--to-csv", str(tmp_path / "out"))
    assert message.startswith("orders.xlsx, column 'date': times of day without a date")
    assert message.endswith("in row 3 of sheet 'Orders': '10:30:00': leave the cell empty where there is none")
