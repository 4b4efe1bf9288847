"""A tracker whose months do not follow each other, and formulas reading a deleted cell, as recalc's reasons.

Each month's start on a tracker's monthly sheet reads the row above (the month before). A user who sorts the sheet
newest first makes those formulas read the later month, a true circular reference; one who deletes a month's row
leaves the next month's start reading ``#REF!``. The engine reports a bare "circular reference: Customers!B2" or an
error code; import and extend say the cause ("Customers!A3 is 2026-07, not 2026-09: the months of a tracking sheet
must follow each other"), and recalc says it too: :func:`sheets_out_of_order` for the refusal (:func:`tracker_rows`
reads the monthly sheets once, for the values typed over formulas too: :mod:`.typed_over`),
:func:`deleted_reference_reasons` for the ``#REF!`` cells.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl.utils import get_column_letter

from ..cells import CellError
from ..sheet_names import written
from .formula_texts import position
from .text_literals import LITERALS as _LITERALS

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = [
    "MonthOrder",
    "TrackerSheet",
    "deleted_reference_reasons",
    "sheets_out_of_order",
    "skipped_month",
    "out_of_order",
    "tracker_rows",
    "with_computed_months",
]

#: the most columns of row 1 looked at for a tracker's headers
_WIDEST = 40
#: the most month rows read (a tracker covers a few years)
_DEEPEST = 2000


def _month(value: Any) -> tuple[int, int] | None:
    return (value.year, value.month) if isinstance(value, dt.date) else None


@dataclass(frozen=True)
class MonthOrder:
    """Where the months of a workbook's tracker sheets stop following each other, each as :func:`out_of_order`
    says it: ``backwards`` at the first month not after the one above (rows sorted or moved) or the first month
    mistyped between two that follow each other (2027-11 between 2026-10 and 2026-12), ``broken`` at the first
    month that is not the one after the month above (a month missing too); None where none."""

    backwards: str | None = None
    broken: str | None = None
    #: a row of figures whose month is blank, below the months (the Dashboard and charts date its figures with it);
    #: a month typed as text among the months; a month typed as a day other than its first (the lifetime value finds
    #: a month on the other sheets by its date)
    unlabeled: str | None = None
    #: each month after a month skipped, as (sheet, row, what to say): refused unless the row's formulas hold the
    #: ``#REF!`` a deleted month's row leaves (:func:`skipped_month`), whose cells then get the reason
    skipped: tuple[tuple[str, int, str], ...] = ()
    #: a month or a figure in a row above the first of the sheet's month name (a row inserted above the first month:
    #: no formulas read it, the names leave it out)
    above: str | None = None


def _after(month: tuple[int, int]) -> tuple[int, int]:
    return (month[0] + month[1] // 12, month[1] % 12 + 1)


def _shown(month: tuple[int, int]) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def _figures(values: Sequence[Any], header: list[str]) -> bool:
    """Whether a row's ``values`` hold a figure in one of the tracker's input columns (``header``: row 1)."""
    from ..workbook.monthly import MONTH, MONTHLY_SHEETS

    inputs = {c.header for s in MONTHLY_SHEETS for c in s.columns if c.formula is None and c is not MONTH}
    return any(h in inputs and k < len(values) and values[k] not in (None, "") for k, h in enumerate(header))


@dataclass(frozen=True)
class TrackerSheet:
    """A tracker's monthly sheet as the file stores it: its ``rows`` (row 1 first; typed values, formulas' stored
    results) and the ``last`` row of its month name (``Customers_Months``), None without one."""

    rows: list[tuple[Any, ...]]
    last: int | None = None
    #: the first row of its month name (2 but where a row was inserted above the first month)
    first: int = 2
    #: the workbook counts its dates from 1904 (a Mac's date system): a serial number is a day of that system
    date1904: bool = False


def _breaks(title: str, rows: Iterable[Sequence[Any]], last: int | None = None, first: int = 2) -> MonthOrder:
    """:class:`MonthOrder` of ``title``'s ``rows`` (row 1 first), when the sheet is one of a tracker's monthly sheets
    (row 1 holds 'Month' and most of one's headers); read down to the first row that is not a month. ``last``: the
    last row of the sheet's month name, down to which a row of figures with a blank month is said (below it, a row
    of the user's own: a total); ``first``: its first row, from which the months are read (rows inserted above it:
    :func:`_above_first`)."""
    from ..workbook.monthly import MONTH

    lines = iter(rows)
    header = [str(h).strip() if h is not None else "" for h in next(lines, ())]
    if not _monthly_header(header):
        return MonthOrder()
    column = header.index(MONTH.header)
    months: list[tuple[int, tuple[int, int]]] = []  # (row, month), down to the first row that is not a month
    unlabeled: str | None = None
    said: tuple[str, Any] | None = None  # the text's cell and label :func:`_text_label` said
    texts: list[int] = []  # rows of a text in the month column, inside the month name, since the last month
    for row, values in enumerate(lines, start=2):
        if row < first:
            continue
        label = values[column] if column < len(values) else None
        month = _month(label)
        cell = f"{written(title)}!{get_column_letter(column + 1)}{row}"
        if month is None and label in (None, "") and months and row <= (last or 0) and _figures(values, header):
            unlabeled = unlabeled or (
                f"{cell} ('{MONTH.header}') is blank while its row holds figures: type its month, "
                f"{_shown(_after(months[-1][1]))} (the Dashboard and the charts date the row's figures with it)"
            )
            break
        if month is None and isinstance(label, str) and label.strip() and row <= (last or 0) and row <= _DEEPEST:
            if unlabeled is None:
                unlabeled, said = text_label(cell, label, months[-1][1] if months else None), (cell, label)
            texts.append(row)  # a month typed as text, or a row of the user's own (a total) inside the months
            continue
        if month is None or row > _DEEPEST:
            break
        if unlabeled is None and row <= (last or 0) and not _first_day(label):
            unlabeled = _mid_month(cell, label)  # the lifetime value finds a month on the other sheets by its date
        if said is not None and texts and months and month == _after(months[-1][1]):
            # the text's row is no month (a note row inserted): the month the advice named is this row's (tester's
            # finding 7, 2026-12-04: "type the row's month as a date, 2025-04" with 2025-04 in the next row)
            unlabeled, said = _note_row(*said, months[-1][1], month, row), None
        if texts and months and month == _after(_after(months[-1][1])):  # the text stood for the month between
            months.append((texts[-1], _after(months[-1][1])))
        texts = []
        months.append((row, month))
    return _order(title, get_column_letter(column + 1), months, unlabeled, last)


def _first_day(label: dt.date) -> bool:
    """Whether a month label is its month's first day (at midnight), as the template types every month."""
    if isinstance(label, dt.datetime) and label.time() != dt.time():
        return False
    return label.day == 1


