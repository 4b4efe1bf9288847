"""A subscription's phases: rows of one subscription id whose periods follow each other.

A subscriptions export with a row per phase of a subscription (Stripe's subscription schedule phases, a plan
change written as the subscription's next period: ``sub_1`` Basic from 5 January to 12 March, ``sub_1`` Pro from
12 March) repeats the subscription's id on rows that differ. They are no record changed between two exports (which
keeps its start and has one period): each row is a period of its own, counted as the intervals of one customer are.
Rows of one id whose periods overlap, or share a start, stay refused by :mod:`.repeats`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from .dates import loose_datetimes
from .errors import DataError
from .sibling_dates import is_ambiguous

__all__ = ["DateReader", "period_instants", "phase_rows"]

#: The import's reader of a date column, ``read(series, column)``: naive ``datetime64`` with NaT for blanks, in the
#: file's date options (``--dayfirst``, ``--date-format``) and the order the column (or its sibling) proves.
DateReader = Callable[[pd.Series, str], np.ndarray]


def phase_rows(
    ids: pd.Series, start: pd.Series, end: pd.Series | None, rows: np.ndarray, read: DateReader | None = None
) -> np.ndarray:
    """Which of ``rows`` (positions whose id repeats) are periods of their id that follow each other: sorted by start,
    each ends (``end``, a date) on or before the next one's start, every start a date. Dates are read by ``read``,
    the import's date reader (:func:`period_instants`), else as :func:`pandas.to_datetime` reads them; a row whose
    dates cannot be read is not a phase.

    >>> ids = pd.Series(["s1", "s1", "s2", "s2"])
    >>> start = pd.Series(["2026-01-05", "2026-03-12", "2026-01-10", "2026-01-10"])
    >>> end = pd.Series(["2026-03-12", None, None, "2026-02-01"])
    >>> phase_rows(ids, start, end, np.arange(4)).tolist()
    [True, True, False, False]
    """
    out = np.zeros(len(rows), dtype=bool)
    if end is None or not len(rows):
        return out
    starts, ends, text = period_instants(start, end, rows, read)
    frame = pd.DataFrame(
        {
            "id": ids.iloc[rows].astype(str).str.strip().to_numpy(),
            "s": starts.to_numpy(),
            "e": ends.to_numpy(),
            "open": (text == "").to_numpy(),
            "at": np.arange(len(rows)),
        }
    ).sort_values(["id", "s"], kind="stable")
    ok = frame["s"].notna() & (frame["e"].notna() | frame["open"])
    following = frame.groupby("id")["s"].shift(-1)
    last = following.isna() & frame.groupby("id").cumcount(ascending=False).eq(0)
    chained = last | (frame["e"].notna() & following.notna() & (frame["e"] <= following))
    good = (ok & chained).groupby(frame["id"]).transform("all")
    out[frame["at"].to_numpy()] = good.to_numpy()
    return out


def period_instants(
    start: pd.Series, end: pd.Series, rows: np.ndarray, read: DateReader | None = None
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """The starts and ends of ``rows``, both without a zone, and the ends' text stripped ('' where blank).

    With ``read`` (the import's date reader), each whole column is read by it, as the import reads it: one format for
    the column, ``12/02/2025`` beside ``14/04/2025`` day-first as the column (or ``--dayfirst``, ``--date-format``)
    says, and a column that cannot tell day-first from month-first refused as the import refuses it. A column it
    refuses for another reason (refused again where the import reads it), and any column without ``read``, is read
    as :func:`~.dates.loose_datetimes` reads it: times with a zone as instants in UTC (pandas refuses to compare a
    zone's times with times of none, as '...Z' starts beside a blank column of ends).

    >>> starts, ends, text = period_instants(pd.Series(["2026-01-05T10:00:00Z"]), pd.Series([None]), np.arange(1))
    >>> str(starts.iloc[0]), str(ends.iloc[0]), text.tolist()
    ('2026-01-05 10:00:00', 'NaT', [''])
    >>> from xl_retention.reading.dates import DateOptions, parse_dates
    >>> read = lambda s, c: parse_dates(s, "p.csv", c, DateOptions(), allow_blank=True)
    >>> starts, ends, _ = period_instants(pd.Series(["12/02/2025", "14/04/2025"]), pd.Series(["14/04/2025", None]),
    ...                                  np.arange(2), read)
    >>> [str(t.date()) for t in starts], str(ends.iloc[0].date())
    (['2025-02-12', '2025-04-14'], '2025-04-14')
    """
    import warnings

    text = end.iloc[rows].astype(object).where(end.iloc[rows].notna(), "").astype(str).str.strip()
    starts, ends = _read(read, start, rows), _read(read, end, rows)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if starts is None:
            starts = loose_datetimes(start.iloc[rows].astype(str).str.strip())  # two UTC offsets: instants
        if ends is None:
            ends = loose_datetimes(text.where(text != "", None))
    return _naive(starts), _naive(ends), text


def _read(read: DateReader | None, column: pd.Series, rows: np.ndarray) -> pd.Series | None:
    """The dates of ``rows`` of ``column`` as ``read`` reads the whole column; None without ``read`` or where it
    refuses the column for another reason than its day/month order (which is refused here as the import refuses it).
    """
    if read is None:
        return None
    try:
        values = read(column, str(column.name))
    except DataError as error:
        if is_ambiguous(error):
            raise
        return None
    return pd.Series(np.asarray(values)[rows], index=column.index[rows])


def _naive(times: pd.Series) -> pd.Series:
    """``times`` as instants without a zone (UTC) where they have one, as they are otherwise: pandas refuses to compare
    a zone's times with times of none (a column of starts ending in ``Z`` beside a blank column of ends).

    >>> str(_naive(pd.Series(pd.to_datetime(["2026-01-05T10:00:00+01:00"]))).iloc[0])
    '2026-01-05 09:00:00'
    """
    return times.dt.tz_convert(None) if getattr(times.dt, "tz", None) is not None else times
