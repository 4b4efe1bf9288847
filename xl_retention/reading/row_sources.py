"""The name of an input as a message names its rows: a file's (a ``str``: counting the header as row 1), a sheet's
(:class:`Source`: the sheet's own rows), a CSV file's with blank lines (:class:`FileRows`), a DataFrame's given in
Python (:class:`FrameRows`: by index label), a table's (:class:`TableRows`: by its values); :func:`source_of` gives
the one a table's rows are named by. :func:`~.errors.bad_rows` and :func:`~.errors.row_of` name the rows by it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .shown_values import show

__all__ = [
    "BLANK_ID_VALUES",
    "ROW_KEYS",
    "FileRows",
    "FrameRows",
    "Source",
    "TableRows",
    "described",
    "rows_taken",
    "source_of",
]

#: The files with no header row: their rows are named as records, the first being row 1.
_PARQUET = (".parquet", ".pq")


class Source(str):
    """The name of a file or table (a ``str``) that also says on which sheet, and below which row, its table sits.

    :func:`bad_rows` names the rows of such a source as the sheet's own rows (data row ``p``, 0-based, is the
    sheet's row ``header_row + 1 + p``); a plain ``str`` names them counting the header as row 1 (CSV).
    Made by :func:`source_of` from a table that :func:`~xl_retention.reading.read_table` read from a sheet.

    Attributes:
        sheet: the sheet's name.
        header_row: the sheet's 1-based row of the table's header.

    >>> s = Source("subs.xlsx", "Data", 3)
    >>> s == "subs.xlsx", s.sheet, s.header_row
    (True, 'Data', 3)
    """

    sheet: str
    header_row: int
    #: the table's data row of each row named, where rows were left out of what is named (:func:`rows_taken`)
    positions: np.ndarray | None

    def __new__(cls, name: str, sheet: str, header_row: int, positions: Any = None) -> Source:
        if not isinstance(header_row, int | np.integer) or isinstance(header_row, bool) or header_row < 1:
            raise ValueError(f"header_row must be a sheet row (1 or more), got {header_row!r}")
        made = super().__new__(cls, name)
        made.sheet = str(sheet)
        made.header_row = int(header_row)
        made.positions = None if positions is None else np.asarray(positions, dtype=np.int64)
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (Source, (str(self), self.sheet, self.header_row, self.positions))


class FileRows(str):
    """The name of a CSV file (a ``str``) whose data rows are not one per line after the header (blank lines in it):
    ``file_rows[p]`` is the file's row of data row ``p``, the header counting as row 1 (as Excel shows the file)."""

    file_rows: np.ndarray

    def __new__(cls, name: str, file_rows: Any) -> FileRows:
        made = super().__new__(cls, name)
        made.file_rows = np.asarray(file_rows, dtype=np.int64)
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (FileRows, (str(self), self.file_rows))


#: The columns that name a table's row, in our names (:class:`TableRows`): its id, then its dates.
ROW_KEYS = ("customer_id", "visitor_id", "month", "date", "start")
#: The most values a table's row is described by when its id is blank (:class:`TableRows`).
BLANK_ID_VALUES = 8


class FrameRows(str):
    """The name of a DataFrame given in Python (a ``str``): :func:`bad_rows` names its rows by their index labels
    ("the rows at index 'b', 'd'"), not as a file's lines (a frame has no header row, and its index need not count).

    ``labels[p]`` is the label of data row ``p``; :func:`source_of` binds it to the frame whose positions are named
    (rows left out by ``iloc`` keep their labels).

    >>> s = FrameRows("input", pd.Index(["a", "b"]))
    >>> s == "input", list(s.labels)
    (True, ['a', 'b'])
    """

    labels: pd.Index

    def __new__(cls, name: str, labels: Any) -> FrameRows:
        made = super().__new__(cls, name)
        made.labels = pd.Index(labels)
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrameRows, (str(self), self.labels))