def _mid_month(cell: str, label: dt.date) -> str:
    """What to say of a month label (``cell``) that is a day other than its month's first (2027-02-15), or carries a
    time of day: the other sheets' months are first days, and the lifetime value finds the month of the last MRR at
    end on Customers by its date (its ARPA and CLV went blank, the note blaming Revenue)."""
    from ..workbook.monthly import MONTH

    timed = isinstance(label, dt.datetime) and label.time() != dt.time()
    shown = label.strftime("%Y-%m-%d %H:%M") if timed else label.strftime("%Y-%m-%d")
    first = dt.date(label.year, label.month, 1).isoformat()
    return (
        f"{cell} ('{MONTH.header}') is {shown}, not the first day of its month: type the month's first day, {first} "
        "(each month of the tracker is its first day; the lifetime value finds a month's figures on the other sheets "
        "by that date, and leaves ARPA and the CLV blank where it is another day)"
    )


def _note_row(cell: str, label: str, before: tuple[int, int], after: tuple[int, int], row: int) -> str:
    """What to say of a text in a tracker's month column (``cell``) between two months that follow each other
    (``before``, and ``after`` in ``row``): a row that is no month (a note), to be deleted."""
    from ..workbook.monthly import MONTH

    return (
        f"{cell} ('{MONTH.header}') is the text {label.strip()!r}, not a date, between {_shown(before)} and "
        f"{_shown(after)} (row {row}), which follow each other: the row is no month of the tracker (a note?): delete "
        "the row (a note can go in a comment), as the formulas over the months read it as a month"
    )


def text_label(cell: str, label: str, before: tuple[int, int] | None) -> str:
    """What to say of a text in a tracker's month column (``cell``) inside its months (``before``: the month above)."""
    from ..workbook.monthly import MONTH

    month = f", {_shown(_after(before))}" if before is not None else ""
    return (
        f"{cell} ('{MONTH.header}') is the text {label.strip()!r}, not a date: type the row's month as a date{month} "
        "(the lifetime value, the Dashboard and the charts find a month's figures by its date), or move a row of "
        "your own (a total) below the last month"
    )


