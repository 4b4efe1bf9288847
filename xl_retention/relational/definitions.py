"""The monthly tables as relational expressions (Ibis): written once, compiled to every engine.

Each function takes Ibis tables with our column names and types (built by :mod:`.inputs`,
or declared by :mod:`.sql` for a warehouse) and returns an Ibis expression in long format:
one row per month (and per segment), or per cohort and month. Nothing here is engine-specific
and no SQL is written by hand; :func:`ibis.to_sql` turns any of them into DuckDB, Spark,
PostgreSQL, Snowflake, BigQuery, ... SQL.

The expressions count and sum, and nothing else: no rate is computed here. The rates (CRR,
churn, NRR, GRR, quick ratio, purchase and visitor rates, NPS) are made from the fetched rows
by the same functions the pandas path uses (:func:`xl_retention.tables.movements_from_counts`,
:func:`~xl_retention.tables.purchases_from_counts`, :func:`~xl_retention.tables.visitors_from_counts`,
:func:`~xl_retention.tables.nps_from_counts`, which call :mod:`xl_retention.metrics`): one
formula per metric, whatever the engine.

The counting rules are those of ``docs/metrics.md`` ("Counting rules for raw data"), as
:mod:`xl_retention.tables` counts them with numpy:

* months are ordinals (months since 1970-01; :func:`month_ordinal`), shown as the first day
  of the month (:func:`month_date`). Every table covers the contiguous months from the first
  month of the data (or ``start``) to the last (or ``end``): a calendar, so that a month without
  rows is a row of zeros. Data before ``start`` counts (who is new, reactivated or lost); rows
  after ``end`` are left out.
* subscriptions (``customer_id, m, mrr``): active = MRR above 0. For each active row, the
  customer's previous active month (``prev_m``) and next one (``next_m``) tell new (no earlier
  active month), kept (``prev_m = m - 1``: expansion or contraction against ``prev_mrr``),
  reactivated (an earlier one, not the month before) and lost in ``m + 1`` (``next_m`` is not
  ``m + 1``; its churned MRR is this month's MRR). MRR is netted per customer (one row per
  customer and month), so one customer's upgrade never offsets another's downgrade: GRR's
  per-customer cap, ``sum(min(mrr_now, mrr_start)) = mrr_start - lost_mrr``.
* cohort of a customer = their first active month; survivors: active rows whose rank among
  the customer's active rows equals the months since their cohort (active every month since).
* orders: refunds (amount < 0) are not orders; per customer and month: orders and amount;
  buyers, repeat purchasers (more than one order that month), returning (ordered in an
  earlier month). Visits likewise (visitors, returning). NPS: promoters 9-10, passives 7-8,
  detractors 0-6 of the answers with a score.
* segments (a ``segment`` column): a customer counts in the segment of their first active
  month (orders, visits: of their first order or visit; several there: the smallest), for
  every month; each segment's table is then the table of its customers alone, over the
  months of the whole data, and the segments' counts and sums add up to the whole table.
  Survey answers (no customer) count in their own row's segment. A blank segment is
  ``(blank)``.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from .segments import BLANK_SEGMENT

__all__ = [
    "BLANK_SEGMENT",
    "billing_mrr",
    "intervals_to_snapshots",
    "month_date",
    "month_ordinal",
    "whole_score",
    "movements",
    "nps",
    "order_cohorts",
    "purchases",
    "subscription_cohorts",
    "visitors",
]

_EPOCH = 1970


def whole_score(score: ir.NumericValue) -> ir.FloatingValue:
    """``score`` (a float) as the whole number it equals at 15 significant digits, as
    :func:`xl_retention._validation.near_whole` reads it on the pandas path (``0.3 * 10`` = 3.0000000000000004 is 3,
    8.999999999999998 is 9); others as they are (7.5 stays 7.5, refused as not whole). Scores are below 100."""
    score = score.cast("float64")
    r = score.round()
    near = (r != 0) & ((score - r).abs() < (r.abs() >= 10).ifelse(5e-14, 5e-15))
    return near.ifelse(r, score)


def month_ordinal(value: ir.Value) -> ir.IntegerValue:
    """Months since 1970-01 of a date or timestamp (2024-03-15 -> 650)."""
    return ((value.year().cast("int64") - _EPOCH) * 12 + value.month().cast("int64") - 1).cast("int64")


def month_date(ordinal: ir.IntegerValue) -> ir.DateValue:
    """The first day of the month ``ordinal`` (650 -> 2024-03-01); floor division keeps months before 1970 right."""
    years = ordinal // 12
    return ibis.date((years + _EPOCH).cast("int32"), (ordinal - years * 12 + 1).cast("int32"), 1)


def _keys(table: ir.Table) -> list[str]:
    return ["segment"] if "segment" in table.columns else []


def _first_segment(rows: ir.Table, by: str, order: str, counts: ir.BooleanValue | None = None) -> ir.Table:
    """``segment`` replaced by the segment of each ``by``'s first row by ``order`` (the smallest on ties).

    Only rows where ``counts`` holds (e.g. MRR above 0) decide; a ``by`` without such rows gets NULL.
    """
    if "segment" not in rows.columns:
        return rows
    deciding = rows.filter(counts) if counts is not None else rows
    firsts = deciding.group_by(by).aggregate(first_at=deciding[order].min())
    at_first = deciding.join(firsts, by)
    at_first = at_first.filter(at_first[order] == at_first.first_at)
    owner = at_first.group_by(by).aggregate(owner=at_first.segment.min())
    joined = rows.left_join(owner, by)
    return joined.mutate(segment=joined.owner).drop("owner", *[c for c in joined.columns if c.endswith("_right")])


def _bounds(months: ir.Table, start: int | None, end: int | None) -> ir.Table:
    """One row: ``lo``/``hi`` (months computed) and ``first``/``last`` (months shown) of the month ordinals ``m``.

    The rows after ``end`` may be left out of ``months`` first: the result is the same (when every month is
    after ``end``, the minimum is NULL and LEAST skips it, as the data's first month would lose to ``end``).
    """
    low, high = months.m.min(), months.m.max()
    first = ibis.literal(start, "int64") if start is not None else (
        ibis.least(low, ibis.literal(end, "int64")) if end is not None else low
    )  # fmt: skip
    last = ibis.literal(end, "int64") if end is not None else ibis.greatest(high, first)
    bounds = months.aggregate(lo=ibis.least(low, first), first=first, last=last)
    return bounds.mutate(hi=bounds["last"])


def _calendar(bounds: ir.Table, segments: ir.Table | None, digits: bool = False) -> ir.Table:
    """Every month ``lo .. hi`` (with the shown ``first``/``last``), crossed with the segments (``digits``: counted
    with :data:`DIGITS`, for SQL without a series of months: :func:`_numbered_calendar`)."""
    if digits:
        cal = _numbered_calendar(bounds, "lo", "hi")
    else:
        cal = bounds.select("first", "last", m=ibis.range(bounds.lo, bounds.hi + 1, 1).unnest())
    return cal if segments is None else cal.cross_join(segments)


#: The table of the digits 0-9 (one column ``d``) that the months of :func:`_numbered_calendar` are counted with:
#: SQL for a dialect without a series of months writes it as ten constants (:func:`.sql_digits.with_digits`).
DIGITS = "xl_retention_digits"


def _numbered_calendar(bounds: ir.Table, low: str = "first", high: str = "last") -> ir.Table:
    """Every month ``low .. high`` of ``bounds`` (column ``m``, beside ``first`` and ``last``) without a range
    unnested, which Ibis does not write for MySQL, SQL Server, Oracle or SQLite: ``low`` plus each number 0-9999 of
    four digits of :data:`DIGITS` (a cross join of ten rows four times, not a recursive CTE, which MySQL stops at
    1,000 rows and SQL Server at 100)."""
    places = [ibis.table({"d": "int64"}, name=DIGITS).view() for _ in range(4)]
    digits = [t.select(**{f"d{i}": t.d}) for i, t in enumerate(places)]
    numbers = digits[0].cross_join(digits[1]).cross_join(digits[2]).cross_join(digits[3])
    numbers = numbers.select(n=numbers.d0 + 10 * numbers.d1 + 100 * numbers.d2 + 1000 * numbers.d3)
    cal = bounds.cross_join(numbers)
    cal = cal.filter(cal.n <= cal[high] - cal[low])
    return cal.select("first", "last", m=(cal[low] + cal.n).cast("int64"))


def _segments(rows: ir.Table) -> ir.Table | None:
    return rows.select("segment").distinct() if "segment" in rows.columns else None


def _count(condition: ir.BooleanValue) -> ir.IntegerScalar:
    return condition.ifelse(1, 0).sum().cast("int64")


def _total(condition: ir.BooleanValue, value: ir.NumericValue) -> ir.FloatingScalar:
    return condition.ifelse(value, 0.0).sum().cast("float64")


def _shown(table: ir.Table, keys: list[str]) -> ir.Table:
    """The months shown, ``month`` first as a date, in order."""
    table = table.filter((table.m >= table["first"]) & (table.m <= table["last"]))
    return table.mutate(month=month_date(table.m)).order_by([*keys, "m"])


# -- subscriptions --------------------------------------------------------------------------------------------------
def billing_mrr(rows: ir.Table) -> ir.Table:
    """``mrr`` from a billing export's ``amount`` per ``months`` (months per interval, a number), ``quantity`` and
    ``interval_count``: MRR = amount / months / interval_count x quantity (the order of
    :func:`xl_retention.reading.monthly_amounts`, so that floats agree bit for bit)."""
    mrr = rows.amount.cast("float64") / rows.months.cast("float64")
    if "interval_count" in rows.columns:
        mrr = mrr / rows.interval_count.cast("float64")
    if "quantity" in rows.columns:
        mrr = mrr * rows.quantity.cast("float64")
    drop = [c for c in ("amount", "months", "interval_count", "quantity") if c in rows.columns]
    return rows.mutate(mrr=mrr).drop(*drop)


def intervals_to_snapshots(
    intervals: ir.Table, through: int | None = None, now: int | None = None, observed: int | None = None
) -> ir.Table:
    """Intervals (``customer_id, start_m, end_m`` (NULL: open), ``mrr``) to snapshots ``customer_id, m, mrr``.

    An interval counts from its start's month to the month before its end's month, and always in
    its start's month; open intervals run to the data's last month: the latest start, or month after
    an interval's last month, or ``observed``, a current period's start month, but not after ``now``, the current
    month's ordinal; or to ``through``, when given (the caller says the export covers it: a subscription without an
    end, or ending after it, is active through it, as with ``import --through``). A row
    with MRR 0 marks the month after each interval's last month (up to ``through``), so that the loss
    shows; a customer's intervals add up month by month.
    """
    iv = intervals.mutate(
        last=intervals.end_m.isnull().ifelse(ibis.null("int64"), ibis.greatest(intervals.start_m, intervals.end_m - 1))
    )
    if "start" in iv.columns and "end" in iv.columns:  # a plan change within a month (tables._spans)
        iv = _without_uncounted_short(iv)
    # no interval ended: the latest start (MySQL's and MariaDB's GREATEST is NULL beside a NULL)
    latest = ibis.greatest(iv.start_m.max(), (iv["last"] + 1).max().coalesce(iv.start_m.max()))
    if observed is not None:  # a billing export's current period start (reading.observed)
        latest = ibis.greatest(latest, ibis.literal(observed, "int64"))
    if now is not None:
        latest = ibis.least(latest, ibis.literal(now, "int64"))
    if through is not None:  # the export covers it: open intervals run to it, as `import --through` (README)
        month = ibis.literal(through, "int64")  # (kept an aggregate: one row to cross join, not one per interval)
        latest = ibis.least(ibis.greatest(latest, month), month)
    iv = iv.cross_join(iv.aggregate(through=latest))
    last = iv.end_m.isnull().ifelse(iv.through, ibis.least(iv["last"], iv.through))
    if "not_yet" in iv.columns:  # a start later this month, after today: its month counts, the interval nowhere
        last = iv.not_yet.ifelse(iv.start_m - 1, last)
    iv = iv.mutate(last=last)
    keep = [c for c in ("segment",) if c in iv.columns]
    months = iv.filter(iv["last"] >= iv.start_m).select(
        "customer_id", *keep, "mrr", m=ibis.range(iv.start_m, iv["last"] + 1, 1).unnest()
    )
    lost = iv.filter(iv.end_m.notnull() & (iv["last"] + 1 <= iv.through) & (iv["last"] >= iv.start_m))
    lost = lost.select("customer_id", *keep, mrr=ibis.literal(0.0, "float64"), m=lost["last"] + 1)
    rows = months.union(lost, distinct=False)
    grouped = rows.group_by(["customer_id", "m"]).aggregate(
        mrr=rows.mrr.sum().cast("float64"),
        **({"segment": (rows.mrr > 0).ifelse(rows.segment, ibis.null("string")).min()} if keep else {}),
    )
    return grouped


def _without_uncounted_short(iv: ir.Table) -> ir.Table:
    """``iv`` without ``start`` and ``end``, the ``last`` month of the intervals that start and end in one month and
    count nowhere before their start (so that they count in no month), as
    :func:`~xl_retention.tables._spans.uncounted_short_intervals` finds them: in that month the customer's span
    (their touching or overlapping intervals, joined) runs on, or ends after them (the plan left in a plan change)."""
    open_ = iv.end.isnull()
    end = open_.ifelse(iv.start + ibis.interval(days=365 * 3000), iv.end)  # after every real end
    order = ibis.cumulative_window(group_by=iv.customer_id, order_by=[iv.start, end])
    reach = end.max().over(order)  # the latest end so far
    rows = iv.mutate(_e=end, _open=open_.ifelse(1, 0), _reach=reach)  # PostgreSQL casts no boolean to bigint
    ordered = ibis.window(group_by=rows.customer_id, order_by=[rows.start, rows._e])
    before = rows._reach.lag().over(ordered)
    rows = rows.mutate(_new=(before.isnull() | (rows.start > before)).ifelse(1, 0))
    rows = rows.mutate(
        _span=rows._new.sum().over(ibis.cumulative_window(group_by=rows.customer_id, order_by=[rows.start, rows._e]))
    )
    span = ibis.window(group_by=[rows.customer_id, rows._span])
    closed = rows._open.max().over(span) == 0
    span_end, span_start = rows._e.max().over(span), rows.start.min().over(span)
    counted = closed & (month_ordinal(span_start) == month_ordinal(span_end)) & (rows._e == span_end)
    short = rows.end_m.notnull() & (rows.end_m == rows.start_m)
    rows = rows.mutate(last=(short & ~counted).ifelse(rows.start_m - 1, rows["last"]))
    return rows.drop("start", "end", "_e", "_open", "_reach", "_new", "_span")


def neighbours(snapshots: ir.Table, end: int | None = None) -> ir.Table:
    """Every snapshot row up to ``end`` with the customer's rows before and after it (``prev_m``/``prev_mrr``,
    ``next_m``/``next_mrr``: one window pass per customer in month order); with a ``segment`` column, every row
    gets the customer's segment (the segment of their first active month)."""
    rows = snapshots.filter(snapshots.m <= end) if end is not None else snapshots
    rows = _first_segment(rows, "customer_id", "m", rows.mrr > 0)
    return rows.mutate(**_neighbour_columns(rows))


