"""Orders and visits: buyers, repeat purchasers and returning customers per month, cohorts, visitors.

Counting rules (``docs/metrics.md``): a customer is active in a month when they ordered
(visited) that month; their cohort is the month of their first order (visit).

* ``buyers``: distinct customers who ordered that month.
* ``repeat_purchasers``: of them, those with more than one order that month (docs/metrics.md's
  REPEAT_PURCHASE_RATE counts customers who bought more than once); ``repeat_purchase_rate``
  = repeat_purchasers / buyers.
* ``returning``: of them, those who had ordered in an earlier month (returning customers;
  orders before ``start`` count); ``returning_rate`` = returning / buyers. A customer whose
  first two orders fall in one month is a repeat purchaser that month, not a returning one.
  Hence ``returning = buyers - (cohort size)`` every month.

Refunds: an order row with a negative amount is not a purchase. It is left out of every
count and sum here (buyers, repeat purchasers, returning, cohorts, revenue cohorts, which are
therefore gross order revenue), as :func:`~xl_retention.tables.rfm.rfm_summary` leaves it out.
A row with amount 0 is an order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np
import pandas as pd

from .. import metrics as _metrics
from ..errors import RetentionInputError
from ..reading import DataError, ReadOptions, bad_rows, normalize_columns, source_of
from ..reading.covered_months import COVERED_MONTH, unpaid_months_note
from ..reading.date_arguments import month_argument
from ..reading.dates import parse_dates
from ..reading.frames import pandas_table
from ..reading.notes import note
from ..reading.values import clean_ids, parse_numbers, refuse_bad_ids
from . import _months
from ._counts import check_within, checked_counts
from ._keywords import checked_keywords
from ._months import (
    _COHORT_SHIFT,
    _POSITION_BITS,
    MonthLike,
    _ByMonth,
    _check_kind,
    _check_span,
    _cohort_frame,
    _defined,
    _group_by_month,
    _id_codes,
    _month_arg,
    _month_index,
    _month_range,
    _Range,
    cohort_rates,
    keyed_counts,
    month_ordinals,
    refuse_outside_data,
)
from ._split import prepared
from .in_progress import warn_rate_in_progress

__all__ = [
    "PURCHASE_COLUMNS",
    "VISITOR_COLUMNS",
    "OrderTables",
    "cohort_table",
    "cohorts_from_orders",
    "order_tables",
    "overall_repeat_purchase_rate",
    "purchases_from_counts",
    "repeat_purchases",
    "returning_visitors",
    "visitors_from_counts",
]

#: Columns of :func:`repeat_purchases` (the purchases table), in order.
PURCHASE_COLUMNS: tuple[str, ...] = (
    "buyers",
    "repeat_purchasers",
    "returning",
    "repeat_purchase_rate",
    "returning_rate",
)
#: Columns of :func:`returning_visitors`, in order.
VISITOR_COLUMNS: tuple[str, ...] = ("visitors", "returning", "returning_visitor_rate")


class _ActivityCounts(NamedTuple):
    active: np.ndarray  # distinct customers per month
    new: np.ndarray  # customers in their first month
    repeat: np.ndarray  # customers with more than one row that month
    cohort_customers: np.ndarray  # [cohort month, calendar month]
    cohort_values: np.ndarray | None  # the same, summing the values


def _activity_pass(grouped: _ByMonth, cohorts: bool) -> _ActivityCounts:
    """Distinct, new and repeat customers per month (and cohort matrices) over event rows grouped by month."""
    span, count = grouped.range.span, grouped.count
    stamp = np.full(count, -1, dtype=np.int64)
    twice = np.full(count, -1, dtype=np.int32)  # the last month in which the customer had a second row
    positions = np.arange(int(np.diff(grouped.bounds).max()) if span else 0, dtype=np.int64)
    active = np.zeros(span, dtype=np.int64)
    new = np.zeros(span, dtype=np.int64)
    repeat = np.zeros(span, dtype=np.int64)
    cohort_customers = np.zeros((span, span) if cohorts else (0, 0), dtype=np.int64)
    for month in range(span):
        a, b = grouped.bounds[month], grouped.bounds[month + 1]
        if a == b:
            continue
        codes = grouped.codes[a:b]
        before = stamp[codes]
        cohort = np.where(before < 0, month, before >> _COHORT_SHIFT)
        mine = (cohort << _COHORT_SHIFT) | (month << _POSITION_BITS) | positions[: codes.size]
        stamp[codes] = mine
        kept = stamp[codes] == mine  # one row per customer: the one whose write survived
        if not kept.all():
            twice[codes[~kept]] = month
            repeat[month] = np.count_nonzero(twice[codes[kept]] == month)
        cohort = cohort[kept]
        active[month] = cohort.size
        new[month] = np.count_nonzero(cohort == month)
        if cohorts:
            cohort_customers[: month + 1, month] = np.bincount(cohort, minlength=month + 1)
    cohort_values = None
    if cohorts and grouped.raw_values is not None:
        # Sum the values by (cohort, month) in file order: no sorted copy of the values.
        first = stamp >> _COHORT_SHIFT
        ids, relative, values = grouped.ids, grouped.relative, grouped.raw_values
        cells = np.zeros(span * span)
        chunk_rows = _months._CHUNK
        for i in range(0, relative.size, chunk_rows):
            chunk = ids.codes[i : i + chunk_rows]
            cell = first[chunk - ids.offset if ids.offset else chunk] * span + relative[i : i + chunk_rows]
            cells += np.bincount(cell, weights=values[i : i + chunk_rows], minlength=span * span)
        cohort_values = cells.reshape(span, span)
    return _ActivityCounts(active, new, repeat, cohort_customers, cohort_values)


def _grouped_activity(
    df: pd.DataFrame,
    names: dict[str, str],
    id_column: str,
    date_column: str,
    value_column: str | None,
    start: MonthLike,
    end: MonthLike,
    source: str,
    *,
    refunds: bool = False,
    options: ReadOptions | None = None,
) -> _ByMonth:
    """Rows grouped by month; with ``refunds``, rows whose ``amount`` is negative are left out (after the checks).
    A ``start``/``end`` written as a date (``01/02/2025``) is read with ``options``' day/month order."""
    start, end = month_argument(start, "start", options), month_argument(end, "end", options)
    codes = _id_codes(df[id_column])
    dates = df[date_column].to_numpy()
    months = month_ordinals(dates)
    _check_span(months, _month_range(months, start, end), source, names[date_column], dates, df)  # the file's rows
    if months.size and (start is not None or end is not None):  # months outside the data's are not months of none
        what = "orders" if id_column == "customer_id" else "visits"
        asked = _month_arg("start", start), _month_arg("end", end)
        refuse_outside_data(*asked, int(months.min()), int(months.max()), source, what)
    values = df[value_column].to_numpy() if value_column is not None else None
    covered = df.attrs.get(COVERED_MONTH) if refunds else None  # its last order's month, paid or not
    if covered is not None and months.size:
        covered = max(int(covered), int(months.max()))  # a refund row's month too
    if refunds and "amount" in df:
        purchase = df["amount"].to_numpy() >= 0
        if not purchase.all():
            months, codes = months[purchase], codes._replace(codes=codes.codes[purchase])
            values = values[purchase] if values is not None else None
    elif values is not None and (values < 0).any():
        raise bad_rows(source, names[value_column], "negative amounts", np.flatnonzero(values < 0), values)
    if end is None and covered is not None and (not months.size or covered > int(months.max())):
        note(unpaid_months_note(source, int(months.max()) if months.size else None, covered))
        end = str(
            pd.Period(ordinal=covered, freq="M")
        )  # its months after the last purchase: 0 buyers, not left out (reading.covered_months)
    return _group_by_month(months, codes, values, start, end, sort_values=False, source=source,
                           column=names[date_column])  # fmt: skip


