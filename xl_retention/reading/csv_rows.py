"""A CSV file's own row numbers where empty lines or lines of only separators sit between its rows.

Split from :mod:`.files` (whose :func:`~.files.read_table` calls :func:`with_file_rows` on every CSV file read).
"""

from __future__ import annotations

import mmap
import re
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["refuse_later_sections", "with_file_rows", "without_end_of_file_mark"]

#: The DOS end-of-file mark (Ctrl-Z) that old Windows tools and ``copy /a`` write after a text file's last line.
EOF_MARK = "\x1a"


def without_end_of_file_mark(path: Path, df: pd.DataFrame) -> pd.DataFrame:
    r"""``df`` (a CSV file read) without the DOS end-of-file mark (Ctrl-Z, 0x1A) the file ends with: a last row of
    only that mark (after the last line's end) is no row, and a mark after the last value is not part of it. Excel
    ignores the mark; read, it was a row "missing dates" the user cannot see (H211 finding 02).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "mrr.csv"
    ...     _ = path.write_bytes(b"id,mrr\r\nA,100\r\n\x1a")
    ...     without_end_of_file_mark(path, pd.DataFrame({"id": ["A", "\x1a"], "mrr": ["100", None]}))
      id  mrr
    0  A  100
    """
    dialect = df.attrs.get("dialect")
    if len(df) == 0 or df.shape[1] == 0 or (dialect is not None and dialect.encoding.startswith("utf-16")):
        return df
    with open(path, "rb") as handle:
        handle.seek(max(0, path.stat().st_size - 8))
        tail = handle.read().rstrip(b" \t\r\n")
    if not tail.endswith(b"\x1a"):
        return df
    last = df.iloc[-1]
    filled = [i for i, v in enumerate(last.tolist()) if isinstance(v, str) and v.strip() != "" or (
        not isinstance(v, str) and pd.notna(v))]  # fmt: skip
    if not filled:
        return df
    value = last.iloc[filled[-1]]
    if not isinstance(value, str) or not value.rstrip().endswith(EOF_MARK):
        return df
    attrs = dict(df.attrs)
    if filled == [filled[-1]] and value.strip() == EOF_MARK:  # a last line of only the mark: no row
        df = df.iloc[:-1]
        if attrs.get("file_rows") is not None:
            attrs["file_rows"] = tuple(attrs["file_rows"][:-1])
    else:  # the mark after the last value: not part of it
        df = df.copy()
        df.iloc[-1, filled[-1]] = value.rstrip().removesuffix(EOF_MARK).rstrip()
    df.attrs.update(attrs)
    return df


def with_file_rows(path: Path, df: pd.DataFrame) -> pd.DataFrame:
    """``df`` (a CSV file read) without its rows of only separators (``,,``: a row Excel still counts as used), and,
    where the file has blank lines or such rows, each data row's row in the file (``df.attrs["file_rows"]``, the
    header counting as row 1, every blank line a row as Excel shows it), so that refusals name the file's rows
    (:func:`~.errors.source_of`). A file without blank lines costs one regular-expression scan."""
    import csv

    dialect = df.attrs.get("dialect")
    if dialect is None or len(df) == 0 or dialect.encoding.startswith("utf-16"):
        return df
    sep = dialect.sep.encode()
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if not _line_may_start_blank(data, sep[:1]) or not re.search(
            rb"\n[ \t]*\r?\n|\n(?:" + re.escape(sep) + rb"|[ \t])+\r?(?:\n|$)", data
        ):
            return df
    read: list[bool] = []  # after the header, whether pandas or Arrow made a row of each record (not of an empty line)
    blank: list[bool] = []  # and whether it is blank (only separators and spaces)
    with open(path, encoding=dialect.encoding, errors="replace", newline="") as handle:
        for _ in range(dialect.skip_rows):
            handle.readline()
        reader = csv.reader(handle, delimiter=dialect.sep, quotechar=dialect.quotechar)
        for record in reader:  # the header: after the empty lines a file may start with (eBay's orders report)
            if any(field.strip() for field in record):
                break
        for record in reader:
            read.append(len(record) > 1 or (len(record) == 1 and record[0].strip() != ""))
            blank.append(not any(field.strip() for field in record))
    positions = np.flatnonzero(np.asarray(read, dtype=bool))  # the records pandas made rows of
    if len(positions) != len(df):
        return df  # the count does not match (quoting the csv module reads otherwise): leave the numbering as it is
    separators = np.asarray(blank, dtype=bool)[positions]
    if separators.any():
        attrs = dict(df.attrs)
        df = df.iloc[np.flatnonzero(~separators)].reset_index(drop=True)
        df.attrs.update(attrs)
    df.attrs["file_rows"] = tuple((positions[~separators] + 2).tolist())  # record i after the header: row i + 2
    return df


