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

__all__ = ["MARK", "in_progress_text", "mark_in_progress", "mark_segment", "segment_title"]

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


def mark_in_progress(
    package: ip.Package, wb: Any, last: pd.Period, today: dt.date | None = None, written: set[str] | None = None
) -> list[str]:
    """Write (or clear) the Dashboard's line of the month in progress: ``last`` is the data's last month, ``today``
    the run's date, ``written`` the sheets (and groups) this import writes, as its record names them. Returns notes
    for the user (A2 of theirs: not marked). An earlier import of these sheets is this input's, not another's: its
    record reaching this month (import --through the month before, after one that did) keeps no line (H172 finding
    07: "In progress: Dec 2026" stayed over a tracker ending in November)."""
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
        others = [key for key in record if key[0] not in (written or set())]
        if there is not None and ours and all(last_month(record, key) != str(now) for key in others):
            xml.put(CELL, xml.element(CELL, xml.style(CELL)))
        return []
    if not ours:
        return [
            f"{quote_sheetname(title)}!{CELL} holds yours ({str(there)[:40]!r}), so the Dashboard does not say that "
            f"{last}, its latest month, is still in progress: its figures are those so far"
        ]
    xml.put(CELL, _text_cell(xml, CELL, xml.style(CELL), in_progress_text(last, today)))
    return []


#: the Dashboard's title (A1) as the template writes it, and how a title naming a segment ends
TITLE, SEGMENT_END = "Dashboard", " only (import --segment)"


def segment_title(segment: str) -> str:
    """The Dashboard's title for a tracker filled with one segment (``COLUMN=VALUE``).

    >>> segment_title("subscriptions.plan_id=pro-USD-Yearly")
    'Dashboard: subscriptions.plan_id = pro-USD-Yearly only (import --segment)'
    """
    column, value = segment.split("=", 1)
    return f"{TITLE}: {column.strip()} = {value.strip()}{SEGMENT_END}"


def mark_segment(package: ip.Package, wb: Any, segment: str | None) -> list[str]:
    """The Dashboard's title (A1) naming the segment the import wrote (H161's finding 07: a tracker filled with one
    plan's customers showed them as the whole business), or back to "Dashboard" after an import of the whole data
    where an earlier one wrote a segment's title. A title of the user's stays: a note says the segment is not named."""
    title = dashboard_title(wb)
    if title is None:
        return []
    there = next(wb[title].iter_rows(min_row=1, max_row=1, max_col=1, values_only=True), (None,))[0]
    ours = there == TITLE or (isinstance(there, str) and there.startswith(TITLE + ": ") and there.endswith(SEGMENT_END))
    wanted = segment_title(segment) if segment is not None else TITLE
    if there == wanted or (segment is None and not ours):
        return []
    if not ours:
        return [
            f"{quote_sheetname(title)}!A1 holds yours ({str(there)[:40]!r}), so the Dashboard does not say that it "
            f"shows the segment {segment} only"
        ]
    xml = package.sheet(title)
    xml.put("A1", _text_cell(xml, "A1", xml.style("A1"), wanted))
    return []
