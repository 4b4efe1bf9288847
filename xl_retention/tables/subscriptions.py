"""Subscriptions: MRR snapshots (or intervals) to monthly movements, cohort tables and survivors.

Counting rules (``docs/metrics.md``): active in a month = MRR above 0 that month; a month
with no snapshot row for a customer is MRR 0, so a gap in a customer's snapshots is
inactive months. New: first active month ever (also the customer's cohort). Reactivated:
active after one or more inactive months. ``gained = new + reactivated``;
``customers_end = customers_start + gained - lost`` holds every month, and ``mrr_end =
mrr_start + new_mrr + expansion_mrr + reactivation_mrr - contraction_mrr - churned_mrr``.
Expansion excludes reactivation. Undefined rates are NaN.

Intervals: ``end`` is the day service stops, exclusive (Stripe's ``ended_at``); blank =
still active. An interval counts in every month from its start's month up to the month
before its end's month, and always in its start's month. Billing exports (an amount per
``interval``, with ``quantity`` and ``interval_count``) are turned into MRR when they are
read (:mod:`xl_retention.reading.billing`).

Every input is read by :func:`xl_retention.reading.prepare` (ids as text, one date format
per column, numbers); ``options`` (:class:`~xl_retention.reading.ReadOptions`) says how.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np
import pandas as pd

from .. import metrics as _metrics
from ..reading import ReadOptions, bad_rows, prepare, source_of
from ..reading.date_arguments import month_argument
from ..reading.ends import NO_SERVICE as _NO_SERVICE
from ..reading.months import EVERY_MONTH_OBSERVED
from ..reading.observed import OBSERVED_MONTH
from ._months import (
    _COHORT_SHIFT,
    _POSITION_BITS,
    BLANK,
    MAX_MONTHS,
    MonthLike,
    _ByMonth,
    _check_kind,
    _cohort_frame,
    _defined,
    _group_by_month,
    _id_codes,
    _month_arg,
    _month_index,
    _Range,
    _stamp_month,
    cohort_rates,
    keyed_counts,
    month_ordinals,
)
from ._spans import uncounted_short_intervals

__all__ = [
    "MOVEMENT_COLUMNS",
    "MOVEMENT_COUNTS",
    "SubscriptionTables",
    "cohorts_from_snapshots",
    "current_month",
    "monthly_movements",
    "movements_from_counts",
    "snapshots_from_intervals",
    "subscription_tables",
    "survivors",
]

#: Columns of :func:`monthly_movements`, in order.
MOVEMENT_COLUMNS: tuple[str, ...] = (
    "customers_start",
    "new",
    "reactivated",
    "gained",
    "lost",
    "customers_end",
    "mrr_start",
    "new_mrr",
    "expansion_mrr",
    "reactivation_mrr",
    "contraction_mrr",
    "churned_mrr",
    "mrr_end",
    "lost_mrr",
    "crr",
    "churn_rate",
    "net_revenue_churn",
    "gross_revenue_churn",
    "nrr",
    "grr",
    "quick_ratio",
)

#: The counts and MRR sums every engine computes; :func:`movements_from_counts` makes the rest of the table.
MOVEMENT_COUNTS: tuple[str, ...] = (
    "customers_start",
    "new",
    "reactivated",
    "lost",
    "customers_end",
    "mrr_start",
    "new_mrr",
    "expansion_mrr",
    "reactivation_mrr",
    "contraction_mrr",
    "churned_mrr",
    "mrr_end",
)


#: The refusal of an interval that ends when it starts (with an MRR): no service, yet a customer of its month.
NO_SERVICE = _NO_SERVICE  # checked where the file is read (reading.ends.check_end_dates), quoting its dates


# -- subscriptions: intervals to snapshots --------------------------------------------
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
    "Current Period Start (UTC)": billed then, :mod:`~xl_retention.reading.observed`), but
    never after the current month (``today``'s month; default: the date of the run): months
    after it are not observed yet, so an end date in the future (a contract's end, a current
    period's end) counts as active through the current month, and an interval that starts
    after it is not counted. Every interval starting after the current month is refused.
    Pass the month your export was taken (e.g.
    this month) so that open subscriptions reach it.

    The result is sorted by customer and month, ``month`` is a ``period[M]`` column, and
    it includes a row with MRR 0 in the month after each interval's last month (unless
    that is after ``through``), so that :func:`monthly_movements` shows the loss.

    >>> iv = pd.DataFrame({"customer_id": ["a", "a"], "start": ["2024-01-15", "2024-03-10"],
    ...                    "end": ["2024-03-10", None], "mrr": [50, 80]})
    >>> snapshots_from_intervals(iv, through="2024-04").to_dict("list")["mrr"]
    [50.0, 50.0, 80.0, 80.0]
    """
    source = source_of(intervals, source)  # a sheet's table: its rows are named as the sheet's
    df, names = prepare(intervals, "intervals", columns, source, options)
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
        candidates = [starts, last[has_end] + 1, np.array([df.attrs.get(OBSERVED_MONTH, BLANK)], dtype=np.int64)]
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
    return out


