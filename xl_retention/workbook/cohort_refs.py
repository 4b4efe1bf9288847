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
the other sheets' months does (:mod:`.stretch`), and is listed (:func:`cohort_last_rows`); so does a range of two
columns or more of a table's rows ending at its last month column (``=SUM(Cohorts!B4:D4)``, a cohort's every month:
:func:`cohort_last_columns`). A defined name and a chart series of the user's over such a range are widened alike and
listed (``name Signups =Cohorts!$B$4:$B$6 -> =Cohorts!$B$4:$B$9``, ``chart 'Cohorts' on Mine: Cohorts!$B$4:$D$6 ->
Cohorts!$B$4:$G$9``): a chart of every cohort left on the old ones would silently show those only. A chart of a series
a month column (or a cohort row) gets a series for each month (cohort) added (:mod:`.cohort_series`). Excel 2010's
formats, validations and sparklines (their ``<xm:f>`` in the sheet's extLst) follow as the others do.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter, quote_sheetname

from . import inplace as ip
from .cohort_series import add_series
from .inplace import escape

__all__ = [
    "cohort_last_columns",
    "cohort_last_rows",
    "cohort_row_map",
    "names_over",
    "remap_cohort_refs",
    "remap_formula",
]

#: A table's rows on a Cohorts sheet (its header's to its last cohort's) and its last month column: (top, bottom,
#: last column) in the old layout, and the new layout's last month column.
Columns = Sequence[tuple[int, int, int, int]]

_P = rb"(?:[A-Za-z_][\w.\-]*:)?"
_F = re.compile(rb"(<" + _P + rb"f\b[^>]*>)([^<]*)(</" + _P + rb"f\s*>)")
_RULE_FORMULA = re.compile(rb"(<" + _P + rb"formula[12]?\b[^>]*>)([^<]*)(</" + _P + rb"formula[12]?\s*>)")
_NAME = re.compile(rb"(<" + _P + rb"definedName\b[^>]*>)([^<]*)(</" + _P + rb"definedName\s*>)")
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?\sname=\"([^\"]*)\"")
#: a conditional format, validation or sparkline; Excel 2010's in the extLst too (formulas in <xm:f>, cells in
#: <xm:sqref>)
_RULES = re.compile(
    rb"<(" + _P + rb")(conditionalFormatting|dataValidation|sparkline)\b(?:[^>]*/>|.*?</\1\2\s*>)", re.S
)
_KIND = {b"conditionalFormatting": "conditional format", b"dataValidation": "validation", b"sparkline": "sparkline"}
_SQREF = re.compile(rb"<" + _P + rb"sqref\b[^>]*>([^<]*)</")


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


def _month_columns(ws: Any) -> dict[Any, tuple[int, int, int]]:
    """Each table of a Cohorts sheet with month columns ("Month 0", "Month 1", ... in its header, from column B) ->
    (its header's row, its last cohort's row, its last month column); the projection (+1 to +12, the same columns at
    any size) and the fits have none."""
    out: dict[Any, tuple[int, int, int]] = {}
    title: str | None = None
    header: tuple[int, int] | None = None
    for row in range(1, (ws.max_row or 0) + 1):
        label = ws.cell(row=row, column=1).value
        if isinstance(label, str) and len(label) > 40:
            title, header = label, None
        if ws.cell(row=row, column=2).value == "Month 0":
            last = 2
            while str(ws.cell(row=row, column=last + 1).value or "").startswith("Month "):
                last += 1
            header = (row, last)
        if isinstance(label, dt.date) and header is not None:
            out[title] = (header[0], row, header[1])
    return out


def cohort_last_columns(before: Any, after: Any) -> list[tuple[int, int, int, int]]:
    """Each table of the Cohorts sheet ``before`` whose months run in columns: (its header's row, its last cohort's
    row, its last month column) there, and its last month column in ``after`` (the grown sheet's), where they differ:
    where a range of the table's rows ending at the old last month column ends once the months are added."""
    old, new = _month_columns(before), _month_columns(after)
    return [(*old[t], new[t][2]) for t in old if t in new and new[t][2] != old[t][2]]


