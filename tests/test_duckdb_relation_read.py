"""A DuckDB relation (``duckdb.sql(...)``, ``con.sql(...)``) is read by the pandas tables and, on the engine, in DuckDB.

Three customers (by hand): January a 10 and b 20, February a 10, b 25 and c 30: customers at end 2, 3, MRR 30, 65;
in February c is new (30) and b expands by 5. Orders: a buys in January and February, b in January: January 2
buyers, February 1, a returning. The pandas tables refused a relation ("expected a table (a pandas or polars
DataFrame or a pyarrow Table), got _duckdb.DuckDBPyRelation"); the engine's functions read it into pandas with a note
naming a way to keep it in DuckDB. Its Arrow table (DuckDB's own types) is now scanned by the engine as a database's
table is, and the figures are the same frame's.
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

from xl_retention import relational as R  # noqa: E402
from xl_retention import tables as T  # noqa: E402
from xl_retention.reading.notes import ReadingNoteWarning  # noqa: E402
from xl_retention.relational.inputs import _as_ibis  # noqa: E402

SUBS = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c"],
                     "month": ["2026-01", "2026-02", "2026-01", "2026-02", "2026-02"],
                     "mrr": [10.0, 10.0, 20.0, 25.0, 30.0]})  # fmt: skip
ORDERS = pd.DataFrame({"customer_id": ["a", "b", "a"], "date": ["2026-01-03", "2026-01-05", "2026-02-07"],
                       "amount": [10.0, 20.0, 30.0]})  # fmt: skip
#: the same rows typed as a database holds them: DATE months, DECIMAL MRR
TYPED = "SELECT customer_id, CAST(month || '-01' AS DATE) AS month, CAST(mrr AS DECIMAL(10, 2)) AS mrr FROM subs"


@pytest.fixture()
def con() -> object:
    con = duckdb.connect()
    con.register("subs", SUBS)
    con.register("orders", ORDERS)
    return con


@pytest.mark.parametrize("query", ["SELECT * FROM subs", TYPED])
@pytest.mark.parametrize("module", [T, R], ids=["tables", "relational"])
def test_a_relation_gives_the_figures_of_the_same_frame(con, module, query) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ReadingNoteWarning)  # read as a table is: nothing to note
        moves = module.monthly_movements(con.sql(query))
    assert moves["customers_end"].tolist() == [2, 3]
    assert moves["mrr_end"].tolist() == [30.0, 65.0]
    assert (moves["new_mrr"].tolist(), moves["expansion_mrr"].tolist()) == ([30.0, 30.0], [0.0, 5.0])
    expected = T.monthly_movements(SUBS)
    pd.testing.assert_frame_equal(moves.astype(float), expected.astype(float), check_dtype=False)


@pytest.mark.parametrize("module", [T, R], ids=["tables", "relational"])
def test_orders_of_a_relation(con, module) -> None:
    purchases = module.order_tables(con.sql("SELECT * FROM orders")).purchases
    assert purchases["buyers"].tolist() == [2, 1]
    assert purchases["returning_rate"].tolist() == [0.0, 1.0]  # February's buyer a bought in January
    pd.testing.assert_frame_equal(purchases, T.order_tables(ORDERS).purchases, check_dtype=False)


def test_the_engine_scans_the_relation_as_a_table_not_a_pandas_frame(con) -> None:
    table = _as_ibis(con.sql(TYPED), R.connect("duckdb"))
    assert isinstance(table, ibis.expr.types.Table)
    schema = table.schema()
    assert (schema["month"].is_date(), schema["mrr"].is_decimal()) == (True, True)


def test_a_relation_refused_by_its_values(con) -> None:
    relation = con.sql("SELECT * FROM subs UNION ALL SELECT NULL, '2026-02', 5.0")
    with pytest.raises(Exception, match=r"missing customer ids in 1 row, e.g. customer_id blank, month '2026-02'"):
        R.monthly_movements(relation)