def _neighbour_columns(rows: ir.Table) -> dict[str, ir.Value]:
    order = ibis.window(group_by=rows.customer_id, order_by=rows.m)
    return {
        "prev_m": rows.m.lag().over(order),
        "prev_mrr": rows.mrr.lag().over(order),
        "next_m": rows.m.lead().over(order),
        "next_mrr": rows.mrr.lead().over(order),
    }


def subscription_rows(snapshots: ir.Table, end: int | None = None, checked: bool = False) -> ir.Table:
    """Every snapshot row up to ``end``, classified in ONE window pass per customer in month order, as a narrow
    table without the customer id: ``m, mrr, cohort`` [, ``segment``] and the flags the tables count.

    ``cohort``: the customer's first active month (MRR above 0). Flags of an active row: ``new`` (this is
    the cohort's month), ``kept`` (active the month before; ``change`` = MRR now - then), ``back``
    (reactivated: neither), ``gone`` (not active the month after: lost then), ``streak`` (active in
    every month since the cohort's: the count of active rows so far is ``m - cohort + 1``); of every
    row: ``dup`` (the customer has another row this month). The cohort and the streak come from
    window aggregates over the same partition and order as the neighbours, so the engine sorts once
    and no per-customer aggregate is joined back. Engines may cache this table: the duplicate check,
    the movements and the cohorts all read it. With ``checked``, a ``blank`` flag (no customer id) too, so that
    the input's checks can be counted from this table (:func:`xl_retention.relational.input_checks.passes_checks`).
    """
    rows = snapshots.select("customer_id", "m", "mrr", *_keys(snapshots))  # only what the window needs
    rows = rows.filter(rows.m <= end) if end is not None else rows
    rows = _first_segment(rows, "customer_id", "m", rows.mrr > 0)
    whole = ibis.window(group_by=rows.customer_id, order_by=rows.m, rows=(None, None))
    so_far = ibis.window(group_by=rows.customer_id, order_by=rows.m, rows=(None, 0))
    active = rows.mrr > 0
    rows = rows.mutate(  # one select: one window operator, one sort
        **_neighbour_columns(rows),
        cohort=active.ifelse(rows.m, ibis.null("int64")).min().over(whole),
        run=active.ifelse(1, 0).sum().over(so_far),
    )
    active = rows.mrr > 0
    kept = active & (rows.prev_m == rows.m - 1).fill_null(False) & (rows.prev_mrr > 0).fill_null(False)
    new = active & (rows.m == rows.cohort).fill_null(False)
    gone = rows.next_m.isnull() | (rows.next_m != rows.m + 1).fill_null(True) | (rows.next_mrr <= 0).fill_null(True)
    return rows.select(
        *_keys(rows),
        "m",
        "mrr",
        "cohort",
        **({"blank": rows.customer_id.isnull()} if checked else {}),
        new=new,
        kept=kept,
        back=active & ~new & ~kept,
        gone=active & gone,
        streak=active & (rows.run == rows.m - rows.cohort + 1).fill_null(False),
        dup=(rows.prev_m == rows.m).fill_null(False) | (rows.next_m == rows.m).fill_null(False),
        change=kept.ifelse(_moved(rows.mrr, rows.prev_mrr), 0.0),
    )


