"""A cohort table's month column selected with its counts: dates read as cohort sizes, refused.

A cohort table as analysts keep it has the cohort's month in its first column (``Jan 2026``, a date formatted
``mmm yyyy``) and the survivors at periods 0, 1, ... after it. ``=SBG_FIT(A2:G7)`` (the month column selected too)
hands the fit each date as its serial number, as Excel's own functions read a date cell (README, "A cell formatted
as a date is read as its serial number"; Office.js and the recalc's engine give no other sign of it), and the serial
(46023 for 2026-01-01) was fitted as the cohort's size: 97.8% of every cohort lost in its first period, alpha 0.630
for the counts' 0.753, status ok (H267's finding 04). In Python a date is refused as no number already.

:func:`refuse_date_column` refuses a table whose period-0 values are such a column: two cohorts or more, each value a
whole number that is a date from 1980 to 2099 (1900 or 1904 system), consecutive cohorts a calendar step apart (a
day, a week, two weeks, a month, two months, a quarter, half a year, a year; the oldest or the newest first), and
every cohort observed at period 1 keeping under a tenth of it there. Cohort sizes that are all of these at once are
not met in data; the cell is named (``row 1, column 1 of survivors``, which the recalc names as the sheet's cell).
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from ..errors import NotANumberError

__all__ = ["refuse_date_column"]

#: serials of 1980-01-01 in the 1904 system and of 2100-01-01 in the 1900 system: the dates a cohort month can be
_FIRST, _LAST = 27_759, 73_051
#: days between two consecutive cohorts' dates: a day, a week, two weeks, a month, two months, a quarter, half a
#: year, a year
_STEPS = frozenset({1, 7, 14, 28, 29, 30, 31, 59, 60, 61, 62, 89, 90, 91, 92, 181, 182, 183, 184, 365, 366})
#: a cohort keeping less than this share of its "size" at period 1 is what a date read as a size gives
_KEPT = 0.1


def refuse_date_column(table: np.ndarray, name: str = "survivors") -> None:
    """Raise :class:`~xl_retention.errors.NotANumberError` (``#VALUE!``) where ``table``'s first column (period 0,
    cohort rows) reads as the cohorts' dates, not their sizes (see the module docstring); nothing otherwise.

    >>> refuse_date_column(np.array([[46023.0, 1000, 631], [46054, 900, 560], [46082, 800, np.nan]]))
    Traceback (most recent call last):
    ...
    xl_retention.errors.NotANumberError: survivors holds dates where the cohort sizes belong: 46023, 46054, 46082 \
(2026-01-01, 2026-02-01, 2026-03-01: the cohorts' months, a date cell read as its serial number) in row 1, column 1 \
of survivors; leave the cohort-month column out of the range (the first column is each cohort's size at period 0)
    >>> refuse_date_column(np.array([[46023.0, 45000, 40000], [46054, 45100, 41000]]))  # sizes that keep customers
    """
    if table.ndim != 2 or table.shape[0] < 2 or table.shape[1] < 2:
        return
    rows = np.flatnonzero(~np.isnan(table[:, 0]))
    if rows.size < 2:
        return
    first = table[rows, 0]
    if np.any(first != np.round(first)) or np.any(first < _FIRST) or np.any(first >= _LAST):
        return
    steps = np.diff(first)
    if not (np.all(steps > 0) or np.all(steps < 0)) or not set(np.abs(steps).astype(int).tolist()) <= _STEPS:
        return
    after = table[rows, 1]
    seen = ~np.isnan(after)
    if not seen.any() or np.any(after[seen] >= _KEPT * first[seen]):
        return
    shown = first[:3].tolist()
    values = ", ".join(f"{v:.0f}" for v in shown) + (", ..." if first.size > 3 else "")
    days = ", ".join((dt.date(1899, 12, 30) + dt.timedelta(days=int(v))).isoformat() for v in shown)
    raise NotANumberError(
        f"{name} holds dates where the cohort sizes belong: {values} ({days}{', ...' if first.size > 3 else ''}: the "
        f"cohorts' months, a date cell read as its serial number) in row {rows[0] + 1}, column 1 of {name}; leave "
        "the cohort-month column out of the range (the first column is each cohort's size at period 0)",
        name,
        float(first[0]),
    )
