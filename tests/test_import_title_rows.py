"""A title above an export's header ('Orders export', 'Generated ...'): the refusal names the header's row and the
title (was: "row 4 has 3 fields where the header has 1 names", "rows with 2 fields more than the header's 1 names",
"missing columns ... (columns found: 'Orders export', '', '')", none naming where the header is)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from import_cli import refusal, run

ROWS = "customer_id,date,amount\na,2026-01-05,10\nb,2026-01-06,20\n"


@pytest.mark.parametrize(
    ("title", "row", "said"),
    [
        ("Orders export\nGenerated 2026-03-01\n\n", 4, "'Orders export', 'Generated 2026-03-01'"),
        ("Orders export,,\n", 2, "'Orders export'"),
        ("Exported from Shopify\n", 2, "'Exported from Shopify'"),
        # a date range of two fields above a blank line: was "row 4 has 3 fields where the header has 2 names ...
        # remove the extra separator, or quote the value", the date range taken as the header (H515's finding 03)
        ("Orders report\nFrom: 2026-01-01,To: 2026-03-31\n\n", 4, "'Orders report', 'From: 2026-01-01', ..."),
    ],
)
def test_a_csv_title_is_refused_naming_the_headers_row(tmp_path: Path, capsys, title: str, row: int, said: str) -> None:
    path = tmp_path / "orders.csv"
    path.write_text(title + ROWS)
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o")) == (
        f"orders.csv: row {row} holds the names 'customer_id', 'date', 'amount' (counting the first row as row 1): the "
        f"header, below a title ({said})? delete the rows above it"
    )
    path.write_text(ROWS)  # as the message says
    run(tmp_path, "--orders", path)


def test_a_sheets_title_not_skipped_names_the_headers_row(tmp_path: Path, capsys) -> None:
    # a title block the sheet reader does not skip (its second row has two cells: 'Exported:' and a date)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Orders"
    for row in (["Orders export"], ["Exported:", dt.datetime(2026, 3, 1)], ["customer_id", "date", "amount"],
                ["a", dt.datetime(2026, 1, 5), 10]):  # fmt: skip
        sheet.append(row)
    book.save(tmp_path / "orders.xlsx")
    assert refusal(capsys, "--orders", str(tmp_path / "orders.xlsx"), "--to-csv", str(tmp_path / "o")) == (
        "orders.xlsx: missing columns 'customer_id', 'date' (columns found: 'Orders export', '', ''); row 3 of sheet "
        "'Orders' holds the names 'customer_id', 'date', 'amount': the header, below a title? delete the rows above it"
    )


def test_an_amplitude_retention_csv_with_a_date_range_names_the_headers_row(tmp_path: Path, capsys) -> None:
    # Amplitude's download: a title, the date range in two quoted fields, a blank line, then the header
    path = tmp_path / "retention.csv"
    path.write_text(
        '"Retention Analysis"\n"Start Date: 2026-01-01","End Date: 2026-03-31"\n\n"Segment","Date","Users","Day 0"\n'
        '"All Users","2026-01-01","100","100%"\n"All Users","2026-01-02","90","100%"\n'
    )
    assert refusal(capsys, "--visits", str(path), "--to-csv", str(tmp_path / "o")) == (
        "retention.csv: row 4 holds the names 'Segment', 'Date', 'Users', 'Day 0' (counting the first row as row 1): "
        "the header, below a title ('Retention Analysis', 'Start Date: 2026-01-01', ...)? delete the rows above it"
    )