def remap_formula(
    text: str,
    sheet: str,
    rows: dict[int, int],
    ends: dict[int, int] | None = None,
    columns: Columns = (),
    local: bool = False,
) -> str:
    """``text`` with every reference to ``sheet`` (named with it: ``Cohorts!B16``, ``'Cohorts'!C10:C12``) moved by
    ``rows`` (old row -> new row; a row not in it stays). Text in quotes and other workbooks' sheets are left alone.

    >>> remap_formula('=Cohorts!B16+SUM(Cohorts!$C$10:$C$12)&"Cohorts!B16"', "Cohorts", {16: 22, 10: 13, 12: 15})
    '=Cohorts!B22+SUM(Cohorts!$C$13:$C$15)&"Cohorts!B16"'

    ``ends``: a table's old last cohort row -> its new one (:func:`cohort_last_rows`): a range of two rows or more
    ending there ends at the new one.

    >>> remap_formula("=SUM(Cohorts!B4:B6)+Cohorts!B6", "Cohorts", {}, {6: 9})
    '=SUM(Cohorts!B4:B9)+Cohorts!B6'

    ``columns`` (:func:`cohort_last_columns`): a range of two columns or more inside a table's rows ending at its last
    month column ends at the new last one.

    >>> remap_formula("=SUM(Cohorts!B4:D4)+SUM(Cohorts!$B$4:$D$6)+SUM(Cohorts!C16:D16)", "Cohorts", {16: 22},
    ...               {6: 9}, [(3, 6, 4, 7)])
    '=SUM(Cohorts!B4:G4)+SUM(Cohorts!$B$4:$G$9)+SUM(Cohorts!C22:D22)'

    ``local``: a formula on ``sheet`` itself, whose references without a sheet's name are to it too (a total of the
    user's beside the tables, H349's finding 04).

    >>> remap_formula("=SUM(B4:B6)+Other!B4:B6+LOG10(B6)", "Cohorts", {}, {6: 9}, local=True)
    '=SUM(B4:B9)+Other!B4:B6+LOG10(B6)'
    """

    def area(match: re.Match[str], piece: str) -> str:
        name = match.group(1)
        before = piece[match.start() - 1] if match.start() > 0 else ""
        if name is None and local and not (before.isalnum() or before in ("_", ".", "!", "]", "'")):
            prefix = ""
        elif name is None or ip._unquote(name) != sheet or before in ("]", "!"):
            return match.group(0)
        else:
            prefix = f"{name}!"
        r1 = rows.get(int(match.group(5)), int(match.group(5)))
        out = f"{prefix}{match.group(2)}{match.group(3)}{match.group(4)}{r1}"
        if match.group(7) is not None:
            end = int(match.group(9))
            r2 = ends[end] if ends and end in ends and int(match.group(5)) < end else rows.get(end, end)
            c1, c2 = (column_index_from_string(match.group(g)) for g in (3, 7))
            wider = [new for top, bottom, last, new in columns if c1 < c2 == last and top <= int(match.group(5))
                     and end <= bottom]  # fmt: skip
            letters = get_column_letter(wider[0]) if wider else match.group(7)
            out += f":{match.group(6)}{letters}{match.group(8)}{r2}"
        return out

    return ip.areas_outside_text(text, area)


def _in_xml(
    pattern: re.Pattern[bytes],
    xml: bytes,
    sheet: str,
    rows: dict[int, int],
    ends: dict[int, int] | None = None,
    columns: Columns = (),
) -> bytes:
    def one(match: re.Match[bytes]) -> bytes:
        inner = ip.unescape(match.group(2))
        new = remap_formula(inner, sheet, rows, ends, columns)
        return match.group(0) if new == inner else match.group(1) + escape(new).encode() + match.group(3)

    return pattern.sub(one, xml)


def remap_cohort_refs(
    package: ip.Package,
    sheet: str,
    rows: dict[int, int],
    ends: dict[int, int] | None = None,
    widened: list[str] | None = None,
    columns: Columns = (),
    template_names: Collection[str] = (),
) -> int:
    """Move every reference to ``sheet`` outside it (cell formulas, conditional-format and validation formulas,
    defined names, chart series) by ``rows``; returns how many cells changed. Call it before the sheet's own names
    are replaced by the grown template's (those are the template's, rewritten whole: ``template_names``). ``ends``
    (:func:`cohort_last_rows`) and ``columns`` (:func:`cohort_last_columns`): a cell's, a defined name's or a chart
    series' range ending at a table's last cohort, or at its last month column, ends at its new one, listed in the
    import's report as the other formulas, names and charts widened are (appended to ``widened``; a note without
    it); the template's own names are not listed."""
    from ..reading.notes import note

    def said(text: str) -> None:
        if widened is None:
            note(text)
        else:
            widened.append(text)

    quoted = escape(sheet).encode()
    changed = 0
    for xml in package.sheets_holding(lambda data: quoted in data, skip=sheet):
        for ref, element in xml.cells_where(_F.search):
            new = _in_xml(_F, element, sheet, rows)
            if ends or columns:
                wide = _in_xml(_F, element, sheet, rows, ends, columns)
                if wide != new:
                    formula, grown = (ip.unescape(m.group(2)) for m in (_F.search(element), _F.search(wide)))
                    said(f"{xml.title}!{ref} ={formula} -> ={grown}")
                    new = wide
            if new != element:
                xml.put(ref, new)
                changed += 1
        xml.tail = _rules(xml.tail, xml.title, sheet, rows, ends, columns, said)
    package.edit("xl/workbook.xml", lambda xml: _names(xml, sheet, rows, ends, columns, template_names, said))
    if ends or columns:
        from .chart_ranges import _drawn_on, chart_title

        drawn = _drawn_on(package)
    for name in package.names(r"xl/charts/chart[^/]*\.xml"):
        before = package.data[name]
        package.edit(name, lambda xml: _in_xml(_F, xml, sheet, rows))
        if not (ends or columns):
            continue
        wide = _in_xml(_F, before, sheet, rows, ends, columns)
        # a series of the user's over every cohort or month: over the new ones too; a series a month (a cohort): one
        # more for each month (cohort) added
        wide, added = add_series(before, wide, sheet, rows, ends or {}, columns)
        if wide != package.data[name]:
            refs = [[ip.unescape(m.group(2)) for m in _F.finditer(x)] for x in (before, package.data[name], wide)]
            # every range widened, not the first alone (H349's finding 03: a values range went unlisted)
            pairs = list(dict.fromkeys((a, c) for a, b, c in zip(*refs, strict=False) if b != c))
            title = chart_title(wide) or name.rsplit("/", 1)[-1]
            where = f" on {quote_sheetname(drawn[name][0])}" if name in drawn else ""
            each = ", ".join(f"{old} -> {grown}" for old, grown in pairs)
            change = f": {each}{added}" if pairs else added.replace(",", ":", 1)
            said(f"chart {title!r}{where}{change}")
            package.data[name] = wide
    return changed


