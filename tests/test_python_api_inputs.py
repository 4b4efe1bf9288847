"""The Python API as README writes it: submodules after a plain import, polars tables, rates over Series."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import xl_retention as xr
from xl_retention.reading import DataError


def test_readme_submodules_reachable_after_plain_import():
    code = (
        "import sys, xl_retention as xr\n"
        "assert 'xl_retention.movements' not in sys.modules\n"
        "print(xr.movements.monthly_movements.__name__, xr.relational.subscription_tables.__name__,"
        " xr.tables.movements_from_counts.__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["monthly_movements", "subscription_tables", "movements_from_counts"]
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        xr.nothing_here  # noqa: B018


def test_polars_frame_is_read_as_pandas():
    pl = pytest.importorskip("polars")
    from xl_retention.movements import monthly_movements
    from xl_retention.relational import subscription_tables

    data = {"customer_id": ["a", "a", "b"], "month": ["2026-01", "2026-02", "2026-01"], "mrr": [10.0, 10.0, 20.0]}
    out = monthly_movements(pl.DataFrame(data))
    assert out["customers_end"].tolist() == [2, 1]
    assert out["lost_mrr"].tolist() == [0.0, 20.0]
    tables = subscription_tables(pl.DataFrame(data))
    assert tables.movements["customers_end"].tolist() == [2, 1]


def test_pyarrow_table_is_read_as_pandas():
    # it was refused 'expected a table (a pandas or polars DataFrame), got pyarrow.Table' (H225's finding 06), where
    # xl_retention.relational takes it: read through its to_pandas(), as a polars frame is (months as dates too)
    pa = pytest.importorskip("pyarrow")
    from xl_retention.movements import monthly_movements, repeat_purchases

    data = {"customer_id": ["a", "a", "b"], "month": ["2026-01", "2026-02", "2026-01"], "mrr": [10.0, 10.0, 20.0]}
    out = monthly_movements(pa.table(data))
    assert out["customers_end"].tolist() == [2, 1] and out["mrr_end"].tolist() == [30.0, 10.0]
    dated = pa.table({"customer_id": ["a", "a"], "date": pa.array([pd.Timestamp("2026-01-05"),
                                                                  pd.Timestamp("2026-02-07")])})  # fmt: skip
    assert repeat_purchases(dated)["returning"].tolist() == [0, 1]


def test_other_objects_refused_naming_their_library():
    from xl_retention.movements import monthly_movements

    with pytest.raises(
        DataError,
        match=r"expected a table \(a pandas or polars DataFrame, a pyarrow Table or RecordBatchReader or a DuckDB "
        r"relation\), got pandas",
    ):
        monthly_movements(pd.Series([1.0]))
    with pytest.raises(DataError, match=r"got list"):
        monthly_movements([["a", "2026-01", 10.0]])


def test_rates_over_a_monthly_series_leave_the_first_month_nan():
    m = pd.DataFrame(
        {
            "customers_start": [0, 3, 3],
            "gained": [3, 1, 2],
            "customers_end": [3, 3, 4],
            "mrr_start": [0.0, 300.0, 280.0],
            "lost_mrr": [0.0, 40.0, 30.0],
            "expansion_mrr": [0.0, 20.0, 0.0],
        },
        index=["2024-01", "2024-02", "2024-03"],
    )
    crr = xr.crr(m.customers_end, m.gained, m.customers_start)
    assert list(crr.index) == ["2024-01", "2024-02", "2024-03"]
    assert math.isnan(crr.iloc[0]) and crr.iloc[1] == 2 / 3 and crr.iloc[2] == 2 / 3
    nrr = xr.nrr(m.lost_mrr, m.expansion_mrr, m.mrr_start)
    assert math.isnan(nrr.iloc[0]) and nrr.iloc[1] == 280 / 300 and nrr.iloc[2] == 250 / 280
    assert math.isnan(xr.quick_ratio(m.mrr_start, m.expansion_mrr, m.lost_mrr).iloc[0])
    # an impossible month is still refused, and scalars and arrays (Excel's ranges) keep #DIV/0!
    with pytest.raises(xr.OutOfRangeError, match="index '2024-01'"):
        xr.crr(m.customers_end + 1, m.gained, m.customers_start)
    with pytest.raises(xr.ZeroDenominatorError):
        xr.crr(3, 3, 0)
    with pytest.raises(xr.ZeroDenominatorError, match="position 0"):
        xr.crr(np.array([3, 3]), np.array([3, 1]), np.array([0, 3]))