def _moved(now: ir.FloatingValue, then: ir.FloatingValue) -> ir.FloatingValue:
    """``now - then``, or 0 where they are equal at 15 significant digits (docs/metrics.md "Bad input"): 19.99 + 9.99
    (29.979999999999997) after 29.98 is no contraction, as :func:`xl_retention._validation.equal_at_15_digits` tells
    the pandas path. Both are above 0 where it is read (a kept customer's MRR this month and the month before)."""
    scale = ibis.greatest(now.abs(), then.abs())
    # NaN and infinity (an amount refused later, naming its row) have no digits: comparing them orders NaN above
    # every number in DuckDB, PostgreSQL and Spark, so the bound keeps FLOOR's cast to an integer off them
    finite = (scale > 0) & (scale < 1e300)
    tolerance = finite.ifelse(0.5 * ibis.literal(10.0).pow(scale.log10().floor() - 14), 0.0)
    change = now - then
    return (change.abs() < tolerance).ifelse(0.0, change)


def duplicates(rows: ir.Table) -> ir.BooleanValue:
    """True on a row of :func:`neighbours` whose customer has another row in the same month."""
    return (rows.prev_m == rows.m).fill_null(False) | (rows.next_m == rows.m).fill_null(False)


def subscription_cells(rows: ir.Table) -> ir.Table:
    """The rows of :func:`subscription_rows` counted per cohort and month (and segment): a small table (at most
    months x months rows per segment) from which every subscription table is summed.

    Columns: ``cohort, m`` [, ``segment``]; the active rows' ``customers``, ``revenue`` (MRR),
    ``survivors``, ``new``/``new_mrr``, ``reactivated``/``reactivation_mrr``, ``expansion_mrr``,
    ``contraction_mrr``, ``lost``/``churned_mrr`` (the customers not active the month after, and
    their MRR); of all rows: ``duplicates`` (rows whose customer has another row that month) and,
    with the ``blank`` flag of ``subscription_rows(checked=True)``, ``bad`` (rows with a blank id,
    month or MRR, negative, NaN or infinite MRR). Rows of customers never active have no cohort (NULL). Engines
    may cache this table instead of the rows: the 10-million-row pass ends in a few thousand cells.
    """
    keys = _keys(rows)
    active = rows.mrr > 0
    checks = {}
    if "blank" in rows.columns:
        odd = rows.mrr.isnan() | rows.mrr.isinf()  # a DOUBLE's NaN (0/0 in a pipeline), PostgreSQL's 'Infinity'
        checks["bad"] = _count(rows.blank | rows.m.isnull() | rows.mrr.isnull() | (rows.mrr < 0) | odd)
    return rows.group_by([*keys, "cohort", "m"]).aggregate(
        customers=_count(active),
        revenue=_total(active, rows.mrr),
        survivors=_count(rows.streak),
        new=_count(rows.new),
        new_mrr=_total(rows.new, rows.mrr),
        reactivated=_count(rows.back),
        reactivation_mrr=_total(rows.back, rows.mrr),
        expansion_mrr=_total(rows.change > 0, rows.change),
        contraction_mrr=_total(rows.change < 0, -rows.change),
        lost=_count(rows.gone),
        churned_mrr=_total(rows.gone, rows.mrr),
        duplicates=_count(rows.dup),
        **checks,
    )


