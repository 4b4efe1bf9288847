"""A date at the Unix epoch (1970-01-01 00:00:00), decades before every other date, is a missing date, refused.

A database export writes a missing timestamp as time 0: the order was imported, the tables ran from 1970-01 (55
years of empty months) and its customer counted as returning in 2025. Now it is refused naming the file, the column,
the row and the value, as Excel's empty date 1899-12-30 is, on every input kind and on DuckDB; a table that truly
has dates of 1970 (another within a year) is read.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from import_cli import refusal, run

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]
PROBLEM = "dates at the Unix epoch, 1970-01-01 00:00:00, with no other date within a year"


@pytest.mark.parametrize(
    ("flag", "text", "column", "row"),
    [
        (
            "--orders",
            "customer_id,date,amount\na,1970-01-01 00:00:00,10\na,2025-01-05,50\nb,2025-02-05,50\n",
            "date",
            2,
        ),
        ("--subscriptions", "customer_id,month,mrr\na,2025-01,10\na,1970-01,10\nb,2025-02,10\n", "month", 3),
        ("--subscriptions", "customer_id,start,end,mrr\na,2024-03-01,,10\nb,1970-01-01,2025-02-01,5\n", "start", 3),
        ("--visits", "visitor_id,date\nx,2025-01-05\ny,1970-01-01T00:00:00Z\n", "date", 3),
    ],
)
def test_an_epoch_date_is_refused(tmp_path: Path, capsys, flag: str, text: str, column: str, row: int) -> None:
    path = tmp_path / "input.csv"
    path.write_text(text)
    message = refusal(capsys, flag, str(path), "--to-csv", str(tmp_path / "o"))
    assert message.startswith(f"input.csv, column {column!r}: {PROBLEM}")
    assert f"in row {row} " in message and "1970-01-01" in message


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_an_epoch_timestamp_of_a_parquet_file_is_refused_on_every_engine(tmp_path: Path, capsys, backend: str) -> None:
    frame = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [10.0, 50.0, 50.0],
                          "date": pd.to_datetime(["2025-01-05", "1970-01-01", "2025-02-05"])})  # fmt: skip
    frame.to_parquet(tmp_path / "orders.parquet", index=False)
    args = ["--orders", str(tmp_path / "orders.parquet"), "--backend", backend, "--to-csv", str(tmp_path / "o")]
    message = refusal(capsys, *args)
    assert (
        message.startswith(f"orders.parquet, column 'date': {PROBLEM}")
        and "in row 2 (counting the Parquet file's first record as row 1)" in message
    )


@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_table_with_other_dates_of_1970_is_read(tmp_path: Path, backend: str) -> None:
    frame = pd.DataFrame({"customer_id": ["a", "b", "a"], "amount": [10.0, 5.0, 7.0],
                          "date": pd.to_datetime(["1970-01-01", "1970-02-10", "1970-03-03"])})  # fmt: skip
    frame.to_parquet(tmp_path / "orders.parquet", index=False)
    got = pd.read_csv(run(tmp_path, "--orders", tmp_path / "orders.parquet", backend=backend) / "purchases.csv",
                      dtype={"month": str})  # fmt: skip
    assert got[["month", "buyers", "returning"]].values.tolist() == [["1970-01", 1, 0], ["1970-02", 1, 0],
                                                                      ["1970-03", 1, 1]]  # fmt: skip
