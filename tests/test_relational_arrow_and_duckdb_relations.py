"""A pyarrow Table is read as the frame it converts to; a DuckDB relation is refused naming how to pass it.

Three customers: a and b in January, a, b and c in February: customers at end 2, 3 (by hand). Both were refused as
"expected a table (...), got pyarrow.Table" / "got _duckdb.DuckDBPyRelation", naming no way to pass them (H202's
finding 08). A relation does not tell its connection: the message names the Ibis table on it, which is read.
"""

from __future__ import annotations

import pandas as pd
import pytest

pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'future.infer_string' option is deprecated"),
    pytest.mark.filterwarnings("ignore:fetch_arrow_table\\(\\) is deprecated"),
]

ibis = pytest.importorskip("ibis", reason="ibis-framework is not installed (pip install 'xl-retention[duckdb]')")
duckdb = pytest.importorskip("duckdb")
pa = pytest.importorskip("pyarrow")

from xl_retention import relational as R  # noqa: E402
from xl_retention.reading import DataError  # noqa: E402

SUBS = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c"],
                     "month": ["2026-01-01", "2026-02-01", "2026-01-01", "2026-02-01", "2026-02-01"],
                     "mrr": [10.0, 10.0, 20.0, 25.0, 30.0]})  # fmt: skip


def test_a_pyarrow_table_is_read() -> None:
    typed = SUBS.assign(month=pd.to_datetime(SUBS.month).dt.date)  # Arrow's date32
    for table in (pa.Table.from_pandas(SUBS), pa.Table.from_pandas(typed)):
        moves = R.subscription_tables(table, backend="duckdb").movements
        assert moves["customers_end"].tolist() == [2, 3]
        assert moves["mrr_end"].tolist() == [30.0, 65.0]


def test_a_duckdb_relation_is_refused_naming_the_way_and_that_way_reads_it(tmp_path) -> None:
    path = tmp_path / "subs.parquet"
    SUBS.to_parquet(path)
    con = duckdb.connect()
    relation = con.sql(f"SELECT * FROM '{path}'")
    with pytest.raises(DataError) as refused:
        R.subscription_tables(relation, backend="duckdb")
    message = str(refused.value)
    assert "got a DuckDB relation" in message
    assert "ibis.duckdb.from_connection(con).sql(relation.sql_query())" in message
    assert "relation.to_arrow_table()" in message
    named = ibis.duckdb.from_connection(con).sql(relation.sql_query())  # the way named
    assert R.subscription_tables(named).movements["customers_end"].tolist() == [2, 3]
    assert R.subscription_tables(relation.to_arrow_table()).movements["customers_end"].tolist() == [2, 3]


def test_other_objects_are_refused_naming_what_is_taken() -> None:
    with pytest.raises(DataError, match=r"a Spark DataFrame or a pyarrow Table\), got list"):
        R.subscription_tables([1, 2])