def _order(
    title: str, letter: str, months: list[tuple[int, tuple[int, int]]], unlabeled: str | None, last: int | None
) -> MonthOrder:
    """:class:`MonthOrder` of the ``months`` ((row, month), row 2 first) of ``title``'s column ``letter``; a month
    skipped or mistyped is said down to row ``last`` (the month name's end; below it, a month typed below the
    tracker's last month, which :func:`xl_retention.workbook.checks.unread_input` says)."""
    from ..workbook.monthly import MONTH, months_apart

    broken: str | None = None
    skipped: list[tuple[str, int, str]] = []
    for i in range(1, len(months)):
        (row, month), before = months[i], months[i - 1][1]
        cell = f"{written(title)}!{letter}{row}"
        apart = months_apart(cell, month, before)  # the workbook's rule, its words
        if apart is None:
            continue
        expected = _after(before)
        inside = last is None or row <= last
        final = i + 1 == len(months) or (last is not None and months[i + 1][0] > last)  # the tracker's last month
        if inside and not final and months[i + 1][1] == _after(expected):  # the one month between two that follow
            mistyped = (  # each other: typed wrong (the year, a month repeated), not rows sorted or deleted
                f"{apart}: type {_shown(expected)} there (the months above and below it are {_shown(before)} and "
                f"{_shown(months[i + 1][1])})"
            )
            return MonthOrder(mistyped, broken or mistyped, unlabeled)
        if month == before:  # the month above again (a row copied, or inserted as a copy): no sort puts it right
            above = f"{written(title)}!{letter}{months[i - 1][0]}"
            repeated = (
                f"{apart}: {_shown(month)} is in {above} too (a row copied?): delete one of the two rows (Undo in "
                "Excel before saving), or type the month this row is for"
            )
            return MonthOrder(repeated, broken or repeated, unlabeled)
        if month <= before:  # the first month out of order also where no month is missing above it
            backwards = apart + (
                f", oldest first: sort the rows by '{MONTH.header}', oldest to newest (each month's start reads the "
                "row above, the month before)"
            )
            return MonthOrder(backwards, broken or backwards, unlabeled)
        missing = (
            "put the missing month's row back (Undo in Excel before saving, or copy it from a backup) or make a new "
            "tracker and import into it"
        )
        broken = broken or f"{apart}, one row each: {missing}"
        if not inside:
            continue
        typed = f"type {_shown(expected)} there if the month was mistyped, else " if final else ""
        if i == 1 and not final:  # the months from the second on follow each other: the first may be mistyped
            month_before = (month[0] - (month[1] == 1), (month[1] - 2) % 12 + 1)
            first = f"{written(title)}!{letter}{months[0][0]}"
            typed = f"type {_shown(month_before)} in {first} if the first month was mistyped, else "
        skipped.append((title, row, f"{apart}, one row each: {typed}{missing}"))
    return MonthOrder(None, broken, unlabeled, tuple(skipped))


def out_of_order(title: str, rows: Iterable[Sequence[Any]], backwards_only: bool = False) -> str | None:
    """Where the months of ``title``'s ``rows`` (row 1 first) stop following each other, when the sheet is one of a
    tracker's monthly sheets (row 1 holds 'Month' and most of one's headers): ``Customers!A3 is 2026-07, not 2026-09:
    the months of a tracking sheet must follow each other, oldest first``, with what to do; else None.
    ``backwards_only``: only a month not after the one above (sorted or moved), not a month missing."""
    found = _breaks(title, rows)
    return found.backwards if backwards_only else found.broken


def tracker_rows(path: str | Path) -> dict[str, TrackerSheet]:
    """The rows (row 1 first, columns A to :data:`_WIDEST`, down to row :data:`_DEEPEST` + 1) of each sheet of the
    workbook at ``path`` that is a tracker's monthly sheet (a month name, ``Customers_Months``, points at it, and its
    row 1 holds 'Month' and most of one's headers),
    by title, as the file stores them (typed values, formulas' stored results), read once; {} for a workbook of the
    user's own or one that cannot be read here (the recalculation's own refusal keeps its words)."""
    if not _may_be_tracker(path):  # a workbook of the user's own: not loaded once more (nor openpyxl's reader)
        return {}
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    from .._workbooks import open_read_only

    try:
        wb = open_read_only(path, data_only=True)
    except Exception:  # noqa: BLE001  (not readable here: no reason to add)
        return {}
    out: dict[str, TrackerSheet] = {}
    try:
        ends = _month_name_ends(wb)
        for ws in wb.worksheets:
            if not hasattr(ws, "iter_rows"):
                continue
            rows = ws.iter_rows(max_col=_WIDEST, max_row=_DEEPEST + 1, values_only=True)
            header = next(rows, ())
            if _monthly_header(header) and ws.title in ends:  # a tracker's month name points at it: not a sheet of
                first, last = ends[ws.title]  # the user's own called Customers
                out[ws.title] = TrackerSheet([header, *rows], last, first, wb.epoch == CALENDAR_MAC_1904)
    finally:
        wb.close()
    return out