def movements(snapshots: ir.Table, start: int | None = None, end: int | None = None, digits: bool = False) -> ir.Table:
    """Customer counts and MRR sums per month (and segment): ``month`` and the columns of ``MOVEMENT_COUNTS``
    (:func:`xl_retention.tables.movements_from_counts` makes ``gained``, ``lost_mrr`` and the rates).

    ``snapshots``: ``customer_id, m, mrr`` [, ``segment``], one row per customer and month; ``digits``: the months
    counted with :data:`DIGITS` (SQL for a dialect without a series of months, :func:`_numbered_calendar`).
    """
    cells = subscription_cells(subscription_rows(snapshots, end))
    return movements_of(cells, _bounds(snapshots, start, end), digits)


def _sum(value: ir.NumericValue, dtype: str) -> ir.NumericScalar:
    return value.sum().cast(dtype)


def movements_of(cells: ir.Table, bounds: ir.Table, digits: bool = False) -> ir.Table:
    """:func:`movements` from the cells of :func:`subscription_cells` and the month bounds."""
    keys = _keys(cells)
    per_month = cells.group_by([*keys, "m"]).aggregate(
        customers_end=_sum(cells.customers, "int64"),
        mrr_end=_sum(cells.revenue, "float64"),
        **{c: _sum(cells[c], "int64") for c in ("new", "reactivated")},
        **{c: _sum(cells[c], "float64") for c in ("new_mrr", "reactivation_mrr", "expansion_mrr", "contraction_mrr")},
    )
    losses = cells.group_by([*keys, (cells.m + 1).name("m")]).aggregate(
        lost=_sum(cells.lost, "int64"), churned_mrr=_sum(cells.churned_mrr, "float64")
    )
    segments = None
    if keys:  # the segments of customers ever active (a customer never active has none)
        segments = cells.filter(cells.customers > 0).select(*keys).distinct()
    t = _calendar(bounds, segments, digits).left_join(per_month, [*keys, "m"]).left_join(losses, [*keys, "m"])
    zero = {c: t[c].coalesce(0) for c in ("customers_end", "new", "reactivated", "lost")}
    zero |= {c: t[c].coalesce(0.0) for c in ("mrr_end", "new_mrr", "reactivation_mrr", "expansion_mrr",
                                             "contraction_mrr", "churned_mrr")}  # fmt: skip
    t = t.select(*keys, "m", "first", "last", **zero)
    order = ibis.window(group_by=[t[k] for k in keys] or None, order_by=t.m)
    t = t.mutate(
        customers_start=t.customers_end.lag().over(order).coalesce(0),
        mrr_start=t.mrr_end.lag().over(order).coalesce(0.0),
    )
    from ..tables.subscriptions import MOVEMENT_COUNTS

    return _shown(t, keys).select("month", *keys, *MOVEMENT_COUNTS)


