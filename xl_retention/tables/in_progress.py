"""A month still in progress at the end of a Python caller's tables: the warning ``import``'s note is in Python.

``import`` notes a last month that is the current month (:func:`xl_retention.workbook.importer.in_progress_note`):
its figures are only what happened so far (3 of 20 customers billed by the 4th reads as a churn of 0.85). The
tables' functions (``xl_retention.tables.*``, ``xl_retention.relational.*``) say the same to a Python caller with an
:class:`InProgressMonthWarning`; the import, which calls them itself, keeps its note (a call from inside the package
does not warn). The current month is ``options.today``'s (:class:`~xl_retention.reading.ReadOptions`), by default the
run's.

>>> moves = pd.DataFrame({"lost": [0, 17]}, index=pd.PeriodIndex(["2026-10", "2026-11"], freq="M", name="month"))
>>> in_progress_message(moves, "monthly_movements", "2026-11-04")[:80]
'the last month, 2026-11, is the current month, still in progress: its churn is o'
>>> in_progress_message(moves, "monthly_movements", "2026-12-01") is None
True
"""

from __future__ import annotations

import inspect
import os
import sys
import warnings
from typing import Any

import pandas as pd

from ..errors import user_stacklevel

__all__ = ["InProgressMonthWarning", "in_progress_message", "warn_in_progress", "warn_rate_in_progress"]


class InProgressMonthWarning(UserWarning):
    """The tables' last month is the current month: its figures count only what happened so far."""


#: what a month in progress holds so far, by the function's input (as ``import``'s note says it)
_SO_FAR = (
    (("subscription", "movements", "snapshots", "survivors"), "its churn is only the churn so far"),
    (("order", "purchase"), "its purchases are only those so far"),
    (("visit",), "its visitors are only those so far"),
    (("nps", "score"), "its answers are only those so far"),
)


def _last_month(result: Any) -> pd.Period | None:
    """The latest month of ``result``'s tables (a frame or a tuple of frames, by ``month`` or by ``cohort``)."""
    frames = [result] if isinstance(result, pd.DataFrame) else [f for f in result if isinstance(f, pd.DataFrame)]
    latest = None
    for level in ("month", "cohort"):  # a cohort table's rows run to the data's last month, a cohort every month
        for frame in frames:
            if not len(frame) or level not in (frame.index.names or []):
                continue
            months = frame.index.get_level_values(level)
            if not isinstance(months, pd.PeriodIndex):
                continue
            found = months.max()
            latest = found if latest is None or found > latest else latest
        if latest is not None:
            return latest
    return None


def in_progress_message(result: Any, function: str, today: Any = None, keyword: str = "end") -> str | None:
    """The warning's text when ``result``'s last month (the tables of ``function``) is the current month
    (``today``'s, default the run's); None otherwise."""
    from .interval_snapshots import current_month

    if not isinstance(result, pd.DataFrame | tuple):
        return None
    last = _last_month(result)
    if last is None:
        return None
    now = pd.Period(ordinal=current_month(today), freq="M")
    if last.freqstr[0] != "M" or last != now:
        return None
    said = next((text for words, text in _SO_FAR if any(w in function for w in words)), "its figures are so far")
    return (
        f"the last month, {now}, is the current month, still in progress: {said}, and its rates read it until it "
        f"ends; {now - 1} is the last full month ({keyword}='{now - 1}' stops there, or compute again after {now} "
        f"ends for its final figures)"
    )


_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def called_by_user(depth: int) -> bool:
    """Whether the frame ``depth`` levels above the caller of this function is outside xl-retention."""
    frame = sys._getframe(depth + 1)
    return not os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE + os.sep)


def warn_in_progress(result: Any, function: Any, options: Any) -> None:
    """Warn (:class:`InProgressMonthWarning`) when ``result``, the tables ``function`` returned, ends with the
    current month (``options.today``'s, default the run's)."""
    parameters = inspect.signature(function).parameters
    keyword = "end" if "end" in parameters else "through"
    text = in_progress_message(result, function.__name__, getattr(options, "today", None), keyword)
    if text is not None:
        warnings.warn(text, InProgressMonthWarning, stacklevel=user_stacklevel())


def warn_rate_in_progress(dates: pd.Series, function: str, options: Any) -> None:
    """Warn (:class:`InProgressMonthWarning`) a Python caller of ``function``, a figure over a whole table of orders
    (:func:`~.activity.overall_repeat_purchase_rate`, a number with no months to show), when the month of the latest
    of the orders it counted (``dates``) is the current month (``options.today``'s, default the run's)."""
    from .interval_snapshots import current_month

    if not len(dates) or not called_by_user(3):  # above: the function, checked_keywords, its caller
        return
    last = pd.Period(pd.Timestamp(dates.max()), freq="M")
    now = pd.Period(ordinal=current_month(getattr(options, "today", None)), freq="M")
    if last != now:
        return
    text = (
        f"the orders' last month, {now}, is the current month, still in progress: its purchases are only those so "
        f"far, and {function} reads them until it ends; {now - 1} is the last full month (the orders dated before "
        f"{now.start_time:%Y-%m-%d} stop there, or compute again after {now} ends for its final figure)"
    )
    warnings.warn(text, InProgressMonthWarning, stacklevel=user_stacklevel())
