"""A database table's and a Python DataFrame's bad rows are named as theirs, not as a CSV file's lines.

A table (DuckDB, PostgreSQL, an Ibis table) has no header row and no row order, yet its refusals said "row 3
(counting the header as row 1)", a position in whatever order the engine fetched it; a NULL customer id was named by
no value of its row. A table's rows are now named by their values: how many rows, and the first few by their id,
dates and the value at fault (every value of the row where its id is blank), with the table's own column names.

A DataFrame given in Python named its rows as the lines of a CSV file too ("row 5" for the label 'y'); its rows are
now named by their index labels, rows left out before the check (a card check, an earlier version) keeping theirs.
"""

from __future__ import annotations

import duckdb
import ibis
import pandas as pd
import pytest

from xl_retention import cli, relational
from xl_retention import tables as T
from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

COLUMNS = {"customer_id": "Customer", "month": "Month", "mrr": "MRR"}


def _table(tmp_path, frame: pd.DataFrame) -> str:
    path = str(tmp_path / "w.duckdb")
    with duckdb.connect(path) as con:
        con.register("frame", frame)
        con.execute("CREATE TABLE t AS SELECT * FROM frame")
    return path


def _snapshots(months) -> pd.DataFrame:  # noqa: ANN001
    return pd.DataFrame({"Customer": ["a", "c", "b"], "Month": months, "MRR": [10.0, 20.0, 5.0], "Plan": ["x"] * 3})


TYPED = pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-01"])  # DATE: the table's checks run on the engine
TEXT = ["2024-01-01", "2024-02-01", "2024-01-01"]  # text dates: the table is read as a file's
ADVICE = (  # a row without a customer: what it is and the way out, one wording on both paths (H200 finding 11)
    "a row without one is no known customer's (a guest's or till sale?): fill the ids in, map a column that names each "
    "one, columns={'customer_id': 'NAME'}, or remove those rows: the figures then count the known ones only"
)


@pytest.mark.parametrize("months", [TYPED, TEXT], ids=["typed", "text dates"])
def test_a_tables_null_customer_id_is_named_by_the_other_values_of_its_row(tmp_path, months) -> None:
    db = _table(tmp_path, _snapshots(months).assign(Customer=["a", None, "b"]))
    with pytest.raises(DataError) as caught:
        load_tables(subscriptions="table:t", columns=COLUMNS, backend="duckdb", connection=db)
    assert str(caught.value) == (
        "table:t, column 'Customer': missing customer ids in 1 row, e.g. Customer blank, Month '2024-02-01', MRR 20.0: "
        + ADVICE
    )


@pytest.mark.parametrize("months", [TYPED, TEXT], ids=["typed", "text dates"])
def test_a_tables_negative_mrr_is_named_by_its_customer_and_month(tmp_path, months) -> None:
    db = _table(tmp_path, _snapshots(months).assign(MRR=[10.0, -20.0, -5.0]))
    with pytest.raises(DataError) as caught:
        load_tables(subscriptions="table:t", columns=COLUMNS, backend="duckdb", connection=db)
    assert str(caught.value) == (
        "table:t, column 'MRR': negative MRR in 2 rows, e.g. Customer 'b', Month '2024-01-01', MRR -5.0; Customer "
        "'c', Month '2024-02-01', MRR -20.0"
    )


def test_a_tables_date_that_does_not_parse_is_named_by_its_customer(tmp_path) -> None:
    db = _table(tmp_path, _snapshots(["2024-01-01", "soon", "2024-01-01"]))
    with pytest.raises(DataError) as caught:
        load_tables(subscriptions="table:t", columns=COLUMNS, backend="duckdb", connection=db)
    assert (
        str(caught.value)
        == "table:t, column 'Month': dates that do not parse in 1 row, e.g. Customer 'c', Month 'soon'"
    )


def test_the_import_of_a_table_says_it_in_one_line(tmp_path, capsys) -> None:
    db = _table(tmp_path, _snapshots(TEXT).assign(Customer=["a", None, "b"]))
    mapped = "customer_id=Customer,month=Month,mrr=MRR"
    args = ["import", "--subscriptions", "table:t", "--backend", "duckdb", "--connection", db, "--columns", mapped]
    assert cli.main([*args, "--to-csv", str(tmp_path / "o")]) == 1
    assert capsys.readouterr().err == (
        "xl-retention: error: table:t, column 'Customer': missing customer ids in 1 row, e.g. Customer blank, Month "
        "'2024-02-01', MRR 20.0: "
        + ADVICE.replace("columns={'customer_id': 'NAME'}", "--columns customer_id=NAME")
        + "\n"
    )