@checked_keywords
def cohort_table(
    activity: pd.DataFrame,
    value: str | None = None,
    kind: str = "customers",
    as_rates: bool = False,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
) -> pd.DataFrame:
    """Cohort table of any activity: one row per event, ``customer_id`` and ``month`` (or ``date``).

    Every row is activity (a customer is active in each month they have a row); their
    cohort is their first active month. ``kind="revenue"`` sums the column named ``value``
    (e.g. ``"amount"``; negative values are refused) instead of counting customers. Layout
    as in :func:`~xl_retention.tables.subscriptions.cohorts_from_snapshots`. For MRR
    snapshots, where a row with MRR 0 is not activity, use ``cohorts_from_snapshots``; for
    orders (refunds left out), :func:`cohorts_from_orders`.

    >>> events = pd.DataFrame({"customer_id": ["a", "a", "b"], "month": ["2024-01", "2024-02", "2024-02"]})
    >>> cohort_table(events).to_numpy().tolist()
    [[1.0, 1.0], [1.0, nan]]
    """
    _check_kind(kind)
    options = options or ReadOptions()
    if kind == "revenue" and value is None:
        raise RetentionInputError("kind='revenue' needs value: the name of the amount column", "value")
    activity = pandas_table(activity, source)  # a polars DataFrame is read through its to_pandas()
    optional = ("month", "date") + ((value,) if value is not None else ())
    source = source_of(activity, source)  # a sheet's table: its rows are named as the sheet's
    df = normalize_columns(activity, ["customer_id"], optional, columns, source)
    names = df.attrs["source_columns"]
    date_column = "month" if "month" in df else "date"
    if date_column not in df:
        raise DataError(
            f"{source}: missing column 'month' (or 'date') (columns found: "
            f"{', '.join(repr(str(c)) for c in activity.columns) or 'none'})",
            source=source,
            column="month",
        )
    if value is not None and value not in df:
        raise DataError(f"{source}: missing column {value!r}", source=source, column=value)
    ids = clean_ids(df["customer_id"])
    people = list(map(str, activity.columns))  # and guests' 0 as a customer
    refuse_bad_ids(  # blank, #N/A, 7.12E+12; a blank's row by its values
        ids, df["customer_id"], source, names["customer_id"], "customer ids", people, activity
    )
    dates = options.dates()
    if date_column == "month":  # a month is a label, never converted as an instant (--timezone)
        dates = dataclasses.replace(dates, timezone=None)
    typed = {
        "customer_id": ids,
        date_column: parse_dates(
            df[date_column], source, names[date_column], dates, excel_epoch=activity.attrs.get("excel_epoch")
        ),  # fmt: skip
    }
    value_column = value if kind == "revenue" else None
    if value_column is not None:
        typed[value_column] = parse_numbers(df[value_column], source, names[value_column], decimal=options.decimal)
    frame = pd.DataFrame(typed, index=df.index)
    grouped = _grouped_activity(
        frame, names, "customer_id", date_column, value_column, start, end, source, options=options
    )
    counts = _activity_pass(grouped, cohorts=True)
    matrix = counts.cohort_customers if kind == "customers" else counts.cohort_values
    table = _cohort_frame(matrix, grouped.range)
    return cohort_rates(table) if as_rates else table