def with_computed_months(sheets: dict[str, TrackerSheet], values: dict[str, dict[str, Any]]) -> dict[str, TrackerSheet]:
    """``sheets`` (:func:`tracker_rows`) with each month cell that is a formula (``values``: sheet -> cell -> the
    value recalc computed for every formula cell) holding that value, a date (a serial number taken as a day of the
    workbook's date system, 1900 or 1904): a Month column filled by formulas (``=EDATE(A2,1)`` copied down, Google
    Sheets' ARRAYFORMULA kept as its value) saved without stored results read as blank (H332's finding 10).

    >>> sheet = TrackerSheet([("Month", "Customers at start"), (dt.datetime(2025, 1, 1), 100), (None, 105)])
    >>> [row[0] for row in with_computed_months({"Customers": sheet}, {"Customers": {"A3": 45689.0}})["Customers"].rows]
    ['Month', datetime.datetime(2025, 1, 1, 0, 0), datetime.datetime(2025, 2, 1, 0, 0)]
    >>> mac = TrackerSheet(sheet.rows, date1904=True)  # the same day is 1,462 days fewer from 1904-01-01
    >>> with_computed_months({"Customers": mac}, {"Customers": {"A3": 44227.0}})["Customers"].rows[2][0]
    datetime.datetime(2025, 2, 1, 0, 0)
    """
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

    from ..workbook.monthly import MONTH

    out: dict[str, TrackerSheet] = {}
    for title, sheet in sheets.items():
        header = [str(h).strip() if h is not None else "" for h in sheet.rows[0]]
        computed = values.get(title, {})
        if MONTH.header not in header or not computed:
            out[title] = sheet
            continue
        column = header.index(MONTH.header)
        letter = get_column_letter(column + 1)
        rows = list(sheet.rows)
        for row in range(2, len(rows) + 1):
            value = computed.get(f"{letter}{row}")
            if isinstance(value, bool) or not isinstance(value, (int, float, dt.date)):
                continue
            if isinstance(value, (int, float)):
                try:
                    value = from_excel(value, CALENDAR_MAC_1904 if sheet.date1904 else CALENDAR_WINDOWS_1900)
                except (ValueError, OverflowError):
                    continue
            cells = list(rows[row - 1])
            cells += [None] * (column + 1 - len(cells))
            cells[column] = value
            rows[row - 1] = tuple(cells)
        out[title] = TrackerSheet(rows, sheet.last, sheet.first, sheet.date1904)
    return out


def _month_name_ends(wb: Any) -> dict[str, tuple[int, int]]:
    """The first and last rows of each month name (``Customers_Months``: ``'Customers'!$A$2:$A$5`` -> (2, 5)) by its
    sheet."""
    ends: dict[str, tuple[int, int]] = {}
    for name, defined in wb.defined_names.items():
        if not name.endswith("_Months"):
            continue
        try:
            for title, area in defined.destinations:
                found = re.fullmatch(r"\$?[A-Z]{1,3}\$?([0-9]+)(?::\$?[A-Z]{1,3}\$?([0-9]+))?", area)
                if found is not None:
                    ends[title] = (int(found.group(1)), int(found.group(2) or found.group(1)))
        except (ValueError, TypeError, AttributeError):  # a name openpyxl cannot take apart (#REF!): no end
            continue
    return ends


def _monthly_header(header: Sequence[Any]) -> bool:
    """Whether ``header`` (row 1) holds 'Month' and most of the headers of one of a tracker's monthly sheets."""
    from ..workbook.monthly import MONTH, MONTHLY_SHEETS

    texts = [str(h).strip() if h is not None else "" for h in header]
    tracker = any(2 * sum(c.header in texts for c in s.columns) > len(s.columns) for s in MONTHLY_SHEETS)
    return tracker and MONTH.header in texts


