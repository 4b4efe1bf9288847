"""Add months at the end of a tracking workbook, in place, keeping the user's content.

Each monthly sheet gets a row per new month after its last month row: the month, the
template's formula in each formula column (:func:`~.template.render_formula` over the columns
where the user's headers are, so an inserted column is followed), and the last month row's
styles, also in the user's own columns (left blank, or, in a column holding the same formula in every month
filled down, that formula moved to the new row). "NPS scores" gets a column per new month.
Defined names, chart series, validations and conditional formats that end at the old last row
(or column) are stretched to the new one, and so are the ranges over the months in the formulas of every other
cell (:mod:`~xl_retention.workbook.stretch`: a user's total on the Dashboard); "NPS scores" prints a page across
per :data:`~.template.SCORE_PAGE_MONTHS` months it has. The note earlier templates put under a sheet's last month
(two rows below it; the template now keeps it in a comment on the Month header) moves down; any other cell in the way
refuses with one line naming it.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

import pandas as pd
from openpyxl.formula.translate import Translator
from openpyxl.utils import get_column_letter, quote_sheetname

from ..reading.notes import note
from . import inplace as ip
from .answers_sheet import no_month_column, scores_range
from .formats import monthly_name
from .found import _MISSING_WHY
from .rows_below import move_rows_below, running_on, sums_the_months
from .stretch import stretch_formulas
from .template import FIRST_ROW, MONTH, MONTHLY_SHEETS, NPS_SCORES_TITLE, NPS_SUMMARY, render_formula, score_breaks
from .widened import note_charts, note_sqrefs, note_table

if TYPE_CHECKING:
    from .found import FoundSheet

_COL = re.compile(rb"<(?:\w+:)?col\s[^>]*>")


def grow(package: ip.Package, sheets: dict[str, FoundSheet], score_columns: dict[pd.Period, int],
         added: list[pd.Period], rows: int, answers: str = NPS_SCORES_TITLE) -> dict[pd.Period, int]:  # fmt: skip
    """Add the months ``added`` to every monthly sheet and to the answers sheet (``answers``: "NPS scores" or the
    title the user renamed it to); returns the new score columns. A first template's 'Purchases and visits' grows
    with its rate of "Of whom returning" over buyers, by ``extend`` and by an import alike (one of orders is refused
    before, naming the column its layout lacks: H399)."""
    date1904 = re.search(rb"date1904\s*=\s*[\"'](?:1|true)[\"']", package.data.get("xl/workbook.xml", b"")) is not None
    new_columns: dict[pd.Period, int] = {}
    if score_columns:
        last_col = max(score_columns.values())
        new_columns = {month: last_col + 1 + i for i, month in enumerate(added)}
        _grow_scores(package, answers, score_columns, new_columns, rows, date1904)
    every = {**score_columns, **new_columns}

    def scores(month: pd.Period) -> dict[str, str]:
        if month not in every:
            raise no_month_column(package, answers, month)
        return {"scores": scores_range(every[month], rows, answers)}

    for sheet in sheets.values():
        _grow_monthly(package, sheet, added, scores if sheet.is_(NPS_SUMMARY) else None, date1904)
    new_last = max(sheet.last_row for sheet in sheets.values()) + len(added) if sheets else None
    monthly = {sheet.spec.title for sheet in sheets.values()}  # renamed ones ('MRR 2026') under their own title
    ours = {sheet.spec.title: set(sheet.columns.values()) for sheet in sheets.values()}  # beside them: the user's
    for sheet in sheets.values():  # the user's formulas over the months (a total on the Dashboard) take in the new
        stretch_formulas(package, sheet.spec.title, rows=(sheet.last_row, sheet.last_row + len(added)),
                         month_rows=new_last, monthly=monthly, answers=answers, template_columns=ours)  # fmt: skip
    if new_columns:
        stretch_formulas(package, answers, columns=(max(score_columns.values()), max(new_columns.values())),
                         month_rows=new_last, monthly=monthly, answers=answers)  # fmt: skip
    return new_columns


def _grow_monthly(package: ip.Package, sheet: FoundSheet, added: list[pd.Period], extra: Any, date1904: bool) -> None:
    spec, xml = sheet.spec, package.sheet(sheet.spec.title)
    title = spec.title
    # the month must be found; a column the user deleted (the visits of a tracker of orders only) or an older tracker
    # lacks (a chart helper) is skipped, unless a formula column left reads it (refused below, naming both)
    letters = {c.key: sheet.letter(c.key) for c in spec.columns if c.key == MONTH.key or c.key in sheet.columns}
    early = {key: get_column_letter(col) for key, col in sheet.early.items()}
    last, new_last = sheet.last_row, sheet.last_row + len(added)
    note_ref = f"{letters[MONTH.key]}{last + 2}"
    written = set(sheet.columns.values())  # the template's columns; the user's own columns are left as they are
    moved_below = False  # every row under the months moved down, the note two rows below with them
    for ref, element in xml.cells_in_rows(last + 1, new_last + 2):
        if not ip.has_content(element) or ref == note_ref:
            continue
        # rows of the user's below the months (a Total, also one over the user's own columns alone: =SUM(L2:L4) left
        # in the row of the first new month read as that month's): moved down below the new months, as Insert Rows
        # would; a value in a column of the user's (a target typed for a month to come) stays beside its month
        if ip.split_ref(ref)[1] in written or sums_the_months(element, title, FIRST_ROW, last, xml):
            ahead = running_on(xml, written, last, new_last)
            why = move_rows_below(package, title, last, len(added)) if ahead is None else None
            if ahead is not None:
                raise ip.LayoutError(
                    f"{title}!{ref} under the months would move down below the new months {added[0]} to {added[-1]} "
                    f"as Insert Rows would, and so would {title}!{ahead}, a figure of yours in the row of "
                    f"{added[ip.split_ref(ahead)[0] - last - 1]}, typed beside the months before it: move the rows "
                    "under the months (a total) further down, or that figure, and import again"
                )
            if why is not None:
                raise ip.LayoutError(
                    f"{title}!{ref} is in the way of the new months {added[0]} to {added[-1]} (rows {last + 1} to "
                    f"{new_last}), and the rows below the months cannot be moved down ({why}): move it and import again"
                )
            moved_below = True
            break
    note = xml.cell(note_ref)
    if not moved_below and note is not None and ip.has_content(note):
        moved = f"{letters[MONTH.key]}{new_last + 2}"
        xml.put(note_ref, None)
        xml.put(moved, re.sub(rb'\br="[A-Z]+[0-9]+"', b'r="' + moved.encode() + b'"', note, count=1),
                row_attrs=xml.row_attrs(last + 2))  # fmt: skip
    by_column = {sheet.columns[c.key]: c for c in spec.columns if c.key in sheet.columns}
    styles = {col: xml.style(f"{get_column_letter(col)}{last}") for col in by_column}
    for ref, _ in xml.cells_in_rows(last, last):  # the user's own columns keep their style too
        col = ip.split_ref(ref)[1]
        styles.setdefault(col, xml.style(ref))
    attrs = xml.row_attrs(last)
    own = _own_formulas(sheet, [col for col in styles if col not in by_column], added)
    for i, month in enumerate(added):
        row = last + 1 + i
        for col, style in sorted(styles.items()):
            ref = f"{get_column_letter(col)}{row}"
            column = by_column.get(col)
            if column is None:
                if xml.cell(ref) is None:
                    formula = own.get(col)
                    if formula is not None:
                        formula = Translator(formula, f"{get_column_letter(col)}{last}").translate_formula(ref)
                    xml.put(ref, xml.element(ref, style, formula=formula and formula.removeprefix("=")),
                            row_attrs=attrs)  # fmt: skip
                continue
            if column.key == MONTH.key:
                element = xml.element(ref, style, value=ip.excel_serial(month.start_time.date(), date1904))
            elif column.formula is not None:
                try:
                    # a first template's Purchases: its rate reads "Of whom returning" (sheet.early), as it did
                    formula = render_formula(column.formula, early | letters, row, extra(month) if extra else None)
                except KeyError as error:
                    needs = next((c.header for c in spec.columns if c.key == error.args[0]), error.args[0])
                    why = _MISSING_WHY.get((sheet.template.title, error.args[0]), "")  # an old layout: what to do
                    raise ip.LayoutError(
                        f"{title}: no column {needs!r} in row 1, which the formula of {column.header!r} needs{why}"
                    ) from None
                element = xml.element(ref, style, formula=formula.removeprefix("="))
            else:
                element = xml.element(ref, style)
            xml.put(ref, element, row_attrs=attrs)
    xml.head = _dimension(xml.head, new_last + 2, None)
    ours = {f"{letters[c.key]}{FIRST_ROW}" + (f":{letters[c.key]}{last}" if not c.first_row_input else "")
            for c in spec.columns if c.validation and c.key in letters}  # fmt: skip
    note_sqrefs(xml.tail, title, (last, new_last), None, ours)  # the user's formats and validations: listed
    xml.tail = ip.extend_sqrefs(xml.tail, rows=(last, new_last))
    if last == FIRST_ROW:  # a 1-month tracker made before 9e6f8cf: its charts read one cell, no range to stretch
        for name in package.names(r"xl/charts/chart[^/]*\.xml"):
            package.edit(name, lambda xml: cell_as_range(xml, title, last))
    _extend_everywhere(package, title, rows=(last, new_last))


#: the start of the note naming a column of the user's left blank in the months added (listed apart by months_added)
LEFT_BLANK = "left blank in the months added: "


def _own_formulas(sheet: FoundSheet, columns: list[int], added: list[pd.Period]) -> dict[int, str]:
    """The formula each of the user's own ``columns`` continues with in the months ``added`` (:func:`_column_formula`);
    a column holding a formula in its month rows that cannot be continued is noted, naming it, so a column left blank
    in the new months is never passed over in silence."""
    own: dict[int, str] = {}
    for col in columns:
        formula = _column_formula(sheet, col)
        if formula is not None:
            own[col] = formula
            continue
        values = [sheet.value(sheet.row(month), col) for month in sheet.months]
        if any(isinstance(v, str) and v.startswith("=") for v in values):
            letter = get_column_letter(col)
            note(
                f"{LEFT_BLANK}{sheet.spec.title}!{letter}{sheet.row(added[0])}:{letter}{sheet.row(added[-1])}, a "
                "column of yours whose last two months do not hold one formula filled down: fill it down yourself"
            )
    return own


def _column_formula(sheet: FoundSheet, col: int) -> str | None:
    """The formula of a user's own column continued into added months: its last month's, where the month before holds
    the same formula filled down (that row's moved to it); the rows above may hold anything, as a column's first
    months often do (a label ``n/a`` above a growth over the month before, ``=C2`` above a running total ``=N2+C3``, a
    3-month average from the third month); else None (the column is left blank in the added months, and noted by
    :func:`_own_formulas` where it holds a formula).

    >>> # 'Gap to target' N2 '=D2-M2', N3 '=D3-M3', N4 '=D4-M4': the added month 5 gets '=D5-M5'
    >>> # 'Growth' P2 'n/a', P3 '=D3/D2-1', P4 '=D4/D3-1': the added month 5 gets '=D5/D4-1'
    >>> # 'Running total' N2 '=C2', N3 '=N2+C3', N4 '=N3+C4': the added month 5 gets '=N4+C5'
    """
    rows = [sheet.row(month) for month in sheet.months]
    if len(rows) < 2:
        return None
    last, before = (sheet.value(row, col) for row in rows[-2:][::-1])
    if not (isinstance(last, str) and last.startswith("=") and isinstance(before, str)):
        return None
    letter = get_column_letter(col)
    if Translator(last, f"{letter}{rows[-1]}").translate_formula(f"{letter}{rows[-2]}") != before:
        return None
    return last


_SERIES_F = re.compile(
    rb"(<(?:\w+:)?(?:cat|val)\b(?:(?!</(?:\w+:)?(?:cat|val)>).)*?<(?:\w+:)?f\b[^>]*>)([^<]*)(</(?:\w+:)?f\s*>)", re.S
)


def cell_as_range(xml: bytes, title: str, row: int) -> bytes:
    """A chart part whose series categories and values on sheet ``title`` are the one cell of ``row`` ("'S'!$I$2"),
    with those written as the range "'S'!$I$2:$I$2", which growing stretches to the new months as every range.

    >>> cell_as_range(b"<c:val><c:numRef><c:f>'NPS'!$H$2</c:f></c:numRef></c:val>", "NPS", 2).decode()
    "<c:val><c:numRef><c:f>'NPS'!$H$2:$H$2</c:f></c:numRef></c:val>"
    """

    def one(match: re.Match[bytes]) -> bytes:
        sheet, _, cell = match[2].decode("utf-8").rpartition("!")
        sheet = sheet.replace("&apos;", "'").replace("&amp;", "&")
        if sheet.startswith("'") and sheet.endswith("'"):
            sheet = sheet[1:-1].replace("''", "'")
        if sheet != title or not re.fullmatch(rf"\$?[A-Z]{{1,3}}\${row}", cell):
            return match[0]
        return match[1] + match[2] + b":" + cell.encode() + match[3]

    return _SERIES_F.sub(one, xml)


def _grow_scores(package: ip.Package, answers: str, columns: dict[pd.Period, int], new: dict[pd.Period, int],
                 rows: int, date1904: bool) -> None:  # fmt: skip
    xml = package.sheet(answers)
    last_col = max(columns.values())
    new_last = max(new.values())
    for ref, element in xml.cells_in_rows(1, rows + 1):
        if ip.split_ref(ref)[1] > last_col and ip.split_ref(ref)[1] <= new_last and ip.has_content(element):
            raise ip.LayoutError(
                f"{quote_sheetname(answers)}!{ref} is in the way of the new months' columns "
                f"{get_column_letter(last_col + 1)} to {get_column_letter(new_last)}: move your column to "
                f"{get_column_letter(new_last + 1)} or further right (cut and paste in Excel or LibreOffice moves the "
                "formulas reading it too), and run again"
            )
    style = xml.style(f"{get_column_letter(last_col)}1")
    for month, col in new.items():
        ref = f"{get_column_letter(col)}1"
        xml.put(ref, xml.element(ref, style, value=ip.excel_serial(month.start_time.date(), date1904)))
    xml.head = _widen_cols(_dimension(xml.head, None, new_last), last_col, new_last)
    note_sqrefs(xml.tail, answers, None, (last_col, new_last), {f"B2:{get_column_letter(last_col)}{rows + 1}"})
    xml.tail = ip.extend_sqrefs(xml.tail, columns=(last_col, new_last))
    _extend_everywhere(package, answers, columns=(last_col, new_last))
    _score_pages(package, answers, xml, last_col, new_last)


_PAGE_SETUP = re.compile(rb"<(?:\w+:)?pageSetup\b[^>]*>")
_COL_BREAKS = re.compile(rb"<((?:\w+:)?)colBreaks\b[^>]*?(?:/>|>.*?</\1colBreaks\s*>)", re.S)
_BREAK_ID = re.compile(rb"<(?:\w+:)?brk\b[^>]*?\sid\s*=\s*[\"'](\d+)[\"']")
_AFTER_BREAKS = re.compile(rb"<(?:\w+:)?(?:customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing"
                           rb"|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)"
                           rb"\b")  # fmt: skip


def _score_pages(package: ip.Package, answers: str, xml: ip.SheetXml, last_col: int, new_last: int) -> None:
    """The print setup of the answers sheet ("NPS scores", ``answers`` when renamed) grown with its months: a page
    across per SCORE_PAGE_MONTHS months, the Response column repeated. Only a sheet printed as the template prints it
    (this template's breaks, or an earlier one's one page wide without breaks) is changed; a print setup of the user's
    own is kept."""
    setup = _PAGE_SETUP.search(xml.tail)
    if setup is None:
        return
    wide = ip.attribute(setup.group(0), b"fitToWidth")
    breaks = _COL_BREAKS.search(xml.tail)
    ids = [int(i) for i in _BREAK_ID.findall(breaks.group(0))] if breaks else []
    old = score_breaks(last_col)
    if not ((ids == [c - 1 for c in old] and int(wide or 1) == len(old) + 1) or (not ids and int(wide or 1) == 1)):
        return
    new = score_breaks(new_last)
    if new == old or not new:
        return
    element = re.sub(rb"\sfitToWidth\s*=\s*[\"'][^\"']*[\"']", b"", setup.group(0))
    element = element.replace(b"pageSetup", b'pageSetup fitToWidth="' + str(len(new) + 1).encode() + b'"', 1)
    tail = xml.tail[: setup.start()] + element + xml.tail[setup.end() :]
    p = xml.prefix
    brks = b"".join(b"<" + p + b'brk id="' + str(c - 1).encode() + b'" max="1048575" man="1"/>' for c in new)
    count = str(len(new)).encode()
    element = b"<" + p + b'colBreaks count="' + count + b'" manualBreakCount="' + count + b'">' + brks + b"</" + p + \
        b"colBreaks>"  # fmt: skip
    breaks = _COL_BREAKS.search(tail)
    if breaks is not None:
        tail = tail[: breaks.start()] + element + tail[breaks.end() :]
    else:
        after = _AFTER_BREAKS.search(tail)
        at = after.start() if after is not None else tail.rfind(b"</")
        tail = tail[:at] + element + tail[at:]
    xml.tail = tail
    package.edit("xl/workbook.xml", lambda workbook: _repeat_response_column(workbook, answers))


def _repeat_response_column(workbook: bytes, answers: str) -> bytes:
    """``workbook.xml`` with column A of the answers sheet repeated on every printed page (its print titles)."""
    sheets = [ip.attribute(m.group(0), b"name") for m in re.finditer(rb"<(?:\w+:)?sheet\b[^>]*>", workbook)]
    title = escape(answers, {'"': "&quot;"}).encode()
    if title not in sheets or b"</definedNames>" not in workbook:
        return workbook
    index = str(sheets.index(title)).encode()
    column = escape(quote_sheetname(answers)).encode() + b"!$A:$A"
    for m in re.finditer(rb"<definedName\b([^>]*)>([^<]*)</definedName>", workbook):
        name, local = ip.attribute(m.group(1), b"name"), ip.attribute(m.group(1), b"localSheetId")
        if name == b"_xlnm.Print_Titles" and local == index:
            if b"$A:$A" in m.group(2):
                return workbook
            return workbook[: m.start(2)] + m.group(2) + b"," + column + workbook[m.end(2) :]
    name = b'<definedName name="_xlnm.Print_Titles" localSheetId="' + index + b'">' + column + b"</definedName>"
    return workbook.replace(b"</definedNames>", name + b"</definedNames>", 1)


def _extend_everywhere(package: ip.Package, title: str, rows: tuple[int, int] | None = None,
                       columns: tuple[int, int] | None = None) -> None:  # fmt: skip
    """Defined names, chart series, the sheet's tables and pivot-table sources over ``title`` stretched."""
    package.edit("xl/workbook.xml", lambda xml: _extend_names(xml, title, rows, columns))
    charts = {name: package.data[name] for name in package.names(r"xl/charts/chart[^/]*\.xml")}
    for name in charts:
        package.edit(name, lambda xml: ip.extend_in_xml(xml, title, rows, columns))
    note_charts(package, charts)  # the user's own charts over the months: listed

    def refs(xml: bytes) -> bytes:  # ref="A1:G25" of a table and its autoFilter
        return re.sub(rb'(\sref=")([^"]*)(")', lambda m: m[1] + ip.extend_refs(m[2].decode(), None, rows, columns,
                      local=True).encode() + m[3], xml)  # fmt: skip

    for name in _sheet_tables(package, title):
        before = package.data[name]
        package.edit(name, refs)
        note_table(name, before, package.data[name])
    quoted = re.escape(escape(title, {'"': "&quot;"}).encode())
    for name in package.names(r"xl/pivotCache/pivotCacheDefinition[^/]*\.xml"):
        package.edit(name, lambda xml: re.sub(rb"<(?:\w+:)?worksheetSource\b[^>]*\ssheet=\"" + quoted + rb"\"[^>]*>",
                                             lambda m: refs(m[0]), xml))  # fmt: skip


#: the names templates put over the monthly sheets (every earlier template's too): they follow the months silently
_TEMPLATE_NAMES = frozenset(
    {c.name for spec in MONTHLY_SHEETS for c in spec.columns if c.name}
    | {monthly_name(spec.title) for spec in MONTHLY_SHEETS}
    | {"Customers_Lost"}
)
_DEFINED_NAME = re.compile(rb"<(?:\w+:)?definedName\b([^>]*)>([^<]*)</(?:\w+:)?definedName\s*>")
_SHEET_NAME = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?\sname=\"([^\"]*)\"")