def test_an_ibis_tables_null_id_is_named_by_its_values(tmp_path) -> None:
    db = _table(tmp_path, _snapshots(TEXT).assign(Customer=["a", None, "b"]))
    table = ibis.duckdb.connect(db).table("t")
    with pytest.raises(DataError) as caught:
        relational.subscription_tables(table, columns=COLUMNS)
    assert str(caught.value) == (
        "input, column 'Customer': missing customer ids in 1 row, e.g. Customer blank, Month '2024-02-01', MRR 20.0: "
        + ADVICE
    )


FRAME = pd.DataFrame(
    {"customer_id": ["a", "c", "b"], "month": ["2024-01", "2024-02", "2024-01"], "mrr": [10.0, -20.0, 5.0]},
    index=["x", "y", "z"],
)


@pytest.mark.parametrize(
    "count",
    [
        T.monthly_movements,
        relational.monthly_movements,
        lambda f, **named: relational.monthly_movements(f, backend="duckdb", **named),
    ],
)
def test_a_frames_rows_are_named_by_their_index_labels(count) -> None:
    with pytest.raises(DataError) as caught:
        count(FRAME)
    assert str(caught.value) == "input, column 'mrr': negative MRR in the row at index 'y': -20.0"
    with pytest.raises(DataError) as caught:
        count(FRAME.assign(mrr=[1.0, 2.0, 3.0], customer_id=["a", None, "b"]))
    assert str(caught.value) == (
        "input, column 'customer_id': missing customer ids in the row at index 'y': (month '2024-02', mrr 2.0): "
        f"{ADVICE}"
    )
    dated = FRAME.set_index(pd.to_datetime(["2024-03-01", "2024-03-05", "2024-03-09"])).iloc[[0, 2]]  # a gap
    with pytest.raises(DataError) as caught:
        count(dated.assign(month=["2024-01", "soon"]))
    assert (
        str(caught.value) == "input, column 'month': dates that do not parse in the row at index '2024-03-09': 'soon'"
    )
    numbered = FRAME.set_index(pd.Index([10, 20, 30]))
    with pytest.raises(DataError) as caught:
        count(numbered, source="subs.csv")  # named as a file, but its index is its own: the labels still
    assert str(caught.value) == "subs.csv, column 'mrr': negative MRR in the row at index 20: -20.0"


def test_a_frame_named_as_a_file_in_its_order_keeps_the_files_rows() -> None:
    with pytest.raises(DataError) as caught:
        T.monthly_movements(FRAME.reset_index(drop=True), source="subs.csv")  # as pd.read_csv gives the file
    assert str(caught.value) == "subs.csv, column 'mrr': negative MRR in row 3 (counting the header as row 1): -20.0"


ORDERS = pd.DataFrame(
    {
        "account_code": ["a1", "a2", "a2", "a2", "a3"],
        "type": ["purchase", "authorization", "purchase", "purchase", "purchase"],  # Recurly's card check: left out
        "amount": [10.0, 1.0, 50.0, 50.0, 20.0],
        "date": ["2026-09-03", "2026-09-09", "2026-09-10", "soon", "2026-10-20"],
    },
    index=pd.to_datetime(["2026-09-01", "2026-09-05", "2026-09-07", "2026-10-02", "2026-10-09"]),
)


@pytest.mark.parametrize("count", [T.order_tables, relational.order_tables])
def test_rows_left_out_before_the_check_keep_the_labels_of_the_rows_after_them(count) -> None:
    with pytest.raises(DataError) as caught:
        count(ORDERS, columns={"customer_id": "account_code"})
    assert str(caught.value) == "input, column 'date': dates that do not parse in the row at index '2026-10-02': 'soon'"


def test_an_earlier_version_left_out_keeps_the_labels_of_the_rows_after_it() -> None:
    intervals = pd.DataFrame(
        {
            "Subscription Number": ["S1", "S1", "S2", "S3"],
            "Version": [1, 2, 1, 1],  # S1's version 1: left out (Zuora's Expired version)
            "Status": ["Expired", "Active", "Cancelled", "Active"],
            "customer_id": ["a", "a", "b", "c"],
            "start": ["2024-01-01", "2024-01-01", "2024-02-01", "2024-03-01"],
            "end": [None, None, "2024-01-15", None],
            "mrr": [10.0, 12.0, 5.0, 7.0],
        },
        index=["r1", "r2", "r3", "r4"],
    )
    for count in (T.snapshots_from_intervals, relational.subscription_tables):
        with pytest.raises(DataError) as caught:
            count(intervals)
        assert (
            str(caught.value) == "input, column 'end': an end before the start in the row at index 'r3': '2024-01-15'"
        )
