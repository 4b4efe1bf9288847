"""A pandas frame of other backings read as the numpy-backed frame ``pd.read_csv`` gives.

pandas' nullable and pyarrow-backed columns (``dtype_backend="numpy_nullable"`` or ``"pyarrow"``, ``engine="pyarrow"``,
``read_parquet``, polars' ``to_pandas(use_pyarrow_extension_array=True)``) and ``pd.NA`` in an object column (from
``read_sql``, ``read_json`` or a list) hold ``pd.NA`` for a blank, which has no truth value: a compare of such a column
gives ``pd.NA`` where the readers' rules expect ``False`` (pandas' ``TypeError: boolean value of NA is ambiguous``). The
readers take the same values with numpy's blanks (``NaN``, ``NaT``), as ``pd.read_csv`` gives them, before any rule.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["numpy_backed"]


def numpy_backed(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with each nullable, pyarrow-backed or categorical column as numpy's default reader gives it, and
    ``pd.NA`` in an object column as ``NaN``; ``df`` itself (with its ``attrs``) when there is none.

    >>> frame = pd.DataFrame({"id": pd.array([1, None], dtype="Int64"), "plan": pd.array(["a", None], dtype="string")})
    >>> out = numpy_backed(frame)
    >>> out["id"].tolist()
    [1.0, nan]
    >>> out["plan"].isna().tolist(), out["plan"].iloc[0]
    ([False, True], 'a')
    """
    changed = {}
    for position in range(df.shape[1]):
        series = df.iloc[:, position]
        plain = _numpy_column(series)
        if plain is not series:
            changed[position] = plain
    if not changed:
        return df
    out = df.copy(deep=False)
    for position, plain in changed.items():
        out.isetitem(position, plain)
    out.attrs = df.attrs
    return out


def _numpy_column(series: pd.Series) -> pd.Series:
    """``series`` as numpy's reader gives such values: numbers ``int64``/``float64`` (``float64`` with ``NaN`` where
    blank), TRUE/FALSE ``bool`` (``object`` with ``NaN`` where blank), dates ``datetime64`` (``NaT``), text in
    pandas' default text type (``NaN``), anything else ``object`` with ``NaN``. ``series`` itself when numpy-backed."""
    dtype = series.dtype
    if isinstance(dtype, np.dtype):
        return _object_without_na(series) if dtype.kind == "O" else series
    if isinstance(dtype, pd.CategoricalDtype):  # polars' Categorical/Enum: its values
        return _numpy_column(pd.Series(series.array.to_numpy(), index=series.index, name=series.name))
    if isinstance(dtype, pd.DatetimeTZDtype | pd.PeriodDtype | pd.IntervalDtype | pd.SparseDtype):
        return series  # numpy's own blanks (NaT, NaN)
    if isinstance(dtype, pd.StringDtype) and dtype.na_value is not pd.NA:
        return series  # pandas' default text type (NaN for a blank)
    blank = series.isna().to_numpy(dtype=bool)
    kind = dtype.kind
    if kind in "iuf":
        wanted = np.dtype(np.float64) if blank.any() or kind == "f" else _numpy_dtype(series)
        return _same_place(series.to_numpy(dtype=wanted, na_value=np.nan), series)
    if kind == "b" and not blank.any():
        return _same_place(series.to_numpy(dtype=bool), series)
    if kind == "M":  # pyarrow's date32/timestamp: numpy datetimes, their zone kept
        zone = getattr(getattr(dtype, "pyarrow_dtype", None), "tz", None)
        unit = getattr(getattr(dtype, "pyarrow_dtype", None), "unit", "s")  # date32: days
        unit = unit if unit in ("s", "ms", "us", "ns") else "s"
        if zone is not None:
            return series.astype(pd.DatetimeTZDtype(unit, zone))
        return series.astype(f"datetime64[{unit}]")
    if _is_text(series):
        values = _same_place(series.to_numpy(dtype=object, na_value=np.nan), series)
        try:
            return values.astype(pd.StringDtype(na_value=np.nan))  # pandas 3's default text type
        except TypeError:  # pandas before 2.3: text is object
            return values
    return _same_place(series.to_numpy(dtype=object, na_value=np.nan), series)


def _numpy_dtype(series: pd.Series) -> np.dtype:
    """The numpy type of a nullable or pyarrow column of whole numbers with no blank."""
    numpy_type = getattr(series.dtype, "numpy_dtype", None)
    return numpy_type if isinstance(numpy_type, np.dtype) else np.dtype(np.int64)


def _is_text(series: pd.Series) -> bool:
    """A column of text: pandas' ``string`` with ``pd.NA`` or pyarrow's (large) string."""
    if isinstance(series.dtype, pd.StringDtype):
        return True
    arrow = getattr(series.dtype, "pyarrow_dtype", None)
    if arrow is None:
        return False
    import pyarrow as pa

    view = getattr(pa.types, "is_string_view", lambda _: False)  # pyarrow 16
    return bool(pa.types.is_string(arrow) or pa.types.is_large_string(arrow) or view(arrow))


def _object_without_na(series: pd.Series) -> pd.Series:
    """An object column with ``pd.NA`` (``read_sql``, ``read_json``, a list holding it) as ``NaN``; the rest kept."""
    blank = series.isna().to_numpy(dtype=bool)
    if not blank.any():
        return series
    values = series.to_numpy()
    missing = values[blank]
    if not any(v is pd.NA for v in pd.unique(missing)):  # None, NaN, NaT: numpy's own blanks (one look each)
        return series
    na = np.fromiter((v is pd.NA for v in missing), dtype=bool, count=len(missing))
    values = values.copy()
    values[np.flatnonzero(blank)[na]] = np.nan
    return _same_place(values, series)


def _same_place(values: np.ndarray, series: pd.Series) -> pd.Series:
    return pd.Series(values, index=series.index, name=series.name)
