"""A frame's column of dicts or lists is refused naming the column and its first such row (H263, item 1).

A pandas DataFrame made from an API's records (``pd.DataFrame(subscriptions)``: Stripe's ``plan``, ``metadata``), a
polars or pyarrow table with a struct or list column, or a Parquet file with one, stopped every reading (pandas and
the engines, which read a frame through :func:`xl_retention.reading.prepare`) with ``TypeError: unhashable type:
'dict'`` (or ``'list'``), naming nothing, mapped or not.
"""

from __future__ import annotations

import pandas as pd
import pytest

from xl_retention import tables as T
from xl_retention.cli import main
from xl_retention.reading import DataError

ADVICE = (
    "and map that one, or leave the column out (a column not mapped is read too: a status or an end date there would "
    "change the counts)"
)


def _subscriptions(**column: list) -> pd.DataFrame:
    frame = pd.DataFrame(
        {"customer_id": ["a", "b", "a"], "month": ["2026-01", "2026-01", "2026-02"], "mrr": [10.0] * 3}
    )
    for name, values in column.items():
        frame[name] = values
    return frame


def test_control_without_nested_values() -> None:
    movements = T.monthly_movements(_subscriptions(plan=["pro", "basic", "pro"]))
    assert movements["customers_end"].tolist() == [2, 1]


def test_unmapped_column_of_dicts() -> None:
    frame = _subscriptions(plan=[{"amount": 10}, {}, {"amount": 10}])
    with pytest.raises(DataError) as caught:
        T.subscription_tables(frame)
    assert str(caught.value) == (
        "input, column 'plan': a dict (a nested value, no cell's text, number or date) in the rows at index 0 and 2 "
        "more: {'amount': 10}: take the value you mean out of it into a column of its own (pandas.json_normalize "
        f"makes one of each field: 'plan.amount') {ADVICE}"
    )
    assert caught.value.column == "plan"


def test_mapped_column_of_lists_named_by_its_index_label() -> None:
    frame = _subscriptions(mrr=[10.0, [10.0, 5.0], 10.0]).set_axis(["x", "y", "z"])
    with pytest.raises(DataError) as caught:
        T.monthly_movements(frame)
    assert str(caught.value) == (
        "input, column 'mrr': a list (a nested value, no cell's text, number or date) in the row at index 'y': "
        f"[10.0, 5.0]: take the value you mean out of it into a column of its own {ADVICE}"
    )


def test_orders_column_of_lists() -> None:
    orders = pd.DataFrame(
        {"customer_id": ["a", "b"], "date": ["2026-01-03", "2026-02-04"], "amount": [5.0, 6.0], "items": [[1, 2], [3]]}
    )
    with pytest.raises(
        DataError, match=r"^input, column 'items': a list .* in the rows at index 0 and 1 more: \[1, 2\]"
    ):
        T.order_tables(orders)


def test_duckdb_backend_reads_a_frame_the_same() -> None:
    R = pytest.importorskip("xl_retention.relational")
    pytest.importorskip("ibis")
    frame = _subscriptions(customer_id=[{"id": "a"}, {"id": "b"}, {"id": "a"}])
    with pytest.raises(DataError) as caught:
        R.monthly_movements(frame, backend="duckdb")
    assert str(caught.value).startswith(
        "input, column 'customer_id': a dict (a nested value, no cell's text, number or date) in the rows at index 0 "
        "and 2 more: {'id': 'a'}: take the value you mean out of it into a column of its own (pandas.json_normalize "
        "makes one of each field: 'customer_id.id')"
    )


def test_pyarrow_table_with_a_list_column() -> None:
    pa = pytest.importorskip("pyarrow")
    table = pa.table(
        {"customer_id": ["a", "b"], "month": ["2026-01", "2026-01"], "mrr": [1.0, 2.0], "tags": [["x"], []]}
    )
    with pytest.raises(
        DataError, match=r"^input, column 'tags': an array .* in the rows at index 0 and 1 more: \['x'\]"
    ):
        T.monthly_movements(table)


def test_parquet_file_with_a_struct_column(tmp_path, capsys) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "subs.parquet"
    rows = {"customer_id": ["a", "b"], "month": ["2026-01", "2026-01"], "mrr": [1.0, 2.0], "meta": [{"k": 1}, {"k": 2}]}
    pq.write_table(pa.table(rows), path)
    assert main(["import", "--subscriptions", str(path), "--to-csv", str(tmp_path / "out")]) != 0
    err = capsys.readouterr().err
    assert (
        "subs.parquet, column 'meta': a struct (a nested value, no cell's text, number or date) in rows 1 and 1 more "
        "(counting the Parquet file's first record as row 1): {'k': 1}"
    ) in err
