"""One column's cells moved down a row ("Insert cells, Shift cells down" on one cell of an export's column).

In Excel, inserting a cell in one column with "Shift cells down" moves every value below it down a row: the column
gets a blank beside its row's other values, each value below sits on the next row's customer (or date), and the
last one lands on a row of its own below the table, alone. Read as it is, every amount, MRR or date of that column
below the blank belongs to another row: silently wrong figures, or a refusal of the lone last row ("missing customer
ids in row 6") that names no cause. :func:`refuse_shifted_column` refuses such a table naming the column, the blank
and the lone last value.

The signal is safe only with that lone last value: once the stray row is deleted, a blank in one row is a value of
its own (an active subscription's end, an unpaid order's date) and cannot be told from a cell moved away; a blank
where a value is required is refused as such ("missing values in row 3").
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows

__all__ = ["refuse_shifted_column"]


def _filled(frame: pd.DataFrame) -> np.ndarray:
    """Whether each cell of ``frame`` holds a value (not missing, not spaces)."""
    text = frame.astype(object).where(frame.notna(), "").astype(str)
    return text.apply(lambda column: column.str.strip() != "").to_numpy(dtype=bool)


def refuse_shifted_column(df: pd.DataFrame, source: Any) -> None:
    """Refuse a table whose last row holds one value alone while that value's column has one blank, in a row whose
    other cells are filled, above it: the column's cells moved down a row from the blank on (see the module
    docstring). A lone last value that is the column's total (a sum written under it) is left to the summary rows'
    check.

    >>> frame = pd.DataFrame({"customer_id": ["a", "b", "c", None], "date": ["2026-01-05"] * 3 + [None],
    ...                       "amount": ["10", None, "20", "35"]})
    >>> refuse_shifted_column(frame, "o.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'amount': its values seem moved down a row ... in rows 3, 5 \
(counting the header as row 1): blank, '35': move them back up (delete the blank cell with 'Shift cells up')
    """
    if len(df) < 3 or df.shape[1] < 3:
        return
    filled = _filled(df.iloc[-1:])[0]
    if filled.sum() != 1:
        return
    p = int(np.flatnonzero(filled)[0])
    above = _filled(df.iloc[:-1])
    others = np.delete(above, p, axis=1).sum(axis=1)
    gaps = np.flatnonzero(~above[:, p] & (others >= 2))
    if len(gaps) != 1:
        return
    numbers = pd.to_numeric(df.iloc[:, p], errors="coerce").to_numpy(dtype=np.float64)
    if not np.isnan(numbers[-1]) and np.isclose(np.nansum(numbers[:-1]), numbers[-1]):
        return  # a total under the column
    problem = (
        "its values seem moved down a row from a blank on (the first row named: a blank beside the row's other values; "
        "the last: this column's value alone below the table: a cell inserted with 'Shift cells down'?), each value "
        "between them on the next row's record"
    )
    advice = "move them back up (delete the blank cell with 'Shift cells up')"
    rows = [int(gaps[0]), len(df) - 1]
    raise bad_rows(source, str(df.columns[p]), problem, rows, df.iloc[:, p].to_numpy(), advice=advice)