def sheets_out_of_order(sheets: dict[str, TrackerSheet]) -> MonthOrder:
    """:class:`MonthOrder` of the first of a workbook's monthly sheets (``sheets``: :func:`tracker_rows`) whose
    months do not follow each other."""
    backwards: str | None = None
    broken: str | None = None
    unlabeled: str | None = None
    skipped: tuple[tuple[str, int, str], ...] = ()
    above: str | None = None
    for title, sheet in sheets.items():
        found = _breaks(title, sheet.rows, sheet.last, sheet.first)
        backwards, broken = backwards or found.backwards, broken or found.broken
        unlabeled = unlabeled or found.unlabeled
        skipped += found.skipped
        above = above or _above_first(title, sheet)
    return MonthOrder(backwards, broken, unlabeled, skipped, above)


def _above_first(title: str, sheet: TrackerSheet) -> str | None:
    """The first month or figure in a row of ``sheet`` between its headers and the first row of its month name (a
    row inserted above the first month, as import and extend refuse it), as one line naming the cell; else None."""
    from ..workbook.monthly import MONTH

    header = [str(h).strip() if h is not None else "" for h in sheet.rows[0]] if sheet.rows else []
    if sheet.first <= 2 or MONTH.header not in header:
        return None
    column = header.index(MONTH.header)
    rows = "row 2" if sheet.first == 3 else f"rows 2 to {sheet.first - 1}"
    where = f"above the tracker's first month (row {sheet.first}, where its names start)"
    for row in range(2, min(sheet.first, len(sheet.rows) + 1)):
        values = sheet.rows[row - 1]
        month = _month(values[column] if column < len(values) else None)
        if month is not None:
            return (
                f"{written(title)}!{get_column_letter(column + 1)}{row} is the month {_shown(month)}, {where}: a month "
                f"added by hand is left out of the Dashboard, the lifetime value and the charts, its figures too; "
                f"delete {rows} (for earlier months, make a tracker that starts there: xl-retention new NEW.xlsx "
                f"--start {_shown(month)})"
            )
        if _figures(values, header):
            k = next(k for k in range(len(header)) if _figures(values[: k + 1], header[: k + 1]))
            return (
                f"{written(title)}!{get_column_letter(k + 1)}{row} holds a figure {where}: no formula reads it and the "
                f"Dashboard, the lifetime value and the charts leave it out; move the figures out and delete {rows}"
            )
    return None


def skipped_month(path: str | Path, order: MonthOrder) -> str | None:
    """What to say of the first month after a month skipped (``order.skipped``) whose row holds no formula reading
    ``#REF!``: a month typed wrong (2026-12 after 2026-10) or a row taken out some other way, its start reading the
    end of a month that is not the month before (numbers for the wrong months, none an error); None where each such
    row holds the ``#REF!`` Excel leaves when a month's row is deleted (its cells' reasons say the month missing)."""
    if not order.skipped:
        return None
    from .._workbooks import open_read_only

    wb = open_read_only(path)
    try:
        for title, row, what in order.skipped:
            cells = next(wb[title].iter_rows(min_row=row, max_row=row, max_col=_WIDEST, values_only=True), ())
            texts = (str(getattr(value, "text", value) or "") for value in cells)  # an array formula: its text
            if not any(t[:1] == "=" and "#REF!" in _LITERALS.sub('""', t).upper() for t in texts):
                return what
    finally:
        wb.close()
    return None


