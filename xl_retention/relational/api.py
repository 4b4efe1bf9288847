"""The monthly tables computed by an engine: the functions, columns, dtypes and values of :mod:`xl_retention.tables`.

Each function takes a pandas DataFrame, an Ibis table or a Spark DataFrame and returns pandas
(as the numpy tables do); ``backend`` is an Ibis backend (:func:`.backends.connect`) or None:
an Ibis table's own backend, a Spark DataFrame's session, else the embedded DuckDB. With
``segment`` (a column name) every table has one block per segment: the index is
``(segment, month)`` (cohorts: ``(segment, cohort)``); see :mod:`.definitions` for which segment
a customer counts in. The engine a function computes on: :mod:`.engine_calls`; the months it computes:
:mod:`.month_ranges`; the fetched counts made pandas tables: :mod:`.fetched_counts`.

>>> snaps = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3],
...                       "month": ["2024-01", "2024-02", "2024-01", "2024-03", "2024-02"],
...                       "mrr": [10, 15, 20, 20, 5]})
>>> monthly_movements(snaps)[["customers_start", "gained", "lost", "expansion_mrr"]].to_dict("list")
{'customers_start': [0, 2, 2], 'gained': [2, 1, 1], 'lost': [0, 1, 2], 'expansion_mrr': [0.0, 5.0, 0.0]}
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from typing import Any

import pandas as pd

from ..reading import DataError, ReadOptions, subscription_kind
from ..tables._keywords import checked_keywords
from ..tables._months import MonthLike, _month_arg, cohort_rates
from ..tables.activity import OrderTables, purchases_from_counts, visitors_from_counts
from ..tables.existing_customers import existing_cohorts
from ..tables.subscriptions import SubscriptionTables, movements_from_counts
from ..tables.surveys import nps_from_counts
from . import definitions as d
from .backends import computed_once
from .engine_calls import _engine, _in_utc
from .fetched_counts import _cohorts, _monthly, _segments, _shown_months
from .input_checks import (
    check_duplicates,
    check_input,
    check_months,
    check_placeholders,
    check_rows,
    passes_checks,
)
from .inputs import Input, snapshots_of, typed_input
from .month_ranges import _activity_range, _check_through, _DataMonths, _dated, _range, _refuse_before_first
from .one_segment import one_segment

__all__ = [
    "monthly_movements",
    "nps_by_month",
    "order_tables",
    "repeat_purchases",
    "returning_visitors",
    "subscription_tables",
]


def _prepared(data: Any, kind: str, con: Any, columns: Any, source: str, options: Any, segment: str | None) -> Input:
    item = typed_input(data, kind, con, columns=columns, source=source, options=options, segment=segment)
    check_input(con, item)
    return item


def _subscription_input(data: Any, con: Any, columns: Any, source: str, options: Any, segment: str | None) -> Input:
    """The typed subscriptions input, not yet checked (see :func:`_subscription_rows`)."""
    names = list(map(str, data.columns)) if hasattr(data, "columns") else []
    kind = subscription_kind(pd.DataFrame(columns=names), columns)
    return typed_input(data, kind, con, columns=columns, source=source, options=options, segment=segment)


@contextlib.contextmanager
def _subscription_rows(
    con: Any, item: Input, start: MonthLike, end: MonthLike, through: MonthLike, data: Any = None
) -> Iterator[tuple[Any, int | None, int | None]]:
    """The checked cells of :func:`.definitions.subscription_cells` (cached while in use) and the month range.

    Snapshots without ``end``: the checks (blanks, negative MRR, the span, duplicates) are counted with
    the cells in the same pass (one window pass, one aggregate), so that the input is read once; only when one
    fails does :func:`.input_checks.check_input` run on the input, for its error naming the rows. Otherwise
    (intervals, ``end``), the input is checked first. Errors come in the same order either way.
    """
    months = _DataMonths(con, item)  # the first and last months, one query when a check needs them
    if through is not None:
        _check_through(con, item, _month_arg("through", through), months)
    asked = _month_arg("end", end)  # as given: a month after the snapshots' last is refused once they are checked
    if item.kind == "snapshots" and through is not None:  # snapshots end with `through` (as import --through)
        t, e0 = _month_arg("through", through), _month_arg("end", end)
        # `through` after the data's last month ends the tables with that month, as the import does: a month of
        # no snapshots is not observed, so its customers are not counted lost (an `end` after it is refused)
        if e0 is not None:
            end = through if t < e0 else end
        else:
            end = through if months.last is not None and t < months.last else end
    fused = item.kind == "snapshots" and end is None
    if not fused:
        check_input(con, item)
        if item.kind == "snapshots" and asked is not None:  # a month without snapshots: every customer lost
            from ..tables.subscriptions import observed_through, refuse_end_after_data

            t = _month_arg("through", through)
            held = observed_through(data, months.last)
            refuse_end_after_data(asked if t is None else min(asked, t), held, item.source)
        s, e = _range(start, end)
        _refuse_before_first(months, item, s, asked)
        snaps = snapshots_of(con, item, _month_arg("through", through))
    else:
        s = e = None
        snaps = snapshots_of(con, item)
    with computed_once(con, d.subscription_cells(d.subscription_rows(snaps, e, checked=fused))) as cells:
        if fused:
            if not passes_checks(con, cells):
                check_input(con, item)  # raises the error naming the rows
                raise DataError(f"{item.source}: a blank, negative or out-of-range value (not found again)",
                                source=item.source)  # fmt: skip
            check_placeholders(con, item)  # 1900-01-01, SQL Server's datetime 0: a missing date (as a file's)
            check_rows(con, item)  # the ids' checks ('Acme' beside 'acme', '(not set)'), as check_input's order
            check_months(con, item)  # a missing month, months after the current one (an import's exports)
            s, e = _range(start, end)
            _month_arg("through", through)
            if s is not None and item.kind == "snapshots":  # a start after the last snapshot: every customer lost
                from ..tables.subscriptions import observed_through, refuse_end_after_data

                refuse_end_after_data(s, observed_through(data, months.last), item.source, "start")
            _refuse_before_first(months, item, s, None)
        check_duplicates(con, cells, item, snaps, e)
        yield cells, s, e


@checked_keywords
@one_segment
@_in_utc
def subscription_tables(
    snapshots: Any,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    as_rates: bool = False,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
    backend: Any = None,
    segment: str | None = None,
    through: MonthLike = None,
    existing_at_start: bool = False,
) -> SubscriptionTables:
    """Movements, customer and revenue cohorts and survivors of subscriptions (snapshots ``customer_id, month, mrr``,
    or intervals ``customer_id, start[, end], mrr``; billing exports too), computed by the engine.

    As :func:`xl_retention.tables.subscription_tables`. ``through`` ends every table with that month (as
    ``import --through``): for intervals, open ones run through it (of
    :func:`~xl_retention.tables.snapshots_from_intervals` with ``through``); snapshots after it are left out.
    ``existing_at_start`` as there: the first month's cohort left out of the cohort tables (a warning without it
    when that month looks like customers of every tenure).
    """
    con = _engine(snapshots, backend)
    start, end = _dated(start, end, options)
    item = _subscription_input(snapshots, con, columns, source, options, segment)
    with _subscription_rows(con, item, start, end, through, snapshots) as (cells, s, e):
        bounds = d._bounds(cells, s, e)  # the rows up to `end` give the same bounds as all rows (see _bounds)
        moves = item.decoded(con.execute(d.movements_of(cells, bounds)))
        long = item.decoded(con.execute(d.subscription_cohorts_of(cells, bounds)))
    months = _shown_months(moves)
    segments = _segments(moves, segment)
    tables = [_cohorts(long, v, months, segments) for v in ("customers", "revenue", "survivors")]
    if as_rates:
        tables = [cohort_rates(t) for t in tables]
    movements = _monthly(moves, movements_from_counts, segment is not None)
    return SubscriptionTables(movements, *existing_cohorts(movements, tuple(tables), existing_at_start, start))


@checked_keywords
@one_segment
@_in_utc
def monthly_movements(
    snapshots: Any,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
    backend: Any = None,
    segment: str | None = None,
    through: MonthLike = None,
) -> pd.DataFrame:
    """Customer and MRR movements per month (as :func:`xl_retention.tables.monthly_movements`), by the engine.

    ``through`` ends the months with it (as ``import --through``): for intervals, open ones run through it
    (:func:`~xl_retention.tables.snapshots_from_intervals`); snapshots after it are left out, as with ``end``.
    """
    con = _engine(snapshots, backend)
    start, end = _dated(start, end, options)
    item = _subscription_input(snapshots, con, columns, source, options, segment)
    with _subscription_rows(con, item, start, end, through, snapshots) as (cells, s, e):
        moves = item.decoded(con.execute(d.movements_of(cells, d._bounds(cells, s, e))))
    return _monthly(moves, movements_from_counts, segment is not None)


@checked_keywords
@one_segment
@_in_utc
def order_tables(
    orders: Any,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    as_rates: bool = False,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
    backend: Any = None,
    segment: str | None = None,
    through: MonthLike = None,
) -> OrderTables:
    """Purchases and order cohorts (refunds left out), as :func:`xl_retention.tables.order_tables`, by the engine.

    ``through`` as ``import --through`` (and :func:`subscription_tables`' ``through``): after the current month or
    before the orders' first month refused; the orders after it left out, the tables ending with it. A
    ``start``/``end`` after the orders' last month is refused (its months would be months of 0 buyers), as in the
    pandas tables."""
    con = _engine(orders, backend)
    item = _prepared(orders, "orders", con, columns, source, options, segment)
    s, e = _activity_range(con, item, start, end, through, options)
    with computed_once(con, d.activity_rows(item.table, "customer_id", e)) as per:
        bounds = d._bounds(per, s, e)  # the months of the orders up to `end`: the bounds of them all
        bought = item.decoded(con.execute(d.purchases_of(per, bounds)))
        cells = item.decoded(con.execute(d.order_cohorts_of(per, bounds)))
    months, segments = _shown_months(bought), _segments(bought, segment)
    customers = _cohorts(cells, "customers", months, segments)
    revenue = _cohorts(cells, "revenue", months, segments) if "amount" in item.table.columns else None
    if as_rates:
        customers = cohort_rates(customers)
        revenue = cohort_rates(revenue) if revenue is not None else None
    return OrderTables(_monthly(bought, purchases_from_counts, segment is not None), customers, revenue)


def _counted(data: Any, kind: str, definition: Any, from_counts: Any, start: MonthLike, end: MonthLike,
             columns: Mapping[str, str] | None, source: str, options: ReadOptions | None, backend: Any,
             segment: str | None, through: MonthLike = None, after: Any = None) -> pd.DataFrame:  # fmt: skip
    """One monthly table: the engine counts by ``definition``, the core's ``from_counts`` adds the rates;
    ``after(con, item, first, last)``, where given, is asked of the input and its months (a note of them)."""
    con = _engine(data, backend)
    item = _prepared(data, kind, con, columns, source, options, segment)
    s, e = _activity_range(con, item, start, end, through, options)
    counts = item.decoded(con.execute(definition(item.table, s, e)))
    if after is not None:
        after(con, item, s, e)
    return _monthly(counts, from_counts, segment is not None)


def _edge_answer_months(con: Any, item: Input, first: int | None, last: int | None, source: str, zoned: bool) -> None:
    """The note of :func:`xl_retention.tables.nps_by_month` on a last month holding only answers of its first day
    (or a first month only of its last day): a partial month (``tables.surveys._warn_edge_months``, the same words),
    from each month's count of answers and its earliest and latest answer's time (one query); ``zoned``: the dates
    were moved by ``options.timezone``."""
    from ..tables.surveys import ANSWER_DATES, ZONED, _warn_edge_months

    scored = item.table.filter(item.table.score.notnull())
    if first is not None:
        scored = scored.filter(scored.m >= first)
    if last is not None:
        scored = scored.filter(scored.m <= last)
    found = con.execute(scored.group_by("m").aggregate(n=scored.count(), low=scored.date.min(),
                                                         high=scored.date.max()).order_by("m"))  # fmt: skip
    if len(found) < 2:
        return
    months = [pd.Period(ordinal=int(m), freq="M") for m in found["m"]]
    by_month = pd.Series([range(int(n)) for n in found["n"]], index=months, dtype=object)  # each month's answers
    spans = zip(months, found["low"], found["high"], strict=True)  # all inside the edge day: both ends inside
    by_month.attrs[ANSWER_DATES] = {month: [pd.Timestamp(low).value, pd.Timestamp(high).value]
                                    for month, low, high in spans}  # fmt: skip
    by_month.attrs[ZONED] = zoned
    _warn_edge_months(by_month, source)


@checked_keywords
@one_segment
@_in_utc
def repeat_purchases(
    orders: Any,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
    backend: Any = None,
    segment: str | None = None,
    through: MonthLike = None,
) -> pd.DataFrame:
    """The purchases table (as :func:`xl_retention.tables.repeat_purchases`), by the engine."""
    return _counted(orders, "orders", d.purchases, purchases_from_counts, start, end, columns, source, options,
                    backend, segment, through)  # fmt: skip


@checked_keywords
@one_segment
@_in_utc
def returning_visitors(
    visits: Any,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
    backend: Any = None,
    segment: str | None = None,
    through: MonthLike = None,
) -> pd.DataFrame:
    """Visitors and returning visitors per month (as :func:`xl_retention.tables.returning_visitors`), by the engine."""
    return _counted(visits, "visits", d.visitors, visitors_from_counts, start, end, columns, source, options,
                    backend, segment, through)  # fmt: skip


@checked_keywords
@one_segment
@_in_utc
def nps_by_month(
    answers: Any,
    start: MonthLike = None,
    end: MonthLike = None,
    *,
    confidence: float = 0.95,
    columns: Mapping[str, str] | None = None,
    source: str = "input",
    options: ReadOptions | None = None,
    backend: Any = None,
    segment: str | None = None,
    through: MonthLike = None,
) -> pd.DataFrame:
    """NPS per month (as :func:`xl_retention.tables.nps_by_month`), by the engine; a partial first or last month
    noted as it notes it (:func:`_edge_answer_months`)."""
    zoned = bool(options is not None and options.timezone)

    def edges(con: Any, item: Input, first: int | None, last: int | None) -> None:
        _edge_answer_months(con, item, first, last, source, zoned)

    return _counted(answers, "answers", d.nps, lambda counts: nps_from_counts(counts, confidence), start, end,
                    columns, source, options, backend, segment, through, edges)  # fmt: skip
