"""Figures of months not yet closed, kept by hand on a tracker, named by recalc (the file ``incomplete``).

Two things a user keeping the tracker by hand (in Excel or LibreOffice) types that the template's formulas take as
whole months' figures without a word (a tester's findings 1 and 2, 2026-12-04):

- a survivor count on **Cohorts** in a month that has not closed (a cohort's "Month k" falls on the month in progress
  or later) where the Customers sheet holds no figures of that month: the sBG fit reads ``Cohort_Counts`` whole, so
  the count enters it (alpha 0.7558 where without it 0.7665). :func:`future_cohort_count` names its cell. A tracker
  whose Customers sheet has figures in that month (sample data or a forecast typed over months to come, as
  :func:`.future_months.future_figures` leaves them) is not named: the triangle stops with the data there.
- the month in progress typed on **Customers** (gained or customers at end of the current month), **Revenue** or
  **Purchases and visits** as its newest month: its churn is a part month's, which the Dashboard shows as the
  latest and the lifetime value's 12-month churn averages in. :func:`typed_in_progress` names the first such cell,
  as ``import`` marks the month in progress (the Dashboard's A2, :mod:`.in_progress`); a tracker whose Dashboard
  line names that month (an import wrote it) is not named, nor one with figures typed after it (a forecast).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from openpyxl.utils import get_column_letter

from ..sheet_names import written
from .cohort_counts_area import cohort_counts_area
from .future_months import headed_tables, tracker_sheets
from .monthly import CUSTOMERS, PURCHASES, REVENUE, MonthlySheet, template_formula_at

__all__ = ["future_cohort_count", "typed_in_progress"]


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _month(value: Any) -> tuple[int, int] | None:
    return (value.year, value.month) if isinstance(value, dt.date) else None


def _customers_months(
    path: str | os.PathLike[str], sheet: MonthlySheet = CUSTOMERS
) -> tuple[str, list[tuple[tuple[int, int], int, str, str]]]:
    """The Customers sheet's title (or ``sheet``'s) and, for each month row with a number typed in an input column
    (gained, customers at end, the first month's start): (month, row, the first such cell's ref, its header)."""
    out: list[tuple[tuple[int, int], int, str, str]] = []
    title = sheet.title
    for spec, found, rows, position in headed_tables(tracker_sheets(path), specs=(sheet,)):
        title = found
        month_at = position.get("Month", 0)
        inputs = [(c, position[c.header]) for c in spec.columns if c.header in position and c.key != "month"]
        for number, row in enumerate(rows, start=2):
            month = _month(row[month_at] if month_at < len(row) else None)
            if month is None:
                continue
            typed = [
                (column, index)
                for column, index in inputs
                if column.is_input
                and not template_formula_at(column, number)
                and index < len(row)
                and _number(row[index])
            ]
            if typed:
                column, index = typed[0]
                out.append((month, number, f"{get_column_letter(index + 1)}{number}", column.header))
    return title, out


def _add(month: tuple[int, int], k: int) -> tuple[int, int]:
    index = month[0] * 12 + month[1] - 1 + k
    return index // 12, index % 12 + 1


def _text(month: tuple[int, int]) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def future_cohort_count(path: str | os.PathLike[str], today: dt.date | None = None) -> str | None:
    """One line naming the first survivor count on Cohorts (inside ``Cohort_Counts``) whose month (signup month +
    k) is ``today``'s month or later, where the Customers sheet has no figures typed for that month; or None.

    Example: a tracker kept to November 2026, on 4 December 2026 ``3`` typed as Month 2 of the 2026-10 cohort ->
    ``"Cohorts!D25 (the 2026-10 cohort's Month 2, 2026-12) holds 3 in a month that has not closed ..."``
    """
    today = today or dt.date.today()
    now = (today.year, today.month)
    _title, typed = _customers_months(path)
    with_figures = {month for month, *_ in typed}
    found = cohort_counts_area(path)
    if found is None:
        return None
    sheet, low_col, low_row, high_col, rows, _formula = found
    signup: tuple[int, int] | None = None
    for number, row in enumerate(rows, start=low_row):
        month = _month(row[low_col - 2] if len(row) > low_col - 2 else None)
        signup = month if month is not None else (_add(signup, 1) if signup is not None else None)
        if signup is None:
            continue
        for k, value in enumerate(row[low_col - 1 : high_col]):
            at = _add(signup, k)
            if not _number(value) or at < now or at in with_figures:
                continue
            shown = f"{value:g}" if isinstance(value, float) else str(value)
            return (
                f"{written(sheet)}!{get_column_letter(low_col + k)}{number} (the {_text(signup)} cohort's Month "
                f"{k}, {_text(at)}) holds {shown} in a month that has not closed (this is {_text(now)}; the "
                "Customers sheet has no figures of it): the sBG and BdW fits read every count of Cohort_Counts, "
                "so it enters them: clear it until the month has closed and run again"
            )
    return None


def _marked_month(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """The month an import's line in a sheet's A2 names as in progress (:mod:`.in_progress`), or None."""
    from .._workbooks import open_read_only
    from .in_progress import line_month

    wb = open_read_only(path)
    try:
        for ws in wb.worksheets:
            for row in ws.iter_rows(min_row=2, max_row=2, max_col=1, values_only=True):
                month = line_month(row[0] if row else None)
                if month is not None:
                    return month.year, month.month
    finally:
        wb.close()
    return None


def typed_in_progress(path: str | os.PathLike[str], today: dt.date | None = None) -> str | None:
    """One line naming the first figure typed in ``today``'s month (the month in progress) on the Customers sheet
    when it is the newest month with figures typed, and no import's line marks that month in progress; or None.

    Example: November 2026 the last full month, on 4 December 2026 December's gained typed ->
    ``"Customers!C13 (Gained (new + reactivated), 2026-12) is typed in the month in progress ..."``
    """
    today = today or dt.date.today()
    now = (today.year, today.month)
    marked: list[tuple[int, int] | None] = []  # read once, where a sheet has the month in progress typed
    for sheet, feeds in _FEEDS:
        title, typed = _customers_months(path, sheet)
        current = [entry for entry in typed if entry[0] == now]
        if not current or any(month > now for month, *_ in typed):
            continue  # nothing typed this month, or figures of months to come too (sample data, a forecast)
        if not marked:
            marked.append(_marked_month(path))
        if marked[0] == now:
            return None  # an import marked the month in progress on the Dashboard
        _month_, _row, ref, header = current[0]
        return (
            f"{written(title)}!{ref} ({header}, {_text(now)}) is typed in the month in progress (this is "
            f"{today.day} {today:%b %Y}): the tracker's formulas take it as a whole month's figures ({feeds}): leave "
            "the month blank until it has closed and run again"
        )
    return None


#: the sheets whose month in progress typed as their newest month is named, each with what its figures feed: Revenue
#: and Purchases and visits too, not Customers alone (H571's finding 02: a part month's churned MRR made the
#: Dashboard's latest NRR 72.9%, under ok)
_FEEDS = (
    (CUSTOMERS, "the Dashboard's latest month, the churn the lifetime value averages over its last 12 months"),
    (REVENUE, "the Dashboard's latest MRR, NRR, GRR and net revenue churn, a part month's churned MRR among them"),
    (PURCHASES, "the Dashboard's latest repeat purchase, returning customer and returning visitor rates"),
)
