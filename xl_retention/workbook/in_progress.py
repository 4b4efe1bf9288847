"""The Dashboard marks a month still in progress (H141's finding 08).

Imported on 2 December without ``--through``, the tracker's last month is December with two days of data: the
Dashboard's latest figures read "Retention (CRR) 100.0%, Dec 2026" like any whole month, and only the import's console
line said otherwise, so the workbook and its PDF showed a month of no churn. Now ``import --into`` writes a line in
the Dashboard's A2 (under its title, above the latest figures) when the data's last month is the current month
(:func:`mark_in_progress`): the month, the date its figures go to (the import's) and the last full month. An import
whose data end before the current month clears a line it wrote there (told by :data:`MARK`), unless an earlier import
of another input reached the current month (its record, :mod:`.import_record`); A2 holding anything else of the
user's is left alone, and the import says the month is not marked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from openpyxl.utils import quote_sheetname

from . import inplace as ip
from .chart_columns import _text_cell
from .dashboard_upgrade import dashboard_title
from .import_record import last_month, read_record

__all__ = ["MARK", "in_progress_text", "mark_in_progress"]

#: how the line starts (an import clears a line starting so, and writes over it)
MARK = "In progress: "
#: the Dashboard's cell of the line
CELL = "A2"


def in_progress_text(month: pd.Period, today: dt.date) -> str:
    """The Dashboard's line for the current ``month`` imported on ``today``.

    >>> in_progress_text(pd.Period("2026-12", freq="M"), dt.date(2026, 12, 2))[:94]
    'In progress: Dec 2026 has its figures to 2 Dec 2026 only (the date of the import), not a whole'
    """
    name = month.strftime("%b %Y")
    return (
        f"{MARK}{name} has its figures to {today.day} {today:%b %Y} only (the date of the import), not a whole "
        f"month's: its churn, purchases and answers are those so far. The last full month is "
        f"{(month - 1).strftime('%b %Y')}; import again after {name} ends."
    )


def mark_in_progress(package: ip.Package, wb: Any, last: pd.Period, today: dt.date | None = None) -> list[str]:
    """Write (or clear) the Dashboard's line of the month in progress: ``last`` is the data's last month, ``today``
    the run's date. Returns notes for the user (A2 of theirs: not marked)."""
    today = today or dt.date.today()
    title = dashboard_title(wb)
    if title is None:
        return []
    there = next(wb[title].iter_rows(min_row=2, max_row=2, max_col=1, values_only=True), (None,))[0]
    ours = there is None or (isinstance(there, str) and there.startswith(MARK))
    xml = package.sheet(title)
    now = pd.Period(today, freq="M")
    if last != now:
        record = read_record(package)  # another input's earlier import reaching this month: its line stays
        if there is not None and ours and all(last_month(record, key) != str(now) for key in record):
            xml.put(CELL, xml.element(CELL, xml.style(CELL)))
        return []
    if not ours:
        return [
            f"{quote_sheetname(title)}!{CELL} holds yours ({str(there)[:40]!r}), so the Dashboard does not say that "
            f"{last}, its latest month, is still in progress: its figures are those so far"
        ]
    xml.put(CELL, _text_cell(xml, CELL, xml.style(CELL), in_progress_text(last, today)))
    return []