# -- subscriptions: snapshots to movements and cohorts --------------------------------
class _Duplicate(Exception):
    """A customer twice in one month of the snapshots (``month``: relative month)."""


class _SubscriptionCounts(NamedTuple):
    columns: dict[str, np.ndarray]  # per relative month
    cohort_customers: np.ndarray  # [cohort month, calendar month]
    cohort_revenue: np.ndarray
    cohort_survivors: np.ndarray  # customers active every month since their cohort month


def _subscription_pass(grouped: _ByMonth, cohorts: bool = True) -> _SubscriptionCounts:
    """Movements (and cohort matrices) month by month over snapshot rows grouped by month."""
    span, count = grouped.range.span, grouped.count
    stamp = np.full(count, -1, dtype=np.int64)
    last_mrr = np.zeros(count, dtype=np.float64)
    positions = np.arange(int(np.diff(grouped.bounds).max()) if span else 0, dtype=np.int64)
    names = (
        "customers_start new reactivated lost customers_end mrr_start new_mrr expansion_mrr "
        "reactivation_mrr contraction_mrr churned_mrr mrr_end"
    ).split()
    cols = {n: np.zeros(span, dtype=np.int64 if "mrr" not in n else np.float64) for n in names}
    cohort_customers = np.zeros((span, span) if cohorts else (0, 0), dtype=np.int64)
    cohort_revenue = np.zeros((span, span) if cohorts else (0, 0), dtype=np.float64)
    cohort_survivors = np.zeros((span, span) if cohorts else (0, 0), dtype=np.int64)
    unbroken = np.zeros(count if cohorts else 0, dtype=bool)  # active every month since joining
    previous_codes = np.zeros(0, dtype=grouped.codes.dtype)
    previous_mrr = np.zeros(0)
    for month in range(span):
        a, b = grouped.bounds[month], grouped.bounds[month + 1]
        codes, mrr = grouped.codes[a:b], grouped.values[a:b]
        active = mrr > 0
        idle = None
        if not active.all():  # rows with MRR 0: inactive, but still rows for the duplicate check
            idle, codes, mrr = codes[~active], codes[active], mrr[active]
        before = stamp[codes]
        new = before < 0
        kept = (_stamp_month(before) == month - 1) & ~new
        back = ~(kept | new)
        cohort = np.where(new, month, before >> _COHORT_SHIFT)
        mine = (cohort << _COHORT_SHIFT) | (month << _POSITION_BITS) | positions[: codes.size]
        stamp[codes] = mine
        if (stamp[codes] != mine).any():
            raise _Duplicate(month)
        if idle is not None and idle.size:
            seen = stamp[idle]
            if ((seen >= 0) & (_stamp_month(seen) == month)).any() or np.unique(idle).size < idle.size:
                raise _Duplicate(month)
        change = mrr[kept] - last_mrr[codes[kept]]
        last_mrr[codes] = mrr
        cols["expansion_mrr"][month] = change[change > 0].sum()
        cols["contraction_mrr"][month] = (-change[change < 0]).sum()
        cols["new"][month] = np.count_nonzero(new)
        cols["new_mrr"][month] = mrr[new].sum()
        cols["reactivated"][month] = np.count_nonzero(back)
        cols["reactivation_mrr"][month] = mrr[back].sum()
        gone = _stamp_month(stamp[previous_codes]) != month
        cols["lost"][month] = np.count_nonzero(gone)
        cols["churned_mrr"][month] = previous_mrr[gone].sum()
        cols["customers_start"][month] = previous_codes.size
        cols["mrr_start"][month] = cols["mrr_end"][month - 1] if month else 0.0
        cols["customers_end"][month] = codes.size
        cols["mrr_end"][month] = mrr.sum()
        if cohorts and codes.size:
            cohort_customers[: month + 1, month] = np.bincount(cohort, minlength=month + 1)
            cohort_revenue[: month + 1, month] = np.bincount(cohort, weights=mrr, minlength=month + 1)
            unbroken[codes[new]] = True
            unbroken[codes[back]] = False  # survival ends at the first churn; a return does not count back
            cohort_survivors[: month + 1, month] = np.bincount(cohort[unbroken[codes]], minlength=month + 1)
        previous_codes, previous_mrr = codes, mrr
    return _SubscriptionCounts(cols, cohort_customers, cohort_revenue, cohort_survivors)


