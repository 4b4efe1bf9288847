"""A date column of Unix timestamps holding a 0 (a missing date exported as time 0) lost the "Unix timestamps?" hint
(a 0 is none): 'dates that do not parse' listing every row. Now the 0 rows are refused alone, naming their rows and
value, as time 0 (1970-01-01) beside Unix timestamps, with what to do: leave it blank, convert the timestamps. Blanks
beside the timestamps keep the hint as before. A CSV file, a workbook's cells and a Parquet file's numbers alike."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from import_cli import refusal

ROWS = [("c1", 1767610800, 10), ("c2", 0, 12), ("c3", 1767697200, 5), ("c4", 0, 7)]
SAID = (
    "time 0 (1970-01-01 00:00:00 UTC) beside Unix timestamps (1767610800 is 2026-01-05 11:00:00 UTC) in rows 3, 5 "
    "{rows}: {values}: a missing date exported as 0? leave it blank, and convert the timestamps to dates first, e.g. "
)
EXCEL = "in Excel =A2/86400+DATE(1970,1,1) formatted as a date"


def test_a_csv_files_zero_is_named(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount\n" + "".join(f"{c},{d},{a}\n" for c, d, a in ROWS))
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "out")) == (
        "orders.csv, column 'date': " + SAID.format(rows="(counting the header as row 1)", values="'0', '0'") + EXCEL
    )


def test_a_workbooks_zero_is_named(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Orders"
    for row in [("customer_id", "date", "amount"), *ROWS]:
        book.active.append(row)
    book.save(path)
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "out")) == (
        "orders.xlsx, column 'date': " + SAID.format(rows="of sheet 'Orders'", values="0, 0") + EXCEL
    )


def test_a_parquet_files_zero_is_named(tmp_path: Path, capsys) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "orders.parquet"
    pd.DataFrame(ROWS, columns=["customer_id", "date", "amount"]).to_parquet(path)
    said = refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "out"))
    assert said.startswith("orders.parquet, column 'date': time 0 (1970-01-01 00:00:00 UTC) beside Unix timestamps ")
    assert said.endswith("with DuckDB's to_timestamp(date) or pandas' pd.to_datetime(df['date'], unit='s')")


def test_blanks_beside_timestamps_keep_the_hint(tmp_path: Path, capsys) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,date,amount\nc1,1767610800,10\nc2,,12\n")
    assert refusal(capsys, "--orders", str(path), "--to-csv", str(tmp_path / "out")).startswith(
        "orders.csv, column 'date': dates that do not parse (Unix timestamps? 1767610800 is 2026-01-05 11:00:00 UTC)"
    )
