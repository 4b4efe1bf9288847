"""The monthly tables computed by an engine: the functions, columns, dtypes and values of :mod:`xl_retention.tables`.

Each function takes a pandas DataFrame, an Ibis table or a Spark DataFrame and returns pandas
(as the numpy tables do); ``backend`` is an Ibis backend (:func:`.backends.connect`) or None:
an Ibis table's own backend, a Spark DataFrame's session, else the embedded DuckDB. With
``segment`` (a column name) every table has one block per segment: the index is
``(segment, month)`` (cohorts: ``(segment, cohort)``); see :mod:`.definitions` for which segment
a customer counts in.

>>> snaps = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3],
...                       "month": ["2024-01", "2024-02", "2024-01", "2024-03", "2024-02"],
...                       "mrr": [10, 15, 20, 20, 5]})
>>> monthly_movements(snaps)[["customers_start", "gained", "lost", "expansion_mrr"]].to_dict("list")
{'customers_start': [0, 2, 2], 'gained': [2, 1, 1], 'lost': [0, 1, 2], 'expansion_mrr': [0.0, 5.0, 0.0]}
"""

from __future__ import annotations

import contextlib
import functools
import inspect
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import numpy as np
import pandas as pd

from ..errors import RetentionInputError
from ..reading import DataError, ReadOptions, subscription_kind
from ..tables._keywords import checked_keywords
from ..tables._months import MonthLike, _month_arg, cohort_rates
from ..tables.activity import OrderTables, purchases_from_counts, visitors_from_counts
from ..tables.existing_customers import existing_cohorts
from ..tables.subscriptions import SubscriptionTables, movements_from_counts
from ..tables.surveys import nps_from_counts
from . import definitions as d
from .backends import backend_of, computed_once, default_duckdb
from .input_checks import check_duplicates, check_input, check_months, check_placeholders, passes_checks
from .inputs import Input, snapshots_of, typed_input
from .leftovers import dropped_after
from .one_segment import one_segment
from .order_ids import FILE_READ_BY
from .session_zone import utc_sessions

__all__ = [
    "monthly_movements",
    "nps_by_month",
    "order_tables",
    "repeat_purchases",
    "returning_visitors",
    "subscription_tables",
]


