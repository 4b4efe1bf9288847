"""Rows a user inserted inside a tracker's areas, where what they type is read by no formula (H189's findings 03-05).

Excel and LibreOffice move every reference and name down past a row inserted above them, so figures typed into
such a row are outside them: the tracker computes without them, and ``recalc`` said ``ok``. ``import`` and ``extend``
refuse these layouts; :func:`inserted_row` names the first such cell for ``recalc`` (the file is then
``incomplete``, through :func:`.checks.unread_input`):

- a title row above a monthly sheet's headers: its headers are in row 2 and its months from row 3, where recalc's
  checks of the months (a start typed over its formula, months out of order) read a tracker's sheet from row 1;
- an empty row inserted among a monthly sheet's months (a spacer): the formulas over the months read it as a month
  without figures (the lifetime value's churn gives #N/A, naming it as a month to fill), and recalc's checks of the
  months stopped at it (a start typed over its formula below it no longer named: H189's finding 01);
- a cohort typed into a row inserted above the first cohort of a cohort table (``Cohort_Counts``,
  ``Order_Cohort_Counts``), or below its last one: outside the name the fits and the retention shares read.

Answers typed into a row inserted under the month headers of "NPS scores" are :func:`.checks.unread_answers`'.
"""

from __future__ import annotations

import os
import re
import zipfile

from openpyxl.utils import column_index_from_string, get_column_letter, quote_sheetname

from . import inplace as ip
from .formats import monthly_name
from .monthly import MONTH, MONTHLY_SHEETS

__all__ = ["inserted_row"]

_NAME = re.compile(rb"<(?:\w+:)?definedName\b([^>]*)>([^<]*)<")
_AREA = re.compile(r"^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?([0-9]+)(?::\$?([A-Z]{1,3})\$?([0-9]+))?$")
_TEXT_TYPES = (b"s", b"str", b"inlineStr")
#: the cohort tables, by defined name, and what reads them
_TRIANGLES = {
    "Cohort_Counts": "the sBG and BdW fits and the retention shares",
    "Order_Cohort_Counts": "the order cohorts' retention shares",
}


def _areas(package: zipfile.ZipFile) -> dict[str, tuple[str, int, int, int, int]]:
    """The workbook-scoped defined names of one area: name -> (sheet, first column, first row, last column, last
    row), columns from 1."""
    out = {}
    for match in _NAME.finditer(package.read("xl/workbook.xml")):
        attrs = match.group(1)
        if ip.attribute(attrs, b"localSheetId") is not None:
            continue
        name = (ip.attribute(attrs, b"name") or b"").decode()
        found = _AREA.match(ip.unescape(match.group(2)).strip())
        if found is None:
            continue
        sheet = found.group(1).replace("''", "'") if found.group(1) is not None else found.group(2)
        left, top = column_index_from_string(found.group(3)), int(found.group(4))
        right = column_index_from_string(found.group(5)) if found.group(5) else left
        bottom = int(found.group(6)) if found.group(6) else top
        out[name] = (sheet, left, top, right, bottom)
    return out


def _typed_number(element: bytes) -> bool:
    """Whether a cell holds a number typed in (not a formula, a text, an error or a logical)."""
    kind = ip.attribute(element[: element.find(b">")], b"t")
    return b"<f" not in element and ip.has_content(element) and kind in (None, b"n")


def _is_text(element: bytes | None) -> bool:
    if element is None or not ip.has_content(element):
        return False
    return ip.attribute(element[: element.find(b">")], b"t") in _TEXT_TYPES


def _text(element: bytes, strings: list[str]) -> str | None:
    from .checks import _text as text

    return text(element, strings)


def _header_moved(
    package: zipfile.ZipFile, parts: dict[str, str | None], areas: dict, strings: list[str]
) -> str | None:
    """A monthly sheet whose 'Month' header is in the row above its month name's first row, below row 1."""
    for spec in MONTHLY_SHEETS:
        area = areas.get(monthly_name(spec.title))
        if area is None or area[2] <= 2 or parts.get(area[0]) is None:
            continue
        title, column, first = area[0], area[1], area[2]
        sheet = ip.SheetXml.parse(package.read(parts[title]), title)
        header = sheet.cell(f"{get_column_letter(column)}{first - 1}")
        if header is None or _text(header, strings) != MONTH.header:
            continue
        above = next(
            (text for ref, element in sheet.cells_in_rows(1, first - 2) if (text := _text(element, strings))), None
        )
        what = f" ({above!r} above them)" if above else ""
        rows = "the row" if first == 3 else "the rows"
        return (
            f"{quote_sheetname(title)}!{get_column_letter(column)}{first - 1} holds the header 'Month': the headers "
            f"are in row {first - 1}, not row 1{what}, where a tracker's headers are (recalc's checks of its months, "
            f"import and extend read them there): delete {rows} above them (a title can go in the sheet's name or a "
            "comment) and run again"
        )
    return None


