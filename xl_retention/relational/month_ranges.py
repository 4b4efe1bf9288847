"""The months a table function of :mod:`.api` computes: ``start``, ``end`` and ``through`` read and checked against
the input's first and last months (one query: :class:`_DataMonths`) as the pandas tables and ``import --through``
check them, and an orders input's last months of refunds only (:func:`_covered_end`).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..errors import RetentionInputError
from ..reading import ReadOptions
from ..tables._months import MonthLike, _month_arg
from .inputs import Input

__all__ = [
    "_DataMonths", "_activity_range", "_check_through", "_covered_end", "_dated", "_range", "_refuse_before_first",
    "_refuse_outside_data",
]  # fmt: skip


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


def _refuse_before_first(months: _DataMonths, item: Input, start: int | None, end: int | None) -> None:
    """A ``start``/``end`` before the input's first month (an intervals table's first start) refused (months of 0
    customers, though nothing says there were none: :func:`~.tables._months.refuse_before_data`), as the pandas
    tables do; a segment's rows are the whole input's (its months)."""
    if start is None and end is None:
        return
    from ..tables._months import refuse_before_data

    refuse_before_data(start, end, months.first, item.source, "customers")


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