# -- orders ---------------------------------------------------------------------------
class OrderTables(NamedTuple):
    """The tables of :func:`order_tables` (``revenue_cohorts`` is None without an ``amount`` column)."""

    purchases: pd.DataFrame
    customer_cohorts: pd.DataFrame
    revenue_cohorts: pd.DataFrame | None


def _returning_frame(counts: _ActivityCounts, rng: _Range, total: str) -> pd.DataFrame:
    """The counts of one month range: ``total`` (buyers or visitors), ``returning`` [, ``repeat_purchasers``]."""
    shown = slice(rng.first, rng.last + 1)
    df = pd.DataFrame(index=_month_index(rng))
    df[total] = counts.active[shown]
    df["returning"] = counts.active[shown] - counts.new[shown]
    if total == "buyers":
        df["repeat_purchasers"] = counts.repeat[shown]
    return df


def _counts(counts: pd.DataFrame, names: tuple[str, ...]) -> pd.DataFrame:
    counts = keyed_counts(counts)  # a SQL result's month (and segment) columns: the index
    missing = [c for c in names if c not in counts.columns]
    if missing:
        raise KeyError(f"counts has no column {missing[0]!r} (needs {', '.join(names)})")
    df = checked_counts(counts, names)  # whole numbers >= 0, naming the month otherwise
    for part in names[1:]:  # repeat purchasers and returning buyers among the buyers; returning visitors too
        check_within(df, part, names[0])
    return df


