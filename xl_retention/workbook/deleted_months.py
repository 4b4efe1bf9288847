"""A month's row deleted from a monthly sheet among the months to come: named, with the way to put it back.

A user keeping the tracker by hand deletes an empty month's row (LibreOffice's or Excel's Delete Rows on Customers,
September 2026 of a tracker to December): the next month's start then reads ``#REF!`` (the row above it is gone), but
its row is empty, so its formulas show nothing, and recalc said ``ok`` with no word; when September closes there is
no row to type it in (typed in the next one it would be October's), and upgrade and extend refused the file with
"Customers!A10 is 2026-10, not 2026-09: the months of a tracking sheet must follow each other" and no way on (H273's
task, item 3). Inserting a row there, typing the month in it and running ``upgrade`` (which puts the template's
formulas in the new row's blank cells and in the ``#REF!`` start after it) makes the sheet the template's again
(checked with LibreOffice: every Customers formula as a new tracker's). :func:`missing_months_advice` says that where
the months skip, and :func:`deleted_month_row` names such a row for recalc (the file incomplete).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from openpyxl.utils import get_column_letter

from ..sheet_names import written
from .future_months import headed_tables, tracker_sheets
from .monthly import MONTHLY_SHEETS, months_apart

__all__ = ["deleted_month_row", "missing_months_advice"]


def _after(month: tuple[int, int]) -> tuple[int, int]:
    return month[0] + month[1] // 12, month[1] % 12 + 1


def _text(month: tuple[int, int]) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def missing_months_advice(cell: str, month: tuple[int, int], before: tuple[int, int]) -> str | None:
    """What to do where the month at ``cell`` (sheet!ref) is later than the month after ``before``: the rows of the
    months between put back; None where it is not later (a month repeated or out of order: said otherwise).

    >>> missing_months_advice("Customers!A10", (2026, 10), (2026, 8))[93:]
    "(a month's row deleted?): insert a row above Customers!A10, type 2026-09 in the Month column and run \
xl-retention upgrade on the workbook, which puts the template's formulas in the new row and in the month after them \
(your figures are kept)"
    """
    missing, at = [], _after(before)
    while at < month and len(missing) < 240:
        missing.append(at)
        at = _after(at)
    if not missing:
        return None
    rows = "a row" if len(missing) == 1 else f"{len(missing)} rows"
    months = _text(missing[0]) if len(missing) == 1 else f"{_text(missing[0])} to {_text(missing[-1])}, one a row"
    apart = months_apart(cell, month, before)
    deleted, new = ("a month's row", "row") if len(missing) == 1 else ("months' rows", "rows")
    return (
        f"{apart} ({deleted} deleted?): insert {rows} above {cell}, type "
        f"{months} in the Month column and run xl-retention upgrade on the workbook, which puts the template's "
        f"formulas in the new {new} and in the month after them (your figures are kept)"
    )


def _typed(row: tuple[Any, ...], skip: int) -> bool:
    """Whether ``row`` holds a value typed (not a formula, not blank) other than its month (index ``skip``)."""
    return any(
        v not in (None, "") and not (isinstance(v, str) and v.startswith("=")) for i, v in enumerate(row) if i != skip
    )


def deleted_month_row(path: str | os.PathLike[str]) -> str | None:
    """One line naming the first monthly sheet whose months skip where a formula of the month after reads ``#REF!``
    (a month's row deleted) and that month's row holds nothing typed (its formulas show nothing: no error names it),
    or None."""
    for _spec, title, rows, position in headed_tables(tracker_sheets(path), specs=MONTHLY_SHEETS):
        at = position.get("Month")
        if at is None:
            continue
        before: tuple[int, int] | None = None
        for number, row in enumerate(rows, start=2):
            value = row[at] if at < len(row) else None
            if not isinstance(value, dt.date):
                break
            month = (value.year, value.month)
            if before is not None and month > _after(before):
                broken = any(isinstance(v, str) and v.startswith("=") and "#REF!" in v.upper() for v in row)
                if broken and not _typed(row, at):
                    cell = f"{written(title)}!{get_column_letter(at + 1)}{number}"
                    advice = missing_months_advice(cell, month, before)
                    return (
                        f"{advice}; until then the months skip there: a month's figures have no row of their own, "
                        f"and {_text(month)}'s start reads the deleted row (#REF!, shown when its figures are typed)"
                    )
            before = month
    return None