def _empty_among_months(package: zipfile.ZipFile, parts: dict[str, str | None], areas: dict) -> str | None:
    """A row of a monthly sheet's month name whose month cell is empty, with a month above and below it."""
    for spec in MONTHLY_SHEETS:
        area = areas.get(monthly_name(spec.title))
        if area is None or parts.get(area[0]) is None:
            continue
        title, column, first, _, last = area
        sheet = ip.SheetXml.parse(package.read(parts[title]), title)
        letter = get_column_letter(column)
        filled = [r for r in range(first, last + 1) if (e := sheet.cell(f"{letter}{r}")) is not None and
                  ip.has_content(e)]  # fmt: skip
        if not filled:
            continue
        # the columns of the tracker's names on the sheet: a note in a column of the user's own ("Q4 starts" in L)
        # makes no month of a spacer row (recalc said ok, the lifetime value's churn #N/A naming it: H261's task 5)
        named = {c for sheet_title, left, _, right, _ in areas.values() if sheet_title == title for c in
                 range(left, right + 1)}  # fmt: skip
        empty = next(
            (r for r in range(filled[0], filled[-1]) if r not in filled and not _holds_anything(sheet, r, named)),
            None,
        )  # a row holding figures under a blank month: .recalculation.month_order says it
        if empty is None:
            continue
        above, below = (_month_of(sheet.cell(f"{letter}{r}")) for r in (empty - 1, min(r for r in filled if r > empty)))
        between = f" ({above} above, {below} below)" if above and below else ""
        return (
            f"{quote_sheetname(title)}!{letter}{empty} ('{MONTH.header}') is empty, between months{between}: a row "
            "that is not a month inside the months (inserted?); delete it: the formulas over the months read it as "
            "a month without figures (the lifetime value's churn gives #N/A), and recalc checks the months above it "
            "only"
        )
    return None


def _holds_anything(sheet: ip.SheetXml, row: int, columns: set[int]) -> bool:
    """Whether ``row`` holds anything in ``columns`` (from 1)."""
    return any(
        ip.has_content(element) and ip.split_ref(ref)[1] in columns for ref, element in sheet.cells_in_rows(row, row)
    )


def _month_of(element: bytes | None) -> str | None:
    """A month cell's month as YYYY-MM (a date serial), None for anything else."""
    import datetime as dt

    value = re.search(rb"<(?:\w+:)?v>([^<]*)<", element or b"")
    if value is None or _is_text(element):
        return None
    try:
        day = dt.date(1899, 12, 30) + dt.timedelta(days=int(float(value.group(1))))
    except (ValueError, OverflowError):
        return None
    return f"{day:%Y-%m}"


def _cohort_outside(package: zipfile.ZipFile, parts: dict[str, str | None], areas: dict) -> str | None:
    """A number typed in a row of a cohort table's columns right above its first cohort (below the table's headers:
    a row inserted there) or right below its last one."""
    parsed: dict[str, ip.SheetXml] = {}  # the template's two triangles are on Cohorts: parsed once (about 0.01 s)
    for name, readers in _TRIANGLES.items():
        area = areas.get(name)
        if area is None or parts.get(area[0]) is None:
            continue
        title, left, top, right, bottom = area
        if title not in parsed:
            parsed[title] = ip.SheetXml.parse(package.read(parts[title]), title)
        sheet = parsed[title]
        where = quote_sheetname(title)
        for row in range(top - 1, max(top - 4, 0), -1):  # up to the headers ('Month 0'): rows inserted above
            cells = {ip.split_ref(ref)[1]: element for ref, element in sheet.cells_in_rows(row, row)}
            if _is_text(cells.get(left)):
                break
            typed = next((c for c in range(left, right + 1) if c in cells and _typed_number(cells[c])), None)
            if typed is not None:
                return (
                    f"{where}!{get_column_letter(typed)}{row} holds a figure in a row above the first cohort of "
                    f"{name} (rows {top} to {bottom}), which {readers} read: it is left out (a row inserted above "
                    "the first cohort?); a tracker's cohorts start with its first month: delete the row, or make a "
                    "tracker that starts with that cohort (xl-retention new NEW.xlsx --start YYYY-MM)"
                )
        cells = {ip.split_ref(ref)[1]: element for ref, element in sheet.cells_in_rows(bottom + 1, bottom + 1)}
        typed = next((c for c in range(left, right + 1) if c in cells and _typed_number(cells[c])), None)
        if typed is not None:
            return (
                f"{where}!{get_column_letter(typed)}{bottom + 1} holds a figure below the last cohort of {name} (rows "
                f"{top} to {bottom}), which {readers} read: it is left out; add months with xl-retention extend FILE "
                "--months N (the cohort table grows with them) and type it there"
            )
    return None


def inserted_row(path: str | os.PathLike[str]) -> str | None:
    """One line naming the first cell a row inserted inside a tracker's areas leaves unread (see the module), or
    None (also for a workbook that is not a tracker: none of its names)."""
    from ..recalculation.xlsx_values import _sheet_parts
    from .checks import _shared_strings

    with zipfile.ZipFile(path) as package:
        areas = _areas(package)
        if not any(monthly_name(spec.title) in areas for spec in MONTHLY_SHEETS) and not set(_TRIANGLES) & set(areas):
            return None
        parts = _sheet_parts(package)
        moved = any(
            (area := areas.get(monthly_name(spec.title))) is not None and area[2] > 2 for spec in MONTHLY_SHEETS
        )
        if moved and (line := _header_moved(package, parts, areas, _shared_strings(package))) is not None:
            return line
        return _empty_among_months(package, parts, areas) or _cohort_outside(package, parts, areas)
