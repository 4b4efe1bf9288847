"""Customers already there when the data starts: left out of the cohorts (``import --existing-at-start``).

A snapshots export that starts after the business did (an MRR tool's "last 12 months", a warehouse table, a
tracker started this year) holds, in its first month, every customer then active, whatever their tenure. Taken
as that month's sign-ups they make one huge "cohort" of long-lived survivors, and the sBG/BdW fits of the Cohorts
sheet read it as a cohort of new customers: the expected lifetime comes out several times too long.

With ``existing_at_start``, the customers active in the subscriptions' first month are pre-existing: their
cohort row is left out of the cohort tables (customer and revenue cohorts, survivors; every segment's) and, in
a tracker, that row of the survivors triangle is left blank, so the fits read only real sign-ups. They stay in
the monthly counts (customers, MRR, churn). Without it, an import whose first month holds many more customers
than later months gain (:data:`RATIO` times the median of at least :data:`LATER` later months' new customers)
gets a note naming the month and the switch: a business that starts with its data (its first customers are its
first month's sign-ups) is the other, legitimate case, so nothing is left out unasked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..tables.existing_customers import (
    LATER,
    RATIO,
    compared,
    first_month_existing,
    summed_by_month,
    without_first_cohort,
)

if TYPE_CHECKING:
    from .importer import Tables

_COHORT_TABLES = ("customer_cohorts", "revenue_cohorts", "survivors")


def leave_out_existing(tables: Tables) -> None:
    """Drop the first month's cohort from ``tables``' cohort tables; ``tables.existing`` = (month, customers).

    The month is the subscriptions' first month (every segment's cohorts are cut at it). Raises ``ValueError``
    when ``tables`` has no subscriptions (the switch is about subscription cohorts).

    Example: snapshots a, b in 2025-01 and c in 2025-02 give survivors with the 2025-02 row only, and
    ``tables.existing == (Period('2025-01'), 2)``.
    """
    if tables.movements is None:
        raise ValueError("--existing-at-start goes with --subscriptions: it leaves the customers active in their "
                         "first month out of the subscription cohorts")  # fmt: skip
    ends = summed_by_month(tables.movements, "customers_end")
    if not len(ends):
        return
    first = ends.index[0]
    for name in _COHORT_TABLES:
        setattr(tables, name, without_first_cohort(getattr(tables, name), first))
    tables.existing = (first, int(ends.iloc[0]))
    tables.notes.append(
        f"left the {first} cohort out of the cohorts (and a tracker's sBG and BdW fits): its {tables.existing[1]} "
        "customers were already active when the data starts (--existing-at-start); the monthly counts keep them"
    )


def existing_note(tables: Tables) -> str | None:
    """The note for a first month that looks like customers of every tenure (see the module), or None."""
    if tables.movements is None or tables.existing is not None:
        return None
    found = first_month_existing(tables.movements)
    if found is None:
        return None
    first, count, typical = found
    return (
        f"the subscriptions start in {first} with {count} customers, {compared(count, typical)}: if the business is "
        f"older than the data, they joined before {first} and "
        f"the Cohorts sheet's sBG fit takes them as one cohort of sign-ups (a lifetime far too long); import "
        f"with --existing-at-start to leave them out of the cohorts"
    )


__all__ = ["LATER", "RATIO", "existing_note", "leave_out_existing"]
