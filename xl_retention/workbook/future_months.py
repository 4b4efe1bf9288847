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
from collections.abc import Iterator
from typing import Any

from openpyxl.utils import get_column_letter

from ..sheet_names import written
from .monthly import CUSTOMERS, MONTHLY_SHEETS, REVENUE, MonthlySheet, template_formula_at

__all__ = ["future_figures", "headed_tables", "in_progress_zeros", "tracker_sheets"]

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
    """The tracker's monthly sheets of ``path`` (Customers, Revenue, NPS, Purchases and visits; found under their
    names, or renamed where their month names point): the spec's title -> (the sheet's title, its rows' values from
    row 1, formulas as their text). Read once for :func:`future_figures` and
    :func:`.template_cells.template_cells_off` (the same file: cached by its stamp)."""
    stat = os.stat(path)
    return _read_sheets(os.fspath(path), stat.st_mtime_ns, stat.st_size)


#: a formula cell whose text is another cell's (a shared formula): neither blank nor compared
SHARED = object()
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c\s*>)", re.S)
_REF = re.compile(rb"\br=\"([A-Z]{1,3})([0-9]+)\"")
_TYPE = re.compile(rb"\bt=\"([^\"]*)\"")
_F = re.compile(rb"<(?:\w+:)?f\b([^>]*?)(?:/>|>([^<]*)</(?:\w+:)?f\s*>)")
_V = re.compile(rb"<(?:\w+:)?v\s*>([^<]*)</(?:\w+:)?v\s*>")
_DEFINED = re.compile(rb"<(?:\w+:)?definedName\b[^>]*\bname=\"([^\"]+)\"[^>]*>([^<]*)<")


class _Names(dict):
    """Defined names read from workbook.xml as :func:`_title` looks them up (``.attr_text``)."""

    def get(self, key: Any, default: Any = None) -> Any:
        text = super().get(key)
        return default if text is None else type("Name", (), {"attr_text": text})()


def _raw_sheets(path: str) -> dict[str, tuple[str, list[tuple[Any, ...]]]] | None:
    """:func:`_read_sheets` by a scan of the sheets' XML (a tenth of openpyxl's time on a 120-month tracker); None
    where a cell has no reference (openpyxl reads it then)."""
    import zipfile

    from ..recalculation.xlsx_values import _sheet_parts
    from . import inplace as ip

    out: dict[str, tuple[str, list[tuple[Any, ...]]]] = {}
    with zipfile.ZipFile(path) as package:
        parts = _sheet_parts(package)
        names = _Names(
            (m.group(1).decode(), ip.unescape(m.group(2))) for m in _DEFINED.finditer(package.read("xl/workbook.xml"))
        )
        strings: list[str] | None = None
        for spec in MONTHLY_SHEETS:
            title = _title(names, spec)
            part = parts.get(title)
            if part is None:
                continue
            rows: dict[int, dict[int, Any]] = {}
            for cell in _CELL.finditer(package.read(part)):
                attrs, body = cell.group(1), cell.group(2) or b""
                ref = _REF.search(attrs)
                if ref is None:
                    return None
                number = int(ref.group(2))
                if number > _DEEPEST:
                    break
                kind = _TYPE.search(attrs)
                kind = kind.group(1) if kind else b"n"
                formula, value = _F.search(body), _V.search(body)
                if formula is not None:
                    text = formula.group(2)
                    got: Any = ("=" + (ip.unescape(text) if b"&" in text else text.decode())) if text else SHARED
                elif kind == b"inlineStr":
                    got = ip.unescape(re.sub(rb"<[^>]+>", b"", body))
                elif value is None:
                    continue
                elif kind == b"n":
                    number_text = value.group(1).decode()
                    got = float(number_text) if any(c in number_text for c in ".eE") else int(number_text)
                elif kind == b"s":
                    if strings is None:
                        from .checks import _shared_strings

                        strings = _shared_strings(package)
                    index = int(value.group(1))
                    got = strings[index] if index < len(strings) else ""
                elif kind == b"b":
                    got = value.group(1) == b"1"
                else:  # str, e: text
                    got = ip.unescape(value.group(1))
                rows.setdefault(number, {})[_column(ref.group(1))] = got
            table = []
            month_at = next((i for i, v in rows.get(1, {}).items() if v == "Month"), 0)
            for number in range(1, max(rows, default=0) + 1):
                cells = rows.get(number, {})
                if (
                    number > 1
                    and isinstance(cells.get(month_at), (int, float))
                    and not isinstance(cells[month_at], bool)
                ):
                    cells[month_at] = _EPOCH + dt.timedelta(days=cells[month_at])
                table.append(tuple(cells.get(i) for i in range(max(cells, default=-1) + 1)))
            out[spec.title] = (title, table)
    return out


_EPOCH = dt.datetime(1899, 12, 30)


def _column(letters: bytes) -> int:
    """``b"C"`` -> 2 (0 = A)."""
    index = 0
    for char in letters:
        index = index * 26 + char - 64
    return index - 1


