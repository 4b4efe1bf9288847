"""relational.refusals.first_rows writes its advice after the rows and values, as reading.errors.bad_rows does,
on both of its paths (a table with the file's row numbers, and one named by ids and values)."""

from __future__ import annotations

import ibis
import pandas as pd

from xl_retention.reading.errors import bad_rows
from xl_retention.relational.refusals import ROW, first_rows


def test_advice_after_the_rows_with_row_numbers() -> None:
    con = ibis.duckdb.connect()
    frame = pd.DataFrame({ROW: [0, 1, 2], "customer_id": ["a", "b", "c"], "mrr": [10.0, -5.0, -7.0]})
    t = con.create_table("t", frame)
    error = first_rows(con, t, t.mrr < 0, "subs.csv", "MRR", "negative MRR", "mrr", 2, advice="export it again")
    assert str(error) == (
        "subs.csv, column 'MRR': negative MRR in rows 3, 4 (counting the header as row 1): -5.0, -7.0: export it again"
    )
    same = bad_rows("subs.csv", "MRR", "negative MRR", [1, 2], {1: -5.0, 2: -7.0}, count=2, advice="export it again")
    assert str(error) == str(same)


def test_advice_after_the_rows_named_by_ids() -> None:
    con = ibis.duckdb.connect()
    t = con.create_table("t", pd.DataFrame({"customer_id": ["a", "b", "c"], "mrr": [10.0, -5.0, -7.0]}))
    error = first_rows(con, t, t.mrr < 0, "subs", "MRR", "negative MRR", "mrr", 2, advice="export it again")
    assert (
        str(error)
        == "subs, column 'MRR': negative MRR in 2 rows, e.g. customer_id 'b', mrr -5.0; customer_id 'c', mrr -7.0: "
        "export it again"
    )
    assert error.row_count == 2


def test_no_advice_unchanged() -> None:
    con = ibis.duckdb.connect()
    t = con.create_table("t", pd.DataFrame({"customer_id": ["a"], "mrr": [-1.0]}))
    error = first_rows(con, t, t.mrr < 0, "subs", "MRR", "negative MRR", "mrr", 1)
    assert str(error) == "subs, column 'MRR': negative MRR in 1 row, e.g. customer_id 'a', mrr -1.0"
