"""H576's finding 02: ``--backend duckdb`` refuses a Parquet file (and a DuckDB table) as the pandas path does,
naming the rows and the values as written: two currencies ('USD' and 'eur': rows 1, 2, the advice pasting 'eur'
where it advised 'EUR'), and a blank id by the row's other values (it said 'blank')."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from import_cli import refusal

REMEDY = "amounts are added up: convert them to one currency first, or import one currency at a time"
RECORD = "(counting the Parquet file's first record as row 1)"


def _orders(tmp_path: Path, ids: list[str], **more: list[str]) -> Path:
    frame = pd.DataFrame({"customer_id": ids, "date": pd.to_datetime(["2026-01-05", "2026-01-06", "2026-02-05"]),
                          "amount": [10.0, 20.0, 10.0], **more})  # fmt: skip
    path = tmp_path / "orders.parquet"
    frame.to_parquet(path, index=False)
    return path


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_two_currencies_of_a_parquet_file_are_named_by_rows_and_values(tmp_path: Path, capsys, backend: str) -> None:
    path = _orders(tmp_path, ["a", "b", "c"], currency=["USD", "eur", "USD"])
    message = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert message == (
        f"orders.parquet, column 'currency': 2 currencies (USD, EUR) in rows 1, 2 {RECORD}: 'USD', 'eur'; "
        f"{REMEDY} (--segment currency=eur)"
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_blank_id_of_a_parquet_file_is_named_by_the_rows_values(tmp_path: Path, capsys, backend: str) -> None:
    path = _orders(tmp_path, ["a", "  ", "b"])
    message = refusal(capsys, "--orders", str(path), "--backend", backend, "--to-csv", str(tmp_path / "o"))
    assert message.startswith(
        f"orders.parquet, column 'customer_id': missing customer ids in row 2 {RECORD}: "
        "(date '2026-01-06', amount 20.0): a row without one is no known customer's"
    )


def test_two_currencies_of_a_duckdb_table_are_named_by_rows(tmp_path: Path, capsys) -> None:
    path = _orders(tmp_path, ["a", "b", "c"], currency=["USD", "eur", "USD"])
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        con.execute(f"CREATE TABLE o_ccy AS SELECT * FROM '{path}'")
    args = ["--orders", "table:o_ccy", "--backend", "duckdb", "--connection", str(tmp_path / "w.duckdb")]
    message = refusal(capsys, *args, "--to-csv", str(tmp_path / "o"))
    assert message == (
        "table:o_ccy, column 'currency': 2 currencies (USD, EUR) in 2 rows, e.g. customer_id 'a', date '2026-01-05', "
        f"currency 'USD'; customer_id 'b', date '2026-01-06', currency 'eur'; {REMEDY} (--segment currency=eur)"
    )
