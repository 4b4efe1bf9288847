"""Overlapping exports appended to a file of orders or survey answers without a record id: a block of rows again.

A hand- kept orders sheet or a till's report without an order number, or a Google Forms sheet of answers without a
response id, to which each new export is appended: where the new export overlaps the old one, its first rows repeat
the old one's last rows, in the same order. Counted as read, each such order or answer counts twice (a repeat rate of
100%, the revenue doubled, a month's NPS from doubled answers), silently; :mod:`.repeats` tells copies by the record's
id where the file has one, :mod:`.copies` a subscriptions file's. Here the seam is where the file's order of dates
turns: where the dates go back in a file kept oldest first (then an export starting earlier), where they go forward in
one kept newest first as Shopify's, Stripe's, PayPal's and SurveyMonkey's exports are (then an export ending later).
The rows from the seam are compared with the earlier rows of the seam's date (the export below starts with the one
above's last rows: exports appended in the file's order), and the first rows of the export above the seam with the
rows below it of their date (the export below ends with the one above's first rows: the new export pasted above the
old one). A run is looked for from the rows identical to the one it would repeat (an export taken in the middle of a
busy day holds its first orders, found after the day's later ones in a newest-first file). A run of them identical in
every column to a run of earlier rows in the same order is refused, naming the rows: two rows at least when the dates
carry a time of day (the same second, the same customer, amount or score twice running is no chance), three when they
are days (two customers buying again on one day as before is rare, three in a row not done). Answers dated by day only
(a Google Forms sheet kept by date, a survey tool's daily export) are judged by the seam itself: a day and a score of
0-10 again, three running, may be chance, but three rows or more that repeat every earlier row from the first of them
to the seam, through a change of day (the old export's whole end, the new one starting on an earlier day than the old
one ended; newest first, later), are an export appended again. Files with no seam (most: in date order, or in an order
of their own with many) are not looked at row by row: the check costs one comparison of each date with the one before.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import bad_rows, row_span, source_of

__all__ = ["check_appended_copies"]

#: Seams looked at (a file whose dates go back more often is in an order of its own, not exports appended).
_SEAMS = 50
#: Rows of a seam's date identical to the row they would repeat tried as the start of the repeated run.
_STARTS = 20
#: Rows of a seam's date compared with that row (the first and the last half: a day of more orders is cut in the
#: middle, where neither export starts).
_POOL = 4_000


def _alike(df: pd.DataFrame, candidates: np.ndarray, row: int) -> np.ndarray:
    """The first :data:`_STARTS` of ``candidates`` (positions in ``df``) whose row is identical in every column (as
    text) to row ``row``: where a repeated run can start. An export taken in the middle of a day holds that day's
    first orders only, found again after the day's later ones in a newest-first file (not among its first rows)."""
    from .repeats import _text

    if len(candidates) > _POOL:
        candidates = np.concatenate([candidates[: _POOL // 2], candidates[-_POOL // 2 :]])
    if not len(candidates):
        return candidates
    same = (_text(df.iloc[candidates]).to_numpy() == _text(df.iloc[[row]]).to_numpy()).all(axis=1)
    return candidates[same][:_STARTS]


def _same(df: pd.DataFrame, first: int, second: int, length: int) -> int:
    """How many rows from ``second`` are identical in every column (as text) to the rows from ``first``, in order,
    looking at ``length`` rows at most: in steps growing fourfold from 8 rows, so that a start whose rows differ at
    once costs a few rows, not the whole export (two exports of 500k rows: seconds, not a minute)."""
    from .repeats import _text

    done, step = 0, 8
    while done < length:
        size = min(step, length - done)
        a = _text(df.iloc[first + done : first + done + size]).to_numpy()
        b = _text(df.iloc[second + done : second + done + size]).to_numpy()
        differ = np.flatnonzero(~(a == b).all(axis=1)) if a.size else np.zeros(1, dtype=np.int64)
        if differ.size:
            return done + int(differ[0])
        done, step = done + size, step * 4
    return done


def check_appended_copies(df: pd.DataFrame, dates: np.ndarray, source: str, column: str, what: str) -> None:
    """Refuse a run of rows of ``df`` (every column as read) that repeats a run of earlier rows where the order of
    the dates turns (see the module docstring). ``dates``: each row's date (datetime64, NaT where blank);
    ``column``: the name of the column to name; ``what``: "orders" or "answers". The caller asks only of files
    without a record id.

    >>> frame = pd.DataFrame({"customer_id": ["a", "b", "c", "a", "b", "c", "d"],
    ...                       "date": ["2024-01-05", "2024-01-06", "2024-01-07"] * 2 + ["2024-02-01"]})
    >>> check_appended_copies(frame, frame["date"].to_numpy(dtype="datetime64[D]"), "o.csv", "customer_id", "orders")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'customer_id': rows repeating earlier rows in the same order \
(rows 5-7 are rows 2-4 again: overlapping exports appended?), in a file without an order id to tell two orders \
apart: each would count twice in rows 5, 6, 7 (counting the header as row 1): 'a', 'b', 'c': remove the repeated \
rows, or add the export's order id column

    Newest first, the new export pasted above the old one (rows 2-4 again in rows 7-9; the seam is row 6, 'e'):

    >>> frame = pd.DataFrame({"customer_id": ["d", "c", "b", "a", "e", "d", "c", "b"],
    ...                       "date": ["2024-02-01", "2024-01-07", "2024-01-06", "2024-01-05", "2024-02-03",
    ...                                "2024-02-01", "2024-01-07", "2024-01-06"]})
    >>> check_appended_copies(frame, frame["date"].to_numpy(dtype="datetime64[D]"), "o.csv", "customer_id", "orders")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.csv, column 'customer_id': rows repeating earlier rows in the same order \
(rows 7-9 are rows 2-4 again: overlapping exports appended?), in a file without an order id to tell two orders \
apart: each would count twice in rows 7, 8, 9 (counting the header as row 1): 'd', 'c', 'b': remove the repeated \
rows, or add the export's order id column
    """
    if len(dates) < 4 or dates.dtype.kind != "M":
        return
    ticks = dates.view(np.int64)
    backs, forwards = ticks[1:] < ticks[:-1], ticks[1:] > ticks[:-1]  # NaT is the lowest tick: a blank date a seam
    if min(np.count_nonzero(backs), np.count_nonzero(forwards)) > _SEAMS:  # not in date order (most files): no
        return  # exports, and no positions taken (10 million rows: 0.3 s)
    back, forward = np.flatnonzero(backs) + 1, np.flatnonzero(forwards) + 1
    # a file kept oldest first: its seams go back; newest first (Shopify's, Stripe's, SurveyMonkey's exports): forward
    seams = back if back.size < forward.size else forward if forward.size < back.size else np.union1d(back, forward)
    if not seams.size or seams.size > _SEAMS or 3 * seams.size > len(dates):  # not in date order: no exports
        return
    known = ~np.isnat(dates)
    unit, _ = np.datetime_data(dates.dtype)
    per_day = np.timedelta64(1, "D").astype(f"timedelta64[{unit}]").astype(np.int64) if unit not in "YMWD" else 1
    timed = unit not in "YMWD" and bool((ticks[known] % per_day != 0).any())
    whole_end = what == "answers" and not timed  # a day and a score again, three running, may be chance: the whole end
    least = 2 if timed else 3
    edges = [0, *map(int, seams), len(dates)]
    for block, seam, end in zip(edges, edges[1:], edges[2:], strict=False):
        if not known[seam]:
            continue
        # the export below starts with the one above's last rows (from a row of the seam's date)
        for start in map(int, _alike(df, np.flatnonzero(ticks[:seam] == ticks[seam]), seam)):
            run = _same(df, start, seam, min(seam - start, len(df) - seam))
            if run >= least and (not whole_end or run == seam - start):
                _refuse(df, source, column, what, start, seam, run)
        # the export below ends with the one above's first rows (the new export pasted above the old one)
        if not known[block]:
            continue
        for second in map(int, _alike(df, np.flatnonzero(ticks[seam:end] == ticks[block]) + seam, block)):
            run = _same(df, block, second, min(seam - block, end - second))
            whole = run == end - second and ticks[second] != ticks[second + run - 1]  # to the seam, through a day
            if run >= least and (not whole_end or whole):
                _refuse(df, source, column, what, block, second, run)


def _refuse(df: pd.DataFrame, source: str, column: str, what: str, first: int, second: int, run: int) -> None:
    """Refuse the ``run`` rows from ``second`` that repeat the rows from ``first``."""
    where = source_of(df, source)  # each row as the refusal names it: a sheet's table may start lower
    rows = np.arange(second, second + run)
    record = "an order id" if what == "orders" else "a response id"
    kind = "order" if what == "orders" else "response"
    # a survey's second header row ('Response') is a row of the file; a frame's rows: their index labels
    again = f"{row_span(where, second, second + run - 1)} are {row_span(where, first, first + run - 1)} again"
    problem = (
        f"rows repeating earlier rows in the same order ({again}: overlapping exports appended?), in a "
        f"file without {record} to tell two {what} apart: each would count twice"
    )
    advice = f"remove the repeated rows, or add the export's {kind} id column"
    values = df[column].to_numpy() if list(map(str, df.columns)).count(column) == 1 else None
    raise bad_rows(source, column, problem, rows, values, advice=advice)
