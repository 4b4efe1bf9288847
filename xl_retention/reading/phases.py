"""A subscription's phases: rows of one subscription id whose periods follow each other.

A subscriptions export with a row per phase of a subscription (Stripe's subscription schedule phases, a plan
change written as the subscription's next period: ``sub_1`` Basic from 5 January to 12 March, ``sub_1`` Pro from
12 March) repeats the subscription's id on rows that differ. They are no record changed between two exports (which
keeps its start and has one period): each row is a period of its own, counted as the intervals of one customer are.
Rows of one id whose periods overlap, or share a start, stay refused by :mod:`.repeats`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .dates import loose_datetimes

__all__ = ["period_instants", "phase_rows"]


def phase_rows(ids: pd.Series, start: pd.Series, end: pd.Series | None, rows: np.ndarray) -> np.ndarray:
    """Which of ``rows`` (positions whose id repeats) are periods of their id that follow each other: sorted by start,
    each ends (``end``, a date) on or before the next one's start, every start a date. Dates are read as
    :func:`pandas.to_datetime` reads them; a row whose dates it cannot read is not a phase.

    >>> ids = pd.Series(["s1", "s1", "s2", "s2"])
    >>> start = pd.Series(["2026-01-05", "2026-03-12", "2026-01-10", "2026-01-10"])
    >>> end = pd.Series(["2026-03-12", None, None, "2026-02-01"])
    >>> phase_rows(ids, start, end, np.arange(4)).tolist()
    [True, True, False, False]
    """
    out = np.zeros(len(rows), dtype=bool)
    if end is None or not len(rows):
        return out
    starts, ends, text = period_instants(start, end, rows)
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


def period_instants(start: pd.Series, end: pd.Series, rows: np.ndarray) -> tuple[pd.Series, pd.Series, pd.Series]:
    """The starts and ends of ``rows`` read as :func:`~.dates.loose_datetimes` reads them, both without a zone (times
    with one as instants in UTC: pandas refuses to compare a zone's times with times of none, as '...Z' starts beside
    a blank column of ends), and the ends' text stripped ('' where blank).

    >>> starts, ends, text = period_instants(pd.Series(["2026-01-05T10:00:00Z"]), pd.Series([None]), np.arange(1))
    >>> str(starts.iloc[0]), str(ends.iloc[0]), text.tolist()
    ('2026-01-05 10:00:00', 'NaT', [''])
    """
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        starts = loose_datetimes(start.iloc[rows].astype(str).str.strip())  # two UTC offsets: instants
        text = end.iloc[rows].astype(object).where(end.iloc[rows].notna(), "").astype(str).str.strip()
        ends = loose_datetimes(text.where(text != "", None))
    return _naive(starts), _naive(ends), text


def _naive(times: pd.Series) -> pd.Series:
    """``times`` as instants without a zone (UTC) where they have one, as they are otherwise: pandas refuses to compare
    a zone's times with times of none (a column of starts ending in ``Z`` beside a blank column of ends).

    >>> str(_naive(pd.Series(pd.to_datetime(["2026-01-05T10:00:00+01:00"]))).iloc[0])
    '2026-01-05 09:00:00'
    """
    return times.dt.tz_convert(None) if getattr(times.dt, "tz", None) is not None else times
