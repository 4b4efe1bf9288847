"""A customer's service as spans: the intervals of one customer that touch or overlap, joined.

The contract counts an interval from its start's month to the month before its end's month, and *always* in its
start's month: a customer who joins and leaves within one month is active that month. That exception is the
customer's, not each interval's: a plan change (Basic until 12 March, Pro from 12 March) within one month, or an
upgrade and a cancellation in one month, ends an interval in its own start's month while the customer's service goes
on, or stops later that month. Counted per interval, both plans' MRR would add up in that month (50 + 100 for a
customer paying 100) and a customer who left in March would still count in March.

So an interval that starts and ends in one month counts there only when its customer's *span* (their intervals that
touch or overlap, joined: one end on the day of the next start chains them) also starts and ends in that month, and
only when it runs until the span's end (the plan the customer left on). Every other interval counts as the contract
says; the months in which a span runs at the month's end get exactly the intervals running then.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["uncounted_short_intervals"]


def uncounted_short_intervals(
    codes: np.ndarray, start: np.ndarray, end: np.ndarray, start_months: np.ndarray, end_months: np.ndarray
) -> np.ndarray:
    """Which intervals that start and end in one month count nowhere (see the module docstring).

    ``codes``: each interval's customer (integers); ``start``, ``end``: ``datetime64`` (NaT: open); ``start_months``,
    ``end_months``: their month ordinals (any value where the end is open).

    >>> d = lambda *s: np.array(s, dtype="datetime64[D]")
    >>> uncounted_short_intervals(np.array([0, 0]), d("2026-03-03", "2026-03-18"), d("2026-03-18", "NaT"),
    ...                           np.array([674, 674]), np.array([674, 0])).tolist()  # Basic, then Pro: Pro only
    [True, False]
    >>> uncounted_short_intervals(np.array([0, 1]), d("2026-03-03", "2026-03-03"), d("2026-03-18", "2026-03-20"),
    ...                           np.array([674, 674]), np.array([674, 674])).tolist()  # two customers
    [False, False]
    """
    start = np.asarray(start, dtype="datetime64[us]")
    end = np.asarray(end, dtype="datetime64[us]")
    open_ = np.isnat(end)
    short = ~open_ & (np.asarray(end_months) == np.asarray(start_months))
    if not short.any():
        return short
    last = np.datetime64("9999-12-31", "us")
    end_key = np.where(open_, last, end)
    order = np.lexsort((end_key, start, codes))
    c, s, e = np.asarray(codes)[order], start[order], end_key[order]
    frame = pd.DataFrame({"c": c, "e": e})
    reach = frame.groupby("c", sort=False)["e"].cummax().to_numpy()  # the latest end of the rows so far
    first = np.ones(len(c), dtype=bool)
    first[1:] = c[1:] != c[:-1]
    before = np.empty_like(reach)
    before[1:] = reach[:-1]
    new_span = first | (s > before)  # a gap: not touching any earlier interval of the customer
    span = np.cumsum(new_span)
    spans = pd.DataFrame({"span": span, "e": e, "s": s})
    span_end = spans.groupby("span")["e"].transform("max").to_numpy()
    span_start = spans.groupby("span")["s"].transform("min").to_numpy()
    ordered_short = short[order]
    start_month = np.asarray(start_months)[order]
    closed = span_end != last
    same_month = closed & (_month(span_start) == _month(np.where(closed, span_end, span_start)))
    counted = same_month & (e == span_end) & (start_month == _month(span_start))
    out = np.zeros(len(c), dtype=bool)
    out[order] = ordered_short & ~counted
    return out


def _month(values: np.ndarray) -> np.ndarray:
    """Months since 1970-01 of ``datetime64`` values (none NaT)."""
    return values.astype("datetime64[M]").astype(np.int64)