def _run_subscriptions(
    snapshots: pd.DataFrame,
    start: MonthLike,
    end: MonthLike,
    columns: Mapping[str, str] | None,
    source: str,
    cohorts: bool,
    options: ReadOptions | None = None,
) -> tuple[_SubscriptionCounts, _Range]:
    source = source_of(snapshots, source)  # a sheet's table: its rows are named as the sheet's
    start, end = month_argument(start, "start", options), month_argument(end, "end", options)  # '01/02/2025'
    df, names = prepare(snapshots, "snapshots", columns, source, options)
    codes = _id_codes(df["customer_id"])
    mrr = df["mrr"].to_numpy()
    if (mrr < 0).any():
        raise bad_rows(source, names["mrr"], "negative MRR", np.flatnonzero(mrr < 0), mrr)
    month = names["month"]
    ordinals = month_ordinals(df["month"].to_numpy())
    grouped = _group_by_month(
        ordinals, codes, mrr, start, end, source=source, column=month, shown=df["month"].to_numpy(), frame=df
    )
    grouped = grouped._replace(relative=None, ids=None, raw_values=None)  # only the grouped rows are needed
    del codes, mrr
    rng = grouped.range
    try:
        return _subscription_pass(grouped, cohorts), rng
    except _Duplicate as dup:
        del grouped
        in_month = np.flatnonzero(ordinals == rng.low + dup.args[0])
        ids = _id_codes(df["customer_id"]).codes[in_month]
        twice = in_month[pd.Series(ids).duplicated(keep=False).to_numpy()]
        problem = "duplicate snapshots (the same customer and month more than once)"
        raise bad_rows(source, f"{names['customer_id']}, {month}", problem, twice) from None


def _movements_frame(counts: _SubscriptionCounts, rng: _Range) -> pd.DataFrame:
    shown = slice(rng.first, rng.last + 1)
    frame = pd.DataFrame({name: counts.columns[name][shown] for name in MOVEMENT_COUNTS}, index=_month_index(rng))
    return movements_from_counts(frame)


