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
import re
import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from ..sheet_names import written
from . import inplace as ip
from .formats import monthly_name
from .found import FoundSheet, monthly_titles, read_monthly
from .future_months import headed_tables, tracker_sheets
from .monthly import MONTHLY_SHEETS, months_apart

__all__ = [
    "can_put_back",
    "deleted_month_row",
    "missing_months_advice",
    "put_back_last_months",
    "typed_back",
    "typed_back_line",
    "uneven_months_line",
    "uneven_months",
]


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
    (a month's row deleted: the file is incomplete, its figures typed or not), or None. A filled month's row deleted
    was left to its cells' #REF! with status ok and exit 0 (H510's finding 02), though the tracker had lost a month."""
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
                if broken:  # typed after it too: its #REF! shows, and the tracker has lost a month (H510's 02)
                    cell = f"{written(title)}!{get_column_letter(at + 1)}{number}"
                    advice = missing_months_advice(cell, month, before)
                    typed = _typed(row, at)
                    shown = "" if typed else ", shown when its figures are typed"
                    lost = (  # a month typed after it: the row deleted probably held figures (H513's finding 04)
                        "; type the figures of the month deleted again in the new row if it held them" if typed else ""
                    )
                    return (
                        f"{advice}{lost}; until then the months skip there: a month's figures have no row of their "
                        f"own, and {_text(month)}'s start reads the deleted row (#REF!{shown})"
                    )
            before = month
    return None


def _typed_back_ok(sheet: Any, rows: range) -> bool:
    """Whether the rows ``rows`` of ``sheet`` (typed back below its names; openpyxl's values, formulas as written)
    hold values only, none in a formula column of the template nor a formula anywhere in its columns: their figures
    can go into a rebuilt row as they are."""
    by_col = {sheet.columns[c.key]: c for c in sheet.spec.columns if c.key in sheet.columns}
    for row in rows:
        for col, column in by_col.items():
            value = sheet.value(row, col)
            if value is None or value == "":
                continue
            plain = isinstance(value, int | float | dt.date | dt.time | dt.timedelta) or (
                isinstance(value, str) and not value.startswith("=")
            )  # not a formula (an array formula is openpyxl's ArrayFormula)
            if column.formula is not None or not plain:
                return False
    return True


def _plan(
    wb: Any, name: str, over_formulas: bool = False
) -> tuple[list[Any], list[Any], list[tuple[Any, Any, Any, Any]]] | None:
    """What :func:`put_back_last_months` writes back in the workbook ``wb`` (openpyxl, formulas as written): the
    monthly sheets, the months of the longest, and for each sheet short of them (sheet, its months, the months
    missing, those typed back below its name); None where nothing is to put back or upgrade cannot (the refusals
    say what). The one test of what upgrade puts back, which extend, import and recalc ask before naming upgrade.
    ``over_formulas``: the months typed back also where a figure is typed over a formula column, which upgrade
    refuses (recalc names them with extend's line: H426's F13)."""
    from .found import monthly_titles, named_rows, read_monthly

    try:
        titles = monthly_titles(wb, name, "upgrade")
        found = [(s, titles[s.title]) for s in MONTHLY_SHEETS if s.title in titles]
        bare = [FoundSheet(replace(s, title=title), {}, [], {}, s) for s, title in found]
        spans = [named_rows(wb, s) for s in bare]
        if len({s[1] for s in spans if s is not None}) < 2:  # every month name ends on one row: nothing deleted
            return None
        sheets = [read_monthly(wb, s, title) for s, title in found]
    except (ValueError, KeyError):  # a layout the refusals name
        return None
    pairs = list(zip(spans, sheets, strict=True))
    if len(sheets) < 2 or any(s is None or s[0] != 2 or s[1] > sheet.last_row for s, sheet in pairs):
        return None  # a sheet without its month name, or one not from row 2: not told which months are the template's
    named = [sheet.months[: span[1] - 1] for span, sheet in pairs if span is not None]
    longest = max(named, key=len)
    if any(months != longest[: len(months)] for months in named):
        return None
    plan = []
    for sheet, months in zip(sheets, named, strict=True):
        missing, typed = longest[len(months) :], sheet.months[len(months) :]
        if missing and months and typed in ([], missing):
            below = range(2 + len(months), sheet.last_row + 1)
            if typed and not over_formulas and not _typed_back_ok(sheet, below):
                return None  # figures typed over a formula column: refused, naming the row
            plan.append((sheet, months, missing, typed))
        elif typed:  # a month added by hand on one sheet, or typed back other than the missing ones: refused
            return None
    return (sheets, longest, plan) if plan else None


def can_put_back(wb: Any, name: str) -> bool:
    """Whether ``upgrade`` writes back the months' rows deleted from a monthly sheet of ``wb`` (:func:`_plan`), so
    extend, import and recalc may name it as the remedy (H426's finding F1: not where it refuses)."""
    return _plan(wb, name) is not None


def uneven_months(sheet: Any, base: Any, upgrade: str = "") -> str:
    """Why ``sheet`` and ``base`` (the first monthly sheet, :class:`.found.FoundSheet`) do not cover the same months, in
    words: where one ends before the other from the same first month (its last months' rows deleted: H397's finding
    04), which months it lacks and how to put them back (``upgrade``: the file as ``xl-retention upgrade`` is told it,
    where it writes them back: H417; empty where it could not, and for upgrade itself); else the months each covers."""
    short, long = (sheet, base) if len(sheet.months) < len(base.months) else (base, sheet)
    if not (short.months and short.months == long.months[: len(short.months)]):
        return (
            f"{sheet.spec.title} covers {sheet.months[0]} to {sheet.months[-1]}, {base.spec.title} "
            f"{base.months[0]} to {base.months[-1]}: the monthly sheets must cover the same months"
        )
    missing = long.months[len(short.months) :]
    shown = f"{missing[0]}" if len(missing) == 1 else f"{missing[0]} to {missing[-1]}"
    rows, it = ("row", "it") if len(missing) == 1 else ("rows", "them")
    read = "the formulas and names the Dashboard, the lifetime value and the charts read"
    remedy = (
        f"put {it} back with xl-retention upgrade {upgrade}, which writes {it} back with {read} (the figures left "
        f"blank to type, or those typed back below row {short.last_row} kept)"
        if upgrade
        else f"put {it} back (Undo in Excel before saving, or copy {it} from a backup of the file); a month typed back "
        f"below row {short.last_row} has none of {read}"
    )
    return (
        f"{short.spec.title} ends at {short.months[-1]} (row {short.last_row}), {long.spec.title} at "
        f"{long.months[-1]}: the {rows} of {shown} {'was' if it == 'it' else 'were'} deleted from "
        f"{short.spec.title}, and the monthly sheets must cover the same months: {remedy}"
    )


def typed_back(cell: str, month: Any, others: Any, title: str, upgrade: str = "") -> str:
    """The line naming the month at ``cell`` (sheet!ref) typed back below sheet ``title``'s month name after its row
    was deleted (the other monthly sheets run to ``others``), with the remedy: ``xl-retention upgrade`` on the file
    as ``upgrade`` gives it where upgrade rebuilds the row (:func:`can_put_back`), else Undo or a backup."""
    row = int(re.sub(r"^.*?([0-9]+)$", r"\1", cell))
    remedy = (
        f"xl-retention upgrade {upgrade} rebuilds the row around the figures typed back (or Undo in Excel before "
        "saving)"
        if upgrade
        else "put the deleted row back instead (Undo in Excel before saving, or copy the sheet's rows from a backup "
        "of the file)"
    )
    return (
        f"{cell} is the month {month}, below the sheet's last month (row {row - 1}, where its names end) while the "
        f"other monthly sheets run to {others}: the row of {month} was deleted from {title} and typed back, without "
        f"the formulas and names the Dashboard, the lifetime value and the charts read: {remedy}"
    )


def typed_back_line(path: str | os.PathLike[str], given: str | None = None) -> str | None:
    """For ``recalc`` (which writes nothing), the line extend and import refuse a tracker at ``path`` with where a
    month's row deleted from a monthly sheet was typed back below it (:func:`typed_back`: recalc said to add the
    months with extend, which refuses them: H426's findings F2, F13): naming ``upgrade`` where it rebuilds the row,
    else Undo or a backup (a figure typed over a formula cell); else None. The file is opened only where the monthly
    sheets' month names span different numbers of rows. ``given``: the file's path as the user gave it (recalc
    reads a copy at ``path``)."""
    from .template import MONTH

    with uneven_book(path) as wb:
        if wb is None:
            return None
        try:
            planned = _plan(wb, "", over_formulas=True)
            upgrade = shlex.quote(given or os.fspath(path)) if planned is not None and can_put_back(wb, "") else ""
        except Exception:  # noqa: BLE001  (a layout the other checks name: nothing said here)
            return None
    for sheet, months, _missing, typed in planned[2] if planned is not None else []:
        if typed:
            cell = f"{sheet.spec.title}!{sheet.letter(MONTH.key)}{2 + len(months)}"
            return typed_back(cell, typed[0], planned[1][-1], sheet.spec.title, upgrade)
    return None


def put_back_last_months(package: ip.Package, wb: Any, name: str) -> tuple[list[str], list[str]]:
    """``upgrade``'s repair of a monthly sheet whose last months' rows were deleted (H397's finding 04, H417): where
    every monthly sheet's month name (``Customers_Months``) starts at row 2 and one sheet's ends months before the
    others' (its rows deleted, the name shrunk with them), the missing months' rows are written back on it as
    ``extend`` writes a month (:func:`.growth._grow_monthly`: the month, the template's formulas and styles, the
    sheet's names, charts and tables, and the formulas of the user's over its months, widened), their input cells
    blank; where those months were typed back by hand below the name (values only, none over a formula column), the
    row is rebuilt around them, the typed figures kept. Returns the report's lines and the notes (formulas of the
    user's widened); nothing where anything is other than that (:func:`_plan`; the refusals say what)."""
    from ..reading.notes import collected
    from .growth import LEFT_BLANK, _grow_monthly
    from .stretch import stretch_formulas
    from .template import MONTH, NPS_SCORES_TITLE, NPS_SUMMARY
    from .widened import stretched_lines

    planned = _plan(wb, name)
    if planned is None:
        return [], []
    sheets, longest, plan = planned
    lines: list[str] = []
    stretched: list[str] = []
    answers = NPS_SCORES_TITLE
    ours = {s.spec.title: set(s.columns.values()) for s in sheets}
    for sheet, months, missing, typed in plan:
        xml, last = package.sheet(sheet.spec.title), 1 + len(months)
        rows = range(last + 1, last + 1 + len(typed))
        kept: dict[str, bytes] = {}
        for ref, element in list(xml.cells_in_rows(rows.start, rows.stop - 1) if typed else []):
            if ip.split_ref(ref)[1] in ours[sheet.spec.title]:
                if ip.split_ref(ref)[1] != sheet.columns[MONTH.key] and ip.has_content(element):
                    kept[ref] = element
                xml.put(ref, None)
        values = {r: v for r, v in sheet.values.items() if r <= last}
        trimmed = FoundSheet(sheet.spec, sheet.columns, list(months), values, sheet.template, sheet.early)
        extra = None
        if sheet.is_(NPS_SUMMARY):
            extra, answers = _scores_of(wb, sheet, name)
        with collected() as notes:
            _grow_monthly(package, trimmed, missing, extra, _date1904(package))
            stretch_formulas(package, sheet.spec.title, rows=(last, last + len(missing)), month_rows=1 + len(longest),
                             monthly=set(ours), answers=answers, template_columns=ours)  # fmt: skip
        stretched += notes
        for ref, element in kept.items():  # the figures typed back, in the rebuilt row's style
            style = xml.style(ref)
            element = re.sub(rb'\ss="[0-9]+"', b"", element, count=1)
            if style is not None:
                element = re.sub(rb"^(<(?:\w+:)?c\b)", rb'\1 s="' + style + b'"', element, count=1)
            xml.put(ref, element)
        shown = f"{missing[0]}" if len(missing) == 1 else f"{missing[0]} to {missing[-1]}"
        rows_of = "row" if len(missing) == 1 else "rows"
        how = (
            "the figures you typed back kept"
            if kept
            else f"{'its' if len(missing) == 1 else 'their'} figures left blank: type them"
        )
        whose = sheet.spec.title + ("'" if sheet.spec.title.endswith("s") else "'s")
        lines.append(f"put back {whose} {rows_of} of {shown} ({how})")
    own = [s for s in stretched if not s.startswith(LEFT_BLANK)]
    return lines, stretched_lines(own) + [s for s in stretched if s.startswith(LEFT_BLANK)]


def _date1904(package: ip.Package) -> bool:
    workbook = package.data.get("xl/workbook.xml", b"")
    return re.search(rb"date1904\s*=\s*[\"'](?:1|true)[\"']", workbook) is not None


def _scores_of(wb: Any, summary: Any, name: str) -> tuple[Any, str]:
    """The NPS summary's month answers (its formulas' ``{scores}``) and the answers sheet's title."""
    from .answers_sheet import answers_title, response_rows, score_columns, scores_range
    from .template import NPS_RESPONSE_ROWS

    answers = answers_title(wb, summary, name)
    if answers is None:
        raise ip.LayoutError(f"{name}: no answers sheet for {summary.spec.title}'s months to read")
    columns = score_columns(wb[answers])
    rows = response_rows(summary, answers, NPS_RESPONSE_ROWS)

    def scores(month: Any) -> dict[str, str]:
        if month not in columns:
            raise ip.LayoutError(f"{name}: {answers!r} has no column of the month {month} in row 1")
        return {"scores": scores_range(columns[month], rows, answers)}

    return scores, answers


def uneven_months_line(path: str | Path) -> str | None:
    """For ``recalc`` (which writes nothing), the line ``import``, ``extend`` and ``upgrade`` refuse a tracker at
    ``path`` with where its monthly sheets do not cover the same months (:func:`.deleted_months.uneven_months`: a
    sheet's last month's row deleted, H397's finding 04: recalc said ``ok``); else None. The file is opened only where
    the monthly sheets' month names span different numbers of rows (:func:`uneven_book`)."""
    with uneven_book(path) as wb:
        if wb is None:
            return None
        try:
            titles = monthly_titles(wb, "", "recalc")
            sheets = [read_monthly(wb, s, titles[s.title]) for s in MONTHLY_SHEETS if s.title in titles]
            base = sheets[0] if sheets else None
            for sheet in sheets:
                if (
                    base is not None
                    and base.months
                    and sheet.months
                    and (sheet.months[0] != base.months[0] or len(sheet.months) != len(base.months))
                ):
                    return uneven_months(sheet, base, shlex.quote(str(path)) if can_put_back(wb, "") else "")
        except Exception:  # noqa: BLE001  (a layout the other checks name: nothing said here)
            return None
    return None


@contextmanager
def uneven_book(path: str | os.PathLike[str]) -> Iterator[Any]:
    """The tracker at ``path`` opened read-only (closed after the ``with``) where its monthly sheets' month names
    (``Customers_Months``) span different numbers of rows, a month's row deleted from one of them (the name shrunk with
    it; a row inserted above a sheet's first month moves its name whole, and that month is named by its own line);
    None where they span as many rows or the file cannot be opened here (the recalculation says why)."""
    from .._workbooks import open_read_only
    from ..recalculation.typed_over import workbook_names

    _, names = workbook_names(path)
    spans = {_rows_spanned(names[n][1]) for s in MONTHLY_SHEETS if (n := monthly_name(s.title)) in names}
    wb = None
    if len(spans) > 1:
        try:
            wb = open_read_only(path)
        except Exception:  # noqa: BLE001  (not readable here: the recalculation says why)
            wb = None
    try:
        yield wb
    finally:
        if wb is not None:
            wb.close()


def _rows_spanned(target: str) -> int:
    """How many rows a month name's target (``'Customers'!$A$2:$A$13``) spans: 12 there; 1 for one cell."""
    rows = [int(r) for r in re.findall(r"[A-Z]+([0-9]+)", target.rpartition("!")[2].replace("$", ""))]
    return rows[-1] - rows[0] + 1 if rows else 0
