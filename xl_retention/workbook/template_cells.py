"""The template's formulas on a tracker's monthly sheets (Customers, Revenue, NPS, Purchases and visits) that were
cleared or rewired, named.

Each month's row holds the template's formulas (a month's start reads the month before's end, its rates read its own
row, the hidden chart and "so far" columns feed the Dashboard and the lifetime value). Two ordinary edits break them
without an error:

- clearing them (the hidden helper columns Customers!H:K unhidden, full of ``#N/A``, selected and Delete): the
  Dashboard and the lifetime value then show ``#N/A``/``#DIV/0!`` sending the user to cells that are right
  (H201's finding 06);
- moving a month's figures to another row (cut and paste, or dragging the cells): the spreadsheet re-points every
  formula that read them, so a month left empty shows rates from the next month's figures and the next month's start
  is its own end (H201's finding 02).

:func:`template_cells_off` compares each formula cell with the formula the template writes there (rendered for that
row, on the columns found by their headers): a blank cell is a cleared formula; a formula that is the template's but
for its rows reads other months than its own. Both make recalc's file ``incomplete`` (:func:`.checks.unread_input`).
Formulas of the user's own (another shape) and earlier templates' formulas are not looked at; values typed over the
formulas are :mod:`xl_retention.recalculation.typed_over`'s.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Any

from openpyxl.utils import get_column_letter

from ..sheet_names import written
from .future_months import headed_tables, tracker_sheets
from .monthly import MONTHLY_SHEETS, MonthlySheet, template_formula_at
from .nps_rows import row_scores
from .template import render_formula

__all__ = ["template_cells_off"]

#: the cells a message names before "..."
FIRST = 3
#: what reads a monthly sheet's formulas (by the template's title): the NPS sheet's are read by the month's NPS, its
#: margin of error and the Dashboard, not by the lifetime value, which the message said of NPS!B5 (H242's finding 08)
READERS = {
    "Customers": ("the Dashboard", "the lifetime value"),
    "Revenue": ("the Dashboard", "the lifetime value"),
    "NPS": ("the month's NPS and its margin of error", "the Dashboard"),
    "Purchases and visits": ("the Dashboard",),
}


def _readers(titles: list[str]) -> str:
    """The readers of the cleared cells' sheets (template titles), in words: "the Dashboard and the lifetime value".

    >>> _readers(["NPS"])
    "the month's NPS and its margin of error and the Dashboard"
    >>> _readers(["Purchases and visits", "Customers"])
    'the Dashboard and the lifetime value'
    """
    found = dict.fromkeys(reader for title in titles for reader in READERS.get(title, ("the Dashboard",)))
    readers = sorted(found, key=lambda reader: reader != "the month's NPS and its margin of error")
    return " and ".join(readers) if len(readers) < 3 else ", ".join(readers[:-1]) + " and " + readers[-1]


_REF = re.compile(r"(?<![A-Z0-9_.'\"])(\$?[A-Z]{1,3}\$?)([0-9]+)(?![0-9A-Z_(])")
_LITERAL = re.compile(r'"(?:[^"]|"")*"')


#: a template's formula cell holding this (as :func:`_plain` writes it) lost its formula: LibreOffice saving a tracker
#: as .xls (Excel 97-2003) writes =NA() for each formula calling the package's functions (CUSTOMERS_LOST, CRR,
#: NPS_BREAKDOWN: add-ins the format cannot name), and keeps =NA() when the file is saved back as .xlsx (H265's
#: finding 06: 377 cells, every month's lost, CRR, churn, MRR at end, NRR, NPS counts; recalc said ok)
LOST = "=NA()"


def lost_line(lost: list[str]) -> str:
    """The line naming the template's formula cells that hold ``=NA()`` (``lost``: "Customers!F2 (Retention
    (CRR))").

    >>> lost_line(["Customers!F2 (Retention (CRR))"])[:80]
    "1 cell of the tracker's formulas is =NA() where the template has its formula: Cu"
    """
    more = f", ... ({len(lost) - FIRST} more)" if len(lost) > FIRST else ""
    cells = ("1 cell", "is") if len(lost) == 1 else (f"{len(lost)} cells", "are")
    return (
        f"{cells[0]} of the tracker's formulas {cells[1]} =NA() where the template has its formula: "
        f"{', '.join(lost[:FIRST])}{more} (saved as .xls, Excel 97-2003? LibreOffice writes =NA() for the formulas "
        "calling this package's functions, which that format cannot hold): those months' figures are #N/A; "
        f"{_UPGRADE}, and keep the tracker as .xlsx"
    )


def _plain(formula: str) -> str:
    """A formula as compared: upper case, without the prefixes and spaces a save adds (LibreOffice writes
    ``customers_lost(``, ``FALSE()``)."""
    text = formula.upper().replace("_XLFN.", "").replace("_XLUDF.", "").replace("_XLWS.", "")
    text = text.replace("FALSE()", "FALSE").replace("TRUE()", "TRUE")
    return re.sub(r"\s+", "", text)


def _shape(formula: str) -> str:
    """``formula`` with each cell reference's row number left out (literals kept): two formulas of one shape differ
    only in the rows they read."""
    parts, at = [], 0
    for literal in _LITERAL.finditer(formula):
        parts.append(_REF.sub(r"\1#", formula[at : literal.start()]))
        parts.append(literal.group(0))
        at = literal.end()
    parts.append(_REF.sub(r"\1#", formula[at:]))
    return "".join(parts)


def _moved(text: str, formula: str) -> str:
    """The references of ``text`` that differ from those of the template's ``formula`` (one shape), each with the
    template's: ``C4, D4 (not C3, D3)``."""
    pairs = zip(_REF.finditer(_LITERAL.sub('""', text)), _REF.finditer(_LITERAL.sub('""', formula)), strict=False)
    found: dict[str, str] = {}
    for got, want in pairs:
        if got.group(0) != want.group(0):
            found.setdefault(got.group(0).replace("$", ""), want.group(0).replace("$", ""))
    return f"{', '.join(found)} (not {', '.join(found.values())})"


#: the row the template's formulas are rendered for once per column, then replaced by each month's row
_MARK = 900001


def _patterns(spec: MonthlySheet, letters: dict[str, str]) -> list[tuple[int, Any, str]]:
    """The template's formula columns of ``spec`` on a sheet with ``letters``: (column index, 0 = A; the column; its
    formula rendered for the row :data:`_MARK`, the row before it :data:`_MARK` - 1), rendered once."""
    out = []
    for column in spec.columns:
        if column.key not in letters or column.formula is None:
            continue
        try:
            pattern = render_formula(column.formula, letters, _MARK)
        except KeyError:  # a column it reads is not on the sheet (an earlier template): not compared
            continue
        out.append((_index(letters[column.key]), column, pattern))
    return out


def _at(pattern: str, row: int) -> str:
    """A pattern of :func:`_patterns` for ``row``."""
    return pattern.replace(str(_MARK), str(row)).replace(str(_MARK - 1), str(row - 1))


def _first_rows(path: str | os.PathLike[str]) -> dict[str, int]:
    """The row each monthly sheet's month name (``Customers_Months``) starts at, by the template's title: 2, but 3
    where a row was inserted above the first month (:mod:`xl_retention.recalculation.month_order` names that)."""
    import zipfile

    from . import inplace as ip
    from .formats import monthly_name
    from .future_months import _DEFINED

    with zipfile.ZipFile(path) as package:
        names = {
            m.group(1).decode(): ip.unescape(m.group(2)) for m in _DEFINED.finditer(package.read("xl/workbook.xml"))
        }
    out = {}
    for spec in MONTHLY_SHEETS:
        found = re.search(r"!\$?[A-Z]{1,3}\$?([0-9]+)(?::|$)", names.get(monthly_name(spec.title), ""))
        if found is not None:
            out[spec.title] = int(found.group(1))
    return out


def _cells(row: tuple[Any, ...], scored: list[tuple[int, Any]]) -> list[Any]:
    """The cells of ``row`` in the columns ``scored`` (index, column)."""
    return [row[index] if index < len(row) else None for index, _ in scored]


def _index(letter: str) -> int:
    from openpyxl.utils import column_index_from_string

    return column_index_from_string(letter) - 1


#: the command that puts the template's formulas back (workbook.upgrade_file, since ce3f6b06), values kept
_UPGRADE = (
    "run xl-retention upgrade on the workbook, which puts the template's formulas back there (your values are kept)"
)


def template_cells_off(path: str | os.PathLike[str]) -> str | None:
    """One line naming the template's formula cells of the tracker's monthly sheets that are blank
    (cleared) or read other rows than the template's formula there (cells moved), or None.

    Example: ``template_cells_off("tracker.xlsx")`` -> ``"48 cells of the tracker's formulas are blank (cleared?):
    Customers!H2 (Customers at end (chart)), ... "``
    """
    cleared: list[str] = []
    cleared_on: list[str] = []  # the template's titles of the sheets of the cleared cells
    rewired: list[str] = []
    lost: list[str] = []  # the template's formula turned =NA() (LibreOffice's .xls save: H265's finding 06)
    firsts = _first_rows(path)
    # a row inserted above the first month: month_order's line names it (no row is read as its own)
    moved = frozenset(title for title, first in firsts.items() if first != 2)
    for spec, title, rows, position in headed_tables(tracker_sheets(path), moved, MONTHLY_SHEETS):
        letters = {c.key: get_column_letter(position[c.header] + 1) for c in spec.columns if c.header in position}
        if letters.get("month") != "A" or len(letters) < len(spec.columns):
            continue  # columns moved, added or renamed: the template's formulas are not known here
        patterns = _patterns(spec, letters)
        table: list[tuple[Any, ...]] = []
        for row in rows:
            if not row or not isinstance(row[0], dt.date):
                break  # the months end (a note or a totals row below them)
            table.append(row)
        # the NPS sheet's formulas over the month's answers ({scores}: the range one of the row's formulas reads)
        # (not among the patterns, rendered for no row's answers)
        scored = [(_index(letters[c.key]), c) for c in spec.columns if c.formula and "{scores}" in c.formula]
        for number, row in enumerate(table, start=2):
            extra = None
            if scored:
                scores = row_scores(number, range(2, len(table) + 2), lambda r, t=table, s=scored: _cells(t[r - 2], s))
                extra = {"scores": scores} if scores is not None else None
            for index, column, pattern in [*patterns, *((i, c, None) for i, c in scored)]:
                if not template_formula_at(column, number) or (pattern is None and extra is None):
                    continue  # (no formula of the sheet reads a month's answers: theirs are not known here)
                if pattern is None:
                    formula = render_formula(column.formula, letters, number, extra)
                else:
                    formula = _at(pattern, number)
                value = row[index] if index < len(row) else None
                if value == formula:  # the template's, as written: most cells
                    continue
                cell = f"{written(title)}!{get_column_letter(index + 1)}{number} ({column.header})"
                if value is None or value == "":
                    cleared.append(cell)
                    cleared_on.append(spec.title)
                elif isinstance(value, str) and value.startswith("="):
                    text = _plain(value)
                    if text == LOST and _plain(formula) != LOST:  # an .xls save's stand-in (H265's finding 06)
                        lost.append(cell)
                        continue
                    earlier = (render_formula(form, letters, number, extra) for form in column.earlier)
                    if text == _plain(formula) or any(text == _plain(form) for form in earlier):
                        continue
                    if _shape(text) == _shape(_plain(formula)):
                        rewired.append(f"{cell} reads {_moved(text, _plain(formula))}")
    if rewired:
        more = f"; ... ({len(rewired) - FIRST} more)" if len(rewired) > FIRST else ""
        return (
            f"{len(rewired)} of the tracker's formulas read other months than their own row's (cells moved, or "
            "inserted or deleted shifting cells down or up? the spreadsheet re-points the formulas that read them): "
            f"{'; '.join(rewired[:FIRST])}{more}: those months' figures are read from the wrong months; check that "
            "each month's figures are in its own row, then copy each column's formula from an untouched month's row "
            f"over those cells, or {_UPGRADE}"
        )
    if not rewired:  # the Cohorts sheet's fits and projections too (read only when a sheet holds =NA())
        from .cohort_lost import lost_cohort_cells

        lost += lost_cohort_cells(path)
    if lost:
        return lost_line(lost)
    if cleared:
        more = f", ... ({len(cleared) - FIRST} more)" if len(cleared) > FIRST else ""
        cells = ("1 cell", "is", "it") if len(cleared) == 1 else (f"{len(cleared)} cells", "are", "them")
        return (
            f"{cells[0]} of the tracker's formulas {cells[1]} blank (cleared?): {', '.join(cleared[:FIRST])}{more}: "
            f"{_readers(cleared_on)} read {cells[2]} (the hidden columns too); copy the column's formula from "
            "another month's row into each, or from a new tracker (xl-retention new) where every month's is cleared, "
            f"or {_UPGRADE}"
        )
    return None