def _extend_names(workbook: bytes, title: str, rows: tuple[int, int] | None,
                  columns: tuple[int, int] | None) -> bytes:  # fmt: skip
    """``workbook`` (xl/workbook.xml) with its defined names over ``title``'s months stretched
    (:func:`~.inplace.extend_in_xml`). A name of the user's (not a template's, nor Excel's own ``_xlnm.``) that
    changes is noted like a formula of theirs (``name Q1_Gained =Customers!$C$2:$C$4 -> =Customers!$C$2:$C$6``): the
    import lists it, since a name meant for those months only (the first quarter) now takes in the months added."""
    sheets = [ip.unescape(m.group(1)) for m in _SHEET_NAME.finditer(workbook)]

    def one(match: re.Match[bytes]) -> bytes:
        new = ip.extend_in_xml(match.group(0), title, rows, columns)
        name = (ip.attribute(match.group(1), b"name") or b"").decode()
        if new == match.group(0) or name in _TEMPLATE_NAMES or name.startswith("_xlnm."):
            return new
        local = ip.attribute(match.group(1), b"localSheetId")
        if local is not None and local.isdigit() and int(local) < len(sheets):
            name = f"{quote_sheetname(sheets[int(local)])}!{name}"
        before, after = (ip.unescape(m.group(2)) for m in (match, _DEFINED_NAME.match(new)))
        note(f"name {name} ={before} -> ={after}")
        return new

    return _DEFINED_NAME.sub(one, workbook)