class TableRows(str):
    """The name of a database table, an Ibis table or a Spark DataFrame (a ``str``). A table has no header row and no
    order: :func:`bad_rows` names its rows by their values, their id and dates (:data:`ROW_KEYS`, in the table's
    spelling), or the row's values in every column where its id is blank, as "in 2 rows, e.g. customer_id 'a',
    month '2024-02-01', mrr -5.0; ...".

    Attributes:
        names: our name -> the table's spelling of its columns (their keys name its rows).
        rows: the rows fetched from the table (data row ``p`` is ``rows.iloc[p]``), bound by :func:`source_of`;
            None on the engine (:func:`xl_retention.relational.refusals.first_rows` fetches the rows it names).

    >>> s = TableRows("table:t", {"customer_id": "Customer", "month": "Month", "mrr": "MRR"})
    >>> s == "table:t", s.keys
    (True, ('Customer', 'Month'))
    """

    names: dict[str, str]
    rows: pd.DataFrame | None

    def __new__(cls, name: str, names: Mapping[str, str] | None = None, rows: pd.DataFrame | None = None) -> TableRows:
        made = super().__new__(cls, name)
        made.names = dict(names or {})
        made.rows = rows
        return made

    @property
    def keys(self) -> tuple[str, ...]:
        """The table's columns that name a row (its id, its dates), in its spelling."""
        return tuple(dict.fromkeys(self.names[k] for k in ROW_KEYS if k in self.names))

    def over(self, rows: pd.DataFrame) -> TableRows:
        """This table's name, naming the rows of ``rows`` (fetched from it)."""
        return TableRows(str(self), self.names, rows)

    def __reduce__(self) -> tuple[Any, ...]:
        return (TableRows, (str(self), self.names))


def _blank(value: Any) -> bool:
    return show(value) == "blank" or (isinstance(value, str) and not value.strip())


def described(
    record: Mapping[str, Any], keys: Sequence[str], column: str, value: Any = None, told: bool = False
) -> str:
    """A table's row as a message names it (:class:`TableRows`): its ``keys``' values, then ``column``'s (``value``
    where ``told``, else the row's own); where a key is blank (a NULL id), every column's value that is not blank.

    >>> described({"id": "a", "month": "2024-02-01", "mrr": -5.0}, ["id", "month"], "mrr")
    "id 'a', month '2024-02-01', mrr -5.0"
    >>> described({"id": None, "plan": "Pro", "note": None, "mrr": 5.0}, ["id"], "id")
    "id blank, plan 'Pro', mrr 5.0"
    """
    own = [k for k in keys if k in record]
    parts = {k: show(_plainly(record[k])) for k in own}
    if not own or any(_blank(record[k]) for k in own):  # no id: the row's other values tell it
        for name, cell in record.items():
            if len(parts) >= BLANK_ID_VALUES:
                break
            if name not in parts and not str(name).startswith("__") and not _blank(cell):
                parts[name] = show(_plainly(cell))
    if told:
        parts.setdefault(column, show(value))
    elif column in record:
        parts.setdefault(column, show(_plainly(record[column])))
    return ", ".join(f"{name} {text}" for name, text in parts.items())


def _plainly(value: Any) -> Any:
    """A fetched value as :func:`show` quotes it: a Timestamp as a datetime (a DATE's midnight: its day)."""
    return value.to_pydatetime() if isinstance(value, pd.Timestamp) else value


def _label(value: Any) -> str:
    """An index label as a message quotes it: :func:`show`'s form, a MultiIndex's tuple as its parts."""
    if isinstance(value, tuple):
        return "(" + ", ".join(_label(v) for v in value) + ")"
    return show(value)


