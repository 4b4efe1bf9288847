"""Times without a UTC offset where ``--timezone`` converts: in which zone they are is not said.

``--timezone ZONE`` converts the times that say their zone (an offset, ``Z``, ``GMT+1``, ``PST``, a zone's name) to
``ZONE`` before their month is taken; a time without one is a wall time as written (:mod:`.dates`), unless the
column's name says its zone ("Created (UTC)"). In one column both kinds cannot be read alike:

* times with a time of day and no offset beside times with one (two exports appended, one re-saved by Excel, which
  drops ``Z`` and ``+01:00``: ``2024-02-01 02:00:00`` beside ``2024-02-01T02:00:00Z``) would be read in two zones,
  the same instant in two months. Whether those without are UTC, the user's zone or another cannot be told: the
  column is refused, naming its rows without an offset and one with (write their offset, or import without
  ``--timezone``: each date then as written). Dates without a time of day (``2024-02-01``) are days, kept as they
  are, as in a column that says UTC;
* a column whose times all lack an offset is read as written, with a note: ``--timezone`` converted none of them.

A Python caller (``tables.*``, ``relational.*``) is told ``options=ReadOptions(timezone=...)`` where the import's
user is told ``--timezone`` (:func:`.errors.options_said`; H400's task 1).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .errors import bad_rows, options_said

__all__ = ["MIXED_PROBLEM", "check_naive_times", "unconverted_note"]

#: a time of day (its seconds, fraction, AM or PM) and what follows it
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?(?P<rest>.*)$")
#: what says a time's zone after it: ``Z``, ``+01:00``, ``-0500``, ``UTC+1``, ``GMT``, ``PST``, ``Europe/Berlin``
_ZONE = re.compile(r"(?:Z|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?|UTC|GMT|[A-Z]{2,5}|[A-Za-z_]+/[A-Za-z_/+-]+)", re.I)


def _time_and_zone(text: str) -> tuple[bool, bool]:
    """Whether ``text`` has a time of day, and whether a zone follows it.

    >>> [_time_and_zone(t) for t in ("2024-02-01", "2024-02-01 02:00", "2024-02-01T02:00:00Z", "1/5/24 9:04 PM PST")]
    [(False, False), (True, False), (True, True), (True, True)]

    JavaScript's ``Date.toString()`` writes the zone's name in brackets after the offset (H294's finding 04):

    >>> _time_and_zone("Sat Oct 31 2026 23:15:00 GMT+0000 (Coordinated Universal Time)")
    (True, True)
    """
    clock = _CLOCK.search(text)
    if clock is None:
        return False, False
    rest = clock.group("rest").strip()
    rest = re.sub(r"\s*\([^()]*\)$", "", rest).strip() or rest.strip("()")  # 'GMT+0100 (Central European Time)'
    return True, bool(rest) and _ZONE.fullmatch(rest) is not None


MIXED_PROBLEM = (
    "times without a UTC offset beside times with one (such as {example!r}), so --timezone {zone} cannot convert "
    "them alike: the zone of those without is not said (an export re-saved by Excel loses its offsets; UTC or "
    "another zone cannot be told): write their offset, or import without --timezone (each date then read as written)"
)


def unconverted_note(source: str, column: str, timezone: str) -> str:
    """The note of a column whose times all lack an offset, which ``--timezone`` leaves as written.

    >>> unconverted_note("orders.csv", "date", "Europe/Paris")[:78]
    "orders.csv, column 'date': no time there has a UTC offset or a zone, so --time"
    """
    return (
        f"{source}, column {column!r}: no time there has a UTC offset or a zone, so --timezone {timezone} converted "
        "none: each is read as written (name its zone in the header, 'Created (UTC)', to have it converted)"
    )


def check_naive_times(
    uniques: np.ndarray, kinds: np.ndarray, filled: np.ndarray, texts: np.ndarray, zoned: np.ndarray,
    codes: np.ndarray, series: pd.Series, source: str, column: str, timezone: str,
) -> None:  # fmt: skip
    """Refuse a column whose times are partly with and partly without an offset, or note one whose times all lack it
    (see the module docstring). ``uniques``/``kinds``/``codes``: the column's distinct values, their kinds
    (``text``, ``date``, ...) and each row's code; ``filled``: the positions in ``uniques`` of the non-blank texts,
    ``texts`` those texts as written (stripped) and ``zoned`` which of them name a zone (``PST``, ``Europe/Berlin``).

    >>> u = np.array(["2024-02-01 02:00:00", "2024-02-01T02:00:00Z"], dtype=object)
    >>> check_naive_times(u, np.array(["text"] * 2), np.arange(2), u, np.zeros(2, bool), np.array([0, 1]),
    ...                   pd.Series(u), "o.csv", "date", "America/New_York")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'date': times without a UTC offset beside times with one \
(such as '2024-02-01T02:00:00Z'), so options=ReadOptions(timezone='America/New_York') cannot convert them alike: the \
zone of those without is not said (an export re-saved by Excel loses its offsets; UTC or another zone cannot be \
told): write their offset, or import without options=ReadOptions(timezone=...) (each date then read as written) in \
row 2 (counting the header as row 1): '2024-02-01 02:00:00'

The import (inside :func:`.errors.command_line`) says ``--timezone America/New_York`` there.
    """
    said = np.zeros(len(uniques), dtype=bool)  # a zone said: an offset, a zone's name or abbreviation
    naive = np.zeros(len(uniques), dtype=bool)  # a time of day without one
    if len(filled):
        found = np.array([_time_and_zone(str(t)) for t in texts], dtype=bool).reshape(-1, 2)
        offset = found[:, 1] | np.asarray(zoned, dtype=bool)
        said[filled] = offset
        naive[filled] = ~offset & found[:, 0]
    for i in np.flatnonzero(kinds == "date"):  # a workbook's date cells
        value = uniques[i]
        if isinstance(value, pd.Period):
            continue
        stamp = pd.Timestamp(value)
        said[i] = stamp.tzinfo is not None
        naive[i] = stamp.tzinfo is None and stamp != stamp.normalize()
    if said.any() and naive.any():
        example = str(uniques[int(np.flatnonzero(said)[0])]).strip()
        rows = np.flatnonzero(np.isin(codes, np.flatnonzero(naive)))
        problem = options_said(MIXED_PROBLEM.format(example=example, zone=timezone))  # a Python caller's words
        raise bad_rows(source, column, problem, rows, series.to_numpy())
    if naive.any():
        from .notes import note

        note(unconverted_note(source, column, timezone))
