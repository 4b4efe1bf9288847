"""Subscriptions' intervals (a start and an end per row) to monthly MRR snapshots, and the current month that bounds
them (:mod:`.subscriptions` counts the snapshots; the rules are in its docstring).
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Iterator, Mapping
from contextvars import ContextVar

import numpy as np
import pandas as pd

from ..reading import ReadOptions, bad_rows, source_of
from ..reading.ends import NO_SERVICE as _NO_SERVICE
from ..reading.months import EVERY_MONTH_OBSERVED, OBSERVED_THROUGH
from ..reading.observed import OBSERVED_MONTH
from ._keywords import checked_keywords
from ._months import (
    BLANK,
    MAX_MONTHS,
    MonthLike,
    _month_arg,
    month_ordinals,
)
from ._spans import uncounted_short_intervals
from ._split import prepared

__all__ = ["covered_through", "covered_month", "current_month", "month_only", "snapshots_from_intervals"]

#: The refusal of an interval that ends when it starts (with an MRR): no service, yet a customer of its month.
NO_SERVICE = _NO_SERVICE  # checked where the file is read (reading.ends.check_end_dates), quoting its dates


#: the month an import's inputs are said to cover (``import --through``), inside :func:`covered_through`
_COVERED: ContextVar[int | None] = ContextVar("covered_through", default=None)


@contextlib.contextmanager
def covered_through(month: MonthLike) -> Iterator[None]:
    """Inside it, subscription intervals are observed through ``month`` (at most the current month): the user says
    the export covers it (``import --through``), so a subscription without an end, or ending after it, is active
    through it, though the file's latest start or end is earlier (an export of a stable book taken today, without its
    current period's start: docs/metrics.md, "Months not observed yet"). Read where the intervals become snapshots,
    by every engine (:func:`covered_month`); orders, visits and answers are not concerned (a month without events
    cannot be told from one missing)."""
    token = _COVERED.set(_month_arg("through", month))
    try:
        yield
    finally:
        _COVERED.reset(token)


def covered_month() -> int | None:
    """The month ordinal :func:`covered_through` sets, None outside it."""
    return _COVERED.get()


# -- intervals to snapshots --------------------------------------------
def current_month(today: MonthLike = None) -> int:
    """The month ordinal of ``today`` (a date, 'YYYY-MM' or a Period; default: the date of the run).

    Months after it are not observed yet: an interval export's tables stop there (see
    :func:`snapshots_from_intervals`).

    >>> str(pd.Period(ordinal=current_month("2026-11-30"), freq="M"))
    '2026-11'
    """
    if today is None:
        return int(pd.Period(datetime.date.today(), freq="M").ordinal)
    month = _month_arg("today", today)
    assert month is not None
    return month


def _after_today(end: np.ndarray, ends: np.ndarray, today: MonthLike) -> np.ndarray:
    """``ends`` (the end dates' month ordinals) with each end after ``today`` (the run's date by default) in the
    current month moved to the month after: a cancellation scheduled later this month has not happened yet, so the
    interval is active through the current month (docs/metrics.md, "Months not observed yet"), lost when the next
    month is observed."""
    from ..reading.renewals import _today

    now = current_month(today)
    later = (ends == now) & (end > _today(today))
    return np.where(later, now + 1, ends) if later.any() else ends


def _starts_after_today(start: np.ndarray, starts: np.ndarray, today: MonthLike) -> np.ndarray:
    """Which intervals start later in the current month, after ``today`` (the run's date by default): a start
    scheduled later this month, or a free trial ending then (:mod:`~xl_retention.reading.trials` moves the start to
    it), has not happened yet, so the interval counts in no month, as its customer pays nothing yet (docs/metrics.md,
    "Months not observed yet"; a start after the current month counts nowhere already). A ``today`` that is a month
    only (``'2025-04'``, a Period) gives no day to be after: every start of its month counts."""
    from ..reading.renewals import _today

    if month_only(today):
        return np.zeros(len(starts), dtype=bool)
    return (starts == current_month(today)) & (start > _today(today))


def month_only(today: MonthLike) -> bool:
    """Whether the run's date is a month only (``'2025-04'``, a Period): no day to be after, every start counts (one
    rule for the file path, :func:`_starts_after_today`, and the engines', :func:`.relational.inputs.snapshots_of`).

    >>> month_only("2025-04"), month_only(pd.Period("2025-04", "M")), month_only("2025-04-10"), month_only(None)
    (True, True, False, False)
    """
    return isinstance(today, pd.Period) or (isinstance(today, str) and len(today.strip()) == 7)


@checked_keywords
def snapshots_from_intervals(
    intervals: pd.DataFrame,
    through: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
    today: MonthLike = None,
) -> pd.DataFrame:
    """Monthly MRR snapshots (``customer_id, month, mrr``) from subscription intervals.

    ``intervals`` has ``customer_id, start, mrr`` and optionally ``end`` (blank or
    missing = still active). ``end`` is the day service stops (exclusive). An interval
    counts in the months from its start's month to the month before its end's month, and
    always in its start's month (a customer who joins and leaves within a month is active
    that month). A customer's intervals add up month by month (overlaps, add-ons). That start's month is the
    customer's: an interval that starts and ends in one month counts there only when the customer's intervals that
    touch or overlap it also start and end in that month and it runs to their end (a plan change within a month
    counts the new plan alone: :mod:`._spans`).

    ``through`` is the last month of the result (open intervals run to it); by default the
    latest month in which something happens: a start, or the month after an interval's last
    month (when its loss is counted), or a billing export's current period start (Stripe's
    "Current Period Start (UTC)": billed then, :mod:`~xl_retention.reading.observed`), or the month
    :func:`covered_through` says the export covers (``import --through``), but
    never after the current month (``today``'s month; default: the date of the run): months
    after it are not observed yet, so an end date in the future (a contract's end, a current
    period's end) counts as active through the current month, and an interval that starts
    after it is not counted. Every interval starting after the current month is refused.
    Pass the month your export was taken (e.g.
    this month) so that open subscriptions reach it.

    The result is sorted by customer and month, ``month`` is a ``period[M]`` column, and
    it includes a row with MRR 0 in the month after each interval's last month (unless
    that is after ``through``), so that :func:`~.subscriptions.monthly_movements` shows the loss.

    >>> iv = pd.DataFrame({"customer_id": ["a", "a"], "start": ["2024-01-15", "2024-03-10"],
    ...                    "end": ["2024-03-10", None], "mrr": [50, 80]})
    >>> snapshots_from_intervals(iv, through="2024-04").to_dict("list")["mrr"]
    [50.0, 50.0, 80.0, 80.0]
    """
    source = source_of(intervals, source)  # a sheet's table: its rows are named as the sheet's
    df, names = prepared(intervals, "intervals", columns, source, options, "subscription_tables")  # tables._split
    starts = month_ordinals(df["start"].to_numpy()).astype(np.int64)
    run_date = today if today is not None else options and options.today
    if "end" in df:
        ends = month_ordinals(df["end"].to_numpy()).astype(np.int64)
        has_end = ends != BLANK
        backwards = has_end & (df["end"].to_numpy() < df["start"].to_numpy())
        if backwards.any():
            raise bad_rows(
                source, names["end"], "an end before the start", np.flatnonzero(backwards), df["end"].to_numpy()
            )
        idle = has_end & (df["end"].to_numpy() == df["start"].to_numpy()) & (df["mrr"].to_numpy() > 0)
        if idle.any():  # counted, it would be a customer and MRR in its month (the start's month always counts)
            raise bad_rows(source, names["end"], NO_SERVICE, np.flatnonzero(idle), df["end"].to_numpy())
        if through is None:  # an end later this month, after today: active through the current month, not lost
            ends = _after_today(df["end"].to_numpy(), ends, run_date)
    else:
        ends = np.zeros(len(df), dtype=np.int64)
        has_end = np.zeros(len(df), dtype=bool)
    mrr = df["mrr"].to_numpy()
    if (mrr < 0).any():
        raise bad_rows(source, names["mrr"], "negative MRR", np.flatnonzero(mrr < 0), mrr)
    last = np.where(has_end, np.maximum(starts, ends - 1), 0)
    try:
        codes, uniques = pd.factorize(df["customer_id"], sort=True)
    except TypeError:  # ids of mixed types do not sort
        codes, uniques = pd.factorize(df["customer_id"], sort=False)
    if "end" in df:  # a plan change within a month: the plan left counts nowhere, as the customer goes on (_spans)
        uncounted = uncounted_short_intervals(codes, df["start"].to_numpy(), df["end"].to_numpy(), starts, ends)
        last = np.where(uncounted, starts - 1, last)
    if through is None:  # a current period's start: billed then, a month observed (reading.observed)
        said = [df.attrs.get(OBSERVED_MONTH, BLANK), covered_month() if covered_month() is not None else BLANK]
        candidates = [starts, last[has_end] + 1, np.array(said, dtype=np.int64)]
        through_month = int(max(c.max() for c in candidates if c.size)) if len(df) else 0
        now = current_month(today)
        if len(df) and int(starts.min()) > now:
            where = names["start"]
            shown = pd.Period(ordinal=now, freq="M")
            problem = f"every start is after the current month ({shown}): nothing is observed yet"
            raise bad_rows(source, where, problem, np.arange(min(len(df), 5)), df["start"].to_numpy())
        not_yet = _starts_after_today(df["start"].to_numpy(), starts, run_date) | (starts > now)
        if len(df) and not_yet.all():  # every start later this month, after today: no customer yet
            from ..reading.renewals import _today

            problem = f"every start is after today ({str(_today(run_date))[:10]}): nothing is observed yet"
            raise bad_rows(source, names["start"], problem, np.arange(min(len(df), 5)), df["start"].to_numpy())
        through_month = min(through_month, now)
    else:
        through_month = _month_arg("through", through)
    if len(df) and through_month - int(starts.min()) + 1 > MAX_MONTHS:
        low = int(starts.min())
        rows = np.flatnonzero((starts == low) | (has_end & (last + 1 == through_month)) | (starts == through_month))
        first, final = pd.Period(ordinal=low, freq="M"), pd.Period(ordinal=through_month, freq="M")
        where = f"{names['start']}, {names['end']}" if "end" in df else names["start"]
        raise bad_rows(source, where, f"dates more than {MAX_MONTHS // 12} years apart (from {first} to {final})", rows)
    last = np.where(has_end, np.minimum(last, through_month), through_month)
    if through is None:  # a start later this month, after today (a scheduled start, a trial's end): not started yet
        last = np.where(_starts_after_today(df["start"].to_numpy(), starts, run_date), starts - 1, last)
    lengths = np.maximum(last - starts + 1, 0)
    loss = has_end & (last + 1 <= through_month) & (lengths > 0)
    which = np.repeat(np.arange(len(df)), lengths)
    offsets = np.arange(which.size) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    row_codes = np.concatenate([codes[which], codes[loss]])
    row_months = np.concatenate([starts[which] + offsets, last[loss] + 1])
    row_mrr = np.concatenate([mrr[which], np.zeros(int(loss.sum()))])
    if row_codes.size == 0:
        return pd.DataFrame(
            {
                "customer_id": df["customer_id"].iloc[:0].reset_index(drop=True),
                "month": pd.PeriodIndex.from_ordinals(np.zeros(0, np.int64), freq="M"),
                "mrr": np.zeros(0),
            }
        )
    low = int(row_months.min())
    span = int(row_months.max()) - low + 1
    key = row_codes.astype(np.int64) * span + (row_months - low)
    unique_keys, inverse = np.unique(key, return_inverse=True)
    totals = np.bincount(inverse, weights=row_mrr, minlength=unique_keys.size)
    out_codes, out_months = np.divmod(unique_keys, span)
    out = pd.DataFrame(
        {
            "customer_id": uniques.take(out_codes),
            "month": pd.PeriodIndex.from_ordinals(out_months + low, freq="M"),
            "mrr": totals,
        }
    )
    out.attrs[EVERY_MONTH_OBSERVED] = True  # a month without rows is a month without active customers
    out.attrs[OBSERVED_THROUGH] = int(through_month)  # ... up to this one (an `end` there is no month unobserved)
    return out


# -- subscriptions: snapshots to movements and cohorts --------------------------------
