"""The Dashboard marks a month still in progress (H141's finding 08).

Imported on 2 December without ``--through``, the tracker's last month is December with two days of data: the
Dashboard's latest figures read "Retention (CRR) 100.0%, Dec 2026" like any whole month, and only the import's console
line said otherwise, so the workbook and its PDF showed a month of no churn. Now ``import --into`` writes a line in
the Dashboard's A2 (under its title, above the latest figures) when the data's last month is the current month
(:func:`mark_in_progress`): the month, the date its figures go to (the import's) and the last full month. An import
whose data end before the current month clears a line it wrote there (told by :data:`MARK`), unless an earlier import
of another input reached the current month (its record, :mod:`.import_record`) or the tracker still holds the
figures of the month the line names (:func:`holds_month`): a file ending in November imported after one that ran into
December keeps December's figures so far, and the line naming them stays, the import saying so (it was cleared, and
the Dashboard showed December's partial figures as its latest month with no word). A2 holding anything else of the
user's is left alone, and the import says the month is not marked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd
from openpyxl.utils import quote_sheetname

from . import inplace as ip
from .dashboard_upgrade import dashboard_title
from .import_record import last_month, read_record
from .template import MONTH

if TYPE_CHECKING:
    from .found import FoundSheet

__all__ = [
    "MARK",
    "holds_month",
    "in_progress_text",
    "line_month",
    "mark_in_progress",
    "mark_segment",
    "segment_title",
]

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


_LINE_MONTH = re.compile(re.escape(MARK) + r"([A-Z][a-z]{2} \d{4}) has ")


def line_month(text: Any) -> pd.Period | None:
    """The month a line of :func:`in_progress_text` names (None for any other text).

    >>> line_month(in_progress_text(pd.Period("2026-12", freq="M"), dt.date(2026, 12, 3)))
    Period('2026-12', 'M')
    >>> line_month("In progress: soon") is None
    True
    """
    match = _LINE_MONTH.match(text) if isinstance(text, str) else None
    if match is None:
        return None
    try:
        return pd.Period(dt.datetime.strptime(match.group(1), "%b %Y"), freq="M")
    except ValueError:
        return None


def holds_month(wb: Any, sheets: Mapping[str, FoundSheet], answers: str | None, month: pd.Period) -> bool:
    """Whether the tracker holds figures of ``month``: a value in an input column of its row on a monthly sheet
    (customers at start: the first month only), or an answer in its column of the answers sheet ``answers``."""
    from .seams import filled_in

    for sheet in sheets.values():
        keys = [c.key for c in sheet.spec.columns if c.formula is None and c is not MONTH]
        if month in sheet.months and filled_in(sheet, sheet.row(month), keys):
            return True
    if answers is None or answers not in wb.sheetnames:
        return False
    from .answers_sheet import score_columns

    ws = wb[answers]
    column = score_columns(ws).get(month)
    if column is None:
        return False
    if hasattr(ws, "reset_dimensions"):  # a stored dimension (A1:M1 after an import) would end the rows early
        ws.reset_dimensions()
    rows = ws.iter_rows(min_row=2, min_col=column, max_col=column, values_only=True)
    return any(values and values[0] not in (None, "") for values in rows)


def mark_in_progress(
    package: ip.Package,
    wb: Any,
    last: pd.Period,
    today: dt.date | None = None,
    written: set[str] | None = None,
    held: Callable[[pd.Period], bool] | None = None,
) -> list[str]:
    """Write (or clear) the Dashboard's line of the month in progress: ``last`` is the data's last month, ``today``
    the run's date, ``written`` the sheets (and groups) this import writes, as its record names them, ``held`` tells
    whether the tracker holds figures of a month (:func:`holds_month`, read before this import). Returns notes
    for the user (A2 of theirs: not marked; the line kept). An earlier import of these sheets is this input's, not
    another's: its record reaching this month (import --through the month before, after one that did) keeps no line
    by itself (H172 finding 07: "In progress: Dec 2026" stayed over a tracker ending in November, its December
    cleared by hand). The line stays while the tracker holds the figures of the month it names, after ``last``: a
    file ending before it keeps that month's figures so far, and the Dashboard shows them as its latest."""
    today = today or dt.date.today()
    title = dashboard_title(wb)
    if title is None:
        return []
    there = next(wb[title].iter_rows(min_row=2, max_row=2, max_col=1, values_only=True), (None,))[0]
    ours = there is None or (isinstance(there, str) and there.startswith(MARK))
    xml = package.sheet(title)
    now = pd.Period(today, freq="M")
    if last != now:
        if there is None or not ours:
            return []
        record = read_record(package)  # another input's earlier import reaching this month: its line stays
        others = [key for key in record if key[0] not in (written or set())]
        if any(last_month(record, key) == str(now) for key in others):
            return []
        named = line_month(there) or now
        if named > last and held is not None and held(named):
            return [
                f"{quote_sheetname(title)}!{CELL} still says {named.strftime('%b %Y')} is in progress: its figures so "
                f"far, from an earlier import, are kept after this import's last month {last}, and the Dashboard's "
                f"latest figures are theirs (clear that month to end the tracker with {last})"
            ]
        xml.put(CELL, xml.element(CELL, xml.style(CELL)))
        return []
    if not ours:
        return [
            f"{quote_sheetname(title)}!{CELL} holds yours ({str(there)[:40]!r}), so the Dashboard does not say that "
            f"{last}, its latest month, is still in progress: its figures are those so far"
        ]
    xml.put(CELL, xml.text_element(CELL, xml.style(CELL), in_progress_text(last, today)))
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
    xml.put("A1", xml.text_element("A1", xml.style("A1"), wanted))
    return []
