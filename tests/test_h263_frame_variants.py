"""The README's Python API on frame variants (H263, item 5): categorical ids, nullable Int64/Float64, pyarrow dtypes,
decimals, Period/Timestamp/date months, a duplicated index, a MultiIndex, polars and pyarrow tables give the same
numbers on pandas and DuckDB (PostgreSQL and Spark gave them too, by hand: see the H263 report), or a refusal naming
the column and the row."""

from __future__ import annotations

import decimal

import pandas as pd
import pytest

from xl_retention import tables as T
from xl_retention.reading import DataError, ReadOptions

pa = pytest.importorskip("pyarrow")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")

OPTIONS = ReadOptions(today="2026-04-15")
MRR = [10.0, 20.5, 12.0, 5.0, 20.5, 12.0]
FIELDS = ["customers_end", "new", "lost", "mrr_end", "expansion_mrr", "churned_mrr"]
#: by hand: a 10 then 12 (expansion 2), b 20.5 lost in February, back in March (a reactivation), c 5 in February only
EXPECTED = {
    "customers_end": [2, 2, 2],
    "new": [2, 1, 0],
    "lost": [0, 1, 1],
    "mrr_end": [30.5, 17.0, 32.5],
    "expansion_mrr": [0.0, 2.0, 0.0],
    "churned_mrr": [0.0, 20.5, 5.0],
}


def _base() -> pd.DataFrame:
    months = ["2026-01", "2026-01", "2026-02", "2026-02", "2026-03", "2026-03"]
    return pd.DataFrame({"customer_id": ["a", "b", "a", "c", "b", "a"], "month": months, "mrr": MRR})


def _with(column: str, values) -> pd.DataFrame:
    frame = _base()
    frame[column] = values
    return frame


def _variants() -> dict:
    stamps = pd.to_datetime(_base()["month"])
    decimals = pd.Series([decimal.Decimal(str(x)) for x in MRR])
    return {
        "categorical ids": _with("customer_id", _base()["customer_id"].astype("category")),
        "Int64 ids": _with("customer_id", pd.array([1, 2, 1, 3, 2, 1], dtype="Int64")),
        "Float64 mrr": _with("mrr", pd.array(MRR, dtype="Float64")),
        "string[pyarrow] ids": _with("customer_id", _base()["customer_id"].astype("string[pyarrow]")),
        "timestamp[us, UTC] months": _with("month", stamps.astype(pd.ArrowDtype(pa.timestamp("us", tz="UTC")))),
        "date32 months": _with("month", pd.Series(stamps.dt.date).astype(pd.ArrowDtype(pa.date32()))),
        "decimal128 mrr": _with("mrr", decimals.astype(pd.ArrowDtype(pa.decimal128(10, 2)))),
        "Decimal mrr": _with("mrr", list(decimals)),
        "Period months": _with("month", pd.PeriodIndex(_base()["month"], freq="M")),
        "Timestamp months": _with("month", stamps),
        "categorical months": _with("month", _base()["month"].astype("category")),
        "duplicated index": _base().set_axis([0, 0, 1, 1, 2, 2]),
        "MultiIndex": _base().set_axis(pd.MultiIndex.from_arrays([list("xxyyzz"), range(6)])),
        "ids and months as index": _base().set_index(["customer_id", "month"]),
        "pyarrow Table": pa.Table.from_pandas(_base()),
    }


@pytest.mark.parametrize("name", list(_variants()))
@pytest.mark.parametrize("backend", [None, "duckdb"])
def test_same_numbers(name: str, backend: str | None) -> None:
    frame = _variants()[name]
    if backend is None:
        moves = T.monthly_movements(frame, options=OPTIONS)
    else:
        pytest.importorskip("ibis")
        from xl_retention import relational as R

        moves = R.monthly_movements(frame, backend=backend, options=OPTIONS)
    assert [str(m) for m in moves.index] == ["2026-01", "2026-02", "2026-03"]
    assert {k: [round(float(v), 9) for v in moves[k]] for k in FIELDS} == EXPECTED


@pytest.mark.parametrize("backend", [None, "duckdb"])
def test_nullable_blanks_are_named(backend: str | None) -> None:
    frames = {
        "mrr": _with("mrr", pd.array([10.0, None, 12.0, 5.0, 20.5, 12.0], dtype="Float64")),
        "customer_id": _with("customer_id", pd.array([1, 2, 1, None, 2, 1], dtype="Int64")),
    }
    wanted = {
        "mrr": "missing values in the row at index 1",
        "customer_id": "missing customer ids in the row at index 3",
    }
    for column, frame in frames.items():
        with pytest.raises(DataError) as caught:
            if backend is None:
                T.monthly_movements(frame, options=OPTIONS)
            else:
                pytest.importorskip("ibis")
                from xl_retention import relational as R

                R.monthly_movements(frame, backend=backend, options=OPTIONS)
        assert str(caught.value).startswith(f"input, column {column!r}: {wanted[column]}")
