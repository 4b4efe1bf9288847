"""Customers already there when the data starts: the rule that tells them, and their cohort left out on request.

A snapshots export that starts after the business did (an MRR tool's "last 12 months", a warehouse table) holds, in
its first month, every customer then active, whatever their tenure. Taken as that month's sign-ups they make one
huge cohort of long-lived survivors, and an sBG/BdW fit of the survivors reads it as a cohort of new customers: the
expected lifetime comes out several times too long (docs/metrics.md, "Cohorts").

:func:`first_month_existing` is the rule (a first month holding more than :data:`RATIO` times the median of at least
:data:`LATER` later months' new customers, or :data:`NO_NEW` customers or more where that median is 0); ``import``
notes it, and the Python tables warn with :class:`ExistingCustomersWarning`. With ``existing_at_start`` (``import
--existing-at-start``) the first month's cohort row is left out of the cohort tables (:func:`without_first_cohort`);
the monthly counts keep them. A business that starts with its data (its first customers are its first month's
sign-ups) is the other, legitimate case, so nothing is left out unasked.

>>> import pandas as pd
>>> moves = pd.DataFrame({"customers_end": [600, 630, 660, 690], "new": [600, 40, 40, 40]},
...                      index=pd.period_range("2025-01", periods=4, freq="M", name="month"))
>>> first_month_existing(moves)
(Period('2025-01', 'M'), 600, 40.0)
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from ..errors import user_stacklevel

__all__ = [
    "LATER",
    "NO_NEW",
    "RATIO",
    "ExistingCustomersWarning",
    "compared",
    "existing_cohorts",
    "first_month_existing",
    "summed_by_month",
    "warn_existing",
    "without_first_cohort",
]

#: a first month this many times the later months' median of new customers reads as customers of every tenure
RATIO = 3.0
#: later months needed to judge
LATER = 3
#: customers in the first month that are many where most later months gain none (the ratio has no median to go by)
NO_NEW = 10


class ExistingCustomersWarning(UserWarning):
    """The subscriptions' first month looks like customers of every tenure, taken as one cohort of sign-ups."""


def summed_by_month(movements: pd.DataFrame, column: str) -> pd.Series:
    """A movements column summed over segments, by month."""
    if isinstance(movements.index, pd.MultiIndex):
        return movements[column].groupby(level=movements.index.names[-1], sort=True).sum()
    return movements[column]


def first_month_existing(movements: pd.DataFrame) -> tuple[pd.Period, int, float] | None:
    """(first month, its customers at end, the later months' median of new customers) when the first month holds more
    than :data:`RATIO` times that median (over at least :data:`LATER` later months), or :data:`NO_NEW` or more where
    that median is 0 (most later months gain no one); None otherwise.

    ``movements``: a table of :func:`~xl_retention.tables.monthly_movements` (``customers_end``, ``new``; by month,
    or by segment and month: summed over segments)."""
    if movements is None or not len(movements):
        return None
    ends, new = summed_by_month(movements, "customers_end"), summed_by_month(movements, "new")
    if len(ends) < LATER + 1:
        return None
    typical = float(np.median(new.to_numpy()[1:]))
    first, count = ends.index[0], int(ends.iloc[0])
    if count <= RATIO * typical or (typical <= 0 and count < NO_NEW):  # none new in most later months: NO_NEW is many
        return None
    return first, count, typical


def compared(count: int, typical: float) -> str:
    """How the first month's ``count`` stands against the later months' median of new customers ``typical``.

    >>> compared(600, 40.0)
    "15.0 times the later months' median of new customers (40)"
    >>> compared(200, 0.0)
    "where the later months' median of new customers is 0"
    """
    if typical <= 0:
        return "where the later months' median of new customers is 0"
    return f"{count / typical:.1f} times the later months' median of new customers ({typical:g})"


def warn_existing(movements: pd.DataFrame) -> None:
    """Warn (:class:`ExistingCustomersWarning`) when :func:`first_month_existing` finds the first month's customers
    of every tenure: the Python tables' counterpart of ``import``'s note."""
    found = first_month_existing(movements)
    if found is None:
        return
    first, count, typical = found
    warnings.warn(
        f"the subscriptions start in {first} with {count} customers, {compared(count, typical)}: if the business is "
        f"older than the data, they joined before {first} and "
        f"an sBG fit of these survivors takes them as one cohort of sign-ups (a lifetime far too long); pass "
        f"existing_at_start=True to leave them out of the cohorts",
        ExistingCustomersWarning,
        stacklevel=user_stacklevel(),  # the user's call
    )


def without_first_cohort(frame: pd.DataFrame | None, first: pd.Period) -> pd.DataFrame | None:
    """``frame`` (a cohort table, by cohort or by segment and cohort) without the rows of cohort ``first``."""
    if frame is None:
        return None
    cohorts = frame.index.get_level_values(-1)
    return frame[np.asarray(cohorts != first)]


def existing_cohorts(
    movements: pd.DataFrame,
    cohorts: tuple[pd.DataFrame, ...],
    existing_at_start: bool,
    start: object = None,
) -> tuple[pd.DataFrame, ...]:
    """``cohorts`` (cohort tables of the same subscriptions as ``movements``) without the first month's cohort when
    ``existing_at_start``; else as they are, with :func:`warn_existing` when the tables begin with the data's own first
    month (``start`` None: a ``start`` cuts earlier cohorts off, so its month's cohort holds sign-ups only)."""
    if existing_at_start:
        if movements is None or not len(movements):
            return cohorts
        first = summed_by_month(movements, "customers_end").index[0]
        return tuple(without_first_cohort(t, first) for t in cohorts)
    if start is None:
        warn_existing(movements)
    return cohorts
