"""Refusals named a Parquet file's rows "row 4 (counting the header as row 1)", though a Parquet file has no header
row: its third record was called row 4. They now count its records from 1 and say so: "row 3 (counting the Parquet
file's first record as row 1)". Messages naming one row by themselves (an unused interval count, taxes, a tax flag,
a list of customers, line totals) said "row {position + 2}" for every file: a sheet with a title block above its
header was named by the table's position, not the sheet's row; they now name rows as the other refusals do (the
sheet's own row and sheet, a Parquet file's record, a CSV file's line)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal

from xl_retention.reading.errors import row_of

RECORDS = "(counting the Parquet file's first record as row 1)"
ADVICE = ": map interval to a column that says how many months each interval is"
SUBS = pd.DataFrame({
    "customer_id": ["a", "b", "c"], "start": ["2024-01-01", "2024-01-01", "2024-02-01"],
    "amount": [10.0, 5.0, 20.0], "interval": ["month", "month", "Multi-Year"],
})  # fmt: skip


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_parquet_files_rows_are_its_records_counted_from_1(tmp_path: Path, capsys, backend: str) -> None:
    SUBS.to_parquet(tmp_path / "subs.parquet", index=False)
    args = ["--subscriptions", str(tmp_path / "subs.parquet"), "--backend", backend, "--to-csv", str(tmp_path / "o")]
    message = refusal(capsys, *args)
    assert message.startswith("subs.parquet, column 'interval': billing intervals that are not")
    assert message.endswith(f"in row 3 {RECORDS}: 'Multi-Year'{ADVICE}")


def test_a_csv_files_rows_still_count_the_header(tmp_path: Path, capsys) -> None:
    SUBS.to_csv(tmp_path / "subs.csv", index=False)
    message = refusal(capsys, "--subscriptions", str(tmp_path / "subs.csv"), "--to-csv", str(tmp_path / "o"))
    assert message.endswith(f"in row 4 (counting the header as row 1): 'Multi-Year'{ADVICE}")


COUNTS = pd.DataFrame({
    "customer_id": ["a", "b", "c"], "month": ["2024-01", "2024-01", "2024-01"], "amount": [100.0, 300.0, 50.0],
    "interval": ["month", "month", "month"], "billing_cycle_length": [1, 3, 1],
})  # fmt: skip


def test_an_unused_count_is_named_by_the_sheets_own_row(tmp_path: Path, capsys) -> None:
    path = tmp_path / "subs.xlsx"
    with pd.ExcelWriter(path) as writer:  # a title block: the header in row 4, the data in rows 5 to 7
        pd.DataFrame([["Subscriptions export"], [None]]).to_excel(writer, sheet_name="Data", header=False, index=False)
        COUNTS.to_excel(writer, sheet_name="Data", startrow=3, index=False)
    message = refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o"))
    assert "column 'billing_cycle_length' holds whole numbers" in message
    assert "and is not used (row 6 of sheet 'Data': 3)" in message


def test_an_unused_count_in_a_parquet_file_is_named_by_its_record(tmp_path: Path, capsys) -> None:
    COUNTS.to_parquet(tmp_path / "subs.parquet", index=False)
    message = refusal(capsys, "--subscriptions", str(tmp_path / "subs.parquet"), "--to-csv", str(tmp_path / "o"))
    assert f"and is not used (row 2 {RECORDS}: 3)" in message


def test_an_unused_count_in_a_csv_file_counts_the_header(tmp_path: Path, capsys) -> None:
    COUNTS.to_csv(tmp_path / "subs.csv", index=False)
    message = refusal(capsys, "--subscriptions", str(tmp_path / "subs.csv"), "--to-csv", str(tmp_path / "o"))
    assert "and is not used (row 3: 3)" in message


def test_row_of_names_one_row_as_refusals_do() -> None:
    assert row_of("subs.pq", 4) == f"row 5 {RECORDS}"
    assert row_of("SUBS.PARQUET", 0) == f"row 1 {RECORDS}"
    assert row_of("subs.csv", 4) == "row 6"
