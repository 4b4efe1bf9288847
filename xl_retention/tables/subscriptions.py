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

from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from .. import metrics as _metrics
from .._validation import equal_at_15_digits
from ..errors import RetentionInputError
from ..reading import ReadOptions, bad_rows, source_of
from ..reading.date_arguments import month_argument
from ..reading.ends import NO_SERVICE as _NO_SERVICE
from ._counts import check_balance, check_within, checked_counts
from ._keywords import checked_keywords
from ._months import (
    _COHORT_SHIFT,
    _POSITION_BITS,
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
    refuse_before_data,
)
from ._split import prepared
from .existing_customers import existing_cohorts
from .interval_snapshots import current_month, snapshots_from_intervals
from .interval_snapshots import month_only as month_only  # relational.inputs imports it from here

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
        now, then = mrr[kept], last_mrr[codes[kept]]  # equal at 15 significant digits: no movement (float noise)
        change = np.where(equal_at_15_digits(now, then), 0.0, now - then)
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


def observed_through(snapshots: object, last: int | None) -> int | None:
    """The month the snapshots are observed through: their last month ``last``, or a later one their frame says
    (:func:`~.interval_snapshots.snapshots_from_intervals`' ``through``); None for a segment's rows (the whole data's
    months are observed: relational.segments)."""
    from ..reading.months import EVERY_MONTH_OBSERVED, OBSERVED_THROUGH

    attrs = getattr(snapshots, "attrs", None) or {}
    if OBSERVED_THROUGH in attrs:
        return max(int(attrs[OBSERVED_THROUGH]), last if last is not None else int(attrs[OBSERVED_THROUGH]))
    return None if attrs.get(EVERY_MONTH_OBSERVED) else last


def refuse_end_after_data(end: int | None, last: int | None, source: str, name: str = "end") -> None:
    """Refuse an ``end`` (a month ordinal; ``name``: or a ``start``, whose month the tables show) after the snapshots'
    last month ``last``: a month without snapshots counts every customer lost (a ``RetentionInputError`` naming both
    months); a month where every customer left is written as their rows with MRR 0.

    >>> refuse_end_after_data(682, 680, "subs.csv")
    Traceback (most recent call last):
    ...
    xl_retention.errors.RetentionInputError: end 2026-11 is after subs.csv's last month, 2026-09: with no snapshot \
in the months after it, every customer would count as lost there (give end up to 2026-09; a month in which every \
customer left is written as their rows with MRR 0)
    """
    if end is None or last is None or end <= last:
        return
    asked, held = pd.Period(ordinal=end, freq="M"), pd.Period(ordinal=last, freq="M")
    raise RetentionInputError(
        f"{name} {asked} is after {source}'s last month, {held}: with no snapshot in the months after it, every "
        f"customer would count as lost there (give {name} up to {held}; a month in which every customer left is "
        "written as their rows with MRR 0)",
        name,
        str(asked),
    )


def _intervals(data: Any, columns: Mapping[str, str] | None) -> bool:
    """Whether ``data`` (a DataFrame) is one row per subscription with a start (and end), not monthly snapshots: the
    tables are counted from its months (:func:`snapshots_from_intervals`), as :mod:`xl_retention.relational` counts
    them, where the snapshots' reading refused it as having no dates (H190 finding 03)."""
    from ..reading import subscription_kind

    if not isinstance(data, pd.DataFrame):
        return False
    try:
        return subscription_kind(pd.DataFrame(columns=list(data.columns)), columns) == "intervals"
    except Exception:  # no start nor month: the snapshots' reading refuses it, naming what is missing
        return False


