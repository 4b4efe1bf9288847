"""A report's total row labelled as a database writes it, no space and a digit ('Total_2024', 'GRAND_TOTAL_2024',
'TOTAL1', 'Summe_2024'), its MRR the month's sum, was read as a customer since ids written as a customer's are
(625e26c): Jan MRR 402 for 201, silently (H58 finding 05). An id holding a total's word is never a customer's id:
refused, in a file and in a typed DuckDB table alike.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from import_cli import refusal

from xl_retention.reading.errors import DataError
from xl_retention.relational.load import load_tables


def _subscriptions(label: str) -> pd.DataFrame:
    rows = []
    for m in range(1, 4):
        values = {"cus_P8x2LQ": 100, "cus_R4kT9b": 50, "cus_S7nW3c": 30 + m, "cus_T2vX8d": 20}
        rows += [(k, f"2024-{m:02d}", v) for k, v in values.items()]
        rows.append((label, f"2024-{m:02d}", sum(values.values())))
    return pd.DataFrame(rows, columns=["customer_id", "month", "mrr"])


@pytest.mark.parametrize("label", ["Total_2024", "GRAND_TOTAL_2024", "Total-FY24", "TOTAL1", "Summe_2024"])
def test_a_total_row_written_with_a_digit_is_refused(tmp_path: Path, capsys, label: str) -> None:
    path = tmp_path / "subs.csv"
    _subscriptions(label).to_csv(path, index=False)
    assert refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")) == (
        "subs.csv, column 'customer_id': a total row of each month (its MRR is the sum of the month's other rows: the "
        f"report's totals, not a customer) in rows 6, 11, 16 (counting the header as row 1): '{label}', '{label}', "
        f"'{label}': remove them; a customer of that name whose MRR is every month the others' sum cannot be told "
        "from them: write its customer id, a number or an e-mail"
    )


def test_a_total_row_written_with_a_digit_in_a_duckdb_table_is_refused(tmp_path: Path) -> None:
    frame = _subscriptions("Total_2024").assign(month=lambda f: pd.to_datetime(f["month"]))
    db = tmp_path / "db.duckdb"
    with duckdb.connect(str(db)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE t AS SELECT * FROM frame")
    with pytest.raises(DataError, match="a total row of each month"):
        load_tables(subscriptions="table:t", backend="duckdb", connection=str(db))