def _may_be_tracker(path: str | Path) -> bool:
    """Whether the workbook's names (xl/workbook.xml) may hold a tracker's month name (``Customers_Months``, also of a
    renamed sheet): a team's own report with a sheet called "Customers" or "NPS", newest month first, is no tracker."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            text = package.read("xl/workbook.xml").decode("utf-8", "replace")
    except Exception:  # noqa: BLE001  (not a package: the recalculation's own refusal says so)
        return False
    return "_Months" in text


def _engine_rows(workbook: fz.Workbook, sheet: str) -> Iterable[tuple[Any, ...]]:
    """The rows of ``sheet`` as the engine holds them, row 1 first, column A to the 'Month' column only."""
    get: Callable[[str, int, int], Any] = workbook.get_value
    header = tuple(get(sheet, 1, c) for c in range(1, _WIDEST + 1))
    yield header
    texts = [str(h).strip() if h is not None else "" for h in header]
    if "Month" not in texts:
        return
    column = texts.index("Month") + 1
    base: dt.date | None = None
    for row in range(2, _DEEPEST + 2):
        value = get(sheet, row, column)
        if isinstance(value, int | float) and not isinstance(value, bool):  # a serial day number (the engine's)
            base = base or _base(value)
            value = base + dt.timedelta(days=int(value)) if base is not None and 0 < value < 2958466 else None
        yield (None,) * (column - 1) + (value,)
        if _month(value) is None:
            return


def _base(serial: float) -> dt.date | None:
    """The day 0 of the date system under which ``serial`` (a tracker's first month) is the 1st of a month: the 1900
    system's, else the 1904 system's; None when neither (not a month of the template)."""
    for base in (dt.date(1899, 12, 30), dt.date(1904, 1, 1)):
        if serial == int(serial) and 0 < serial < 2958466 and (base + dt.timedelta(days=int(serial))).day == 1:
            return base
    return None


def _first_start(workbook: fz.Workbook, sheet: str, ref: str) -> str:
    """What to do about a ``#REF!`` in ``sheet``!``ref``: type the start there where it is the first month's start of a
    tracker's monthly sheet (the month before it deleted), else write the reference again."""
    from ..workbook.monthly import MONTHLY_SHEETS

    spec = next((spec for spec in MONTHLY_SHEETS if spec.title == sheet), None)
    keys = [c.key for c in spec.columns] if spec is not None else []
    row, column = position(ref)
    try:
        header = workbook.get_value(sheet, 1, column)
    except Exception:  # noqa: BLE001  (a sheet the engine does not have)
        header = None
    if spec is not None and row == 2 and "start" in keys and header == spec.columns[keys.index("start")].header:
        return f"it is the first month's {header} now (the month before it was deleted): type the number there"
    return "write the reference again"


#: what Excel leaves of a reference to a deleted sheet: ``#REF!B$2:B$1001``, ``#REF!A:A``, ``#REF!$3:$3``
_SHEET_GONE_REFERENCE = re.compile(
    r"#REF!(?:\$?[A-Z]{1,3}\$?[0-9]+(?::\$?[A-Z]{1,3}\$?[0-9]+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?[0-9]+:\$?[0-9]+)"
)
#: what to do about a reference to a deleted sheet
_SHEET_GONE = (
    "{0} is a reference to a deleted sheet: put the sheet back (Undo in Excel before saving, or copy it from a new "
    "tracker: xl-retention new NEW.xlsx) or write the reference again"
)
#: the reason of a formula holding ``#REF!`` in its text (Excel's mark of a reference to a deleted cell)
DELETED = "the formula refers to a deleted cell (#REF! in its text): a row, column or sheet it read was deleted"


def deleted_reference_reasons(workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed) -> int:
    """Give each ``#REF!`` cell without a reason whose formula holds ``#REF!`` (outside its texts) the reason
    :data:`DELETED`, with the tracker's months out of order where its sheet is a monthly sheet whose month rows do
    not follow each other (a month's row deleted), else what to do; returns how many got one. So too a cell in
    another error whose function's reason is the ``#REF!`` it was given (``NPS(#REF!B$2:B$1001)``, "NPS: scores
    holds the error value #REF! in cell 1 of scores": the sheet "NPS scores" deleted)."""
    named = 0
    orders: dict[str, str | None] = {}
    for sheet, cells in result.values.items():
        texts = formulas.get(sheet)
        if texts is None:
            continue
        for ref, value in cells.items():
            if type(value) is not CellError:
                continue
            if (value.message or value.code != "#REF!") and "error value #REF!" not in (value.message or ""):
                continue
            place = position(ref)
            if place not in texts or "#REF!" not in _LITERALS.sub('""', texts[place]).upper():
                continue
            if sheet not in orders:
                try:
                    orders[sheet] = out_of_order(sheet, _engine_rows(workbook, sheet))
                except Exception:  # noqa: BLE001  (a sheet the engine cannot read: no months to name)
                    orders[sheet] = None
            order = orders[sheet]
            gone = _SHEET_GONE_REFERENCE.search(_LITERALS.sub('""', texts[place]).upper())  # #REF!B$2: no sheet
            why = (
                f"{DELETED}: {order}"
                if order is not None
                else f"{DELETED}: {_SHEET_GONE.format(gone.group(0))}"
                if gone is not None
                else f"{DELETED}: {_first_start(workbook, sheet, ref)}"
            )
            result.values[sheet][ref] = CellError(value.code, f"{written(sheet)}!{ref}: {why} ({value.code})")
            named += 1
    return named
