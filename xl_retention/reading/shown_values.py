"""How a message quotes a value: :func:`show` (as ``repr``, a date as its ISO text, a missing value as "blank"),
:func:`plain` (inside a quoted text), and the column values :func:`~.errors.bad_rows` quotes (:class:`ColumnValues`).
"""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["ColumnValues", "Told", "plain", "show"]


class Told(str):
    """A text :func:`show` gives as it is (a row described by its values), not quoted."""


def show(value: Any) -> str:
    """A value as a message quotes it: ``repr`` of the Python value (a numpy or Decimal number as its digits); dates
    as ISO text (no time at midnight).

    >>> import decimal
    >>> show(decimal.Decimal("-29.00")), show(np.float64(5.0)), show("5,00"), show(pd.Timestamp("2026-01-05"))
    ('-29.00', '5.0', "'5,00'", "'2026-01-05'")
    """
    if isinstance(value, Told):
        return str(value)
    if isinstance(value, np.datetime64):
        if np.isnat(value):
            return "blank"
        value = pd.Timestamp(value)
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, decimal.Decimal):  # a Parquet DECIMAL, PostgreSQL's numeric: -29.00, not Decimal('-29.00')
        return "blank" if value.is_nan() else str(value)
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return "blank"  # a missing value (None, NaN, NA) reads as the empty cell it was
    if isinstance(value, dt.datetime):
        return repr(value.strftime("%Y-%m-%d") if value.time() == dt.time() else value.isoformat(sep=" "))
    if isinstance(value, dt.date):
        return repr(value.isoformat())
    if isinstance(value, dt.time):  # an Excel cell of a time alone, or of 0 formatted as a date
        return repr(value.isoformat())
    return repr(value)


def plain(value: Any) -> str:
    """A value as a message writes it inside its own quoted text: :func:`show` without the quotes of a text, so a
    database's DATE (read as a Timestamp at midnight) is its day, not "2025-01-01 00:00:00".

    >>> plain(pd.Timestamp("2025-01-01")), plain(pd.Timestamp("2025-01-01 10:30")), plain("01/02/2025"), plain(12000)
    ('2025-01-01', '2025-01-01 10:30:00', '01/02/2025', '12000')
    """
    if isinstance(value, str):
        return value
    shown = show(value)
    is_text = isinstance(value, (dt.date, dt.time, np.datetime64)) and shown != "blank"
    return shown[1:-1] if is_text else shown


class ColumnValues:
    """A column's values for :func:`bad_rows`, made into numpy values one at a time, only for the rows shown.

    ``ColumnValues(series)[i]`` is ``series.to_numpy()[i]`` (the same value and type) without converting
    the whole column, which costs a Python object per row for text held by Arrow.
    """

    def __init__(self, series: Any) -> None:
        self.series = series

    def __getitem__(self, position: int) -> Any:
        return self.series.iloc[position : position + 1].to_numpy()[0]
