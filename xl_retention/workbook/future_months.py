"""Figures typed in months that have not begun (a row of zeros copied down a hand-kept tracker), named.

A tracker covers months to come (``new --months 18``); a user keeping it by hand often copies a row of zeros down
those months. The template's formulas take them as figures: the Dashboard's latest month becomes the last month with a
number (Jun 2027, 0 customers at end beside an MRR at end), the current month's churn 100% (every customer "lost"),
the lifetime value's churn averages them in, and recalc said ``ok``. A month after the current one cannot have
figures (import refuses them: "a month after the current one"), so :func:`future_figures` names the first input cell
of such a month that holds a number, and recalc reports the file ``incomplete`` with it (:func:`.checks.unread_input`).
Only typed numbers count: the template's formulas, text and blanks do not.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from typing import Any

from openpyxl.utils import get_column_letter

from ..sheet_names import written
from .monthly import CUSTOMERS, REVENUE, MonthlySheet, template_formula_at

__all__ = ["future_figures", "tracker_sheets"]

#: the most rows read (a tracker covers a few years)
_DEEPEST = 2001
_NAME = re.compile(r"^(?:'((?:[^']|'')+)'|([^'!]+))!")


def _title(names: Any, spec: MonthlySheet) -> str:
    """The title of the sheet ``spec`` is (renamed: where its month name, ``Customers_Months``, points)."""
    from .formats import monthly_name

    defined = names.get(monthly_name(spec.title)) if names is not None else None
    found = _NAME.match(getattr(defined, "attr_text", None) or "")
    if found is None:
        return spec.title
    return found.group(1).replace("''", "'") if found.group(1) is not None else found.group(2)


def tracker_sheets(path: str | os.PathLike[str]) -> dict[str, tuple[str, list[tuple[Any, ...]]]]:
    """The tracker's Customers and Revenue sheets of ``path`` (found under their names, or renamed where their month
    names point): the spec's title -> (the sheet's title, its rows' values from row 1, formulas as their text). Read
    once for :func:`future_figures` and :func:`.template_cells.template_cells_off` (the same file: cached by its
    stamp)."""
    stat = os.stat(path)
    return _read_sheets(os.fspath(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=2)
def _read_sheets(path: str, stamp: int, size: int) -> dict[str, tuple[str, list[tuple[Any, ...]]]]:
    import openpyxl

    out: dict[str, tuple[str, list[tuple[Any, ...]]]] = {}
    wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        names = getattr(wb, "defined_names", None)
        for spec in (CUSTOMERS, REVENUE):
            title = _title(names, spec)
            if title in wb.sheetnames:
                out[spec.title] = (title, list(wb[title].iter_rows(min_row=1, max_row=_DEEPEST, values_only=True)))
    finally:
        wb.close()
    return out


def future_figures(path: str | os.PathLike[str], today: dt.date | None = None) -> str | None:
    """One line naming the first number typed in a month after ``today``'s (default: the run's) on the tracker's
    Customers or Revenue sheet, or None (a workbook without them, no such number).

    A typed number is a value in a column the template makes an input there (gained, customers at end, the MRR
    movements; the first month's start); formulas are the template's or the user's own and are not looked at.

    Example: ``future_figures("tracker.xlsx", dt.date(2026, 12, 3))`` ->
    ``"Customers!C14 (Gained (new + reactivated), 2027-01) holds 0 in a month that has not begun ..."``
    """
    today = today or dt.date.today()
    now = (today.year, today.month)
    sheets = tracker_sheets(path)
    for spec in (CUSTOMERS, REVENUE):
        if spec.title not in sheets:
            continue
        title, table = sheets[spec.title]
        rows = iter(table)
        header = next(rows, None)
        if header is None:
            continue
        position = {h: i for i, h in enumerate(header) if isinstance(h, str)}
        month_at = position.get("Month", 0)
        inputs = [(c, position[c.header]) for c in spec.columns if c.header in position and c.key != "month"]
        if not any(c.is_input for c, _ in inputs):
            continue
        for number, row in enumerate(rows, start=2):
            month = row[month_at] if month_at < len(row) else None
            if not isinstance(month, dt.date) or (month.year, month.month) <= now:
                continue
            for column, index in inputs:
                if template_formula_at(column, number) or index >= len(row):
                    continue
                value = row[index]
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    ref = f"{get_column_letter(index + 1)}{number}"
                    shown = f"{value:g}" if isinstance(value, float) else str(value)
                    return (
                        f"{written(title)}!{ref} ({column.header}, {month.year:04d}-{month.month:02d}) "
                        f"holds {shown} in a month that has not begun (this is {now[0]:04d}-{now[1]:02d}): the "
                        "tracker's formulas take it as that future month's figure (the Dashboard's latest month, "
                        "the churn the lifetime value averages): leave the months to come blank (a row of zeros "
                        "copied down too: clear it) and run again"
                    )
    return None
