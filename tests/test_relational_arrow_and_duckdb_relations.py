"""A pyarrow Table is read as the frame it converts to; a DuckDB relation as its Arrow table, on the engine.

Three customers: a and b in January, a, b and c in February: customers at end 2, 3 (by hand). Both were refused as
"expected a table (...), got pyarrow.Table" / "got _duckdb.DuckDBPyRelation", naming no way to pass them (H202's
finding 08). A relation does not tell its connection: it is read into memory (its Arrow table, run on its own
connection), and a note names the Ibis table on its connection, which keeps it in DuckDB (session 27).
"""

from __future__ import annotations

import warnings

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
from xl_retention.reading.notes import ReadingNoteWarning  # noqa: E402

SUBS = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c"],
                     "month": ["2026-01-01", "2026-02-01", "2026-01-01", "2026-02-01", "2026-02-01"],
                     "mrr": [10.0, 10.0, 20.0, 25.0, 30.0]})  # fmt: skip


def test_a_pyarrow_table_is_read() -> None:
    typed = SUBS.assign(month=pd.to_datetime(SUBS.month).dt.date)  # Arrow's date32
    for table in (pa.Table.from_pandas(SUBS), pa.Table.from_pandas(typed)):
        moves = R.subscription_tables(table, backend="duckdb").movements
        assert moves["customers_end"].tolist() == [2, 3]
        assert moves["mrr_end"].tolist() == [30.0, 65.0]


def test_a_duckdb_relation_is_read_in_duckdb(tmp_path) -> None:
    path = tmp_path / "subs.parquet"
    SUBS.to_parquet(path)
    con = duckdb.connect()
    relation = con.sql(f"SELECT * FROM '{path}'")
    with warnings.catch_warnings():  # its Arrow table scanned by the engine as a table: no note (session 29)
        warnings.simplefilter("error", ReadingNoteWarning)
        moves = R.subscription_tables(relation, backend="duckdb").movements
    assert (moves["customers_end"].tolist(), moves["mrr_end"].tolist()) == ([2, 3], [30.0, 65.0])
    named = ibis.duckdb.from_connection(con).sql(relation.sql_query())  # an Ibis table on its connection
    assert R.subscription_tables(named).movements["customers_end"].tolist() == [2, 3]
    assert R.monthly_movements(duckdb.sql(f"SELECT * FROM '{path}'"))["customers_end"].tolist() == [2, 3]


def test_other_objects_are_refused_naming_what_is_taken() -> None:
    taken = r"a Spark DataFrame, a pyarrow Table or RecordBatchReader or a DuckDB relation\), got list"
    with pytest.raises(DataError, match=taken):
        R.subscription_tables([1, 2])