def subscription_cohorts(
    snapshots: ir.Table, start: int | None = None, end: int | None = None, every_cell: bool | str = False
) -> ir.Table:
    """Customer and revenue cohorts and survivors in long form: ``cohort, months_since, customers, revenue,
    survivors`` [, ``segment``], one row per cohort and later month with an active customer of the cohort
    (``every_cell``: and a row of 0 for each other observed month, :func:`_cohort_rows`).

    Cohort = first active month; ``survivors`` counts the cohort's customers active in every month
    from the cohort's to this one (a churn ends survival; a return does not count again).
    """
    cells = subscription_cells(subscription_rows(snapshots, end))
    return subscription_cohorts_of(cells, _bounds(snapshots, start, end), every_cell)


def subscription_cohorts_of(cells: ir.Table, bounds: ir.Table, every_cell: bool | str = False) -> ir.Table:
    """:func:`subscription_cohorts` from the cells of :func:`subscription_cells` and the month bounds."""
    values = ["customers", "revenue", "survivors"]
    return _cohort_rows(cells.filter(cells.customers > 0), bounds, _keys(cells), values, every_cell)


def _cohort_rows(
    cells: ir.Table, bounds: ir.Table, keys: list[str], values: list[str], every_cell: bool | str = False
) -> ir.Table:
    """The cohort cells shown; ``every_cell``: a row for each cohort (each month shown, of each segment: one without
    a new customer is a cohort of 0) and month up to the data's last month, 0 where none of the cohort is active
    (observed: every customer lost), as the import's triangles show it (docs/metrics.md, Survivors: a cell not
    observed yet is blank, never 0), so that a table pivoted from the rows alone (the SQL's) tells 0 from not
    observed (``"digits"``: the months counted with :data:`DIGITS`, for SQL without a series of months:
    :func:`_numbered_calendar`); else only the cells with a count (the engine's tables fill the triangle)."""
    t = cells.cross_join(bounds)
    t = t.filter((t.cohort >= t["first"]) & (t.m <= t["last"]))
    if every_cell:
        if every_cell == "digits":  # no series of months (MySQL's, SQL Server's SQL): counted with digits
            calendar = _numbered_calendar(bounds)
        else:
            calendar = _calendar(bounds, None)
            calendar = calendar.filter((calendar.m >= calendar["first"]) & (calendar.m <= calendar["last"]))
        months = calendar.select(__m=calendar.m)
        cohorts = months.select(cohort=months.__m)
        if keys:
            cohorts = cohorts.cross_join(t.select(*keys).distinct())
        grid = cohorts.cross_join(months)
        grid = grid.filter(grid.__m >= grid.cohort)
        grid = grid.select(*keys, "cohort", m=grid.__m)
        found = t.select(*keys, "cohort", "m", *values)
        t = grid.left_join(found, [*keys, "cohort", "m"])
        zero = {v: t[v].coalesce(ibis.literal(0, found.schema()[v])) for v in values}
        t = t.select(*keys, "cohort", "m", **zero)
    t = t.mutate(cohort_month=month_date(t.cohort), months_since=(t.m - t.cohort).cast("int64"))
    t = t.order_by([*keys, "cohort", "m"])
    return t.select(*keys, cohort=t.cohort_month, months_since=t.months_since, **{v: t[v] for v in values})


