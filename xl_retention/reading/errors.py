"""The error of bad input data, and the one way its messages name rows and values."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import numpy as np
import pandas as pd  # noqa: F401 (the doctests' frames)

from ..errors import RetentionInputError
from .row_sources import _PARQUET, _label, _plainly
from .row_sources import BLANK_ID_VALUES as BLANK_ID_VALUES  # re-exported: reading.errors.Source, source_of, ...
from .row_sources import ROW_KEYS as ROW_KEYS  # (their module before the split)
from .row_sources import FileRows as FileRows
from .row_sources import FrameRows as FrameRows
from .row_sources import Source as Source
from .row_sources import TableRows as TableRows
from .row_sources import described as described
from .row_sources import source_of as source_of
from .shown_values import ColumnValues as ColumnValues
from .shown_values import Told as Told
from .shown_values import plain as plain
from .shown_values import show as show

ROW_NOTE = "(counting the header as row 1)"
#: A Parquet file has no header row: its rows are named as its records, the first being row 1.
RECORD_NOTE = "(counting the Parquet file's first record as row 1)"
SHOW_ROWS = 5
#: Whether the refusals made now are for the command line (``xl-retention import``): they name its options
#: (``--decimal``), where a Python caller is told the argument (``ReadOptions(decimal=...)``): :func:`said_as`.
_COMMAND_LINE: ContextVar[bool] = ContextVar("xl_retention_command_line", default=False)


@contextmanager
def command_line() -> Iterator[None]:
    """The refusals made in the block are worded for the command line (the CLI's ``import`` reads its inputs in it).

    >>> with command_line():
    ...     said_as("--decimal ,", "ReadOptions(decimal=',')")
    '--decimal ,'
    >>> said_as("--decimal ,", "ReadOptions(decimal=',')")
    "ReadOptions(decimal=',')"
    """
    token = _COMMAND_LINE.set(True)
    try:
        yield
    finally:
        _COMMAND_LINE.reset(token)


def said_as(cli: str, python: str) -> str:
    """``cli`` (what to do on the command line: an option) inside :func:`command_line`, else ``python`` (the
    argument of the Python call)."""
    return cli if _COMMAND_LINE.get() else python


def options_said(text: str) -> str:
    """``text`` (a refusal worded for the import command: ``--date-format '%Y%m'``, ``--timezone ZONE``) as it is
    inside :func:`command_line`, else with those options as a Python caller gives them
    (:func:`~.notes.python_wording`; H385's finding 03).

    >>> options_said("months as YYYYMM? read them with --date-format '%Y%m'")
    "months as YYYYMM? read them with options=ReadOptions(date_format='%Y%m')"
    >>> with command_line():
    ...     options_said("read them with --date-format '%Y%m'")
    "read them with --date-format '%Y%m'"
    """
    if _COMMAND_LINE.get():
        return text
    from .notes import python_wording

    return python_wording(text)


class DataError(RetentionInputError):
    """Bad data in an input table: a missing column, a date that does not parse, ... (``#VALUE!``).

    The message names the file (``source``), the column and the first rows at fault,
    counted as a spreadsheet user counts them: for a CSV file the header is row 1, the first
    data row row 2 (row numbers are positions in the table, as :func:`~xl_retention.reading.read_table`
    returns it); for a Parquet file (no header row) the first record is row 1; for a sheet of a workbook
    read by ``read_table``, the sheet's own rows ("in rows 4, 5 of sheet 'Data'"),
    whatever margin or title block sits above the table (:class:`Source`, :func:`source_of`).

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


#: How many rows at fault (the first) are described to pick those shown, in order of their descriptions.
_DESCRIBED = 1000


def _first_row(source: str) -> int:
    """The row number :func:`bad_rows` gives data row 0 of ``source``: the sheet's row below the header, 1 for a
    Parquet file's first record, else 2 (a CSV file's header is row 1)."""
    if isinstance(source, Source):
        return source.header_row + 1
    return 1 if _is_parquet(source) else 2


def _is_parquet(source: str) -> bool:
    """Whether ``source`` names a Parquet file's records (a plain name, or its rows left after some were left out:
    :class:`FileRows`, H513's finding 01: "row 4 (counting the header as row 1)" named record 3)."""
    return not isinstance(source, (Source, FrameRows, TableRows)) and str(source).lower().endswith(_PARQUET)


def _record(source: TableRows, position: int) -> dict[str, Any] | None:
    """Data row ``position`` of a table's rows as fetched (None where they are not at hand)."""
    rows = source.rows
    if rows is None or not 0 <= position < len(rows):
        return None
    return dict(zip(map(str, rows.columns), rows.iloc[position].tolist(), strict=True))


def _values_of(source: TableRows, position: int) -> str:
    """A table's data row ``position`` by its values (:func:`described`; its position where they are not at hand)."""
    record = _record(source, position)
    return f"position {position}" if record is None else described(record, source.keys, "")


def _index_label(source: FrameRows, position: int) -> str:
    labels = source.labels
    return _label(labels[position]) if 0 <= position < len(labels) else str(position)


def rows_named(source: str, positions: Sequence[int]) -> str:
    """How a note names the data rows at ``positions`` (0-based), as :func:`bad_rows` names them: "rows 3, 4" of a
    file, "the rows at index 'a', 'b'" of a DataFrame given in Python, a table's rows by their values.

    >>> rows_named("a.csv", [0, 1]), rows_named(FrameRows("input", ["a", "b"]), [1])
    ('rows 2, 3', "the row at index 'b'")
    """
    positions = [int(p) for p in positions]
    if isinstance(source, (FrameRows, TableRows)):
        if len(positions) == 1:
            return row_of(source, positions[0])
        if isinstance(source, FrameRows):
            return "the rows at index " + ", ".join(_index_label(source, p) for p in positions)
        return "the rows of " + "; ".join(_values_of(source, p) for p in positions)
    numbers = ", ".join(str(row_number(source, p)) for p in positions)
    return f"{'row' if len(positions) == 1 else 'rows'} {numbers}"


def numbered(source: str) -> bool:
    """Whether ``source`` names its rows by number (a file's, a sheet's), not by label or value (:class:`FrameRows`,
    :class:`TableRows`): rows left out then keep their numbers in ``attrs["file_rows"]``, where a frame's keep their
    index labels themselves."""
    return not isinstance(source, (FrameRows, TableRows))


def row_span(source: str, first: int, last: int) -> str:
    """How a message names the data rows ``first`` to ``last`` (0-based): "rows 5-7" of a file, "the rows at index
    'e' to 'g'" of a DataFrame given in Python, a table's by their values.

    >>> row_span("a.csv", 3, 5), row_span(FrameRows("input", list("abcdefg")), 4, 6)
    ('rows 5-7', "the rows at index 'e' to 'g'")
    """
    if isinstance(source, FrameRows):
        return f"the rows at index {_index_label(source, first)} to {_index_label(source, last)}"
    if isinstance(source, TableRows):
        return f"the rows from the row of {_values_of(source, first)} to the row of {_values_of(source, last)}"
    return f"rows {row_number(source, first)}-{row_number(source, last)}"


def row_number(source: str, position: int) -> int:
    """The number :func:`bad_rows` gives data row ``position`` (0-based) of ``source``: its row in the file where rows
    were left out above it (a survey's second header row, blank lines), else counted from the first data row.

    >>> row_number("a.csv", 0), row_number(FileRows("a.csv", [3, 4]), 1), row_number(Source("a.xlsx", "Data", 3), 0)
    (2, 4, 4)
    """
    if isinstance(source, FileRows) and position < len(source.file_rows):
        return int(source.file_rows[position])
    if isinstance(source, Source) and source.positions is not None and position < len(source.positions):
        position = int(source.positions[position])  # rows left out of those named (row_sources.rows_taken)
    return int(position) + _first_row(source)


def row_of(source: str, position: int) -> str:
    """How a message names data row ``position`` (0-based) of ``source`` by itself: as :func:`bad_rows` does.

    >>> row_of("subs.csv", 0), row_of(Source("subs.xlsx", "Data", 3), 0), row_of("subs.parquet", 0)
    ('row 2', "row 4 of sheet 'Data'", "row 1 (counting the Parquet file's first record as row 1)")
    >>> row_of(FrameRows("input", ["a", "b"]), 1)
    "the row at index 'b'"
    >>> row_of(TableRows("table:t", {"customer_id": "id"}, pd.DataFrame({"id": ["x"], "n": [1]})), 0)
    "the row of id 'x'"
    """
    if isinstance(source, FrameRows):
        return f"the row at index {_index_label(source, position)}"
    if isinstance(source, TableRows):
        return f"the row of {_values_of(source, position)}"
    if isinstance(source, FileRows) and position < len(source.file_rows) and not _is_parquet(source):
        return f"row {row_number(source, position)}"
    row = f"row {row_number(source, position)}"
    if isinstance(source, Source):
        return f"{row} of sheet {source.sheet!r}"
    return f"{row} {RECORD_NOTE}" if _is_parquet(source) else row


def advice_apart(problem: str) -> tuple[str, str | None]:
    """``problem`` with the advice of its closing parentheses taken out, and that advice (None if none): a hint
    written as "(what they likely are: what to do)" keeps "(what they likely are)", and what to do goes to
    :func:`bad_rows`' ``advice``, after the rows (a hint with no colon splits after its question mark:
    "(months as YYYYMM? read them with ...)"). Several closing parentheses give their advice joined by "; ".

    >>> advice_apart("years alone where dates belong (no month: use dates, YYYY-MM or YYYYMMDD)")
    ('years alone where dates belong (no month)', 'use dates, YYYY-MM or YYYYMMDD')
    >>> advice_apart("dates that do not parse (months as YYYYMM? read them with --date-format '%Y%m')")
    ('dates that do not parse (months as YYYYMM?)', "read them with --date-format '%Y%m'")
    >>> advice_apart("values that are not dates"), advice_apart("dates before 1900 (Excel has none)")
    (('values that are not dates', None), ('dates before 1900 (Excel has none)', None))
    """
    text, advice = problem.rstrip(), []
    groups: list[str] = []
    while text.endswith(")"):
        depth, start = 0, -1
        for i in range(len(text) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(text[i], 0)
            if depth == 0:
                start = i
                break
        if start <= 0:
            break
        inner, text = text[start + 1 : -1], text[:start].rstrip()
        cut = _top_level(inner, ": ")
        cut = cut if cut is not None else _top_level(inner, "? ", keep=1)
        if cut is None:
            groups.insert(0, f"({inner})")
            continue
        kept, said = cut
        groups.insert(0, f"({kept})")
        advice.insert(0, said)
    if not advice:
        return problem, None
    return " ".join([text, *groups]), "; ".join(advice)


def _top_level(inner: str, mark: str, keep: int = 0) -> tuple[str, str] | None:
    """``inner`` cut at its first ``mark`` outside parentheses and quotes (the first ``keep`` characters of the mark
    kept before the cut), or None."""
    depth, quoted = 0, False
    for i, char in enumerate(inner):
        if char == "'" and (quoted or i == 0 or not inner[i - 1].isalnum()):
            quoted = not quoted
        elif not quoted:
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0 and inner.startswith(mark, i) and inner[i + len(mark) :].strip():
                return inner[: i + keep].rstrip(), inner[i + len(mark) :].strip()
    return None


def bad_rows(
    source: str,
    column: str,
    problem: str,
    positions: np.ndarray | Sequence[int],
    values: Sequence[Any] | np.ndarray | ColumnValues | Mapping[int, Any] | None = None,
    count: int | None = None,
    advice: str | None = None,
) -> DataError:
    """A :class:`DataError` for the rows at ``positions`` (0-based positions of the data rows).

    ``values`` (the whole column, in row order, or a mapping of position -> value) adds the first bad
    values to the message. Rows are named as the file's lines counting the header as row 1 (CSV), as
    the records of a Parquet file counting the first as row 1 (it has no header row), or
    as the sheet's own rows when ``source`` is a :class:`Source` (see :func:`source_of`): data row ``p``
    is the sheet's row ``header_row + 1 + p``. ``count``: how many rows are at fault in all, when
    ``positions`` holds only the first of them (an engine fetches only those); default ``len(positions)``.
    ``advice``: what to do, after the rows and values (never in ``problem``, whose end the rows follow: "export it
    again in row 15" would read as advice about that row). A DataFrame given in Python (:class:`FrameRows`) has its
    rows named by their index labels; a table (:class:`TableRows`, no header and no order) by how many rows, and the
    first few by their values (id, dates, the value at fault).

    >>> print(bad_rows(Source("subs.xlsx", "Data", 3), "mrr", "negative MRR", [0, 1], [-1, -2], count=9))
    subs.xlsx, column 'mrr': negative MRR in rows 4, 5 and 7 more of sheet 'Data': -1, -2
    >>> print(bad_rows("subs.parquet", "mrr", "negative MRR", [0, 2], [-1, 5, -2]))
    subs.parquet, column 'mrr': negative MRR in rows 1, 3 (counting the Parquet file's first record as row 1): -1, -2
    >>> print(bad_rows("s.csv", "Coupon", "discounts", [2], ["", "", "LAUNCH20"], advice="convert the prices first"))
    s.csv, column 'Coupon': discounts in row 4 (counting the header as row 1): 'LAUNCH20': convert the prices first
    >>> print(bad_rows(FrameRows("input", ["x", "y", "z"]), "mrr", "negative MRR", [0, 2], [-1, 5, -2]))
    input, column 'mrr': negative MRR in the rows at index 'x', 'z': -1, -2
    >>> rows = pd.DataFrame({"id": ["b", "a"], "month": pd.to_datetime(["2024-02-01", "2024-01-01"]), "mrr": [-2, -1]})
    >>> print(bad_rows(TableRows("t", {"customer_id": "id", "month": "month"}, rows), "mrr", "negative MRR", [0, 1]))
    t, column 'mrr': negative MRR in 2 rows, e.g. id 'a', month '2024-01-01', mrr -1; id 'b', month '2024-02-01', mrr -2
    """
    positions = np.unique(np.asarray(positions, dtype=np.int64))
    shown = positions[:SHOW_ROWS]
    total = len(positions) if count is None else max(int(count), len(positions))
    if isinstance(source, TableRows):
        return _table_rows(source, column, problem, positions, values, total, advice)
    if isinstance(source, FrameRows):
        return _frame_rows(source, column, problem, shown, values, total, advice)
    rows = [row_number(source, int(p)) for p in shown]  # a file's or sheet's own rows (blank lines, rows left out)
    text = f"{'row' if total == 1 else 'rows'} {', '.join(map(str, rows))}"
    if total > len(shown):
        text += f" and {total - len(shown)} more"
    where = (
        f"of sheet {source.sheet!r}" if isinstance(source, Source) else RECORD_NOTE if _is_parquet(source) else ROW_NOTE
    )
    message = f"{source}, column {column!r}: {problem} in {text} {where}"
    if values is not None:  # a mapping of fewer positions than are shown: theirs (never a KeyError for the message)
        told = [int(p) for p in shown if not isinstance(values, Mapping) or int(p) in values]
        message += ": " + ", ".join(show(values[p]) for p in told)
    if advice:
        message += f": {advice}"
    return DataError(message, source=source, column=column, rows=rows, row_count=total)


def _told(values: Any, position: int) -> bool:
    return values is not None and (not isinstance(values, Mapping) or position in values)


def _frame_rows(
    source: FrameRows, column: str, problem: str, shown: np.ndarray, values: Any, total: int, advice: str | None
) -> DataError:
    """:func:`bad_rows` of a DataFrame given in Python: its rows by their index labels."""
    labels = [source.labels[int(p)] if int(p) < len(source.labels) else int(p) for p in shown]
    text = f"the {'row' if total == 1 else 'rows'} at index {', '.join(map(_label, labels))}"
    if total > len(shown):
        text += f" and {total - len(shown)} more"
    message = f"{source}, column {column!r}: {problem} in {text}"
    told = [int(p) for p in shown if _told(values, int(p))]
    if told:
        message += ": " + ", ".join(show(values[p]) for p in told)
    if advice:
        message += f": {advice}"
    return DataError(message, source=source, column=column, rows=labels, row_count=total)


def _table_rows(
    source: TableRows, column: str, problem: str, positions: np.ndarray, values: Any, total: int, advice: str | None
) -> DataError:
    """:func:`bad_rows` of a table (no header, no order): how many rows, and the first few by their values, in the
    order of their descriptions (the same rows whatever order the engine fetched them in)."""
    found = {}
    for p in positions[:_DESCRIBED].tolist():
        record = _record(source, p)
        if record is not None:
            told = _told(values, p)
            text = described(record, source.keys, column, values[p] if told else None, told)
            found[text] = tuple(plain(_plainly(record.get(k))) for k in source.keys)  # by the values, not the quotes
    shown = sorted(found, key=lambda text: (found[text], text))[:SHOW_ROWS]
    message = f"{source}, column {column!r}: {problem} in {total} row{'s' if total != 1 else ''}"
    if shown:
        message += f", e.g. {'; '.join(shown)}"
    if advice:
        message += f": {advice}"
    return DataError(message, source=source, column=column, row_count=total)
