"""A survivors triangle whose signup months are not the tracker's, in its order, as recalc's refusal.

The tables under the triangle on Cohorts (retention, projected retention; the order cohorts' shares under their
counts) read the triangle's rows by position: their row 1 reads the triangle's row 1 whatever its signup month says.
A user who sorts the triangle newest first (Data > Sort on 'Signup month', descending), or pastes a CRM pivot with
its own signup labels over it, leaves each figure of those tables under another cohort's month: the Jan cohort's
projection shown as "Dec 2026, observed to month 6" on 5 Dec 2026, with recalc saying ``ok`` (H315's finding 03).
:func:`cohorts_out_of_order` names it as the monthly sheets' own check does
(:func:`.month_order.out_of_order`: "Customers!A3 is 2026-11, not 2027-01 ... sort the rows by 'Month', oldest to
newest"): the cell, the months found and the way to put it right.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import re
from typing import Any

from ..sheet_names import written

__all__ = ["cohorts_out_of_order"]

#: each triangle typed by the user, with the tables that read its rows by position
_TRIANGLES = {
    "Cohort_Counts": ("Cohort_Retention", "SBG_Projection"),
    "Order_Cohort_Counts": ("Order_Cohort_Share",),
}
#: the most rows of a triangle read (a tracker covers a few years)
_DEEPEST = 2000


def _month(value: Any) -> tuple[int, int] | None:
    return (value.year, value.month) if isinstance(value, dt.date) else None


def _shown(month: tuple[int, int]) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def _after(month: tuple[int, int]) -> tuple[int, int]:
    return (month[0] + month[1] // 12, month[1] % 12 + 1)


def _area(wb: Any, name: str) -> tuple[str, int, int, int, int] | None:
    """``name``'s sheet, first column, first row, last column and last row (1-based), or None where the workbook lacks
    it or it is not one range on one of its sheets."""
    from openpyxl.utils.cell import range_boundaries

    defined = wb.defined_names.get(name)
    try:
        destinations = list(defined.destinations) if defined is not None else []
    except (ValueError, TypeError, AttributeError):  # a name openpyxl cannot take apart (#REF!)
        return None
    if len(destinations) != 1 or destinations[0][0] not in wb.sheetnames:
        return None
    sheet, area = destinations[0]
    if not re.fullmatch(r"\$?[A-Z]{1,3}\$?[0-9]+:\$?[A-Z]{1,3}\$?[0-9]+", area):
        return None
    low_col, low_row, high_col, high_row = range_boundaries(area.replace("$", ""))
    if low_col < 2 or high_row - low_row >= _DEEPEST:
        return None
    return sheet, low_col, low_row, high_col, high_row


def _labels(ws: Any, column: int, low: int, high: int) -> list[Any]:
    """The values of ``column`` from row ``low`` to ``high`` of ``ws`` (a read-only sheet), read by openpyxl from the
    sheet's XML without the other columns' cells where :func:`_column_only` can take them out."""
    ws = _column_only(ws, column) or ws
    rows = ws.iter_rows(min_row=low, max_row=high, min_col=column, max_col=column, values_only=True)
    return [row[0] if row else None for row in rows]


#: a ``<c>`` whose first attribute is not an ``r`` naming its column in capitals, and a ``<c>`` or ``<row>`` written
#: with a namespace prefix: a sheet holding one is read whole (its columns cannot be told by one pattern)
_NOT_PLAIN_CELL = re.compile(rb'<c(?=[\s/>])(?! r="[A-Z])')
_PREFIXED = re.compile(rb":(?:c|row)[\s/>]")


def _column_only(ws: Any, column: int) -> Any | None:
    """``ws`` (openpyxl's read-only sheet) as a sheet whose XML keeps, of its rows' cells, only those of ``column``:
    every other byte as stored (the rows, their attributes and order, the sheet's other parts), so that openpyxl
    reads that column's values as from the whole sheet. openpyxl parses every cell of every row it reads, and the
    120-month tracker's Cohorts holds 60,288 cells for the 616 labels read: 0.18 s of its recalc (bench/README.md,
    issue 14). None (read the whole sheet) where a cell's column cannot be told by its ``r`` alone, or openpyxl's
    read-only sheet is not as this module knows it."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    if not isinstance(ws, ReadOnlyWorksheet):
        return None
    try:
        xml = ws.parent._archive.read(ws._worksheet_path)
    except (AttributeError, KeyError, OSError, ValueError):  # openpyxl's internals changed, or the part unreadable
        return None
    start, end = xml.find(b"<sheetData"), xml.rfind(b"</sheetData")
    opened = xml.find(b">", start) + 1
    if start < 0 or end < opened:
        return None
    if _NOT_PLAIN_CELL.search(xml, opened, end) or _PREFIXED.search(xml, opened, end):
        return None
    letter = get_column_letter(column).encode()
    kept = re.compile(rb'<row(?=[\s/>])[^>]*>|</row\s*>|<c r="' + letter + rb'[0-9]+"[^>]*?(?:/>|>.*?</c\s*>)', re.S)
    return _filtered_sheet()(ws, xml[:opened] + b"".join(kept.findall(xml, opened, end)) + xml[end:])


@functools.cache
def _filtered_sheet() -> type:
    """openpyxl's read-only sheet read from bytes given (the sheet's part with cells taken out), not the package."""
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class FilteredSheet(ReadOnlyWorksheet):
        def __init__(self, ws: Any, xml: bytes) -> None:
            self._xml = xml
            super().__init__(ws.parent, ws.title, ws._worksheet_path, ws._shared_strings)

        def _get_source(self) -> Any:
            return io.BytesIO(self._xml)

    return FilteredSheet


def _found(months: list[tuple[int, int] | None]) -> str:
    """The signup months found, as a short list: ``2026-12, 2026-11, 2026-10, ... 2026-01``."""
    shown = [_shown(m) if m is not None else "blank" for m in months]
    return ", ".join(shown) if len(shown) <= 4 else f"{', '.join(shown[:3])}, ... {shown[-1]}"


class _LabelColumns:
    """The label columns the triangles and their readers use, each read in one pass of its sheet: openpyxl's read-only
    rows parse a sheet from its top at every call, and five calls (the triangles and three tables under them, all on
    Cohorts) took 0.5 s of CPU of the 120-month tracker's recalc (bench/README.md, issue 14)."""

    def __init__(self, wb: Any) -> None:
        self._wb = wb
        spans: dict[tuple[str, int], tuple[int, int]] = {}  # (sheet, column): the first and last row read
        for counts, readers in _TRIANGLES.items():
            found = _area(wb, counts)
            if found is None:
                continue
            sheet, low_col = found[0], found[1]
            rows = [(found[2], found[4])]
            rows += [
                (place[2], place[4])
                for place in map(functools.partial(_area, wb), readers)
                if place and place[0] == sheet
            ]
            low, high = spans.get((sheet, low_col - 1), rows[0])
            spans[(sheet, low_col - 1)] = (min(low, *(r[0] for r in rows)), max(high, *(r[1] for r in rows)))
        self._spans = spans
        self._read: dict[tuple[str, int], list[Any]] = {}

    def __call__(self, sheet: str, column: int, low: int, high: int) -> list[Any]:
        """:func:`_labels` of ``sheet``'s ``column`` from row ``low`` to ``high``: a slice of the column's one read."""
        first, last = self._spans.get((sheet, column), (low, high))
        if not first <= low <= high <= last:  # (not a span made above: read as asked)
            return _labels(self._wb[sheet], column, low, high)
        if (sheet, column) not in self._read:
            self._read[(sheet, column)] = _labels(self._wb[sheet], column, first, last)
        return self._read[(sheet, column)][low - first : high - first + 1]


def _triangle_line(wb: Any, counts: str, readers: tuple[str, ...], read: _LabelColumns | None = None) -> str | None:
    """What to say of the triangle ``counts`` whose signup months do not follow each other oldest first, or differ
    from the months of a table reading its rows (``readers``) in the same row; else None. ``read``: the label
    columns, each read once (made here when not given)."""
    from openpyxl.utils import get_column_letter

    found = _area(wb, counts)
    if found is None:
        return None
    if read is None:
        read = _LabelColumns(wb)
    sheet, low_col, low_row, high_col, high_row = found
    letter = get_column_letter(low_col - 1)
    months = [_month(v) for v in read(sheet, low_col - 1, low_row, high_row)]
    title = written(sheet)
    area = f"{title}!{letter}{low_row}:{get_column_letter(high_col)}{high_row}"
    labels = f"{title}!{letter}{low_row}:{letter}{high_row}"
    sort = (
        f"sort the rows {area} by their signup month, oldest to newest (the tables below read the triangle's rows "
        "by position: row 1 of each reads its row 1)"
    )
    listed: list[tuple[str, int, list[tuple[int, int] | None]]] = []  # each reader on the sheet: its first row, months
    for reader in readers:
        place = _area(wb, reader)
        if place is not None and place[0] == sheet:
            listed.append((reader, place[2], [_month(v) for v in read(sheet, low_col - 1, place[2], place[4])]))
    dated = [(i, m) for i, m in enumerate(months) if m is not None]
    sortable = not listed or all(  # the months the tables list, in another order: a sort puts them right
        sorted(m for _, m in dated) == [m for m in theirs if m is not None] for _, _, theirs in listed
    )
    for (i, before), (k, month) in zip(dated, dated[1:], strict=False):
        if sortable and k == i + 1 and month != _after(before):
            order = "newest first" if month < before else "not one month apart"
            return (
                f"{title}!{letter}{low_row + k} is {_shown(month)} below {_shown(before)} in {title}!{letter}"
                f"{low_row + i}: the signup months of {counts} ({labels}: {_found(months)}) must follow each other, "
                f"oldest first ({order} here), as the tables under it list them: {sort}"
            )
    for reader, first, theirs in listed:
        for i, (mine, other) in enumerate(zip(months, theirs, strict=False)):
            if mine is not None and other is not None and mine != other:
                there = f"{title}!{letter}{first + i}"
                return (
                    f"{title}!{letter}{low_row + i} is the {_shown(mine)} cohort while its row in {reader} "
                    f"({there}) is dated {_shown(other)}: the tables under {counts} read its rows by position, so "
                    f"each of its figures would show under another month ({labels}: {_found(months)}; the tables: "
                    f"{_found(theirs)}): put each cohort's counts in the row of its signup month, as the tables "
                    f"list them, and its month back in {title}!{letter}{low_row + i} ({_shown(other)})"
                )
    return None


def cohorts_out_of_order(path: str | os.PathLike[str]) -> str | None:
    """One line naming the first triangle of a tracker's Cohorts sheet (``Cohort_Counts``, ``Order_Cohort_Counts``)
    whose signup months do not follow each other oldest first, or are not the months of the tables under it that
    read its rows by position (``Cohort_Retention``, ``SBG_Projection``, ``Order_Cohort_Share``); None where they are,
    or the workbook is no tracker.

    Example: the 12-month tracker's survivors sorted newest first -> ``"Cohorts!A5 is 2026-11 below 2026-12 in
    Cohorts!A4: the signup months of Cohort_Counts (Cohorts!A4:A15: 2026-12, 2026-11, 2026-10, ... 2026-01) must
    follow each other, oldest first (newest first here), ...: sort the rows Cohorts!A4:M15 by their signup month,
    oldest to newest ..."``
    """
    from .month_order import _may_be_tracker

    if not _may_be_tracker(path):
        return None
    from .._workbooks import open_read_only

    try:
        wb = open_read_only(path, data_only=True)
    except Exception:  # noqa: BLE001  (not readable here: the recalculation's own refusal says why)
        return None
    try:
        read = _LabelColumns(wb)
        for counts, readers in _TRIANGLES.items():
            line = _triangle_line(wb, counts, readers, read)
            if line is not None:
                return line
    finally:
        wb.close()
    return None