def movements_from_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """The movements table (:data:`MOVEMENT_COLUMNS`) from its counts and MRR sums (:data:`MOVEMENT_COUNTS`).

    ``gained = new + reactivated``, ``lost_mrr = churned_mrr + contraction_mrr``; the rates come
    from the core functions of :mod:`xl_retention.metrics` (``docs/metrics.md``), NaN where their
    denominator is 0: ``crr``, ``churn_rate`` (customers_start), ``net_revenue_churn``,
    ``gross_revenue_churn``, ``nrr``, ``grr`` (mrr_start), ``quick_ratio`` (lost_mrr). Every
    engine counts (:mod:`xl_retention.relational`) and this one function makes the rates, so
    the pandas path and the engines cannot disagree on a formula. Same index as ``counts``
    (months, or segment and month); counts as int64, sums as float64. A missing column is a
    :class:`KeyError` naming it.

    >>> counts = pd.DataFrame({"customers_start": [0, 2], "new": [2, 1], "reactivated": [0, 0], "lost": [0, 1],
    ...     "customers_end": [2, 2], "mrr_start": [0.0, 30.0], "new_mrr": [30.0, 5.0], "expansion_mrr": [0.0, 5.0],
    ...     "reactivation_mrr": [0.0, 0.0], "contraction_mrr": [0.0, 0.0], "churned_mrr": [0.0, 20.0],
    ...     "mrr_end": [30.0, 20.0]})
    >>> movements_from_counts(counts)[["gained", "lost_mrr", "crr", "nrr"]].to_dict("list")
    {'gained': [2, 1], 'lost_mrr': [0.0, 20.0], 'crr': [nan, 0.5], 'nrr': [nan, 0.5]}
    """
    counts = keyed_counts(counts)  # a SQL result's month (and segment) columns: the index
    missing = [c for c in MOVEMENT_COUNTS if c not in counts.columns]
    if missing:
        raise KeyError(f"counts has no column {missing[0]!r} (needs {', '.join(MOVEMENT_COUNTS)})")
    df = pd.DataFrame(index=counts.index)
    for name in MOVEMENT_COUNTS:
        df[name] = counts[name].to_numpy(dtype=np.float64 if "mrr" in name else np.int64)
    df["gained"] = df["new"] + df["reactivated"]
    df["lost_mrr"] = df["churned_mrr"] + df["contraction_mrr"]
    start, gained, end = df["customers_start"], df["gained"], df["customers_end"]
    has_customers = start > 0
    df["crr"] = _defined(_metrics.crr, has_customers, end, gained, start)
    df["churn_rate"] = _defined(_metrics.churn_rate, has_customers, end, gained, start)
    mrr_start, expansion = df["mrr_start"], df["expansion_mrr"]
    # lost_mrr <= mrr_start holds exactly; the minimum only absorbs float rounding of the sums.
    lost = np.minimum(df["lost_mrr"], mrr_start)
    has_mrr = mrr_start > 0
    df["net_revenue_churn"] = _defined(_metrics.net_revenue_churn, has_mrr, lost, expansion, mrr_start)
    df["gross_revenue_churn"] = _defined(_metrics.gross_revenue_churn, has_mrr, lost, mrr_start)
    df["nrr"] = _defined(_metrics.nrr, has_mrr, lost, expansion, mrr_start)
    df["grr"] = _defined(_metrics.grr, has_mrr, lost, mrr_start)
    gained_mrr = df["new_mrr"] + df["reactivation_mrr"]
    df["quick_ratio"] = _defined(_metrics.quick_ratio, df["lost_mrr"] > 0, gained_mrr, expansion, df["lost_mrr"])
    return df[list(MOVEMENT_COLUMNS)]


def monthly_movements(
    snapshots: pd.DataFrame,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
) -> pd.DataFrame:
    """Customer and MRR movements per month from monthly MRR snapshots.

    ``snapshots`` has ``customer_id, month, mrr``: one row per customer and month (a
    second row for the same customer and month is a :class:`DataError`); ``month`` is any
    date in the month, 'YYYY-MM' text or a Period. Active = MRR above 0; a month without a
    row is MRR 0. ``start`` / ``end`` ('YYYY-MM', a date or a Period) limit the months shown;
    data before ``start`` still decides who is new, reactivated or lost. Months after the
    data up to ``end`` count everyone as inactive, so give ``end`` only up to the month the
    data covers.

    Returns one row per month (contiguous ``PeriodIndex`` named ``month``) with the columns
    of :data:`MOVEMENT_COLUMNS`:

    * customers: ``customers_start`` (active the month before), ``new``, ``reactivated``,
      ``gained`` (new + reactivated), ``lost``, ``customers_end`` (active this month);
    * MRR: ``mrr_start``, ``new_mrr``, ``expansion_mrr`` (increases of customers active in
      both months), ``reactivation_mrr``, ``contraction_mrr`` (decreases to a non-zero MRR),
      ``churned_mrr`` (last month's MRR of those lost), ``mrr_end``, ``lost_mrr``
      (churned + contraction);
    * rates, from the core functions: ``crr``, ``churn_rate`` (NaN when customers_start is
      0), ``net_revenue_churn``, ``gross_revenue_churn``, ``nrr``, ``grr`` (NaN when
      mrr_start is 0), ``quick_ratio`` = (new + reactivation + expansion) / lost_mrr (NaN
      when lost_mrr is 0).

    ``grr`` is the capped customer-level GRR of docs/metrics.md: for the customers active at the
    start, sum(min(mrr_now, mrr_start)) / sum(mrr_start). Each such customer's month is
    exactly one of kept, expansion (min = mrr_start), contraction (min = mrr_start -
    contraction) or churn (min = 0), so that sum is mrr_start - lost_mrr and the capped GRR
    equals ``GRR(lost_mrr, mrr_start)`` (up to float rounding): MRR is netted per customer
    before it is classified, so one customer's upgrade never offsets another's downgrade.

    >>> snaps = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3],
    ...                       "month": ["2024-01", "2024-02", "2024-01", "2024-03", "2024-02"],
    ...                       "mrr": [10, 15, 20, 20, 5]})
    >>> m = monthly_movements(snaps)
    >>> m[["customers_start", "gained", "lost", "customers_end", "expansion_mrr"]]  # doctest: +NORMALIZE_WHITESPACE
             customers_start  gained  lost  customers_end  expansion_mrr
    month
    2024-01                0       2     0              2            0.0
    2024-02                2       1     1              2            5.0
    2024-03                2       1     2              1            0.0
    >>> m["crr"].round(4).tolist()
    [nan, 0.5, 0.0]
    """
    counts, rng = _run_subscriptions(snapshots, start, end, columns, source, cohorts=False, options=options)
    return _movements_frame(counts, rng)