def purchases_from_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """The purchases table (:data:`PURCHASE_COLUMNS`) from ``buyers, repeat_purchasers, returning`` per month.

    Rates from the core functions (``docs/metrics.md``), NaN in a month without buyers:
    ``repeat_purchase_rate = REPEAT_PURCHASE_RATE(repeat_purchasers, buyers)``,
    ``returning_rate = RETURNING_CUSTOMER_RATE(returning, buyers)``. Every engine counts and
    this one function makes the rates. Same index as ``counts``; a missing column is a :class:`KeyError`.

    >>> counts = pd.DataFrame({"buyers": [4, 0], "repeat_purchasers": [1, 0], "returning": [2, 0]})
    >>> purchases_from_counts(counts).to_dict("list")  # doctest: +NORMALIZE_WHITESPACE
    {'buyers': [4, 0], 'repeat_purchasers': [1, 0], 'returning': [2, 0], 'repeat_purchase_rate': [0.25, nan],
     'returning_rate': [0.5, nan]}
    """
    df = _counts(counts, ("buyers", "repeat_purchasers", "returning"))
    some = df["buyers"] > 0
    df["repeat_purchase_rate"] = _defined(_metrics.repeat_purchase_rate, some, df["repeat_purchasers"], df["buyers"])
    df["returning_rate"] = _defined(_metrics.returning_customer_rate, some, df["returning"], df["buyers"])
    return df[list(PURCHASE_COLUMNS)]


def visitors_from_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """The visitors table (:data:`VISITOR_COLUMNS`) from ``visitors, returning`` per month: ``returning_visitor_rate
    = RETURNING_VISITOR_RATE(returning, visitors)`` (core function; NaN in a month without visitors).

    >>> visitors_from_counts(pd.DataFrame({"visitors": [4, 0], "returning": [1, 0]}))["returning_visitor_rate"].tolist()
    [0.25, nan]
    """
    df = _counts(counts, ("visitors", "returning"))
    df["returning_visitor_rate"] = _defined(
        _metrics.returning_visitor_rate, df["visitors"] > 0, df["returning"], df["visitors"]
    )
    return df[list(VISITOR_COLUMNS)]


def _purchases_frame(counts: _ActivityCounts, rng: _Range) -> pd.DataFrame:
    return purchases_from_counts(_returning_frame(counts, rng, "buyers"))


def _orders(
    orders: pd.DataFrame,
    columns: Mapping[str, str] | None,
    source: str,
    options: ReadOptions | None,
    function: str = "order_tables",
) -> tuple[pd.DataFrame, dict[str, str]]:
    return prepared(orders, "orders", columns, source, options, function)  # ReadOptions' segment: tables._split


@checked_keywords
def order_tables(
    orders: pd.DataFrame,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    as_rates: bool = False,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
) -> OrderTables:
    """:func:`repeat_purchases` and the cohort tables of :func:`cohorts_from_orders`, in one pass (refunds left out)."""
    source = source_of(orders, source)  # a sheet's table: its rows are named as the sheet's
    df, names = _orders(orders, columns, source, options)
    value_column = "amount" if "amount" in df else None
    grouped = _grouped_activity(
        df, names, "customer_id", "date", value_column, start, end, source, refunds=True, options=options
    )
    counts = _activity_pass(grouped, cohorts=True)
    customers = _cohort_frame(counts.cohort_customers, grouped.range)
    revenue = _cohort_frame(counts.cohort_values, grouped.range) if value_column else None
    if as_rates:
        customers = cohort_rates(customers)
        revenue = cohort_rates(revenue) if revenue is not None else None
    return OrderTables(_purchases_frame(counts, grouped.range), customers, revenue)


@checked_keywords
def repeat_purchases(
    orders: pd.DataFrame,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
) -> pd.DataFrame:
    """The purchases table: buyers, repeat purchasers and returning customers per month.

    ``orders`` has ``customer_id, date`` [, ``amount``], one row per order (rows with a
    negative amount are refunds, left out). Columns of :data:`PURCHASE_COLUMNS` (defined
    in the module docstring); rates are NaN in a month without orders.

    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 1], "date": ["2024-01-03", "2024-01-20",
    ...                        "2024-02-01", "2024-02-09"]})
    >>> repeat_purchases(orders).to_dict("list")  # doctest: +NORMALIZE_WHITESPACE
    {'buyers': [1, 2], 'repeat_purchasers': [1, 0], 'returning': [0, 1], 'repeat_purchase_rate': [1.0, 0.0],
     'returning_rate': [0.0, 0.5]}
    """
    source = source_of(orders, source)  # a sheet's table: its rows are named as the sheet's
    df, names = _orders(orders, columns, source, options, "repeat_purchases")
    grouped = _grouped_activity(
        df, names, "customer_id", "date", None, start, end, source, refunds=True, options=options
    )
    return _purchases_frame(_activity_pass(grouped, cohorts=False), grouped.range)