def source_of(table: Any, source: str) -> str:
    """``source`` as :func:`bad_rows` should name the rows of ``table``.

    A table read from a sheet by :func:`~xl_retention.reading.read_table` carries its sheet and the sheet's row of
    its header in ``table.attrs`` (``"sheet"``, ``"header_row"``): the result is then a :class:`Source` naming
    the sheet's own rows. A CSV or Parquet file read by ``read_table`` (``attrs["source"]``) gets ``source`` as it
    is; so does a ``source`` that already is a :class:`Source`, and a frame made in Python named as a file with the
    index a reader gives (0, 1, 2, ...). Any other DataFrame given in Python (no ``attrs["source"]``: an index of
    its own, rows left out, a name such as "input") gets a :class:`FrameRows` naming its rows by their index labels;
    a :class:`FrameRows` or :class:`TableRows` ``source`` is bound to ``table``'s rows (its labels, its values).

    >>> import pandas as pd
    >>> df = pd.DataFrame({"a": [1]})
    >>> df.attrs.update(sheet="Data", header_row=3)
    >>> s = source_of(df, "subs.xlsx")
    >>> read = pd.DataFrame({"a": [1]})
    >>> read.attrs["source"] = "subs.csv"
    >>> (s, s.sheet, s.header_row), type(source_of(read, "subs.csv")).__name__
    (('subs.xlsx', 'Data', 3), 'str')
    >>> list(source_of(pd.DataFrame({"a": [1, 2]}, index=["x", "y"]), "subs.csv").labels)
    ['x', 'y']
    >>> made = pd.DataFrame({"a": [1]})
    >>> type(source_of(made, "subs.csv")).__name__, type(source_of(made, "input")).__name__
    ('str', 'FrameRows')
    """
    attrs = getattr(table, "attrs", None) or {}
    sheet, header_row = attrs.get("sheet"), attrs.get("header_row")
    framed = isinstance(table, pd.DataFrame)
    if isinstance(source, TableRows):  # a table's rows, as fetched: named by their values
        return source.over(table) if framed else source
    if isinstance(source, FrameRows):  # the rows of this frame (some left out): their own labels
        return FrameRows(str(source), table.index) if framed else source
    if isinstance(source, (Source, FileRows)):
        return source
    if attrs.get("file_rows") is not None and len(attrs["file_rows"]) == len(table):
        return FileRows(source, attrs["file_rows"])
    if sheet is not None and header_row is not None:
        return Source(source, sheet, header_row)
    if framed and attrs.get("source") is None and not _as_read(table, source):  # given in Python: by index label
        return FrameRows(source, table.index)
    return source


#: The names of the files :func:`~xl_retention.reading.read_table` reads.
_FILES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", *_PARQUET)


def _as_read(table: pd.DataFrame, source: str) -> bool:
    """Whether a frame made in Python is a file's rows as read: named as a file and in its order (the index 0, 1, 2,
    ... that a reader gives), its rows then the file's. Any other frame's rows are named by their index labels."""
    index = table.index
    default = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1
    return default and str(source).lower().endswith(_FILES)


def rows_taken(source: str, rows: Any) -> str:
    """``source`` (as :func:`source_of` gives it) naming the rows ``rows`` of its table as they are named there: data
    row ``p`` of the rows taken is the table's row ``rows[p]``. A refusal about the rows left once some were left out
    (a declined payment before its paid retry) named the next row of the file (H508's finding 01: row 4 for row 5).

    >>> from .errors import row_of
    >>> row_of(rows_taken("o.csv", [0, 2, 3]), 2), row_of(rows_taken(Source("o.xlsx", "Data", 3), [1, 4]), 1)
    ('row 5', "row 8 of sheet 'Data'")
    >>> row_of(rows_taken(FileRows("o.csv", [2, 4, 5]), [1, 2]), 0)
    'row 4'
    >>> row_of(rows_taken(FrameRows("df", ["a", "b"]), [1]), 0)
    "the row at index 'b'"
    """
    rows = np.asarray(rows, dtype=np.int64)
    if isinstance(source, TableRows):
        return source if source.rows is None else TableRows(str(source), source.names, source.rows.iloc[rows])
    if isinstance(source, FrameRows):
        return FrameRows(str(source), source.labels[rows])
    if isinstance(source, FileRows):
        return FileRows(str(source), source.file_rows[rows])
    if isinstance(source, Source):
        before = np.arange(rows.max() + 1 if rows.size else 0) if source.positions is None else source.positions
        return Source(str(source), source.sheet, source.header_row, before[rows])
    from .errors import row_number

    return FileRows(str(source), [row_number(source, int(r)) for r in rows])
