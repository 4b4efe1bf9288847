"""The checks of a typed input's table after reading (split from :mod:`.inputs`, which types the inputs): blanks,
negative MRR, backwards intervals, scores outside 0-10, dates a century apart, months after the current one or
missing between months, a customer twice in one month, each counted in one aggregate query and named by its first
rows as the file path names them (:mod:`xl_retention.tables`)."""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from ..reading.columns import FUTURE_HINTS
from ..reading.dates import EPOCH, EPOCH_PROBLEM, PLACEHOLDER_ADVICE, ZERO_DAY, ZERO_DAY_PROBLEM
from ..reading.months import refuse_future_months, refuse_missing_months
from ..reading.scores import check_scale
from ..tables._months import MAX_MONTHS
from ..tables.subscriptions import NO_SERVICE, current_month
from .definitions import month_date
from .inputs import Input
from .refusals import ROW, first_rows, refuse_any

__all__ = ["check_duplicates", "check_input", "check_months", "check_placeholders", "check_rows", "passes_checks"]


def check_input(con: Any, item: Input) -> None:
    """The checks of the tables themselves (after reading): blanks of typed tables, negative MRR, backwards
    intervals, scores outside 0-10, dates a century apart; in the order :mod:`xl_retention.tables` raises them,
    counted in ONE aggregate query. (Duplicate snapshots: :func:`check_duplicates`, after the window pass.)"""
    t, source, names = item.table, item.source, item.names
    check_placeholders(con, item)  # as a file's dates are read, before the tables' checks
    checks = list(item.checks)
    for money in ("mrr", "amount"):  # a DOUBLE's or a numeric's NaN and Infinity, as the file path names them
        if money in t.columns and money in names:  # (reading.number_texts: 0/0 in a pipeline, PostgreSQL's 'NaN')
            checks.append((names[money], "infinite values", t[money].isinf(), money))
            checks.append((names[money], "missing values", t[money].isnan(), money))
    if item.kind in ("snapshots", "intervals"):
        checks.append((names["mrr"], "negative MRR", t.mrr < 0, "mrr"))
    if item.kind == "intervals" and "end" in names:
        checks.append((names["end"], "an end before the start", t.end.notnull() & (t.end < t.start), "end"))
        idle = t.end.notnull() & (t.end == t.start) & (t.mrr > 0)  # no service (tables.subscriptions)
        checks.append((names["end"], NO_SERVICE, idle, "end"))
    if item.kind == "answers":
        bad = t.score.notnull() & ((t.score < 0) | (t.score > 10) | (t.score != t.score.round()))
        checks.append((names["score"], "scores outside 0-10 or not whole", bad, "score"))
    month = "m" if "m" in t.columns else "start_m"
    raw = {"snapshots": "month", "intervals": "start"}.get(item.kind, "date")
    extra = {"low": t[raw].min(), "high": t[raw].max()}  # the dates' own extremes: no month arithmetic per row
    if item.kind == "answers":  # a 1-5 CSAT's answers are no NPS (reading.scores)
        extra |= {"top": t.score.max(), "answered": t.score.count()}
    found = refuse_any(con, t, source, checks, extra)
    if item.kind == "answers" and int(found["answered"]):
        check_scale(float(found["top"]), int(found["answered"]), source, names["score"])
    low, high = (_ordinal(found["low"]), _ordinal(found["high"])) if pd.notna(found["low"]) else (None, None)
    if high is not None:
        check_months(con, item, high)
    if low is not None and high - low + 1 > MAX_MONTHS and item.kind != "intervals":
        first, last = pd.Period(ordinal=int(low), freq="M"), pd.Period(ordinal=int(high), freq="M")
        column = {"snapshots": "month"}.get(item.kind, "date")
        problem = f"dates more than {MAX_MONTHS // 12} years apart (from {first} to {last})"
        cond = (t[month] == int(low)) | (t[month] == int(high))
        count = int(con.execute(t.filter(cond).count()))
        raise first_rows(con, t, cond, source, names[column], problem, column, count)


def _naive(value: Any) -> pd.Timestamp:
    stamp = pd.Timestamp(value)
    return stamp.tz_convert("UTC").tz_localize(None) if stamp.tzinfo is not None else stamp


