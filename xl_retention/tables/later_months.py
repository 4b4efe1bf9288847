"""Tables that end before the last full month: the warning ``import``'s note is in Python.

The monthly tables cover the months of the data (docs/metrics.md, "Months"; README: "after the data's last month:
the tables end there"): an orders, visits or survey export ends with its last order, visit or answer, and
subscriptions with their last month. A month without rows is never written as 0 (the export may have been cut short),
so ``import`` notes where each input's tables end when that is before the last full month
(:func:`xl_retention.workbook.last_month.last_month_notes`). A Python caller of the tables' functions
(``xl_retention.tables.*``, ``xl_retention.relational.*``) was told nothing: a frame of 2026-01 to 2026-03 read in
November looks complete. :class:`LaterMonthsWarning` says the same to them; ``end=`` (the tables asked to end there)
says nothing, and ``through=`` after the data's last month is the month the later ones run to, as ``--through`` is
the import's. The current month is ``options.today``'s (:class:`~xl_retention.reading.ReadOptions`), by default the
run's.

>>> moves = pd.DataFrame({"customers_end": [2, 3]}, index=pd.PeriodIndex(["2026-02", "2026-03"], freq="M",
...                                                                       name="month"))
>>> print(later_months_message(moves, "monthly_movements", "2026-07-15"))
2026-03 is the data's last month: the subscriptions' tables end there, and the months after it, 2026-04 to 2026-06 \
(the last full month), are not written (no rows, not 0: nothing says there were none); the 3 customers at the end of \
2026-03 are not counted after it; if the export was cut short, export it up to 2026-06
>>> later_months_message(moves, "monthly_movements", "2026-04-02") is None  # 2026-03: the last full month
True
>>> print(later_months_message(moves, "monthly_movements", "2026-07-15", through="2026-04"))
2026-03 is the data's last month: the subscriptions' tables end there, and the months after it, 2026-04 \
(through='2026-04'), are not written (no rows, not 0: nothing says there were none); the 3 customers at the end of \
2026-03 are not counted after it; if the export was cut short, export it up to 2026-04
"""

from __future__ import annotations

import inspect
import warnings
from typing import Any

import pandas as pd

from ..errors import user_stacklevel
from ._months import _month_arg
from .in_progress import _last_month

__all__ = ["LaterMonthsWarning", "later_months_message", "warn_later_months"]


class LaterMonthsWarning(UserWarning):
    """The tables end before the last full month (or ``through=``): the months after the data's last are not written."""


#: whose tables the function makes, by the words of its name (as ``import``'s note names the input)
_INPUTS = (
    (("subscription", "movements", "snapshots", "survivors"), "the subscriptions'"),
    (("order", "purchase"), "the orders'"),
    (("visit",), "the visits'"),
    (("nps", "score"), "the answers'"),
)


def _customers_at_end(result: Any, last: pd.Period) -> int:
    """The customers at the end of ``last`` in ``result``'s movements (every segment's); 0 where it has none."""
    frames = [result] if isinstance(result, pd.DataFrame) else [f for f in result if isinstance(f, pd.DataFrame)]
    for frame in frames:
        if "customers_end" in frame.columns and "month" in (frame.index.names or []):
            months = frame.index.get_level_values("month")
            return int(pd.to_numeric(frame["customers_end"][months == last], errors="coerce").fillna(0).sum())
    return 0


def later_months_message(
    result: Any, function: str, today: Any = None, through: Any = None, intervals: bool | str = False
) -> str | None:
    """The warning's text when ``result``'s last month (the tables of ``function``) is before the last full month
    (``today``'s month's previous one, default the run's), or before ``through`` when given; None otherwise.
    ``intervals``: the subscriptions were intervals (start, end), whose open ones end at the file's latest start or
    end: the text names the remedies of an export taken later (its current period's start column, ``through=``, or
    the text ``intervals`` gives in its place for a function without it)."""
    from .interval_snapshots import current_month

    if not isinstance(result, pd.DataFrame | tuple):
        return None
    last = _last_month(result)
    if last is None or last.freqstr[0] != "M":
        return None
    if through is not None:
        until = pd.Period(ordinal=_month_arg("through", through), freq="M")
        said = f"through='{until}'"
    else:
        until, said = pd.Period(ordinal=current_month(today), freq="M") - 1, "the last full month"
    if last >= until:
        return None
    whose = next((text for words, text in _INPUTS if any(w in function for w in words)), "its")
    after = f"{last + 1}" if last + 1 == until else f"{last + 1} to {until}"
    count = _customers_at_end(result, last)
    lost = ""
    if count:
        who = (
            f"the {count} customers at the end of {last} are" if count != 1 else f"the customer at the end of {last} is"
        )
        lost = f"; {who} not counted after it"
    remedies = ""
    if intervals and through is None:  # (with through=, open intervals run to it: no such message)
        remedies = (
            "; if it was taken later, its subscriptions without an end active since, give its current period or term "
            "start column (Stripe's \"Current Period Start (UTC)\", Chargebee's current_term_start, Recurly's "
            f"current_period_started_at), or {intervals if isinstance(intervals, str) else 'through='} the last "
            f"month it covers (e.g. through='{until}')"
        )
    return (
        f"{last} is the data's last month: {whose} tables end there, and the months after it, {after} ({said}), are "
        f"not written (no rows, not 0: nothing says there were none){lost}; if the export was cut short, export it "
        f"up to {until}{remedies}"
    )


def _of_intervals(given: dict[str, Any]) -> bool:
    """Whether the subscriptions given (``snapshots=``) are intervals (a start, not a month), by their columns' names
    and ``columns=``; False where that cannot be told (no columns, an unreadable mapping)."""
    data = given.get("snapshots")
    names = getattr(data, "columns", None)
    if names is None:
        return False
    try:
        from ..reading import subscription_kind

        return subscription_kind(pd.DataFrame(columns=[str(n) for n in names]), given.get("columns")) == "intervals"
    except Exception:  # noqa: BLE001  (no start nor month: the tables' own reading said what is missing)
        return False


def warn_later_months(result: Any, function: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Warn (:class:`LaterMonthsWarning`) when ``result``, the tables ``function`` returned for ``args`` and
    ``kwargs``, ends before the last full month (``options.today``'s) or before its ``through``; not when ``end``
    was given (the tables were asked to end there)."""
    try:
        given = inspect.signature(function).bind_partial(*args, **kwargs).arguments
    except TypeError:
        return
    if given.get("end") is not None:
        return
    options = given.get("options")
    try:
        intervals: bool | str = _of_intervals(given)
        if intervals and "through" not in inspect.signature(function).parameters:  # xl_retention.tables'
            intervals = "snapshots_from_intervals(..., through=) with"
        text = later_months_message(result, function.__name__, getattr(options, "today", None), given.get("through"),
                                    intervals)  # fmt: skip
    except ValueError:  # a through the function took some other way (refused there): no warning to add
        return
    if text is not None:
        warnings.warn(text, LaterMonthsWarning, stacklevel=user_stacklevel())