def _run_subscriptions(
    snapshots: pd.DataFrame,
    start: MonthLike,
    end: MonthLike,
    columns: Mapping[str, str] | None,
    source: str,
    cohorts: bool,
    options: ReadOptions | None = None,
    check_end: bool = True,
    function: str = "subscription_tables",
) -> tuple[_SubscriptionCounts, _Range]:
    if _intervals(snapshots, columns):  # one row per subscription (start, end): its months first, as relational does
        snapshots = snapshots_from_intervals(snapshots, columns=columns, source=source, options=options)
        columns = None
    source = source_of(snapshots, source)  # a sheet's table: its rows are named as the sheet's
    start, end = month_argument(start, "start", options), month_argument(end, "end", options)  # '01/02/2025'
    df, names = prepared(snapshots, "snapshots", columns, source, options, function)  # tables._split
    codes = _id_codes(df["customer_id"])
    mrr = df["mrr"].to_numpy()
    if (mrr < 0).any():
        raise bad_rows(source, names["mrr"], "negative MRR", np.flatnonzero(mrr < 0), mrr)
    month = names["month"]
    ordinals = month_ordinals(df["month"].to_numpy())
    if check_end:
        held = observed_through(snapshots, int(ordinals.max()) if ordinals.size else None)
        refuse_end_after_data(_month_arg("end", end), held, source)
        refuse_end_after_data(_month_arg("start", start), held, source, "start")  # its month is shown: all lost
        if ordinals.size:  # months before the first snapshot (or start): months of 0 customers, though nothing says
            # so (a segment's rows are checked as the whole's: segment_subscription_tables, check_end False)
            asked = _month_arg("start", start), _month_arg("end", end)
            refuse_before_data(*asked, int(ordinals.min()), source, "customers")
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
    :class:`KeyError` naming it; a count that is no whole number >= 0, counts that disagree (``customers_end`` is
    not ``customers_start + new + reactivated - lost``, ``mrr_end`` not the MRR bridge, lost MRR above the MRR at
    the start) an :class:`~xl_retention.errors.OutOfRangeError` naming the month (:mod:`._counts`).

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
    sums = [name for name in MOVEMENT_COUNTS if "mrr" in name]
    df = checked_counts(counts, [name for name in MOVEMENT_COUNTS if name not in sums], sums)
    # counts that contradict each other (L = S + N - E, docs/metrics.md Notation; the MRR bridge) are refused
    check_balance(df, "customers_end", [("customers_start", 1), ("new", 1), ("reactivated", 1), ("lost", -1)])
    bridge = [("mrr_start", 1), ("new_mrr", 1), ("expansion_mrr", 1), ("reactivation_mrr", 1)]
    check_balance(df, "mrr_end", [*bridge, ("contraction_mrr", -1), ("churned_mrr", -1)], exact=False)
    df["gained"] = df["new"] + df["reactivated"]
    df["lost_mrr"] = df["churned_mrr"] + df["contraction_mrr"]
    start, gained, end = df["customers_start"], df["gained"], df["customers_end"]
    has_customers = start > 0
    df["crr"] = _defined(_metrics.crr, has_customers, end, gained, start)
    df["churn_rate"] = _defined(_metrics.churn_rate, has_customers, end, gained, start)
    mrr_start, expansion = df["mrr_start"], df["expansion_mrr"]
    # lost_mrr <= mrr_start: beyond float rounding of the sums refused, naming the month; within it capped
    lost = check_within(df, "lost_mrr", "mrr_start", exact=False)
    has_mrr = mrr_start > 0
    df["net_revenue_churn"] = _defined(_metrics.net_revenue_churn, has_mrr, lost, expansion, mrr_start)
    df["gross_revenue_churn"] = _defined(_metrics.gross_revenue_churn, has_mrr, lost, mrr_start)
    df["nrr"] = _defined(_metrics.nrr, has_mrr, lost, expansion, mrr_start)
    df["grr"] = _defined(_metrics.grr, has_mrr, lost, mrr_start)
    gained_mrr = df["new_mrr"] + df["reactivation_mrr"]
    df["quick_ratio"] = _defined(_metrics.quick_ratio, df["lost_mrr"] > 0, gained_mrr, expansion, df["lost_mrr"])
    return df[list(MOVEMENT_COLUMNS)]


@checked_keywords
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
    data before ``start`` still decides who is new, reactivated or lost. An ``end`` after the
    data's last month is refused (:class:`~xl_retention.errors.RetentionInputError`): a month
    without snapshots would count every customer lost.

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
    counts, rng = _run_subscriptions(snapshots, start, end, columns, source, cohorts=False, options=options,
                                     function="monthly_movements")  # fmt: skip
    return _movements_frame(counts, rng)


class SubscriptionTables(NamedTuple):
    """The tables of :func:`subscription_tables`."""

    movements: pd.DataFrame
    customer_cohorts: pd.DataFrame
    revenue_cohorts: pd.DataFrame
    survivors: pd.DataFrame  # see :func:`survivors`


@checked_keywords
def subscription_tables(
    snapshots: pd.DataFrame,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    as_rates: bool = False,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
    existing_at_start: bool = False,
) -> SubscriptionTables:
    """:func:`monthly_movements`, both cohort tables and the survivors table of the snapshots, in one pass.

    Cohort tables as in :func:`cohorts_from_snapshots`, survivors as in :func:`survivors`;
    ``as_rates`` divides each row of the three by its month 0. ``existing_at_start``: the customers active in the
    first month joined before the data starts (``import --existing-at-start``): their cohort row is left out of the
    three cohort tables, kept in the movements. Without it, a first month far above the later months' new customers
    warns (:class:`~xl_retention.tables.existing_customers.ExistingCustomersWarning`), as ``import`` notes it.
    """
    return _subscription_tables(snapshots, start, end, as_rates, columns, source, options, existing_at_start, True)


def segment_subscription_tables(
    snapshots: pd.DataFrame, start: MonthLike, end: MonthLike, **keywords: Any
) -> SubscriptionTables:
    """:func:`subscription_tables` of a segment's rows, whose ``end`` is the whole data's last month: after the
    segment's own last month, its customers are lost there (observed in the whole data), not refused."""
    return _subscription_tables(
        snapshots, start, end, keywords.pop("as_rates", False), keywords.pop("columns", None),
        keywords.pop("source", "input"), keywords.pop("options", None), keywords.pop("existing_at_start", False), False,
        **keywords,
    )  # fmt: skip


def _subscription_tables(
    snapshots: pd.DataFrame, start: MonthLike, end: MonthLike, as_rates: bool, columns: Mapping[str, str] | None,
    source: str, options: ReadOptions | None, existing_at_start: bool, check_end: bool,
) -> SubscriptionTables:  # fmt: skip
    counts, rng = _run_subscriptions(
        snapshots, start, end, columns, source, cohorts=True, options=options, check_end=check_end
    )
    customers = _cohort_frame(counts.cohort_customers, rng)
    revenue = _cohort_frame(counts.cohort_revenue, rng)
    alive = _cohort_frame(counts.cohort_survivors, rng)
    if as_rates:
        customers, revenue, alive = cohort_rates(customers), cohort_rates(revenue), cohort_rates(alive)
    moves = _movements_frame(counts, rng)
    return SubscriptionTables(moves, *existing_cohorts(moves, (customers, revenue, alive), existing_at_start, start))


@checked_keywords
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


@checked_keywords
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