class SubscriptionTables(NamedTuple):
    """The tables of :func:`subscription_tables`."""

    movements: pd.DataFrame
    customer_cohorts: pd.DataFrame
    revenue_cohorts: pd.DataFrame
    survivors: pd.DataFrame  # see :func:`survivors`


def subscription_tables(
    snapshots: pd.DataFrame,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    as_rates: bool = False,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
) -> SubscriptionTables:
    """:func:`monthly_movements`, both cohort tables and the survivors table of the snapshots, in one pass.

    Cohort tables as in :func:`cohorts_from_snapshots`, survivors as in :func:`survivors`;
    ``as_rates`` divides each row of the three by its month 0.
    """
    counts, rng = _run_subscriptions(snapshots, start, end, columns, source, cohorts=True, options=options)
    customers = _cohort_frame(counts.cohort_customers, rng)
    revenue = _cohort_frame(counts.cohort_revenue, rng)
    alive = _cohort_frame(counts.cohort_survivors, rng)
    if as_rates:
        customers, revenue, alive = cohort_rates(customers), cohort_rates(revenue), cohort_rates(alive)
    return SubscriptionTables(_movements_frame(counts, rng), customers, revenue, alive)


def cohorts_from_snapshots(
    snapshots: pd.DataFrame,
    kind: str = "customers",
    as_rates: bool = False,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
) -> pd.DataFrame:
    """Cohort table of subscription snapshots (``customer_id, month, mrr``).

    A customer's cohort is their first month with MRR above 0. Rows: cohort months
    (``PeriodIndex`` named ``cohort``, contiguous, the months shown as in
    :func:`monthly_movements`); columns: months since (0, 1, ...; named ``months_since``).
    Cell (c, k): the number of cohort c's customers with MRR above 0 in month c + k
    (``kind="revenue"``: their MRR that month). Cells after the last month are NaN (the
    triangle), so counts are floats. ``as_rates`` divides each row by its month 0.
    For each month, the sum over cohorts of cell (c, month - c) is that month's
    ``customers_end`` (``mrr_end`` for revenue), when no ``start`` cuts earlier cohorts off.
    """
    _check_kind(kind)
    counts, rng = _run_subscriptions(snapshots, start, end, columns, source, cohorts=True, options=options)
    matrix = counts.cohort_customers if kind == "customers" else counts.cohort_revenue
    table = _cohort_frame(matrix, rng)
    return cohort_rates(table) if as_rates else table


def survivors(
    snapshots: pd.DataFrame,
    as_rates: bool = False,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
) -> pd.DataFrame:
    """Survivors per signup cohort: the input of the sBG model (``SBG_FIT``).

    Cell (c, k): how many of cohort c's customers (first month with MRR above 0 = c) were
    active (MRR above 0) in every month from c to c + k. A customer's first inactive month
    ends their survival; coming back later (a reactivation) does not count them again, so
    each row never rises (unlike :func:`cohorts_from_snapshots`, where returning customers
    count again). Layout as in :func:`cohorts_from_snapshots` (rows ``cohort``, columns
    ``months_since``, NaN after the last month); ``as_rates`` divides each row by month 0.

    >>> snaps = pd.DataFrame({"customer_id": ["a", "a", "a", "b", "b"],
    ...                       "month": ["2024-01", "2024-02", "2024-04", "2024-01", "2024-02"],
    ...                       "mrr": [10, 10, 10, 5, 5]})
    >>> survivors(snaps).iloc[0].tolist()
    [2.0, 2.0, 0.0, 0.0]
    """
    counts, rng = _run_subscriptions(snapshots, start, end, columns, source, cohorts=True, options=options)
    table = _cohort_frame(counts.cohort_survivors, rng)
    return cohort_rates(table) if as_rates else table
