"""A NaN or infinite MRR or amount in a database table is refused naming the table's column and the row (H190 finding
04): a DOUBLE's NaN (0/0 in a pipeline) or Infinity passed the engine's checks and failed in the monthly counts
("counts column 'mrr_start' must hold amounts >= 0, got a blank in 2026-03": a column of no input, the month after
the row). They are refused as the file path refuses them (reading.number_texts: "infinite values", "missing values").
"""

from __future__ import annotations

import duckdb
import pytest

from xl_retention.reading import DataError
from xl_retention.workbook.importer import load_tables

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TABLES = {
    "nan": "SELECT * FROM (VALUES ('a', DATE '2026-01-01', 10.0::DOUBLE), ('b', DATE '2026-01-01', 20.0), ('a', DATE "
    "'2026-02-01', 10.0), ('b', DATE '2026-02-01', 'NaN'::DOUBLE), ('a', DATE '2026-03-01', 10.0)) t(customer_id, "
    "month, mrr)",
    "inf": "SELECT * FROM (VALUES ('a', DATE '2026-01-01', 10.0::DOUBLE), ('c', DATE '2026-03-01', 'inf'::DOUBLE)) "
    "t(customer_id, month, mrr)",
    "starts": "SELECT * FROM (VALUES ('a', DATE '2026-01-05', '-inf'::DOUBLE), ('b', DATE '2026-01-06', 5.0)) "
    "t(customer_id, start, mrr)",
    "orders": "SELECT * FROM (VALUES ('a', DATE '2026-01-05', 'NaN'::DOUBLE), ('b', DATE '2026-01-06', 5.0)) "
    "t(customer_id, date, amount)",
}
REFUSED = {
    "nan": "table:nan, column 'mrr': missing values in 1 row, e.g. customer_id 'b', month '2026-02-01', mrr blank",
    "inf": "table:inf, column 'mrr': infinite values in 1 row, e.g. customer_id 'c', month '2026-03-01', mrr inf",
    "starts": "table:starts, column 'mrr': infinite values in 1 row, e.g. customer_id 'a', start '2026-01-05', mrr "
    "-inf",
    "orders": "table:orders, column 'amount': missing values in 1 row, e.g. customer_id 'a', date '2026-01-05', amount "
    "blank",
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_nan_or_infinite_amount_is_refused_naming_the_row(tmp_path, name) -> None:
    path = str(tmp_path / "w.duckdb")
    with duckdb.connect(path) as con:
        con.execute(f"CREATE TABLE {name} AS {TABLES[name]}")
    kind = "orders" if name == "orders" else "subscriptions"
    with pytest.raises(DataError) as caught:
        load_tables(**{kind: f"table:{name}"}, backend="duckdb", connection=path)
    assert str(caught.value) == REFUSED[name]