def _in_utc(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` run with its connection's and Spark sessions' zone UTC, the caller's own put back after
    (:mod:`.session_zone`: a TIMESTAMPTZ's month is UTC's, and the caller's session is left as it was), and the views
    and temporary tables it made there dropped after (:mod:`.leftovers`)."""
    first = next(iter(inspect.signature(function).parameters))

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        data = args[0] if args else kwargs.get(first)
        FILE_READ_BY.set(None)  # said by this call's tables only (order_ids)
        try:
            with utc_sessions(data, kwargs.get("backend")), dropped_after(data, kwargs.get("backend")):
                return function(*args, **kwargs)
        except Exception as error:
            if type(error).__name__ == "InsufficientPrivilege" and "temporary tables" in str(error):
                from ibis.expr.types import Table

                said = _NO_TEMP_TABLE if isinstance(data, Table) else _NO_TEMP  # a table on the server: read back
                said = said.format(str(error).strip().splitlines()[0])
                why = FILE_READ_BY.get() if isinstance(data, Table) else None
                raise DataError(said + (f" (this table's: {why})" if why else "")) from None
            raise

    return run


#: A table sent to a PostgreSQL server is a temporary table there: a read-only role may not make one (H202's 13).
_NO_TEMP = (
    "the database role may not create temporary tables ({}), which sending a table from Python to the server "
    "needs: pass a table already on the server (con.table('schema.name'), which a role that may read it can "
    "count), give the role TEMP (GRANT TEMP ON DATABASE name TO role), or compute with backend='duckdb'"
)
#: A table already on the server whose rows are read as a file's (a subscription_id column, statuses, text dates:
#: :mod:`.inputs`) and sent back as a temporary table: passing the table again cannot help (H225's finding 01).
_NO_TEMP_TABLE = (
    "the database role may not create temporary tables ({}): the table's rows are read as a file's are (its columns "
    "need the file rules: a subscription_id, an order_id on several rows (line items, a sale's refunds) or beside "
    "other columns, statuses, text dates, ...) and sent back to the server as a temporary "
    "table, which needs TEMP: give the role TEMP (GRANT TEMP ON DATABASE name TO role), or export the table to a file "
    "and import that (--backend duckdb; backend='duckdb' in Python)"
)


def _engine(data: Any, backend: Any) -> Any:
    """The Ibis backend to compute on: ``backend`` (a connection, or an engine's name as ``--backend`` spells it:
    ``"duckdb"``, ``"spark"``, connected by :func:`~.backends.connect`; a PostgreSQL server's URL
    ``"postgres://user@host:port/database"``), else the data's own engine, else an in-memory DuckDB."""
    if isinstance(backend, str):  # backend="duckdb", as the CLI's --backend duckdb
        from .backends import connect

        if backend == "pandas":
            raise ValueError(
                "backend='pandas': xl_retention.relational computes in an engine (backend='duckdb', 'spark', "
                "'postgres' or a connection); the pandas tables are xl_retention.tables' functions"
            )
        if backend.startswith(("postgres://", "postgresql://")):  # a server's URL, as the CLI's --connection
            return connect("postgres", backend)
        if backend == "postgres":  # the CLI's --connection has no keyword here: the connection is the backend
            raise ValueError(
                "backend='postgres' needs the server: backend='postgres://user@host:port/database', or an Ibis "
                "connection, backend=ibis.postgres.connect(host=..., database=...)"
            )
        if backend == "duckdb":
            return default_duckdb()
        if backend == "spark":
            return connect(backend)
        raise RetentionInputError(f"backend {backend!r} is none of the backends: {_BACKEND_FORMS}", "backend", backend)
    if backend is not None:
        return _connection(backend)
    if type(data).__module__.startswith("pyspark.sql"):
        import ibis

        return ibis.pyspark.connect(data.sparkSession)
    if not isinstance(data, pd.DataFrame):
        found = backend_of(data)
        if found is not None:
            return found
    return default_duckdb()


#: what ``backend=`` takes, for its refusals
_BACKEND_FORMS = (
    "give an Ibis connection (ibis.duckdb.connect(...), ibis.postgres.connect(...)), a DuckDB connection, a Spark "
    "session, 'duckdb', 'spark' or a PostgreSQL server's URL ('postgres://user@host:5432/database')"
)


def _connection(backend: Any) -> Any:
    """``backend=`` given as an object: an Ibis connection as it is; a DuckDB connection (``duckdb.connect()``) or a
    Spark session wrapped by Ibis (the tables are computed there, on its tables and settings); anything else refused
    naming ``backend`` and what it takes."""
    from ibis.backends import BaseBackend

    if isinstance(backend, BaseBackend):
        return backend
    kind = type(backend)
    if kind.__module__.lstrip("_").startswith("duckdb") and kind.__name__ == "DuckDBPyConnection":
        import ibis

        return ibis.duckdb.from_connection(backend)
    if kind.__module__.startswith("pyspark.sql") and kind.__name__ == "SparkSession":
        import ibis

        return ibis.pyspark.connect(backend)
    raise RetentionInputError(
        f"backend is no connection: got {backend!r} ({kind.__module__}.{kind.__qualname__}); {_BACKEND_FORMS}",
        "backend",
        backend,
    )


def _months(frame: pd.DataFrame, column: str) -> pd.PeriodIndex:
    return pd.PeriodIndex(pd.to_datetime(frame[column]), freq="M", name=column)


def _monthly(frame: pd.DataFrame, make: Callable[[pd.DataFrame], pd.DataFrame], segmented: bool) -> pd.DataFrame:
    """The engine's long monthly counts (``month`` [, ``segment``] and counts) to the table of the pandas path:
    index ``month`` (or ``segment, month``), the rates made by ``make`` (a ``*_from_counts`` of
    :mod:`xl_retention.tables`, which calls the core functions)."""
    index: pd.Index = _months(frame, "month")
    if segmented:
        index = pd.MultiIndex.from_arrays([frame["segment"].astype(str).to_numpy(), index], names=["segment", "month"])
    counts = frame.drop(columns=[c for c in ("month", "segment") if c in frame.columns])
    counts = counts.apply(lambda column: pd.to_numeric(column, errors="raise"))  # engines give decimals/objects too
    counts.index = index
    return make(counts)


def _matrix(long: pd.DataFrame, value: str, months: pd.PeriodIndex) -> pd.DataFrame:
    """Long cohort cells to the cohort x months-since triangle of the months shown (zeros inside, NaN after)."""
    n = len(months)
    index = pd.PeriodIndex(months, freq="M", name="cohort")
    table = np.full((n, n), np.nan)
    if n:
        inside = np.arange(n)[:, None] + np.arange(n)[None, :] < n
        table[inside] = 0.0
        if len(long):
            rows = (pd.PeriodIndex(pd.to_datetime(long["cohort"]), freq="M").asi8 - months[0].ordinal).astype(np.int64)
            table[rows, long["months_since"].to_numpy(dtype=np.int64)] = long[value].to_numpy(dtype=np.float64)
    return pd.DataFrame(table, index=index, columns=pd.RangeIndex(n, name="months_since"))


def _cohorts(long: pd.DataFrame, value: str, months: pd.PeriodIndex, segments: list[str] | None) -> pd.DataFrame:
    if segments is None:
        return _matrix(long, value, months)
    parts = [_matrix(long[long["segment"] == s], value, months) for s in segments]
    out = pd.concat(parts, keys=segments, names=["segment", "cohort"]) if parts else _matrix(long, value, months)
    return out


def _shown_months(frame: pd.DataFrame) -> pd.PeriodIndex:
    months = _months(frame, "month") if len(frame) else pd.PeriodIndex([], freq="M")
    return pd.PeriodIndex(sorted(set(months)), freq="M") if len(months) else months


def _segments(frame: pd.DataFrame, segment: str | None) -> list[str] | None:
    return sorted(set(frame["segment"].astype(str))) if segment is not None else None


def _prepared(data: Any, kind: str, con: Any, columns: Any, source: str, options: Any, segment: str | None) -> Input:
    item = typed_input(data, kind, con, columns=columns, source=source, options=options, segment=segment)
    check_input(con, item)
    return item


def _dated(start: MonthLike, end: MonthLike, options: Any) -> tuple[MonthLike, MonthLike]:
    """``start`` and ``end`` written as dates ('01/02/2025') read with the options' day/month order (as the tables')."""
    from ..reading.date_arguments import month_argument

    return month_argument(start, "start", options), month_argument(end, "end", options)


def _range(start: MonthLike, end: MonthLike) -> tuple[int | None, int | None]:
    from ..errors import RetentionInputError

    s, e = _month_arg("start", start), _month_arg("end", end)
    if s is not None and e is not None and e < s:
        raise RetentionInputError(f"end ({end}) is before start ({start})", "end", end)
    return s, e


def _subscription_input(data: Any, con: Any, columns: Any, source: str, options: Any, segment: str | None) -> Input:
    """The typed subscriptions input, not yet checked (see :func:`_subscription_rows`)."""
    names = list(map(str, data.columns)) if hasattr(data, "columns") else []
    kind = subscription_kind(pd.DataFrame(columns=names), columns)
    return typed_input(data, kind, con, columns=columns, source=source, options=options, segment=segment)


class _DataMonths:
    """The months (ordinals) of an input's first and last rows (an intervals table: of its starts), queried once,
    when first asked for (one aggregate: the checks of ``start``, ``end`` and ``through`` share it)."""

    def __init__(self, con: Any, item: Input) -> None:
        self._con, self._item = con, item
        self._found: tuple[int | None, int | None] | None = None

    def _months(self) -> tuple[int | None, int | None]:
        if self._found is None:
            table = self._item.table
            column = table.m if "m" in table.columns else table.start_m
            row = self._con.execute(table.aggregate(first=column.min(), last=column.max())).iloc[0]
            first, last = (None if v is None or pd.isna(v) else int(v) for v in (row["first"], row["last"]))
            self._found = first, last
        return self._found

    @property
    def first(self) -> int | None:
        return self._months()[0]

    @property
    def last(self) -> int | None:
        return self._months()[1]


def _check_through(con: Any, item: Input, through: int, months: _DataMonths | None = None) -> None:
    """Refuse ``through`` after the current month (its months have not happened) or before the input's first month
    (no month of it would be in the tables), as ``import --through`` does; a ``RetentionInputError`` naming it."""
    from ..tables.subscriptions import current_month

    month, now = pd.Period(ordinal=through, freq="M"), pd.Period(ordinal=current_month(item.today), freq="M")
    if month > now:
        raise RetentionInputError(
            f"through {month} is after the current month, {now}: its months have not happened yet (the last full "
            f"month: through='{now - 1}')",
            "through",
            str(month),
        )
    first = (months or _DataMonths(con, item)).first
    if first is not None and through < first:
        start = pd.Period(ordinal=first, freq="M")
        raise RetentionInputError(
            f"through {month} is before {item.source}'s first month, {start}: none of its months would be in the "
            f"tables (give through='{start}' or later)",
            "through",
            str(month),
        )


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
            check_months(con, item)  # a missing month, months after the current one (an import's exports)
            s, e = _range(start, end)
            _month_arg("through", through)
            if s is not None and item.kind == "snapshots":  # a start after the last snapshot: every customer lost
                from ..tables.subscriptions import observed_through, refuse_end_after_data

                refuse_end_after_data(s, observed_through(data, months.last), item.source, "start")
            _refuse_before_first(months, item, s, None)
        check_duplicates(con, cells, item, snaps, e)
        yield cells, s, e


def _refuse_before_first(months: _DataMonths, item: Input, start: int | None, end: int | None) -> None:
    """A ``start``/``end`` before the input's first month (an intervals table's first start) refused (months of 0
    customers, though nothing says there were none: :func:`~.tables._months.refuse_before_data`), as the pandas
    tables do; a segment's rows are the whole input's (its months)."""
    if start is None and end is None:
        return
    from ..tables._months import refuse_before_data

    refuse_before_data(start, end, months.first, item.source, "customers")


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


def _activity_range(
    con: Any, item: Input, start: MonthLike, end: MonthLike, through: MonthLike, options: ReadOptions | None
) -> tuple[int | None, int | None]:
    """The months (ordinals) of an orders, visits or answers table: ``start``/``end`` as given (before the data's first
    month or after its last refused), ``through`` checked as ``--through`` is (after the current month or before the
    data's first: refused) ending the tables there when the data go on after it, as the import does. The data's
    first and last months: one query (:class:`_DataMonths`)."""
    s, e = _range(*_dated(start, end, options))
    months = _DataMonths(con, item)
    _refuse_outside_data(months, item, s, e)
    if through is None:
        return s, (e if e is not None else _covered_end(con, item, months))
    t = _month_arg("through", through)
    _check_through(con, item, t, months)
    if s is not None and s > t:
        raise RetentionInputError(
            f"start {pd.Period(ordinal=s, freq='M')} is after through {pd.Period(ordinal=t, freq='M')}", "start", start
        )
    if e is not None:
        return s, min(e, t)
    if months.last is not None and t < months.last:
        return s, t
    covered = _covered_end(con, item, months)
    return s, (None if covered is None else min(covered, t))


def _covered_end(con: Any, item: Input, months: _DataMonths) -> int | None:
    """The last month of an orders input where it is after its last purchase's (an order refunded in full, cancelled
    or a refund the only rows of its last months), None otherwise: the tables run to it, those months 0 buyers, with
    a note, as the pandas tables (reading.covered_months). The input's last month is its latest row's, paid or not
    (``item.covered``, a file's read by reading.prepare; a typed table's: its refund rows')."""
    if item.kind != "orders" or months.last is None:
        return None
    covered = max(months.last, item.covered if item.covered is not None else months.last)
    table = item.table
    paid = months.last
    if "amount" in table.columns:
        found = con.execute(table.filter(table.amount >= 0).m.max())
        paid = None if found is None or pd.isna(found) else int(found)
    if paid is not None and covered <= paid:
        return None
    from ..reading.covered_months import unpaid_months_note
    from ..reading.notes import note

    note(unpaid_months_note(item.source, paid, covered))
    return covered


def _refuse_outside_data(months: _DataMonths, item: Input, start: int | None, end: int | None) -> None:
    """A ``start``/``end`` before the month of the data's first row or after its last refused
    (:func:`~.tables._months.refuse_outside_data`: its months would be months of 0 orders, visits or answers), as
    the pandas tables do; a segment's rows are the whole input's (its months)."""
    if start is None and end is None:
        return
    from ..tables._months import refuse_outside_data

    what = {"orders": "orders", "visits": "visits", "answers": "answers"}.get(item.kind, "rows")
    refuse_outside_data(start, end, months.first, months.last, item.source, what)


def _counted(data: Any, kind: str, definition: Any, from_counts: Any, start: MonthLike, end: MonthLike,
             columns: Mapping[str, str] | None, source: str, options: ReadOptions | None, backend: Any,
             segment: str | None, through: MonthLike = None) -> pd.DataFrame:  # fmt: skip
    """One monthly table: the engine counts by ``definition``, the core's ``from_counts`` adds the rates."""
    con = _engine(data, backend)
    item = _prepared(data, kind, con, columns, source, options, segment)
    s, e = _activity_range(con, item, start, end, through, options)
    counts = item.decoded(con.execute(definition(item.table, s, e)))
    return _monthly(counts, from_counts, segment is not None)


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
    """NPS per month (as :func:`xl_retention.tables.nps_by_month`), by the engine."""
    return _counted(answers, "answers", d.nps, lambda counts: nps_from_counts(counts, confidence), start, end,
                    columns, source, options, backend, segment, through)  # fmt: skip
