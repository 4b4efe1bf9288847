"""A typed table's column of structs, lists or maps mapped to one of ours is refused naming it (H250, item 3): its
values stopped the reading with ``TypeError: unhashable type: 'dict'`` (or ``'list'``), naming no column. A Spark
DataFrame made from a pandas frame whose dates are ``Period`` values holds empty structs there."""

from __future__ import annotations

import pandas as pd
import pytest

pytestmark = [pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated")]

ibis = pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[duckdb]')")

from xl_retention import relational as R  # noqa: E402
from xl_retention.reading import DataError  # noqa: E402

TABLES = {
    "visits_struct": (
        "SELECT * FROM (VALUES (1, {'a': DATE '2026-01-02'}), (2, {'a': DATE '2026-02-03'})) t(visitor_id, date)",
        R.returning_visitors,
        "input, column 'date': its values are structs (struct<a: date>), not dates: select the dates out of it into "
        "a column of their own and map that one",
    ),
    "visits_list": (
        "SELECT * FROM (VALUES ([1], DATE '2026-01-02'), ([2], DATE '2026-02-03')) t(visitor_id, date)",
        R.returning_visitors,
        "input, column 'visitor_id': its values are lists (array<int32>), not ids: select the ids out of it into a "
        "column of their own and map that one",
    ),
    "subs_map": (
        "SELECT * FROM (VALUES ('a', DATE '2026-01-01', MAP {'usd': 10.0}), ('b', DATE '2026-02-01', "
        "MAP {'usd': 10.0})) t(customer_id, month, mrr)",
        R.monthly_movements,
        "input, column 'mrr': its values are maps (map<string, decimal(3, 1)>), not numbers: select the numbers out "
        "of it into a column of their own and map that one",
    ),
}


@pytest.mark.parametrize("name", list(TABLES))
def test_a_duckdb_tables_nested_column_is_refused_naming_it(name) -> None:
    sql, function, said = TABLES[name]
    con = ibis.duckdb.connect()
    con.raw_sql(f"CREATE TABLE {name} AS {sql}")
    with pytest.raises(DataError) as refused:
        function(con.table(name))
    assert str(refused.value) == said


def test_a_spark_frame_of_pandas_periods_is_refused_naming_the_column() -> None:
    pytest.importorskip("pyspark", reason="PySpark is not installed (pip install 'xl-retention[spark]')")
    from xl_retention.relational.backends import spark_session

    visits = pd.DataFrame(
        {"visitor_id": [1, 2, 1], "date": pd.PeriodIndex(["2026-01", "2026-02", "2026-02"], freq="M")}
    )
    frame = spark_session().createDataFrame(visits)  # Spark makes each Period an empty struct: the months are gone
    with pytest.raises(DataError) as refused:
        R.returning_visitors(frame)
    assert str(refused.value) == (
        "input, column 'date': its values are structs (struct<>), not dates: a Spark DataFrame made from a pandas "
        "column of Periods has empty structs there: make them dates or 'YYYY-MM' texts first "
        "(frame[column].dt.to_timestamp())"
    )
    fixed = visits.assign(date=visits["date"].dt.to_timestamp())  # as advised: the same visits counted
    assert R.returning_visitors(spark_session().createDataFrame(fixed))["returning"].tolist() == [0, 1]
