"""The error of bad input data, and the one way its messages name rows and values."""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import RetentionInputError

ROW_NOTE = "(counting the header as row 1)"
SHOW_ROWS = 5


class DataError(RetentionInputError):
    """Bad data in an input table: a missing column, a date that does not parse, ... (``#VALUE!``).

    The message names the file (``source``), the column and the first rows at fault,
    counted as a spreadsheet user counts them: for a CSV file the header is row 1, the first
    data row row 2 (row numbers are positions in the table, as :func:`~xl_retention.reading.read_table`
    returns it); for a sheet of a workbook read by ``read_table``, the sheet's own rows ("in rows 4, 5 of
    sheet 'Data'"), whatever margin or title block sits above the table (:func:`note_sheet_table`).

    Attributes:
        source: the file (or table) name given by the caller.
        column: the column at fault, in the file's own spelling (None if not one column).
        rows: the first (up to 5) 1-based row numbers at fault.
        row_count: how many rows are at fault in all.

    >>> print(bad_rows("orders.csv", "date", "dates before 1900", [0, 1], ["1899-12-30", "1899-12-31"]))
    orders.csv, column 'date': dates before 1900 in rows 2, 3 (counting the header as row 1): '1899-12-30', '1899-12-31'
    """

    excel_error = "#VALUE!"

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        column: str | None = None,
        rows: Sequence[int] = (),
        row_count: int = 0,
    ) -> None:
        super().__init__(message, column, tuple(rows))
        self.source = source
        self.column = column
        self.rows = tuple(rows)
        self.row_count = row_count or len(self.rows)


def show(value: Any) -> str:
    """A value as a message quotes it: ``repr`` of the Python value; dates as ISO text (no time at midnight)."""
    if isinstance(value, np.datetime64):
        if np.isnat(value):
            return "blank"
        value = pd.Timestamp(value)
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return "blank"  # a missing value (None, NaN, NA) reads as the empty cell it was
    if isinstance(value, dt.datetime):
        return repr(value.strftime("%Y-%m-%d") if value.time() == dt.time() else value.isoformat(sep=" "))
    if isinstance(value, dt.date):
        return repr(value.isoformat())
    return repr(value)


class ColumnValues:
    """A column's values for :func:`bad_rows`, made into numpy values one at a time, only for the rows shown.

    ``ColumnValues(series)[i]`` is ``series.to_numpy()[i]`` (the same value and type) without converting
    the whole column, which costs a Python object per row for text held by Arrow.
    """

    def __init__(self, series: Any) -> None:
        self.series = series

    def __getitem__(self, position: int) -> Any:
        return self.series.iloc[position : position + 1].to_numpy()[0]


# source name -> (the table read from a sheet under that name, the sheet, the sheet's row of the table's header)
_SHEET_TABLES: dict[str, tuple[weakref.ref[Any], str, int]] = {}


def note_sheet_table(source: str, table: Any, sheet: str | None = None, header_row: int | None = None) -> None:
    """Have :func:`bad_rows` name the rows of ``source`` as the rows of ``sheet`` whose header is in the sheet's
    row ``header_row`` (1-based), while ``table`` (the frame read from it) is alive and is the last one read
    under that name; ``sheet=None`` forgets ``source`` (a CSV or Parquet file read under that name).

    The frame is held by a weak reference: once it is gone, ``source`` is named as a CSV file is.
    """
    if sheet is None or header_row is None:
        _SHEET_TABLES.pop(source, None)
        return

    def gone(ref: weakref.ref[Any]) -> None:
        if _SHEET_TABLES.get(source, (None,))[0] is ref:
            del _SHEET_TABLES[source]

    _SHEET_TABLES[source] = (weakref.ref(table, gone), sheet, int(header_row))


def _sheet_of(source: str) -> tuple[str, int] | None:
    """(sheet, header row) of the live table last read from a sheet under the name ``source``, else None."""
    entry = _SHEET_TABLES.get(source)
    if entry is None or entry[0]() is None:
        return None
    return entry[1], entry[2]


def bad_rows(
    source: str,
    column: str,
    problem: str,
    positions: np.ndarray | Sequence[int],
    values: Sequence[Any] | np.ndarray | ColumnValues | None = None,
) -> DataError:
    """A :class:`DataError` for the rows at ``positions`` (0-based positions of the data rows).

    ``values`` (the whole column, in row order) adds the first bad values to the message. Rows are
    named as the file's lines counting the header as row 1 (CSV), or as the sheet's own rows when
    ``source`` names a table read from a sheet (:func:`note_sheet_table`): data row ``p`` is the
    sheet's row ``header_row + 1 + p``.
    """
    positions = np.unique(np.asarray(positions, dtype=np.int64))
    shown = positions[:SHOW_ROWS]
    sheet = _sheet_of(source)
    first = 2 if sheet is None else sheet[1] + 1
    rows = [int(p) + first for p in shown]
    text = f"{'row' if len(positions) == 1 else 'rows'} {', '.join(map(str, rows))}"
    if len(positions) > len(shown):
        text += f" and {len(positions) - len(shown)} more"
    where = ROW_NOTE if sheet is None else f"of sheet {sheet[0]!r}"
    message = f"{source}, column {column!r}: {problem} in {text} {where}"
    if values is not None:
        message += ": " + ", ".join(show(values[int(p)]) for p in shown)
    return DataError(message, source=source, column=column, rows=rows, row_count=len(positions))
