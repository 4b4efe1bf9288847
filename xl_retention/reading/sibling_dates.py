"""A date column whose every day is 12 or less, read in the order its file's other date column proves.

One export writes every date of a file with one format: Stripe's, a CRM's, a spreadsheet's "Start" and "End". A
column of ``03/04/2026`` alone cannot say whether it is 3 April or 4 March, and is refused asking for ``--dayfirst``
or ``--monthfirst``; but where the file's other date column of the same layout proves the order (a start of
``25/01/2026``: day-first), a valid file was refused for want of an option the file itself answers.
:func:`order_from_sibling` gives that order, and the import reads the column so, with a note naming both columns.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

import pandas as pd

from .errors import DataError

__all__ = ["is_ambiguous", "order_from_sibling"]

_MARK = "could be day-first or month-first"


def is_ambiguous(error: DataError) -> bool:
    """Whether ``error`` is the refusal of a column whose dates could be day-first or month-first."""
    return _MARK in str(error)


def _layout(series: pd.Series) -> str | None:
    """The layout of a text date column's first filled value, its numbers as ``9`` (``25/01/2026 10:00``:
    ``9/9/9 9:9``); None for a column of no text."""
    for value in series:
        if isinstance(value, str) and value.strip():
            return re.sub(r"\d+", "9", value.strip())
    return None


def order_from_sibling(
    df: pd.DataFrame, column: str, siblings: list[str], options: Any, read: Callable[[pd.Series, str, Any], Any]
) -> tuple[bool, str] | None:
    """Whether to read the ambiguous date ``column`` of ``df`` day-first (True) or month-first (False), and the
    column of the same layout (``siblings``: the file's other date columns) whose dates prove it: those read one
    way only; None when none proves it. ``read(series, name, options)`` reads a date column under ``options`` (a
    :class:`~.dates.DateOptions`), raising :class:`DataError` where it cannot.

    >>> from xl_retention.reading.dates import DateOptions, parse_dates
    >>> frame = pd.DataFrame({"start": ["25/01/2026", "05/01/2026"], "end": ["03/04/2026", ""]})
    >>> read = lambda s, c, o: parse_dates(s, "s.csv", c, o, allow_blank=True)
    >>> order_from_sibling(frame, "end", ["start"], DateOptions(), read)
    (True, 'start')
    >>> order_from_sibling(frame.assign(start=["2026-01-25", "2026-01-05"]), "end", ["start"], DateOptions(), read)
    """
    layout = _layout(df[column])
    if layout is None:
        return None
    for sibling in siblings:
        if sibling == column or _layout(df[sibling]) != layout:
            continue
        fits = []
        for first in (True, False):
            try:
                read(df[sibling], sibling, dataclasses.replace(options, dayfirst=first))
            except DataError:
                continue
            fits.append(first)
        if len(fits) == 1:
            return fits[0], sibling
    return None