# -- orders and visits ----------------------------------------------------------------------------------------------
def activity_rows(rows: ir.Table, who: str, end: int | None = None) -> ir.Table:
    """Per ``who`` and month (and segment): ``n`` rows (and their ``amount``), ``cohort`` = the first month.

    ``rows``: orders or visits (``who, m, t`` [, ``amount``, ``segment``]); refunds (amount < 0) are left out.
    Engines may cache this table: the monthly table and the cohorts both read it.
    """
    if "amount" in rows.columns:
        rows = rows.filter(rows.amount >= 0)  # refunds are not orders
    if end is not None:
        rows = rows.filter(rows.m <= end)
    rows = _first_segment(rows, who, "t")
    keys = _keys(rows)
    sums = {"amount": rows.amount.sum().cast("float64")} if "amount" in rows.columns else {}
    per = rows.group_by([who, *keys, "m"]).aggregate(n=rows.count().cast("int64"), **sums)
    firsts = per.group_by(who).aggregate(cohort=per.m.min())  # a hash aggregate and a join: no sort by customer
    return per.join(firsts, who)


def activity_bounds(rows: ir.Table, start: int | None = None, end: int | None = None) -> ir.Table:
    """The month bounds of orders or visits: of the orders, refunds (amount < 0) left out; without ``end``, the last
    month is the latest row's, a refund's too, as the import's (:mod:`xl_retention.reading.covered_months`): a last
    month holding only refund rows (an order refunded in full, cancelled or unpaid, netted to a refund) is written
    with 0 buyers, not left out as a month after the data's end."""
    if "amount" not in rows.columns:
        return _bounds(rows, start, end)
    if end is not None:
        return _bounds(rows.filter(rows.amount >= 0), start, end)
    low = rows.m.min(where=rows.amount >= 0)  # one aggregate of the rows read once (a query's stops: once each)
    first = ibis.literal(start, "int64") if start is not None else low
    bounds = rows.aggregate(lo=ibis.least(low, first), first=first, last=ibis.greatest(rows.m.max(), first))
    return bounds.mutate(hi=bounds["last"])


