"""References into the Cohorts sheet follow its tables when an import grows it to more months.

Growing a tracker replaces its Cohorts sheet by the template's for the new months
(:func:`~xl_retention.workbook.cohort_sheet.grow_cohorts`): each table gets a row per new month, so every table
below the first moves down (a 3-month tracker's sBG fit is in row 16, a 6-month one's in row 22). The template's
defined names are rewritten with the sheet, but a formula of the user's own that reads a Cohorts cell directly
(``=Cohorts!B16`` for the sBG alpha on a sheet of their own) would then read whatever the new layout put there (a
retention share), silently. :func:`remap_cohort_refs` moves every such reference with its table: a row of the old
layout goes to the row that holds the same thing in the new one (the same table, the same signup month or label),
its columns unchanged (a table's columns are the same months at any size). A range of two or more rows ending at a
table's last cohort (``=SUM(Cohorts!B4:B6)``, every cohort's sign-ups) ends at the new last cohort, as a range over
the other sheets' months does (:mod:`.stretch`), and is listed (:func:`cohort_last_rows`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from . import inplace as ip
from .inplace import escape

__all__ = ["cohort_last_rows", "cohort_row_map", "remap_cohort_refs", "remap_formula"]

_P = rb"(?:[A-Za-z_][\w.\-]*:)?"
_F = re.compile(rb"(<" + _P + rb"f\b[^>]*>)([^<]*)(</" + _P + rb"f\s*>)")
_RULE_FORMULA = re.compile(rb"(<" + _P + rb"formula[12]?\b[^>]*>)([^<]*)(</" + _P + rb"formula[12]?\s*>)")
_NAME = re.compile(rb"(<" + _P + rb"definedName\b[^>]*>)([^<]*)(</" + _P + rb"definedName\s*>)")


def _row_keys(ws: Any) -> dict[tuple[Any, ...], int]:
    """What each row of a Cohorts sheet holds -> its row: (the table's title above, the row's label in A, the how
    many-th row with that label under that title)."""
    keys: dict[tuple[Any, ...], int] = {}
    title: str | None = None
    seen: dict[tuple[Any, ...], int] = {}
    for row in range(1, (ws.max_row or 0) + 1):
        label = ws.cell(row=row, column=1).value
        if isinstance(label, str) and len(label) > 40:  # a table's title (or the note under the first one)
            title = label
        if isinstance(label, dt.datetime):
            label = label.date()
        base = (title, label)
        seen[base] = seen.get(base, 0) + 1
        keys[(*base, seen[base])] = row
    return keys


def cohort_row_map(before: Any, after: Any) -> dict[int, int]:
    """Row of the Cohorts sheet ``before`` (the template's for the old months) -> the row holding the same in
    ``after`` (the template's for the new months); rows below ``before``'s last move down by the sheet's growth."""
    old, new = _row_keys(before), _row_keys(after)
    rows = {row: new[key] for key, row in old.items() if key in new}
    shift = (after.max_row or 0) - (before.max_row or 0)
    last = before.max_row or 0
    return {**rows, **{r: r + shift for r in range(last + 1, last + 1 + 1000)}}


def _last_cohorts(ws: Any) -> dict[Any, int]:
    """Each table's title on a Cohorts sheet -> the row of its last cohort (its latest month in column A)."""
    last: dict[Any, tuple[Any, int]] = {}
    title: str | None = None
    for row in range(1, (ws.max_row or 0) + 1):
        label = ws.cell(row=row, column=1).value
        if isinstance(label, str) and len(label) > 40:
            title = label
        if isinstance(label, dt.date):
            day = label.date() if isinstance(label, dt.datetime) else label
            if title not in last or day > last[title][0]:
                last[title] = (day, row)
    return {t: row for t, (_, row) in last.items()}


def cohort_last_rows(before: Any, after: Any) -> dict[int, int]:
    """Row of each table's last cohort on the Cohorts sheet ``before`` -> the row of that table's last cohort in
    ``after`` (the grown sheet's): where a range ending at the old last month ends once the months are added."""
    old, new = _last_cohorts(before), _last_cohorts(after)
    return {row: new[t] for t, row in old.items() if t in new and new[t] != row}


def remap_formula(text: str, sheet: str, rows: dict[int, int], ends: dict[int, int] | None = None) -> str:
    """``text`` with every reference to ``sheet`` (named with it: ``Cohorts!B16``, ``'Cohorts'!C10:C12``) moved by
    ``rows`` (old row -> new row; a row not in it stays). Text in quotes and other workbooks' sheets are left alone.

    >>> remap_formula('=Cohorts!B16+SUM(Cohorts!$C$10:$C$12)&"Cohorts!B16"', "Cohorts", {16: 22, 10: 13, 12: 15})
    '=Cohorts!B22+SUM(Cohorts!$C$13:$C$15)&"Cohorts!B16"'

    ``ends``: a table's old last cohort row -> its new one (:func:`cohort_last_rows`): a range of two rows or more
    ending there ends at the new one.

    >>> remap_formula("=SUM(Cohorts!B4:B6)+Cohorts!B6", "Cohorts", {}, {6: 9})
    '=SUM(Cohorts!B4:B9)+Cohorts!B6'
    """

    def area(match: re.Match[str], piece: str) -> str:
        name = match.group(1)
        if name is None or ip._unquote(name) != sheet or (match.start() > 0 and piece[match.start() - 1] in "]!"):
            return match.group(0)
        r1 = rows.get(int(match.group(5)), int(match.group(5)))
        out = f"{name}!{match.group(2)}{match.group(3)}{match.group(4)}{r1}"
        if match.group(7) is not None:
            end = int(match.group(9))
            r2 = ends[end] if ends and end in ends and int(match.group(5)) < end else rows.get(end, end)
            out += f":{match.group(6)}{match.group(7)}{match.group(8)}{r2}"
        return out

    return ip.areas_outside_text(text, area)


def _in_xml(
    pattern: re.Pattern[bytes], xml: bytes, sheet: str, rows: dict[int, int], ends: dict[int, int] | None = None
) -> bytes:
    def one(match: re.Match[bytes]) -> bytes:
        inner = ip.unescape(match.group(2))
        new = remap_formula(inner, sheet, rows, ends)
        return match.group(0) if new == inner else match.group(1) + escape(new).encode() + match.group(3)

    return pattern.sub(one, xml)


def remap_cohort_refs(
    package: ip.Package,
    sheet: str,
    rows: dict[int, int],
    ends: dict[int, int] | None = None,
    widened: list[str] | None = None,
) -> int:
    """Move every reference to ``sheet`` outside it (cell formulas, conditional-format and validation formulas,
    defined names, chart series) by ``rows``; returns how many cells changed. Call it before the sheet's own names
    are replaced by the grown template's (those are the template's, rewritten whole). ``ends``
    (:func:`cohort_last_rows`): a cell's range ending at a table's last cohort ends at its new one, listed in the
    import's report as the other formulas widened are (appended to ``widened``; a note without it)."""
    from ..reading.notes import note

    quoted = escape(sheet).encode()
    changed = 0
    for xml in package.sheets_holding(lambda data: quoted in data, skip=sheet):
        for ref, element in xml.cells_where(_F.search):
            new = _in_xml(_F, element, sheet, rows)
            if ends:
                wide = _in_xml(_F, element, sheet, rows, ends)
                if wide != new:
                    formula, grown = (ip.unescape(m.group(2)) for m in (_F.search(element), _F.search(wide)))
                    said = f"{xml.title}!{ref} ={formula} -> ={grown}"
                    if widened is None:
                        note(said)
                    else:
                        widened.append(said)
                    new = wide
            if new != element:
                xml.put(ref, new)
                changed += 1
        xml.tail = _in_xml(_RULE_FORMULA, xml.tail, sheet, rows)
    package.edit("xl/workbook.xml", lambda xml: _in_xml(_NAME, xml, sheet, rows))
    for name in package.names(r"xl/charts/chart[^/]*\.xml"):
        package.edit(name, lambda xml: _in_xml(_F, xml, sheet, rows))
    return changed