def _sheet_tables(package: ip.Package, title: str) -> list[str]:
    """The table parts (Excel Tables) of sheet ``title``."""
    part = package.sheet_part(title)
    folder, name = part.rsplit("/", 1)
    rels = package.data.get(f"{folder}/_rels/{name}.rels", b"")
    targets = re.findall(rb'<Relationship\b[^>]*Type="[^"]*/table"[^>]*Target="([^"]+)"', rels)
    targets += re.findall(rb'<Relationship\b[^>]*Target="([^"]+)"[^>]*Type="[^"]*/table"', rels)
    out = []
    for target in targets:
        path = target.decode()
        path = path.lstrip("/") if path.startswith("/") else posixpath.normpath(posixpath.join(folder, path))
        if path in package.data:
            out.append(path)
    return out


def _dimension(head: bytes, last_row: int | None, last_col: int | None) -> bytes:
    def widen(match: re.Match[bytes]) -> bytes:
        ref = match.group(2).decode()
        start, _, end = ref.partition(":")
        end = end or start
        row, col = ip.split_ref(end)
        row = max(row, last_row or 0)
        col = max(col, last_col or 0)
        return match.group(1) + f"{start}:{get_column_letter(col)}{row}".encode() + match.group(3)

    return re.sub(rb"(<(?:\w+:)?dimension\s+ref=\")([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)(\")", widen, head, count=1)