def check_placeholders(con: Any, item: Input) -> None:
    """Refuse a date column's missing dates exported as a number 0, as a file's are
    (:func:`~xl_retention.reading.dates.epoch_placeholders`): the Unix epoch, 1970-01-01 00:00:00, or SQL Server's
    datetime 0, 1900-01-01 00:00:00, with no other date of the column within a year after it, naming their rows (a
    table's 1900-01-01 start was read as a subscription since 1900; an order's or an end's was refused as 'dates more
    than 100 years apart' or 'an end before the start', a snapshot month's as months missing). One aggregate query
    (each column's earliest date); the rows only where one is a placeholder."""
    t, names = item.table, item.names
    columns = [c for c in ({"snapshots": "month", "intervals": "start"}.get(item.kind, "date"), "end")
               if c in t.columns and c in names]  # fmt: skip
    lows = con.execute(t.aggregate(**{f"low_{c}": t[c].min() for c in columns})).iloc[0]
    for c in columns:
        low = lows[f"low_{c}"]
        if pd.isna(low) or _naive(low) not in (pd.Timestamp(EPOCH), pd.Timestamp(ZERO_DAY)):
            continue
        later = con.execute(t.filter(t[c] > low)[c].min())
        if pd.isna(later) or _naive(later) >= _naive(low) + pd.Timedelta(days=365):
            problem = EPOCH_PROBLEM if _naive(low) == pd.Timestamp(EPOCH) else ZERO_DAY_PROBLEM
            cond = t[c] == low
            count = int(con.execute(t.filter(cond).count()))
            raise first_rows(con, t, cond, item.source, names[c], problem, c, count, advice=PLACEHOLDER_ADVICE)


def check_rows(con: Any, item: Input) -> None:
    """Refuse the rows of ``item.checks`` (a typed table's ids: 'Acme' beside 'acme', '(not set)',
    'noemail@example.com', Excel errors, a total's label; its blanks), in :func:`check_input`'s order, where the
    fused snapshots pass (:func:`passes_checks`) counted only blanks and MRR: one aggregate query; none for a frame
    read as a file's (its checks were the file path's)."""
    refuse_any(con, item.table, item.source, item.checks)


def check_months(con: Any, item: Input, high: int | None = None) -> None:
    """Refuse rows of months after the current month (``item.refuse_future``), then a snapshots table with a month
    without any row between months with rows (``item.refuse_missing``: a missing export), naming those months as
    :func:`~xl_retention.reading.months.refuse_future_months` and
    :func:`~xl_retention.reading.months.refuse_missing_months` do for a file (a year typed wrong is named as such,
    not as the gap it leaves). ``high``: the input's last month ordinal when already known (else one aggregate
    query finds it)."""
    t = item.table
    if item.refuse_future:
        _check_future(con, item, high)
    if item.refuse_missing:  # one row per month with rows: a few hundred at most (MAX_MONTHS)
        months = con.execute(t.select("m").distinct())["m"].dropna().to_numpy(dtype=np.int64)
        refuse_missing_months(months.astype("datetime64[M]"), item.source, item.names["month"])


def _check_future(con: Any, item: Input, high: int | None) -> None:
    t, now = item.table, current_month(item.today)
    if high is None:
        found = con.execute(t.aggregate(high=t.m.max()))["high"].iloc[0]
        if pd.isna(found):
            return
        high = int(found)
    if high <= now:
        return
    later = con.execute(t.filter(t.m > now).select("m").distinct())["m"].to_numpy(dtype=np.int64)
    column = "month" if item.kind == "snapshots" else "date"
    refuse_future_months(later.astype("datetime64[M]"), item.source, item.names[column], item.today,
                         FUTURE_HINTS[item.kind])  # fmt: skip


def _ordinal(value: Any) -> int:
    """Months since 1970-01 of a date or timestamp fetched from an engine."""
    stamp = pd.Timestamp(value)
    return (stamp.year - 1970) * 12 + stamp.month - 1


def passes_checks(con: Any, cells: ir.Table) -> bool:
    """Whether the snapshots counted in :func:`~.definitions.subscription_cells` (of rows made with
    ``checked=True``) pass every check of :func:`check_input` (no blank id, month or MRR, no negative MRR, a span
    of at most ``MAX_MONTHS`` months): one aggregate query over the cells."""
    found = con.execute(cells.aggregate(bad=cells.bad.sum(), low=cells.m.min(), high=cells.m.max())).iloc[0]
    if pd.notna(found["bad"]) and int(found["bad"]) > 0:
        return False
    return pd.isna(found["low"]) or int(found["high"]) - int(found["low"]) + 1 <= MAX_MONTHS


def check_duplicates(con: Any, cells: ir.Table, item: Input, snapshots: ir.Table, end: int | None = None) -> None:
    """Refuse a customer twice in one month, naming the rows of the first such month as the numpy pass does.

    ``cells``: :func:`~.definitions.subscription_cells` of ``snapshots`` (its ``duplicates`` count); only
    when a duplicate is found are the rows named, from the neighbours of ``snapshots`` (ids, row numbers).
    """
    from .definitions import duplicates, neighbours

    twice = cells.filter(cells.duplicates > 0)
    first = con.execute(twice.aggregate(m=twice.m.min()))["m"].iloc[0]
    if pd.isna(first):
        return
    near = neighbours(snapshots, end)
    near = near.filter(duplicates(near))
    bad = near.filter(near.m == int(first))
    problem = "duplicate snapshots (the same customer and month more than once)"
    column = f"{item.names['customer_id']}, {item.names['month']}"
    count = int(con.execute(bad.count()))
    if ROW not in near.columns:  # no row numbers: name the rows by customer and month
        bad = bad.mutate(month=month_date(bad.m))
    shown = None if ROW in near.columns else "month"
    raise first_rows(con, bad, ibis.literal(True), item.source, column, problem, shown, count)