def _rules(
    tail: bytes,
    title: str,
    sheet: str,
    rows: dict[int, int],
    ends: dict[int, int] | None,
    columns: Columns,
    said: Any,
) -> bytes:
    """A sheet's part after its cells (``tail``) with its conditional formats', validations' and sparklines' formulas
    over ``sheet`` moved by ``rows``, Excel 2010's in the extLst too (``<x14:dataValidation>``'s ``<xm:f>``: Excel
    writes a list from another sheet so); one of the user's over a range ending at a table's last cohort or month
    column (a list of the signup months, =Cohorts!$A$4:$A$6) widened and said (``validation on 'Mine':
    =Cohorts!$A$4:$A$6 -> =Cohorts!$A$4:$A$9``)."""

    def one(match: re.Match[bytes]) -> bytes:
        element = match.group(0)
        new = _in_xml(_F, _in_xml(_RULE_FORMULA, element, sheet, rows), sheet, rows)
        if not (ends or columns):
            return new
        wide = _in_xml(_F, _in_xml(_RULE_FORMULA, element, sheet, rows, ends, columns), sheet, rows, ends, columns)
        if wide == new:
            return new
        kind = _KIND[match.group(2)]
        where = f"on {quote_sheetname(title)}"
        if kind == "sparkline":
            cell = _SQREF.search(element)
            where = f"{quote_sheetname(title)}!{ip.unescape(cell.group(1)) if cell else ''}"
        for pattern in (_RULE_FORMULA, _F):
            found = (pattern.finditer(x) for x in (element, new, wide))
            for was, moved, grown in zip(*found, strict=False):
                if moved.group(2) != grown.group(2):
                    said(f"{kind} {where}: ={ip.unescape(was.group(2))} -> ={ip.unescape(grown.group(2))}")
        return wide

    return _RULES.sub(one, tail)


def names_over(workbook: bytes, title: str) -> set[str]:
    """The global defined names of ``workbook`` (a workbook.xml) whose text names the sheet ``title``: the template's
    own over its Cohorts sheet, which growing rewrites whole.

    >>> names_over(b'<definedName name="Cohort_Counts">Cohorts!$B$4:$D$6</definedName><definedName name="x" '
    ...            b'localSheetId="0">Cohorts!$B$4</definedName>', "Cohorts")
    {'Cohort_Counts'}
    """
    out = set()
    for match in _NAME.finditer(workbook):
        name = ip.attribute(match.group(1), b"name")
        if name and ip.attribute(match.group(1), b"localSheetId") is None and title.encode() in match.group(2):
            out.add(ip.unescape(name))
    return out


def _names(
    workbook: bytes,
    sheet: str,
    rows: dict[int, int],
    ends: dict[int, int] | None,
    columns: Columns,
    template_names: Collection[str],
    said: Any,
) -> bytes:
    """``workbook`` (xl/workbook.xml) with its defined names over ``sheet`` moved by ``rows``; a name of the user's
    (not one of ``template_names`` nor Excel's own ``_xlnm.``) over a range ending at a table's last cohort or month
    column widened (``ends``, ``columns``) and said (``name Signups =Cohorts!$B$4:$B$6 -> =Cohorts!$B$4:$B$9``)."""
    sheets = [ip.unescape(m.group(1)) for m in _SHEET.finditer(workbook)]

    def one(match: re.Match[bytes]) -> bytes:
        new = _in_xml(_NAME, match.group(0), sheet, rows)
        if not (ends or columns):
            return new
        wide = _in_xml(_NAME, match.group(0), sheet, rows, ends, columns)
        name = (ip.attribute(match.group(1), b"name") or b"").decode()
        local = ip.attribute(match.group(1), b"localSheetId")
        if wide == new or name.startswith("_xlnm.") or (local is None and name in template_names):
            return new
        if local is not None and local.isdigit() and int(local) < len(sheets):
            name = f"{quote_sheetname(sheets[int(local)])}!{name}"
        before, after = (ip.unescape(m.group(2)) for m in (match, _NAME.match(wide)))
        said(f"name {name} ={before} -> ={after}")
        return wide

    return _NAME.sub(one, workbook)