def _line_may_start_blank(data: bytes | mmap.mmap, sep: bytes, chunk: int = 1 << 24) -> bool:
    r"""Whether a line after the first starts with a space, a tab, a line end or ``sep`` (what every blank line and
    every line of only separators starts with): the bytes after each line feed, tested with numpy a chunk at a time
    (a 250 MB file in about a third of the regular expression's time; the expression then runs only where one does).

    >>> _line_may_start_blank(b"a,b\n1,2\n3,4\n", b","), _line_may_start_blank(b"a,b\n1,2\n,\n", b",")
    (False, True)
    >>> _line_may_start_blank(b"a\n1\n\n2", b";"), _line_may_start_blank(b"a\n1\r\n 2", b";")
    (True, True)
    """
    array = np.frombuffer(data, dtype=np.uint8)
    starts = np.frombuffer(b" \t\r\n" + sep, dtype=np.uint8)
    for begin in range(0, max(len(array) - 1, 0), chunk):
        part = array[begin : begin + chunk + 1]  # one byte more: a line feed at a chunk's end and what follows
        after = np.flatnonzero(part[:-1] == 10) + 1
        if after.size and np.isin(part[after], starts).any():
            return True
    return False


def refuse_later_sections(df: pd.DataFrame, source: str) -> None:
    """Refuse a CSV file whose leading ``#`` comment lines (Google Analytics' report header) come back below its
    table: a row whose first cell starts with ``#`` and whose other cells are blank opens the report's next section,
    another table (Google Analytics 4 writes one per card: "# Free form 2", then its own header and rows), whose
    rows are no rows of the first. Read as data, they were dates that do not parse, naming values such as
    'Sessions'. Raises :class:`~.errors.DataError` naming the row (the file's rows, as other refusals do).

    >>> df = pd.DataFrame({"user": ["u1", "# Free form 2", "Device"], "date": ["20260105", None, "Sessions"]})
    >>> df.attrs["dialect"] = type("D", (), {"skip_rows": 8})()
    >>> refuse_later_sections(df, "ga4.csv")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: ga4.csv, column 'user': a new section of the report (another table) in \
row 3 (counting the header as row 1): '# Free form 2': export one table per file, or delete its rows
    """
    from .errors import bad_rows, source_of

    dialect = df.attrs.get("dialect")
    if dialect is None or not getattr(dialect, "skip_rows", 0) or len(df) == 0 or len(df.columns) < 2:
        return
    first = df.iloc[:, 0]
    marked = np.flatnonzero(first.astype(object).map(lambda v: isinstance(v, str) and v.lstrip().startswith("#")))
    for position in marked:  # a section's title: the first cell alone
        if all(
            v is None or not str(v).strip() or (not isinstance(v, str) and pd.isna(v)) for v in df.iloc[position, 1:]
        ):
            problem = "a new section of the report (another table)"
            values = {int(position): first.iloc[position]}
            advice = "export one table per file, or delete its rows"
            raise bad_rows(source_of(df, source), str(df.columns[0]), problem, [int(position)], values, advice=advice)