@checked_keywords
def cohorts_from_orders(
    orders: pd.DataFrame,
    kind: str = "customers",
    as_rates: bool = False,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
) -> pd.DataFrame:
    """Cohort table of orders (``customer_id, date`` [, ``amount``], one row per order; refunds left out).

    A customer's cohort is the month of their first order; cell (c, k) counts cohort c's
    customers who ordered in month c + k (``kind="revenue"``: the sum of their order
    amounts that month, which needs ``amount``). Layout as in ``cohorts_from_snapshots``.
    """
    _check_kind(kind)
    source = source_of(orders, source)  # a sheet's table: its rows are named as the sheet's
    df, names = _orders(orders, columns, source, options)
    if kind == "revenue" and "amount" not in df:
        raise DataError(
            f"{source}: revenue cohorts need an 'amount' column (columns found: "
            f"{', '.join(repr(str(c)) for c in orders.columns)})",
            source=source,
            column="amount",
        )
    value_column = "amount" if kind == "revenue" else None
    grouped = _grouped_activity(
        df, names, "customer_id", "date", value_column, start, end, source, refunds=True, options=options
    )
    counts = _activity_pass(grouped, cohorts=True)
    table = _cohort_frame(counts.cohort_customers if kind == "customers" else counts.cohort_values, grouped.range)
    return cohort_rates(table) if as_rates else table


@checked_keywords
def overall_repeat_purchase_rate(
    orders: pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
) -> float:
    """Share of customers with 2 or more orders (rows; refunds left out), over the whole table; NaN without orders.

    Uses the one-argument core :func:`~xl_retention.metrics.repeat_purchase_rate` on each
    customer's order count.

    >>> overall_repeat_purchase_rate(pd.DataFrame({"customer_id": ["a", "a", "b"],
    ...                                            "date": ["2024-01-01"] * 3}))
    0.5
    """
    source = source_of(orders, source)  # a sheet's table: its rows are named as the sheet's
    df, _ = _orders(orders, columns, source, options, "repeat_purchases")
    if "amount" in df:
        df = df[df["amount"].to_numpy() >= 0]
    codes = _id_codes(df["customer_id"])
    if codes.codes.size == 0:
        return float("nan")
    per_customer = np.bincount(codes.dense(), minlength=codes.count)
    warn_rate_in_progress(df["date"], "overall_repeat_purchase_rate", options)  # as the tables' last month warns
    return float(_metrics.repeat_purchase_rate(per_customer[per_customer > 0]))


# -- visits ---------------------------------------------------------------------------
@checked_keywords
def returning_visitors(
    visits: pd.DataFrame,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
) -> pd.DataFrame:
    """Visitors and returning visitors per month, from visits (``visitor_id, date``, one row per visit).

    Columns of :data:`VISITOR_COLUMNS`: ``visitors`` (distinct visitors that month),
    ``returning`` (of them, those seen in an earlier month; visits before ``start`` count),
    ``returning_visitor_rate`` (core function; NaN in a month without visits).

    >>> visits = pd.DataFrame({"visitor_id": ["x", "y", "x"], "date": ["2024-01-02", "2024-02-03", "2024-02-04"]})
    >>> returning_visitors(visits).to_dict("list")
    {'visitors': [1, 2], 'returning': [0, 1], 'returning_visitor_rate': [0.0, 0.5]}
    """
    source = source_of(visits, source)  # a sheet's table: its rows are named as the sheet's
    df, names = prepared(visits, "visits", columns, source, options, "returning_visitors")
    grouped = _grouped_activity(df, names, "visitor_id", "date", None, start, end, source, options=options)
    counts = _activity_pass(grouped, cohorts=False)
    return visitors_from_counts(_returning_frame(counts, grouped.range, "visitors"))
