"""Rows swallowed by a quote never closed: a text value of an orders file running over lines that are rows of the
file (see :mod:`.orders`).

A CSV reader takes everything from an opening quote to the next closing one as one value, newlines included: a note
written ``"gift wrap, please`` with no closing quote takes the orders on the lines after it into that note, and they
are lost without a word (H188 finding 13). A quoted value with a line break is a text of several lines (an address,
a note); one of whose lines holds the file's columns, split as the file is, with a date where the file has its date,
is rows of the file: refused, naming the row where the quote opens and the first line swallowed.
"""

from __future__ import annotations

import csv
from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows

__all__ = ["refuse_swallowed_rows"]

#: The delimiters a CSV file's rows may be split by.
_DELIMITERS = (",", ";", "\t", "|")


def _fields(line: str, delimiter: str) -> list[str]:
    return next(csv.reader([line], delimiter=delimiter), [])


def _is_date(text: str) -> bool:
    text = text.strip()
    if not text or not any(ch.isdigit() for ch in text):
        return False
    return not pd.isna(pd.to_datetime(pd.Series([text]), errors="coerce", format="mixed").iloc[0])


def swallowed_line(value: Any, width: int, date_at: int) -> str | None:
    """The first line after the first of the text ``value`` that reads as a row of a file of ``width`` columns
    (split by one of the delimiters into ``width`` fields) with a date as its field ``date_at``; None without one.

    >>> swallowed_line('gift wrap, please\\n3,c@x.com,2026-01-22,15.00,ok\\n4,d', 5, 2)
    '3,c@x.com,2026-01-22,15.00,ok'
    >>> swallowed_line('Flat 2, 10 High St\\nLeeds, LS1 4AB, UK, 2026, ok', 5, 2) is None  # an address
    True
    """
    if not isinstance(value, str) or ("\n" not in value and "\r" not in value):
        return None
    for line in value.splitlines()[1:]:
        for delimiter in _DELIMITERS:
            fields = _fields(line, delimiter)
            if len(fields) == width and _is_date(fields[date_at]):
                return line
    return None


def refuse_swallowed_rows(df: pd.DataFrame, names: dict[str, str], source: str) -> None:
    """Refuse a text value of ``df`` (an orders file) whose lines after its first are rows of the file: the columns
    of ``df``, split as the file is, with a date under the date column mapped (``names['date']``), naming the row
    where its quote opens and the line swallowed (:func:`swallowed_line`). The date and amount columns are not
    searched: a value of lines there is no date or amount, refused as such."""
    titles = [str(c) for c in df.columns]
    date = names.get("date")
    if date not in titles or len(titles) < 3:
        return
    date_at = titles.index(date)
    for position, title in enumerate(titles):
        text = df.iloc[:, position]
        if title in (date, names.get("amount")) or text.dtype != object and not isinstance(text.dtype, pd.StringDtype):
            continue
        try:  # no regular expression: 0.05 s a million values
            broken = text.str.contains("\n", regex=False, na=False) | text.str.contains("\r", regex=False, na=False)
        except AttributeError:  # no text in the column
            continue
        for row in np.flatnonzero(broken.to_numpy(dtype=bool)):
            line = swallowed_line(text.iloc[row], len(titles), date_at)
            if line is not None:
                problem = (
                    "a quoted value running over lines that are rows of the file (a quote opened and never closed: "
                    "the orders on those lines would be lost in it)"
                )
                advice = f"close the quote, or remove it, and import again (the first line taken in: {line!r})"
                first = str(text.iloc[row]).splitlines()[0]
                raise bad_rows(source, title, problem, [int(row)], {int(row): first}, advice=advice)
