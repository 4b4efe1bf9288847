"""A real customer whose MRR is every month the sum of the other customers' (Enterprise 300 beside three Basic at 100)
was refused as "a total row of each month ... remove them", with no way out: following the advice deleted the
biggest customer (H50 finding 05). An id written as a customer's is (a Stripe id, a number, an e-mail) is a customer,
read in the file and in a typed DuckDB table alike; a report's total row, labelled in words, is still refused, and
its message says what to do if the name is a customer's.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from import_cli import refusal, run

from xl_retention.relational.load import load_tables


def _subscriptions(big: str) -> pd.DataFrame:
    rows = []
    for month in ("2024-01", "2024-02", "2024-03"):
        rows += [("cus_P8x2LQ", month, 100, "Basic"), (big, month, 300, "Enterprise"),
                 ("cus_R4kT9b", month, 100, "Basic"), ("cus_S7nW3c", month, 100, "Basic")]  # fmt: skip
    return pd.DataFrame(rows, columns=["customer_id", "month", "mrr", "plan"])


@pytest.mark.parametrize("big", ["cus_Q1mZ7a", "cus_QmZaBcXyTrWq", "1042", "cfo@globex.com"])
@pytest.mark.parametrize("backend", ["pandas", "duckdb"])
def test_a_customer_paying_the_others_sum_every_month_is_read(tmp_path: Path, big: str, backend: str) -> None:
    path = tmp_path / "subs.csv"
    _subscriptions(big).to_csv(path, index=False)
    movements = pd.read_csv(run(tmp_path, "--subscriptions", path, backend=backend) / "movements.csv")
    assert movements["mrr_end"].tolist() == [600.0, 600.0, 600.0]
    assert movements["customers_end"].tolist() == [4, 4, 4]


def test_a_customer_paying_the_others_sum_in_a_duckdb_table_is_read(tmp_path: Path) -> None:
    frame = _subscriptions("cus_Q1mZ7a").assign(month=lambda f: pd.to_datetime(f["month"]))
    db = tmp_path / "db.duckdb"
    with duckdb.connect(str(db)) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE t AS SELECT * FROM frame")
    tables = load_tables(subscriptions="table:t", backend="duckdb", connection=str(db))
    assert tables.movements["mrr_end"].tolist() == [600.0, 600.0, 600.0]


@pytest.mark.parametrize("label", ["Globex", "99999"])
def test_a_total_row_labelled_in_words_or_a_placeholder_is_still_refused(tmp_path: Path, capsys, label: str) -> None:
    path = tmp_path / "subs.csv"
    _subscriptions(label).to_csv(path, index=False)
    assert refusal(capsys, "--subscriptions", str(path), "--to-csv", str(tmp_path / "o")) == (
        "subs.csv, column 'customer_id': a total row of each month (its MRR is the sum of the month's other rows: the "
        f"report's totals, not a customer) in rows 3, 7, 11 (counting the header as row 1): '{label}', '{label}', "
        f"'{label}': remove them; a customer of that name whose MRR is every month the others' sum cannot be told "
        "from them: write its customer id, a number or an e-mail"
    )
