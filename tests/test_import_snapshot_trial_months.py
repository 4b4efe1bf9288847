"""Snapshot rows with an MRR in a month wholly inside the row's own free trial were counted as paying (H66 finding 17).

A monthly MRR export with the subscription's trial end joined on each row ('Trial End (UTC)', ``trial_end``, 'Trial
ends'): b's trial ends 15 February, yet b's January row says MRR 50 (the plan's price, as exports show it during a
trial). Read as paying in January: 2 customers, MRR 150 for 1 and 100, exit 0 (an intervals file reads the same column
as the start of paying). Such a row is now refused naming it and the column; February, the month the trial ends in,
counts as before; a DuckDB table with the column is read as the file.
"""

from __future__ import annotations

import duckdb
import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _snapshots(column: str, january: str = "50") -> str:
    rows = ["a,2024-01,100,", f"b,2024-01,{january},2024-02-15", "a,2024-02,100,", "b,2024-02,50,2024-02-15",
            "a,2024-03,100,", "b,2024-03,50,2024-02-15"]  # fmt: skip
    return f"customer_id,month,mrr,{column}\n" + "\n".join(rows) + "\n"


def _message(column: str) -> str:
    return (
        f"snap.csv, column {column!r}: snapshot rows with an MRR in a month wholly inside the row's own free trial "
        f"(its end in column {column!r}: a subscription in its trial does not pay yet): give those months MRR 0, or "
        "correct the trial's end in row 3 (counting the header as row 1): '2024-02-15'"
    )


@pytest.mark.parametrize("column", ["trial_end", "Trial End (UTC)", "Trial ends"])
def test_a_row_paying_inside_its_own_trial_is_refused(tmp_path, column: str) -> None:
    path = tmp_path / "snap.csv"
    path.write_text(_snapshots(column), encoding="utf-8")
    with pytest.raises(DataError) as refused:
        load_tables(path)
    assert str(refused.value) == _message(column)


def test_the_trial_months_at_mrr_0_read_b_new_in_february(tmp_path) -> None:
    path = tmp_path / "snap.csv"
    path.write_text(_snapshots("trial_end", january="0"), encoding="utf-8")
    movements = load_tables(path).movements
    assert movements[["customers_end", "mrr_end"]].values.tolist() == [[1, 100.0], [2, 150.0], [2, 150.0]]


def test_a_typed_table_with_the_trial_end_is_refused_as_the_file(tmp_path) -> None:
    (tmp_path / "snap.csv").write_text(_snapshots("trial_end"), encoding="utf-8")
    database = str(tmp_path / "w.duckdb")
    with duckdb.connect(database) as con:
        con.execute(f"CREATE TABLE snap AS SELECT * FROM read_csv('{tmp_path / 'snap.csv'}', header=true)")
    with pytest.raises(DataError) as refused:
        load_tables("table:snap", backend="duckdb", connection=database)
    by_values = "in 1 row, e.g. customer_id 'b', month '2024-01', trial_end '2024-02-15'"  # a table's rows (36740825)
    assert str(refused.value) == _message("trial_end").replace("snap.csv", "table:snap", 1).replace(
        "in row 3 (counting the header as row 1): '2024-02-15'", by_values
    )