def _returning(per: ir.Table, bounds: ir.Table, total: str, repeat: bool, digits: bool = False) -> ir.Table:
    """``total`` (buyers or visitors), ``returning`` [, ``repeat_purchasers``] per month shown: counts, no rates."""
    keys = _keys(per)
    extra = {"repeat_purchasers": _count(per.n > 1)} if repeat else {}
    month = per.group_by([*keys, "m"]).aggregate(
        **{total: per.count().cast("int64")}, first_time=_count(per.m == per.cohort), **extra
    )
    t = _calendar(bounds, per.select(*keys).distinct() if keys else None, digits).left_join(month, [*keys, "m"])
    counts = {total: t[total].coalesce(0), "first_time": t.first_time.coalesce(0)}
    if repeat:
        counts["repeat_purchasers"] = t.repeat_purchasers.coalesce(0)
    t = t.select(*keys, "m", "first", "last", **counts)
    return _shown(t.mutate(returning=t[total] - t.first_time), keys)


def purchases(orders: ir.Table, start: int | None = None, end: int | None = None, digits: bool = False) -> ir.Table:
    """The purchases counts per month (and segment) from orders ``customer_id, m, t`` [, ``amount``, ``segment``]:
    ``buyers, repeat_purchasers, returning`` (:func:`xl_retention.tables.purchases_from_counts` makes the rates;
    ``digits``: as for :func:`movements`)."""
    return purchases_of(activity_rows(orders, "customer_id", end), activity_bounds(orders, start, end), digits)