@functools.lru_cache(maxsize=2)
def _read_sheets(path: str, stamp: int, size: int) -> dict[str, tuple[str, list[tuple[Any, ...]]]]:
    raw = _raw_sheets(path)
    if raw is not None:
        return raw
    from .._workbooks import open_read_only

    out: dict[str, tuple[str, list[tuple[Any, ...]]]] = {}
    wb = open_read_only(path)
    try:
        names = getattr(wb, "defined_names", None)
        for spec in MONTHLY_SHEETS:
            title = _title(names, spec)
            if title in wb.sheetnames:
                out[spec.title] = (title, list(wb[title].iter_rows(min_row=1, max_row=_DEEPEST, values_only=True)))
    finally:
        wb.close()
    return out


def headed_tables(
    sheets: dict[str, tuple[str, list[tuple[Any, ...]]]],
    skip: frozenset[str] = frozenset(),
    specs: tuple[MonthlySheet, ...] = (CUSTOMERS, REVENUE),
) -> Iterator[tuple[MonthlySheet, str, Iterator[tuple[Any, ...]], dict[str, int]]]:
    """For ``specs`` (Customers and Revenue) among ``sheets`` (:func:`tracker_sheets`; those in ``skip`` left out):
    the sheet's spec, its title as the workbook names it, its rows after the header (row 2 on) and each text header's
    column index. A sheet without a header row is left out."""
    for spec in specs:
        if spec.title not in sheets or spec.title in skip:
            continue
        title, table = sheets[spec.title]
        rows = iter(table)
        header = next(rows, None)
        if header is None:
            continue
        yield spec, title, rows, {h: i for i, h in enumerate(header) if isinstance(h, str)}


def future_figures(path: str | os.PathLike[str], today: dt.date | None = None) -> str | None:
    """One line naming the first 0 of a row of zeros typed in a month after ``today``'s (default: the run's) on the
    tracker's Customers or Revenue sheet, or None (a workbook without them, no such row). A month to come with a
    figure that is not 0 is a forecast typed in (the sample data of a 24-month tracker from 2026-01 too): not named.

    A typed number is a value in a column the template makes an input there (gained, customers at end, the MRR
    movements; the first month's start); formulas are the template's or the user's own and are not looked at.

    Example: ``future_figures("tracker.xlsx", dt.date(2026, 12, 3))`` ->
    ``"Customers!C14 (Gained (new + reactivated), 2027-01) holds 0 in a month that has not begun ..."``
    """
    today = today or dt.date.today()
    now = (today.year, today.month)
    for spec, title, rows, position in headed_tables(tracker_sheets(path)):
        month_at = position.get("Month", 0)
        inputs = [(c, position[c.header]) for c in spec.columns if c.header in position and c.key != "month"]
        if not any(c.is_input for c, _ in inputs):
            continue
        for number, row in enumerate(rows, start=2):
            month = row[month_at] if month_at < len(row) else None
            if not isinstance(month, dt.date) or (month.year, month.month) <= now:
                continue
            typed = [
                (column, index, row[index])
                for column, index in inputs
                if not template_formula_at(column, number)
                and index < len(row)
                and isinstance(row[index], (int, float))
                and not isinstance(row[index], bool)
            ]
            if not typed or any(value != 0 for _, _, value in typed):
                continue  # figures of a month to come that are not all 0 (a forecast typed in): not a placeholder
            column, index, value = typed[0]
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


def in_progress_zeros(path: str | os.PathLike[str], today: dt.date | None = None) -> str | None:
    """One line naming Customers at end typed 0 (gained 0 or blank) in ``today``'s month (the month in progress) after
    customers at the start, or None. Such a row is "no figures yet" typed as zeros: the template counts every customer
    lost (churn 100%, the Dashboard's customers at end 0, the lifetime value's churn averaging it in).

    Example: 155 customers at end of November, December's row typed 0 gained and 0 at end on 4 December ->
    ``"Customers!D13 (Customers at end, 2026-12) holds 0 in the month in progress ..."``
    """
    today = today or dt.date.today()
    now = (today.year, today.month)
    for _spec, title, rows, position in headed_tables(tracker_sheets(path), specs=(CUSTOMERS,)):
        month_at, start_at = position.get("Month", 0), position.get("Customers at start")
        end_at, gained_at = position.get("Customers at end"), position.get("Gained (new + reactivated)")
        if end_at is None:
            continue
        before: Any = None
        for number, row in enumerate(rows, start=2):
            cell = dict(enumerate(row))
            month = cell.get(month_at)
            if isinstance(month, dt.date) and (month.year, month.month) == now:
                start = cell.get(start_at) if _count(cell.get(start_at)) else before
                gained = cell.get(gained_at) if gained_at is not None else None
                if _count(start) and start > 0 and _count(cell[end_at] if end_at in cell else None):
                    if cell[end_at] == 0 and (gained is None or (_count(gained) and gained == 0)):
                        return (
                            f"{written(title)}!{get_column_letter(end_at + 1)}{number} (Customers at end, "
                            f"{now[0]:04d}-{now[1]:02d}) holds 0 in the month in progress after {start:g} customers "
                            "at its start: the tracker's formulas count all of them lost (churn 100%, the Dashboard's "
                            "latest month, the churn the lifetime value averages): leave the month in progress blank "
                            "until its figures are in and run again"
                        )
                return None
            before = cell.get(end_at)
    return None


def _count(value: Any) -> bool:
    """A typed number (not a formula's text, a bool or a blank)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)
