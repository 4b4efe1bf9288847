"""Amounts typed as numbers in an Excel input whose cells are formatted in two currencies (a Canadian dollar format
beside a US one, a euro one): refused as a CSV file's '$100 CAD' beside '120 USD' is (reading.excel_cells). They
were summed, silently: 100 CAD + 120 USD + 50 + 70 EUR = 340."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
from import_cli import refusal, run


def _book(tmp_path: Path, formats: list[str]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Orders"
    sheet.append(["customer_id", "date", "amount"])
    for i, (fmt, amount) in enumerate(zip(formats, [100, 120, 50.5, 70], strict=False)):
        sheet.append([f"c{i}", dt.datetime(2026, 1, 5 + i), amount])
        sheet.cell(i + 2, 3).number_format = fmt
    path = tmp_path / "orders.xlsx"
    book.save(path)
    return path


def test_amounts_formatted_in_two_currencies_are_refused(tmp_path: Path, capsys) -> None:
    path = _book(tmp_path, ["[$$-1009]#,##0.00", "[$$-409]#,##0.00", '"$"#,##0.00', "[$€-407]#,##0.00"])
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o")) == (
        "orders.xlsx, column 'amount': amounts in 4 currencies (CAD, USD, $, EUR) in rows 2, 3, 4, 5 of sheet "
        "'Orders': '100 CAD', '120 USD', '$50.5', '€70'; a bare '$' does not say which currency: write its code "
        "('$100.00 USD'); amounts are added up: convert them to one currency first, or import one currency at a time "
        "(with a currency column: --segment currency=EUR)"
    )


def test_amounts_formatted_in_one_currency_are_read(tmp_path: Path) -> None:
    for formats in (["[$$-1009]#,##0.00"] * 4, ['"$"#,##0.00', "0.00", '"$"#,##0.00', "General"]):
        out = run(tmp_path, "--orders", _book(tmp_path, formats))
        assert pd.read_csv(out / "order_revenue_cohorts.csv")["0"].tolist() == [340.5]


def test_yen_and_yuan_formats_are_two_currencies(tmp_path: Path, capsys) -> None:
    # both write '¥': told apart by their formats' locales (Japanese, Chinese)
    path = _book(tmp_path, ["[$¥-411]#,##0", "[$¥-804]#,##0.00"])
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "o")).startswith(
        "orders.xlsx, column 'amount': amounts in 2 currencies (JPY, CNY) in rows 2, 3 of sheet 'Orders': '100 JPY', "
        "'120 CNY'"
    )
