"""A CSV file's own row numbers where empty lines or lines of only separators sit between its rows.

Split from :mod:`.files` (whose :func:`~.files.read_table` calls :func:`with_file_rows` on every CSV file read).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["with_file_rows"]


def with_file_rows(path: Path, df: pd.DataFrame) -> pd.DataFrame:
    """``df`` (a CSV file read) without its rows of only separators (``,,``: a row Excel still counts as used), and,
    where the file has blank lines or such rows, each data row's row in the file (``df.attrs["file_rows"]``, the
    header counting as row 1, every blank line a row as Excel shows it), so that refusals name the file's rows
    (:func:`~.errors.source_of`). A file without blank lines costs one regular-expression scan."""
    import csv
    import mmap

    dialect = df.attrs.get("dialect")
    if dialect is None or len(df) == 0 or dialect.encoding.startswith("utf-16"):
        return df
    sep = re.escape(dialect.sep.encode())
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if not re.search(rb"\n[ \t]*\r?\n|\n(?:" + sep + rb"|[ \t])+\r?(?:\n|$)", data):
            return df
    read: list[bool] = []  # after the header, whether pandas or Arrow made a row of each record (not of an empty line)
    blank: list[bool] = []  # and whether it is blank (only separators and spaces)
    with open(path, encoding=dialect.encoding, errors="replace", newline="") as handle:
        for _ in range(dialect.skip_rows):
            handle.readline()
        reader = csv.reader(handle, delimiter=dialect.sep, quotechar=dialect.quotechar)
        next(reader, None)  # the header
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
