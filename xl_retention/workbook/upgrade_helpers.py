"""``upgrade`` puts deleted helper columns back whole: their headers, their hiding and their names.

The monthly sheets' hidden helper columns (Customers H:K, "Customers at end (chart)" to "Months with customers at end
so far"), unhidden and deleted by a user, came back from ``upgrade`` as formulas alone (:func:`.upgrade._put_back`):
no header, shown, and their defined names still ``#REF!``, so the Dashboard's retention and the lifetime value's churn
stayed ``#REF!`` (a tester's finding 4, 2026-12-04). :func:`restore_helpers` gives such a column its header (where row
1 is blank), hides it again (where the template hides it) and points each of the template's names left ``#REF!`` on
the sheet at its column again, over the sheet's months. :func:`continue_helpers` gives the months ``extend`` or an
import just added the formulas of such columns (a first template's, which had none: H435's finding 05).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from openpyxl.utils import column_index_from_string, quote_sheetname

from . import inplace as ip
from .deleted_names import broken_names
from .named_formulas import add_names
from .template import FIRST_ROW, render_formula
from .upgrade_cells import workbook_names

if TYPE_CHECKING:
    from .found import FoundSheet

__all__ = ["continue_helpers", "restore_helpers"]

_COLS = re.compile(rb"<((?:\w+:)?)cols>(.*?)</(?:\w+:)?cols>", re.S)
_COL = re.compile(rb"<(?:\w+:)?col\b([^>]*?)/?>")
_SHEET_DATA = re.compile(rb"<(?:\w+:)?sheetData\b")
_DEFINED = re.compile(rb"<(?:\w+:)?definedName\b([^>]*)>([^<]*)<")
_COLUMN_RANGE = re.compile(r"^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$", re.I)


def _last_row(package: ip.Package, spec: Any, title: str, first: int) -> int:
    """The last row the template's names of ``spec``'s columns on sheet ``title`` reach from row ``first`` (0 for
    none): ``extend`` and ``import --into`` grow them over the months they add before the helper columns' names are
    defined, which then take in those months too (the sheet as read before them ends earlier)."""
    wanted = {column.name.upper() for column in spec.columns if column.name}
    last = 0
    for match in _DEFINED.finditer(package.data.get("xl/workbook.xml", b"")):
        name = ip.attribute(match.group(1), b"name")
        if name is None or name.decode().upper() not in wanted or b"localSheetId" in match.group(1):
            continue
        found = _COLUMN_RANGE.match(ip.unescape(match.group(2)).strip())
        if found is None or found[3].upper() != found[5].upper() or int(found[4]) != first:
            continue
        if (found[1].replace("''", "'") if found[1] else found[2]) == title:
            last = max(last, int(found[6]))
    return last


def _hide(head: bytes, prefix: bytes, columns: list[int], width: float) -> bytes:
    """``head`` (a sheet part up to its rows) with each of ``columns`` (1 = A) hidden in ``<cols>``, a range of
    columns that also covers others split around it."""
    if not columns:
        return head
    found = _COLS.search(head)
    entries: list[tuple[int, int, bytes]] = []
    if found is not None:
        for col in _COL.finditer(found.group(2)):
            attrs = col.group(1)
            low, high = ip.attribute(attrs, b"min"), ip.attribute(attrs, b"max")
            if low is None or high is None:
                return head  # markup not understood: left as it is
            entries.append((int(low), int(high), ip._without(attrs, b"min", b"max")))
    for column in columns:
        kept: list[tuple[int, int, bytes]] = []
        covered = False
        for low, high, attrs in entries:
            if low <= column <= high:
                covered = True
                if low < column:
                    kept.append((low, column - 1, attrs))
                hidden = ip._without(attrs, b"hidden") + b' hidden="1"'
                kept.append((column, column, hidden))
                if column < high:
                    kept.append((column + 1, high, attrs))
            else:
                kept.append((low, high, attrs))
        if not covered:
            kept.append((column, column, f' width="{width:g}" customWidth="1" hidden="1"'.encode()))
        entries = sorted(kept)
    body = b"".join(
        b"<" + prefix + b'col min="' + str(low).encode() + b'" max="' + str(high).encode() + b'"' + attrs + b"/>"
        for low, high, attrs in entries
    )
    if found is not None:
        return (
            head[: found.start()]
            + b"<"
            + found.group(1)
            + b"cols>"
            + body
            + b"</"
            + found.group(1)
            + b"cols>"
            + head[found.end() :]
        )
    data = _SHEET_DATA.search(head)
    if data is None:
        return head
    return head[: data.start()] + b"<" + prefix + b"cols>" + body + b"</" + prefix + b"cols>" + head[data.start() :]


def restore_helpers(
    package: ip.Package, found: FoundSheet, spec: Any, title: str, letters: dict[str, str]
) -> list[str]:
    """Give ``found``'s helper columns whose header is blank (deleted) the template's header and hiding, and each of
    the template's names on ``spec`` left ``#REF!`` its column over the sheet's months, in ``package``; returns the
    names put back."""
    from .monthly import CHART_WIDTH

    xml = package.sheet(title)
    hide: list[int] = []
    headed: list[Any] = []  # the helper columns under the template's header (found, or written now)
    for column in spec.columns:
        if not column.hidden or column.key not in letters:
            continue
        letter = letters[column.key]
        header = found.value(1, column_index_from_string(letter))
        if header is not None and header != "":
            headed += [column] if header == column.header else []
            continue
        element = xml.cell(f"{letter}1")
        if element is not None and ip.has_content(element):
            continue
        style = xml.style(f"{chr(ord(letter[0]) - 1)}1") if len(letter) == 1 and letter != "A" else None
        xml.put(f"{letter}1", xml.text_element(f"{letter}1", style, column.header))
        hide.append(column_index_from_string(letter))
        headed.append(column)
    xml.head = _hide(xml.head, xml.prefix, hide, CHART_WIDTH)
    broken = set(broken_names(package.data["xl/workbook.xml"]))
    rows = [found.row(month) for month in found.months]
    # a tracker made before the helper columns (8b3d91a7's): their names, never defined, defined over them (H358)
    have = {name.upper() for name in workbook_names(package)}
    end = max(max(rows), _last_row(package, spec, title, min(rows))) if rows else 0  # with months just added
    targets = {
        column.name: f"{quote_sheetname(title)}!${letters[column.key]}${min(rows)}:${letters[column.key]}${max(rows)}"
        for column in spec.columns
        if column.name in broken and column.key in letters and rows
    }
    moved = getattr(letters, "moved", {})  # put right of a column of the user's (.helper_places): read there, not in it
    targets |= {
        column.name: f"{quote_sheetname(title)}!${letters[column.key]}${min(rows)}:${letters[column.key]}${end}"
        for column in spec.columns
        if column.key in moved and column.name and column.name.upper() in have and rows
    }
    new = {
        column.name: f"{quote_sheetname(title)}!${letters[column.key]}${min(rows)}:${letters[column.key]}${end}"
        for column in headed
        if column.name and column.name.upper() not in have and rows
    }
    add_names(package, new)
    if not targets:
        return sorted(new)

    def point(raw: bytes) -> bytes:
        def one(match: re.Match[bytes]) -> bytes:
            name = re.search(rb'\bname="([^"]+)"', match.group(1))
            target = targets.get(name.group(1).decode()) if name is not None else None
            if target is None or b"localSheetId" in match.group(1):
                return match.group(0)
            return match.group(0)[: match.start(2) - match.start(0)] + ip.escape(target).encode() + match.group(3)

        return re.sub(rb"(<(?:\w+:)?definedName\b[^>]*>)([^<]*)(<)", one, raw)

    package.edit("xl/workbook.xml", point)
    return sorted({*targets, *new})


def continue_helpers(xml: ip.SheetXml, found: FoundSheet, spec: Any, letters: dict[str, str], added: int) -> None:
    """Give the ``added`` month rows under ``found``'s months (just added: :mod:`.growth` writes the template's
    formulas only in the columns the sheet had) the template's formula of each column it lacked whose last month now
    holds the template's formula (put back by :func:`.upgrade._put_back`: a first template's helper columns, or ones
    the user deleted), in ``xml``. A cell holding anything is left as it is; so is a column whose last month holds
    something else (a column of the user's where the template's would be)."""
    from .stretch import _formula

    last = found.last_row
    if not added or not found.months:
        return
    rows = list(range(FIRST_ROW, last + added + 1))
    scored = [letters[c.key] for c in spec.columns if c.formula and "{scores}" in c.formula and c.key in letters]

    def formulas(row: int) -> list[object]:
        return [f"={text}" if (text := _formula(xml.cell(f"{letter}{row}"))) else None for letter in scored]

    for column in spec.columns:
        if column.formula is None or column.key in found.columns or column.key not in letters:
            continue
        letter = letters[column.key]
        now, template = _formula(xml.cell(f"{letter}{last}")), _rendered(column.formula, letters, last, rows, formulas)
        if now is None or template is None or ip.formula_key(f"={now}") != ip.formula_key(template):
            continue
        attrs, style = xml.row_attrs(last), xml.style(f"{letter}{last}")
        for row in range(last + 1, last + added + 1):
            ref, formula = f"{letter}{row}", _rendered(column.formula, letters, row, rows, formulas)
            element = xml.cell(ref)
            if formula is None or (element is not None and ip.has_content(element)):
                continue
            own = xml.style(ref) if element is not None else None
            xml.put(ref, xml.element(ref, own or style, formula=formula.removeprefix("=")), row_attrs=attrs)


def _rendered(formula: str, letters: dict[str, str], row: int, rows: list[int], formulas: Any) -> str | None:
    """The template's ``formula`` at ``row``, reading the answers the NPS sheet's row reads
    (:func:`.nps_rows.row_scores` over ``rows`` and their ``formulas``); None where it reads a column the sheet lacks
    or answers no row names."""
    from .nps_rows import row_scores

    scores = row_scores(row, rows, formulas) if "{scores}" in formula else None
    if "{scores}" in formula and scores is None:
        return None
    try:
        return render_formula(formula, letters, row, {"scores": scores} if scores is not None else None)
    except KeyError:  # a column the formula reads that the sheet lacks
        return None