def _widen_cols(head: bytes, last_col: int, new_last: int) -> bytes:
    """The ``<col>`` width and style of the last month's column, given to the new columns too."""

    spans = [(ip.attribute(m.group(0), b"min"), ip.attribute(m.group(0), b"max")) for m in _COL.finditer(head)]
    if any(low and high and int(low) <= new_last and int(high) > last_col for low, high in spans):
        return head  # the new columns have widths of their own already

    def widen(match: re.Match[bytes]) -> bytes:
        element = match.group(0)
        low, high = ip.attribute(element, b"min"), ip.attribute(element, b"max")
        if low is None or high is None or not int(low) <= last_col <= int(high) or int(high) != last_col:
            return element
        return re.sub(rb"(\smax\s*=\s*\")[0-9]+(\")", lambda m: m.group(1) + str(new_last).encode() + m.group(2),
                      element)  # fmt: skip

    return _COL.sub(widen, head)


def grow_answers(package: ip.Package, summary: FoundSheet, columns: dict[pd.Period, int], old: int, new: int,
                 answers: str = NPS_SCORES_TITLE) -> None:  # fmt: skip
    """Room for ``new`` answers a month (instead of ``old``): rows on the answers sheet ("NPS scores", ``answers``
    when renamed), the NPS formulas rewritten.

    Every formula of the NPS sheet must still be the template's (compared without case); a value under the
    answer rows of a month column would be read as an answer, so both refuse with one line naming the cell.
    """
    scores = package.sheet(answers)
    month_columns = set(columns.values())
    for ref, element in scores.cells_in_rows(old + 2, new + 1):
        if ip.split_ref(ref)[1] in month_columns and ip.has_content(element):
            raise ip.LayoutError(
                f"{quote_sheetname(answers)}!{ref} is under the answer rows: the month's answers need rows 2 to "
                f"{new + 1}; move it and import again"
            )
    scores.head = _dimension(scores.head, new + 1, None)
    scores.tail = ip.extend_sqrefs(scores.tail, rows=(old + 1, new + 1))
    _extend_everywhere(package, answers, rows=(old + 1, new + 1))
    stretch_formulas(package, answers, rows=(old + 1, new + 1), month_rows=summary.last_row, answers=answers)

    spec, sheet = summary.spec, package.sheet(summary.spec.title)
    letters = {c.key: summary.letter(c.key) for c in spec.columns if c.key in summary.columns}
    for month in summary.months:
        row = summary.row(month)
        if month not in columns:
            raise no_month_column(package, answers, month)
        for column in spec.columns:
            if column.formula is None or column.key not in summary.columns:
                continue
            ref = f"{letters[column.key]}{row}"
            kept = {"scores": scores_range(columns[month], old, answers)}
            was = {ip.formula_key(render_formula(f, letters, row, kept)) for f in (column.formula, *column.earlier)}
            mine = summary.value(row, summary.columns[column.key])
            if not isinstance(mine, str) or ip.formula_key(mine) not in was:  # this template's or an earlier one's
                raise ip.LayoutError(
                    f"{spec.title}!{ref} is not the template's formula, so it cannot be widened to {new} answers a "
                    "month; put the template's formula back or import into a new tracker"
                )
            formula = render_formula(
                column.formula, letters, row, {"scores": scores_range(columns[month], new, answers)}
            )
            sheet.put(ref, sheet.element(ref, sheet.style(ref), formula=formula.removeprefix("=")))
