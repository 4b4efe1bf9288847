"""The engine's long monthly counts and cohort cells, fetched, made the tables of the pandas path: a month (or
segment and month) index and the core's rates (:func:`_monthly`), cohort triangles (:func:`_cohorts`).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

__all__ = ["_cohorts", "_matrix", "_monthly", "_months", "_segments", "_shown_months"]


def _months(frame: pd.DataFrame, column: str) -> pd.PeriodIndex:
    return pd.PeriodIndex(pd.to_datetime(frame[column]), freq="M", name=column)


def _monthly(frame: pd.DataFrame, make: Callable[[pd.DataFrame], pd.DataFrame], segmented: bool) -> pd.DataFrame:
    """The engine's long monthly counts (``month`` [, ``segment``] and counts) to the table of the pandas path:
    index ``month`` (or ``segment, month``), the rates made by ``make`` (a ``*_from_counts`` of
    :mod:`xl_retention.tables`, which calls the core functions)."""
    index: pd.Index = _months(frame, "month")
    if segmented:
        index = pd.MultiIndex.from_arrays([frame["segment"].astype(str).to_numpy(), index], names=["segment", "month"])
    counts = frame.drop(columns=[c for c in ("month", "segment") if c in frame.columns])
    counts = counts.apply(lambda column: pd.to_numeric(column, errors="raise"))  # engines give decimals/objects too
    counts.index = index
    return make(counts)


def _matrix(long: pd.DataFrame, value: str, months: pd.PeriodIndex) -> pd.DataFrame:
    """Long cohort cells to the cohort x months-since triangle of the months shown (zeros inside, NaN after)."""
    n = len(months)
    index = pd.PeriodIndex(months, freq="M", name="cohort")
    table = np.full((n, n), np.nan)
    if n:
        inside = np.arange(n)[:, None] + np.arange(n)[None, :] < n
        table[inside] = 0.0
        if len(long):
            rows = (pd.PeriodIndex(pd.to_datetime(long["cohort"]), freq="M").asi8 - months[0].ordinal).astype(np.int64)
            table[rows, long["months_since"].to_numpy(dtype=np.int64)] = long[value].to_numpy(dtype=np.float64)
    return pd.DataFrame(table, index=index, columns=pd.RangeIndex(n, name="months_since"))


def _cohorts(long: pd.DataFrame, value: str, months: pd.PeriodIndex, segments: list[str] | None) -> pd.DataFrame:
    if segments is None:
        return _matrix(long, value, months)
    parts = [_matrix(long[long["segment"] == s], value, months) for s in segments]
    out = pd.concat(parts, keys=segments, names=["segment", "cohort"]) if parts else _matrix(long, value, months)
    return out


def _shown_months(frame: pd.DataFrame) -> pd.PeriodIndex:
    months = _months(frame, "month") if len(frame) else pd.PeriodIndex([], freq="M")
    return pd.PeriodIndex(sorted(set(months)), freq="M") if len(months) else months


def _segments(frame: pd.DataFrame, segment: str | None) -> list[str] | None:
    return sorted(set(frame["segment"].astype(str))) if segment is not None else None
