"""H508's finding 01: a declined payment before its paid retry is left out (failed_attempts); a refusal about the
rows after it then named them one row too early: "orders without an amount ... in row 4" for the file's row 5 (a
Braintree export: row 10 named for row 11, a credit that has its amount). The rows left are named as the file's."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from xl_retention import cli

ROWS = [
    ["transaction_id", "order_id", "customer_id", "date", "status", "amount"],
    ["t1", "1", "a", "2026-01-05 11:00", "declined", 30.0],
    ["t2", "1", "a", "2026-01-05 11:05", "settled", 30.0],
    ["t3", "2", "b", "2026-01-07 10:00", "settled", 20.0],
    ["t4", "3", "c", "2026-02-07 10:00", "settled", None],
]


def test_a_csv_refusal_names_the_files_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [",".join("" if v is None else str(v) for v in row) for row in ROWS]
    (tmp_path / "r.csv").write_text("\n".join(lines) + "\n")
    assert cli.main(["import", "--orders", str(tmp_path / "r.csv"), "--to-csv", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "xl-retention: error: r.csv, column 'amount': orders without an amount on any of their rows in row 5 "
        "(counting the header as row 1)"  # was row 4
    )


def test_a_sheets_refusal_names_the_sheets_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Payments"
    sheet.append(["Braintree transactions"])  # a title row above the header: the header on row 2
    for row in ROWS:
        sheet.append(row)
    book.save(tmp_path / "r.xlsx")
    assert cli.main(["import", "--orders", str(tmp_path / "r.xlsx"), "--to-csv", str(tmp_path / "out")]) == 1
    said = capsys.readouterr().err.strip().splitlines()[-1]
    assert "orders without an amount on any of their rows in row 6 of sheet 'Payments'" in said, said  # was row 5


def test_a_parquet_refusal_names_the_record_with_its_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """H513's finding 01: the rows left in a Parquet file were named with the CSV note, "row 4 (counting the header
    as row 1)", which points at record 3."""
    import pandas as pd

    frame = pd.DataFrame(ROWS[1:], columns=ROWS[0])
    frame.to_parquet(tmp_path / "r.parquet")
    assert cli.main(["import", "--orders", str(tmp_path / "r.parquet"), "--to-csv", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "xl-retention: error: r.parquet, column 'amount': orders without an amount on any of their rows in row 4 "
        "(counting the Parquet file's first record as row 1)"  # was '(counting the header as row 1)'
    )
