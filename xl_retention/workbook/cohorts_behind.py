"""A Cohorts sheet ending before the monthly sheets, its counts kept by hand, named by recalc (the file incomplete).

The survivors triangle (``Cohort_Counts``) has a row per signup month; ``extend`` and ``import`` grow it with the
monthly sheets. Where they could not (the sheet changed by hand, something of the user's where the grown tables go)
the monthly sheets ran on and the triangle stopped at its old last cohort: the months after it have no row to type
their cohort in, and the sBG and BdW fits and projections leave them out, while recalc said ``ok`` with no word
(H265's finding 05). :func:`cohorts_behind` names it where the triangle holds counts typed (a tracker keeping its
cohorts; an empty triangle is not used), with the way on: ``extend --to`` the last month grows Cohorts alone.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from ..sheet_names import written
from .cohort_counts_area import cohort_counts_area
from .future_months import headed_tables, tracker_sheets
from .monthly import CUSTOMERS

__all__ = ["cohorts_behind"]


def _month(value: Any) -> tuple[int, int] | None:
    return (value.year, value.month) if isinstance(value, dt.date) else None


def _text(month: tuple[int, int]) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def _last_month(path: str | os.PathLike[str]) -> tuple[str, tuple[int, int]] | None:
    """The Customers sheet's title and its last month (the last row with a month in its Month column), or None."""
    for _spec, title, rows, position in headed_tables(tracker_sheets(path), specs=(CUSTOMERS,)):
        at = position.get("Month", 0)
        months = [m for row in rows if (m := _month(row[at] if at < len(row) else None)) is not None]
        return (title, max(months)) if months else None
    return None


def cohorts_behind(path: str | os.PathLike[str]) -> str | None:
    """One line naming a survivors triangle (``Cohort_Counts``) with counts typed whose last cohort is before the
    Customers sheet's last month, or None.

    Example: a tracker extended from 2026-12 to 2027-03 whose Cohorts stayed at its 12 months ->
    ``"Cohorts ends with the 2026-12 cohort (Cohort_Counts is Cohorts!$B$4:$M$15) while Customers runs to 2027-03:
    ..."``
    """
    customers = _last_month(path)
    if customers is None:
        return None
    found = cohort_counts_area(path)
    if found is None:
        return None
    sheet, low_col, _low_row, high_col, rows, formula = found
    months = [m for row in rows if (m := _month(row[low_col - 2] if len(row) > low_col - 2 else None)) is not None]
    typed = any(
        isinstance(v, int | float) and not isinstance(v, bool) for row in rows for v in row[low_col - 1 : high_col]
    )
    title, last = customers
    if not months or not typed or max(months) >= last:
        return None
    end = max(months)
    after = (end[0] + end[1] // 12, end[1] % 12 + 1)
    missing = _text(after) if after == last else f"{_text(after)} to {_text(last)}"
    return (
        f"{written(sheet)} ends with the {_text(end)} cohort (Cohort_Counts is {formula}) while "
        f"{written(title)} runs to {_text(last)}: the cohorts of {missing} have no row to type their counts in, and "
        "the sBG and BdW fits and projections leave them out: run xl-retention extend on the workbook with "
        f"--to {_text(last)}, which grows Cohorts to the other sheets' months (your counts carried over) or says "
        "what on it is in the way"
    )