def purchases_of(per: ir.Table, bounds: ir.Table, digits: bool = False) -> ir.Table:
    """:func:`purchases` from :func:`activity_rows` and :func:`activity_bounds`."""
    out = _returning(per, bounds, "buyers", True, digits)
    return out.select("month", *_keys(per), "buyers", "repeat_purchasers", "returning")


def order_cohorts(
    orders: ir.Table, start: int | None = None, end: int | None = None, every_cell: bool | str = False
) -> ir.Table:
    """Order cohorts in long form: ``cohort, months_since, customers`` [, ``revenue``] (cohort: first order month;
    ``every_cell``: a row of 0 for each observed cell without a buyer, :func:`_cohort_rows`)."""
    per = activity_rows(orders, "customer_id", end)
    return order_cohorts_of(per, activity_bounds(orders, start, end), every_cell)


def order_cohorts_of(per: ir.Table, bounds: ir.Table, every_cell: bool | str = False) -> ir.Table:
    """:func:`order_cohorts` from :func:`activity_rows` and :func:`activity_bounds`."""
    keys = _keys(per)
    sums = {"revenue": per.amount.sum().cast("float64")} if "amount" in per.columns else {}
    cells = per.group_by([*keys, "cohort", "m"]).aggregate(customers=per.count().cast("int64"), **sums)
    return _cohort_rows(cells, bounds, keys, ["customers", *sums], every_cell)


def visitors(visits: ir.Table, start: int | None = None, end: int | None = None, digits: bool = False) -> ir.Table:
    """Visitors per month (and segment) from visits ``visitor_id, m, t`` [, ``segment``]: ``visitors, returning``
    (:func:`xl_retention.tables.visitors_from_counts` makes the rate; ``digits``: as for :func:`movements`)."""
    per = activity_rows(visits, "visitor_id", end)
    out = _returning(per, activity_bounds(visits, start, end), "visitors", False, digits)
    return out.select("month", *_keys(per), "visitors", "returning")


# -- surveys --------------------------------------------------------------------------------------------------------
def nps(answers: ir.Table, start: int | None = None, end: int | None = None, digits: bool = False) -> ir.Table:
    """NPS counts per month (and segment) from answers ``m, score`` [, ``segment``] (a NULL score: no answer):
    ``responses, promoters, passives, detractors`` (:func:`xl_retention.tables.nps_from_counts` makes ``nps`` and
    ``nps_moe``; ``digits``: as for :func:`movements`)."""
    keys = _keys(answers)
    bounds = _bounds(answers, start, end)
    scored = answers.filter(answers.score.notnull()).cross_join(bounds)
    scored = scored.filter((scored.m >= scored["first"]) & (scored.m <= scored["last"]))
    month = scored.group_by([*keys, "m"]).aggregate(
        responses=scored.count().cast("int64"),
        promoters=_count(scored.score >= 9),
        detractors=_count(scored.score <= 6),
    )
    segments = answers.select("segment").distinct() if keys else None
    t = _calendar(bounds, segments, digits).left_join(month, [*keys, "m"])
    t = t.select(*keys, "m", "first", "last", responses=t.responses.coalesce(0), promoters=t.promoters.coalesce(0),
                 detractors=t.detractors.coalesce(0))  # fmt: skip
    t = t.mutate(passives=t.responses - t.promoters - t.detractors)
    from ..tables.surveys import NPS_COUNTS

    return _shown(t, keys).select("month", *keys, *NPS_COUNTS)
