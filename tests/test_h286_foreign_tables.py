"""H285's Python-API findings 02-04: a DuckDB relation and a one-column pyarrow Table are read as pandas, as the
README says ("A polars DataFrame, a pyarrow Table or a DuckDB relation is read as pandas"); ExistingCustomersWarning
is importable from ``xl_retention.tables`` beside InProgressMonthWarning and LaterMonthsWarning."""

from __future__ import annotations

import warnings

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

import xl_retention as xr
import xl_retention.tables as tables
from xl_retention.errors import NotANumberError


def relation(values: list) -> duckdb.DuckDBPyRelation:
    rows = ",".join(f"({v})" for v in values)
    return duckdb.sql(f"select * from (values {rows}) t(x)")


def test_duckdb_relation_is_read_as_pandas() -> None:
    # hand count: promoters 10, 9, 9; detractors 6, 3; of 7 responses -> (3 - 2) / 7 * 100
    assert xr.nps(relation([10, 9, 9, 8, 7, 6, 3])) == pytest.approx(100 / 7, abs=1e-12)
    # (535 - 75) / 500 = 0.92, (90 - 30) / 70 = 0.857142...
    crr = xr.crr(relation([535, 90]), relation([75, 30]), relation([500, 70]))
    assert isinstance(crr, pd.Series)
    assert crr.tolist() == pytest.approx([0.92, 60 / 70], abs=1e-12)
    assert round(xr.sbg_fit(relation([1000, 631, 468, 382, 326, 289, 262, 241])).alpha, 3) == 0.704
    # a DECIMAL column (SQL numeric) and a NULL, on a connection of its own
    con = duckdb.connect()
    decimal = con.sql("select x::decimal(4,1) as x from (values (10),(9),(9),(8),(7),(6),(3)) t(x)")
    assert xr.nps(decimal) == pytest.approx(100 / 7, abs=1e-12)
    with_null = xr.crr(con.sql("select * from (values (535), (null)) t(x)"), 75, 500)
    assert with_null.iloc[0] == pytest.approx(0.92, abs=1e-12) and pd.isna(with_null.iloc[1])


def test_duckdb_relation_refusals_name_the_argument() -> None:
    with pytest.raises(NotANumberError, match=r"customers_end is a table of 2 columns \('a', 'b'\)"):
        xr.crr(duckdb.sql("select 535 as a, 90 as b"), 75, 500)
    with pytest.raises(NotANumberError, match=r"scores must hold numbers, got dates"):
        xr.nps(duckdb.sql("select date '2026-01-01' as d"))


def test_one_column_pyarrow_tables_give_a_series_as_pandas() -> None:
    def t(values: list) -> pa.Table:
        return pa.table({"x": values})

    result = xr.crr(t([535, 90]), t([75, 30]), t([500, 70]))
    assert isinstance(result, pd.Series) and result.shape == (2,)
    assert result.tolist() == pytest.approx([0.92, 60 / 70], abs=1e-12)
    mixed = xr.crr(t([535, 90]), 75, 500)  # (535 - 75) / 500, (90 - 75) / 500
    assert isinstance(mixed, pd.Series) and mixed.tolist() == pytest.approx([0.92, 0.03], abs=1e-12)
    with pytest.raises(NotANumberError, match=r"customers_end is a table of 2 columns"):
        xr.crr(pa.table({"a": [535], "b": [90]}), 75, 500)
    batch = xr.crr(pa.record_batch({"x": [535, 90]}), 75, 500)  # a RecordBatch as its Table
    assert isinstance(batch, pd.Series) and batch.tolist() == pytest.approx([0.92, 0.03], abs=1e-12)


def test_existing_customers_warning_is_exported_from_tables() -> None:
    rows = []
    for m in range(1, 10):  # 200 customers in 2026-01, then 1 new and 2 lost a month
        rows += [(f"c{i}", f"2026-{m:02d}", 10) for i in range(200 - 2 * (m - 1))]
        rows += [(f"n{j}", f"2026-{m:02d}", 10) for j in range(1, m)]
    snapshots = pd.DataFrame(rows, columns=["customer_id", "month", "mrr"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tables.subscription_tables(snapshots)
    assert tables.ExistingCustomersWarning in {w.category for w in caught}
    assert "ExistingCustomersWarning" in tables.__all__
    with warnings.catch_warnings(record=True) as kept:  # filtered by the name the README gives
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", category=tables.ExistingCustomersWarning)
        tables.subscription_tables(snapshots)
    assert tables.ExistingCustomersWarning not in {w.category for w in kept}
    assert {w.category.__name__ for w in kept} == {w.category.__name__ for w in caught} - {"ExistingCustomersWarning"}
