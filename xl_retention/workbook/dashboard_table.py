"""The latest figures table (A3:G10) added to the Dashboard of a tracker made before it, by ``xl-retention upgrade``.

The first templates (8b3d91a7, 2026-11-22) drew a Dashboard of three charts from A3, K3 and A21 and no table: an
upgraded tracker kept that Dashboard, without the latest customers at end, MRR at end, CRR, NRR, NPS and CLV and
their months that a new tracker shows in A3:C9 (H358). :func:`add_latest_figures` writes this version's table there
as :func:`.dashboard.figures` lays it out (its formulas, labels, looks, row heights, the note in A10:G10, the notes
beside the NPS and CLV in E8:G9 and the purchases and visits figures in E3:G6 where the workbook has the names they
read; the first templates' "Purchases and visits" sheet, without repeat purchasers, gets its returning customer rate
and a word in F4), over a Dashboard without one (no "Latest figures" header where :mod:`.dashboard_upgrade` looks for
it, nor a cell holding one of its formulas: a table whose header the user translated is theirs).

Nothing of the user's is written over: where a chart or picture, or a cell, lies in A3:G10, every cell, merged range
and drawing from row 3 down is moved 9 rows lower, as inserting 9 rows at row 3 would (the early template's charts
then start at row 12, as a new tracker's; a formula filled down or an array formula with its range). Where that
cannot be done without changing what a formula reads (a formula reading a cell of the Dashboard, on it or elsewhere,
with the sheet named or not, or a defined name or chart range naming the sheet), or the sheet holds what this module
does not move (comments, conditional formats, validations, links, tables, page breaks, a data table, a merged range,
drawing or filled formula across row 3), the table is not added and the report's line names what is in the way.
"""

from __future__ import annotations

import functools
import io
import re
from typing import Any

from openpyxl.formula.tokenizer import Tokenizer
from openpyxl.utils import get_column_letter, quote_sheetname

from . import inplace as ip
from .chart_ranges import _ANCHOR, _targets
from .cohort_styles import _add_styles, _fresh_style
from .dashboard_notes import _add_merge, _merged
from .named_formulas import add_names
from .upgrade_cells import _names_in, workbook_names

__all__ = ["ROWS_DOWN", "TABLE", "add_latest_figures"]

#: the table's cells: the latest figures (A3:C9), the purchases and visits figures (E3:G6), the notes (E8:G9, A10)
TABLE = "A3:G10"
FIRST_ROW, LAST_ROW, LAST_COLUMN = 3, 10, 7
#: how far the Dashboard's cells and drawings from row 3 move where the table's place is taken: the table's 8 rows
#: and the blank row above the charts (a new tracker's start at row 12)
ROWS_DOWN = 9
#: a row of Excel's default height, and a column of its default width (8.43 characters, 64 pixels), in EMU
_ROW_EMU, _COLUMN_EMU = 190500, 609600
_P = rb"(?:[A-Za-z_][\w.\-]*:)?"
_FROM = re.compile(rb"(<" + _P + rb"from\b.*?</" + _P + rb"from\s*>)", re.S)
_TO = re.compile(rb"(<" + _P + rb"to\b.*?</" + _P + rb"to\s*>)", re.S)
_ROW = re.compile(rb"(<" + _P + rb"row\s*>\s*)(\d+)(\s*</)")
_COL = re.compile(rb"<" + _P + rb"col\s*>\s*(\d+)\s*</")
_EXT = re.compile(rb"<" + _P + rb"ext\b[^>]*?\scy\s*=\s*[\"'](\d+)[\"']")
_F = re.compile(rb"<(?:\w+:)?f\b[^>]*>([^<]*)</(?:\w+:)?f\s*>")
_CHART_F = re.compile(rb"<(?:\w+:)?f\s*>([^<]*)</(?:\w+:)?f\s*>")
_F_OPEN = re.compile(rb"<(?:\w+:)?f\b([^>]*?)/?>")
#: a formula's range of cells (its ``ref`` attribute: a shared formula's, an array formula's), to move with them
_SPREAD_REF = re.compile(rb"(<(?:\w+:)?f\b[^>]*?\sref\s*=\s*\")([^\"]*)(\")")
_DEFINED = re.compile(rb"<(?:\w+:)?definedName\b([^>]*)>([^<]*)<")
_CELL_REF = re.compile(
    r"^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$|^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$|^\$?\d+:\$?\d+$"
)
#: what a worksheet may hold that names its cells and that this module does not move
_UNMOVED = {
    b"conditionalFormatting": "conditional formatting",
    b"dataValidations": "data validation",
    b"hyperlinks": "links",
    b"autoFilter": "a filter",
    b"tableParts": "a table",
    b"rowBreaks": "page breaks",
    b"legacyDrawing": "comments",
}
_DIMENSION = re.compile(rb"(<(?:\w+:)?dimension\b[^>]*?\sref\s*=\s*\")([^\"]*)(\")")
_MERGE_REF = re.compile(rb"(<(?:\w+:)?mergeCell\b[^>]*?\sref\s*=\s*[\"'])([^\"']*)([\"'])")
_COLS = re.compile(rb"<((?:\w+:)?)cols\b[^>]*>(.*?)</\1cols\s*>", re.S)
_COL_ELEMENT = re.compile(rb"<(?:\w+:)?col\b[^>]*/>")
_SHEET_DATA = re.compile(rb"<((?:\w+:)?)sheetData\b")


#: the first templates' rate on "Purchases and visits" (8b3d91a7's D2): its "Of whom returning" (C, customers who
#: ordered in an earlier month) over its buyers (B), which this version calls the returning customer rate
_EARLY_RATE = re.compile(r"^=?REPEAT_PURCHASE_RATE\(\$?([A-Z]{1,3})\$?(\d+),\$?([A-Z]{1,3})\$?(\d+)\)$", re.I)
_COLUMN_RANGE = re.compile(r"^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$", re.I)
#: what the early tracker's repeat purchase rate cell (F4) says: its sheet has no repeat purchasers
NO_REPEAT = "not tracked here"


class _InTheWay(Exception):
    """What keeps the table out: the report's words."""


@functools.cache
def _fresh() -> tuple[dict[str, Any], bytes, bytes, dict[int, float], dict[str, float]]:
    """This version's table as a new tracker's Dashboard has it: its cells (A3:G10, value or formula), the sheet's and
    styles' XML it was saved with, row heights and column widths (built once a process)."""
    from openpyxl import Workbook

    from ..recalculation.xlsx_values import _sheet_parts
    from .dashboard import WRAPPED_LINES, _wrapped, figures, figures_note
    from .figure_notes import figure_notes
    from .monthly import CUSTOMERS
    from .template import column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Dashboard"
    figures(ws)
    figure_notes(ws)
    ws["A10"] = figures_note(f"{CUSTOMERS.title}!{column_letter(CUSTOMERS, 'crr')}3")
    from .dashboard import NOTE_FONT

    ws["A10"].font = NOTE_FONT
    _wrapped(ws, LAST_ROW, WRAPPED_LINES[LAST_ROW])
    cells = {
        f"{get_column_letter(c)}{r}": ws.cell(row=r, column=c).value
        for r in range(FIRST_ROW, LAST_ROW + 1)
        for c in range(1, LAST_COLUMN + 1)
    }
    heights = {r: ws.row_dimensions[r].height for r in range(FIRST_ROW, LAST_ROW + 1) if ws.row_dimensions[r].height}
    widths = {c: ws.column_dimensions[c].width for c in "ABCDEFG" if c in ws.column_dimensions}
    stream = io.BytesIO()
    wb.save(stream)
    import zipfile

    with zipfile.ZipFile(stream) as package:
        sheet = package.read(_sheet_parts(package)["Dashboard"])
        styles = package.read("xl/styles.xml")
    return cells, sheet, styles, heights, widths


def _name_targets(package: ip.Package) -> dict[str, str]:
    """The workbook-level defined names of ``package`` (upper case) and what each refers to."""
    out = {}
    for match in _DEFINED.finditer(package.data.get("xl/workbook.xml", b"")):
        name = ip.attribute(match.group(1), b"name")
        if name is not None and ip.attribute(match.group(1), b"localSheetId") is None:
            out[name.decode().upper()] = ip.unescape(match.group(2))
    return out


def _guarded_rate(returning: str, buyers: str, row: int) -> str:
    """The early rate as ``upgrade`` and ``extend`` write it (blank in a month not filled in), compared as
    :func:`.inplace.formula_key` does: this version's repeat purchase rate over the early "Of whom returning"."""
    from .monthly import PURCHASES
    from .template import render_formula

    form = next(c.formula for c in PURCHASES.columns if c.key == "rate")
    return ip.formula_key(render_formula(form, {"repeat": returning, "buyers": buyers}, row))


def _early_purchases(package: ip.Package, names: set[str]) -> str | None:
    """The range of the first templates' "Repeat purchase rate" column (``'Purchases and visits'!$D$2:$D$25``), where
    the tracker has that sheet: no Purchases_Returning_Rate nor Purchases_Repeat (repeat purchasers) defined, and
    Purchases_Repeat_Rate over a column whose every cell holds ``=REPEAT_PURCHASE_RATE(C2,B2)`` of its own row's
    Purchases_Returning and Purchases_Buyers cells: "Of whom returning" (customers who ordered in an earlier month, as
    that version's import counted them) over buyers, this version's returning customer rate. None otherwise."""
    if {n.upper() for n in names} & {"PURCHASES_RETURNING_RATE", "PURCHASES_REPEAT"}:
        return None
    defined, spans = _name_targets(package), {}
    for name in ("PURCHASES_REPEAT_RATE", "PURCHASES_RETURNING", "PURCHASES_BUYERS"):
        found = _COLUMN_RANGE.match(defined.get(name, "").strip().removeprefix("="))
        if found is None or found[3].upper() != found[5].upper():
            return None
        sheet = found[1].replace("''", "'") if found[1] else found[2]
        spans[name] = (sheet, found[3].upper(), int(found[4]), int(found[6]))
    sheet, rate, first, last = spans["PURCHASES_REPEAT_RATE"]
    if any((s, a, b) != (sheet, first, last) for s, _, a, b in spans.values()):
        return None
    returning, buyers = spans["PURCHASES_RETURNING"][1], spans["PURCHASES_BUYERS"][1]
    try:
        xml = package.sheet(sheet)
    except (ip.LayoutError, KeyError):
        return None
    column, formulas = ip.split_ref(f"{rate}1")[1], 0
    for ref, element in xml.cells_in_rows(first, last):
        row, at = ip.split_ref(ref)
        if at != column or not ip.has_content(element):
            continue
        found = _F.search(element)
        text = ip.unescape(found.group(1)).replace(" ", "") if found is not None else ""
        form = _EARLY_RATE.match(text)
        if form is not None and (form[1].upper(), int(form[2]), form[3].upper(), int(form[4])) == (
            returning,
            row,
            buyers,
            row,
        ):
            formulas += 1
            continue
        if ip.formula_key("=" + text.removeprefix("=")) != _guarded_rate(returning, buyers, row):  # upgraded (H382)
            return None
        formulas += 1
    return defined["PURCHASES_REPEAT_RATE"].strip().removeprefix("=") if formulas else None


def _drawings(package: ip.Package, part: str) -> list[str]:
    return [d for d in _targets(package, part, "drawing") if d in package.data]


def _anchor_rows(anchor: bytes) -> tuple[int, int, int] | None:
    """(first row, last row, first column), 0-based, of a drawing's anchor; None for an absolute one."""
    start = _FROM.search(anchor)
    if start is None:
        return None
    row, col = _ROW.search(start.group(1)), _COL.search(start.group(1))
    if row is None or col is None:
        return None
    first = int(row.group(2))
    end = _TO.search(anchor)
    if end is not None and _ROW.search(end.group(1)) is not None:
        last = int(_ROW.search(end.group(1)).group(2))
    else:
        ext = _EXT.search(anchor)
        last = first + (-(-int(ext.group(1)) // _ROW_EMU) if ext else 0)
    return first, last, int(col.group(1))


def _shift_anchor(anchor: bytes) -> bytes:
    """An anchor ``ROWS_DOWN`` rows lower (its from and to markers)."""

    def rows(marker: re.Match[bytes]) -> bytes:
        return _ROW.sub(lambda m: m[1] + str(int(m[2]) + ROWS_DOWN).encode() + m[3], marker.group(1), count=1)

    return _TO.sub(rows, _FROM.sub(rows, anchor, count=1), count=1)


def _row_of(ref: str) -> int:
    return ip.split_ref(ref.replace("$", ""))[0]


def _shifted_ref(ref: str) -> str:
    """A1 reference or range ``ref`` with each row from 3 ``ROWS_DOWN`` lower.

    >>> _shifted_ref("K21"), _shifted_ref("A2:G4")
    ('K30', 'A2:G13')
    """

    def one(part: str) -> str:
        letters = part.rstrip("0123456789")
        row = int(part[len(letters) :])
        return f"{letters}{row + ROWS_DOWN if row >= FIRST_ROW else row}"

    return ":".join(one(part) for part in ref.split(":"))


def _reads_own_cells(formula: str, title: str = "Dashboard") -> bool:
    """Whether a formula on the Dashboard ``title`` reads one of its own cells: a reference without a sheet, or naming
    the sheet itself (``Dashboard!B30``, ``'Dashboard'!B30``), or a 3-D one (``Jan:Mar!B3``: the sheets between may
    hold the Dashboard).

    >>> _reads_own_cells("=K21*2"), _reads_own_cells("=SUM(Customers!D2:D5)+Customers_End"), _reads_own_cells("=B:B")
    (True, False, True)
    >>> _reads_own_cells("=dashboard!B30"), _reads_own_cells("='Dashboard'!$B$30:B31"), _reads_own_cells("=Jan:Mar!B3")
    (True, True, True)
    """
    try:
        tokens = Tokenizer(formula if formula.startswith("=") else f"={formula}").items
    except Exception:  # noqa: BLE001  (a formula the tokenizer cannot read: taken as reading anything)
        return True
    for token in tokens:
        if token.type != "OPERAND" or token.subtype != "RANGE":
            continue
        sheet, _, ref = token.value.rpartition("!")
        if not _CELL_REF.match(ref):
            continue
        if sheet.startswith("'") and sheet.endswith("'"):
            sheet = sheet[1:-1].replace("''", "'")
        if not sheet or ":" in sheet or sheet.casefold() == title.casefold():
            return True
    return False


def _naming(package: ip.Package, title: str, part: str) -> list[str]:
    """What outside the Dashboard's cells names one of them: formulas of other sheets, defined names, chart ranges."""
    unquoted = re.escape(title.encode())
    quoted = re.escape(quote_sheetname(title).strip("'").encode())
    names = re.compile(rb"(?:(?:'|&apos;|&#39;)" + quoted + rb"(?:'|&apos;|&#39;)|(?<![\w.'])" + unquoted + rb")!",
                       re.I)  # fmt: skip
    out: list[str] = []
    for other, other_part in package.parts.items():
        if other_part is None or other_part == part or other_part not in package.data:
            continue
        xml = package.data[other_part]
        if names.search(xml) is None:
            continue
        try:
            sheet = package.sheets.get(other) or ip.SheetXml.parse(xml, other)
        except ip.LayoutError:
            out.append(f"the sheet {quote_sheetname(other)}")
            continue
        for ref, element in sheet.cells_where(lambda raw: names.search(raw)):
            found = _F.search(element)
            if found is not None and names.search(ip.unescape(found.group(1)).encode()):
                out.append(f"{quote_sheetname(other)}!{ref}")
    for match in _DEFINED.finditer(package.data.get("xl/workbook.xml", b"")):
        if names.search(ip.unescape(match.group(2)).encode()):
            out.append(f"the name {(ip.attribute(match.group(1), b'name') or b'?').decode()}")
    for name, data in package.data.items():
        if name.startswith("xl/charts/chart") and any(names.search(f) for f in _CHART_F.findall(data)):
            out.append(f"the chart {name.rsplit('/', 1)[-1]}")
    return out


def _make_room(package: ip.Package, title: str, part: str, xml: ip.SheetXml) -> bool:
    """Move the Dashboard's cells, merged ranges and drawings from row 3 ``ROWS_DOWN`` rows lower, where the table's
    place holds any (True); raises :class:`_InTheWay` where that cannot be done."""
    drawings = _drawings(package, part)
    anchors = [(d, a) for d in drawings for a in _ANCHOR.finditer(package.data[d])]
    taken = [ref for ref, element in xml.cells_in_rows(FIRST_ROW, LAST_ROW)
             if ip.split_ref(ref)[1] <= LAST_COLUMN and ip.has_content(element)]  # fmt: skip
    merged = _merged(xml.tail)
    covering = []
    for _, anchor in anchors:
        rows = _anchor_rows(anchor.group(0))
        if rows is None:
            raise _InTheWay("a drawing placed by position, not by cell, which this upgrade does not move")
        first, last, column = rows
        if first < FIRST_ROW - 1 and last >= FIRST_ROW - 1:
            raise _InTheWay(f"a chart or picture from row {first + 1} reaching into row {FIRST_ROW}")
        if first <= LAST_ROW - 1 and column < LAST_COLUMN:
            covering.append(f"a chart or picture from {get_column_letter(column + 1)}{first + 1}")
    if any(r1 < FIRST_ROW <= r2 for _, r1, _, r2, _ in merged):
        spans = ", ".join(ref for ref, r1, _, r2, _ in merged if r1 < FIRST_ROW <= r2)
        raise _InTheWay(f"the merged range {spans} across row {FIRST_ROW}")
    if any(r1 <= LAST_ROW and c1 <= LAST_COLUMN for _, r1, c1, r2, _ in merged if r2 >= FIRST_ROW):
        covering.append("a merged range")
    if not taken and not covering:
        return False
    kinds = [words for tag, words in _UNMOVED.items() if re.search(rb"<(?:\w+:)?" + tag + rb"\b", xml.tail)]
    if kinds:
        raise _InTheWay(f"{', '.join(taken + covering)} where it goes, and {' and '.join(kinds)}, which moving them "
                        "down would leave behind")  # fmt: skip
    cells = list(xml.cells_in_rows(1, max(xml.rows, default=0)))
    spread = _unmoved_formulas(cells, quote_sheetname(title))
    if spread:
        raise _InTheWay(f"{', '.join(taken + covering)} where it goes, and {', '.join(spread[:6])}, which moving the "
                        "sheet's cells down would break")  # fmt: skip
    own = [ref for ref, element in cells
           if (f := _F.search(element)) is not None and _reads_own_cells(ip.unescape(f.group(1)), title)]  # fmt: skip
    elsewhere = _naming(package, title, part)
    if own or elsewhere:
        what = ", ".join([*(f"{quote_sheetname(title)}!{r}" for r in own), *elsewhere][:6])
        raise _InTheWay(f"{', '.join(taken + covering)} where it goes; moving the sheet's cells down would change "
                        f"what formulas read ({what})")  # fmt: skip
    rows = {}
    for number in sorted(xml.rows):
        row = xml.rows[number]
        if number < FIRST_ROW:
            rows[number] = row
            continue
        moved = {c: re.sub(rb'(\sr=")([A-Z]+)(\d+)(")', lambda m: m[1] + m[2] + str(int(m[3]) + ROWS_DOWN).encode()
                           + m[4], e, count=1) for c, e in xml._cells(number).items()}  # fmt: skip
        # a shared or array formula's cells (ref="A25:A30" on its first) move with it: its range too
        row.cells = {c: _SPREAD_REF.sub(lambda m: m[1] + _shifted_ref(m[2].decode()).encode() + m[3], e, count=1)
                     for c, e in moved.items()}  # fmt: skip
        row.edited = True
        rows[number + ROWS_DOWN] = row
    xml.rows = rows
    xml.tail = _MERGE_REF.sub(lambda m: m[1] + _shifted_ref(m[2].decode()).encode() + m[3], xml.tail)
    xml.head = _DIMENSION.sub(lambda m: m[1] + _shifted_ref(m[2].decode()).encode() + m[3], xml.head)
    for drawing in drawings:
        package.edit(drawing, lambda raw: _ANCHOR.sub(lambda m: _shifted(m.group(0)), raw))
    return True


def _unmoved_formulas(cells: list[tuple[str, bytes]], where: str = "Dashboard") -> list[str]:
    """What of the sheet's shared, array and data table formulas moving the cells from row 3 down would break: a data
    table (its input cells, ``r1``/``r2``, are the sheet's own) and a shared or array formula over cells both above
    row 3 and from it (``A1:A5``: its first cell stays, the others move). One wholly above or from row 3 moves whole.

    >>> _unmoved_formulas([("A1", b'<c r="A1"><f t="shared" ref="A1:A5" si="0">B1</f></c>'),
    ...                    ("A25", b'<c r="A25"><f t="array" ref="A25:A30">Customers!B2:B7</f></c>')])
    ['the formula filled in Dashboard!A1:A5 across row 3']
    """
    out = []
    for ref, element in cells:
        opening = _F_OPEN.search(element)
        if opening is None:
            continue
        kind, spans = ip.attribute(opening.group(1), b"t"), ip.attribute(opening.group(1), b"ref")
        if kind == b"dataTable":
            out.append(f"the data table {where}!{(spans or ref.encode()).decode()}")
        elif spans is not None:
            rows = [_row_of(part) for part in spans.decode().split(":")]
            if min(rows) < FIRST_ROW <= max(rows):
                out.append(f"the formula filled in {where}!{spans.decode()} across row {FIRST_ROW}")
    return out


def _shifted(anchor: bytes) -> bytes:
    rows = _anchor_rows(anchor)
    return _shift_anchor(anchor) if rows is not None and rows[0] >= FIRST_ROW - 1 else anchor


def _widths(head: bytes, widths: dict[str, float]) -> bytes:
    """``<cols>`` with the table's widths of A:G for each column no ``<col>`` of the sheet sets."""
    set_ = set()
    for element in _COL_ELEMENT.findall(head):
        low, high = ip.attribute(element, b"min"), ip.attribute(element, b"max")
        if low and high:
            set_ |= set(range(int(low), int(high) + 1))
    new = [(i, w) for i, w in ((ord(c) - 64, w) for c, w in widths.items()) if i not in set_]
    if not new:
        return head
    found = _COLS.search(head)
    data = _SHEET_DATA.search(head)
    prefix = found.group(1) if found else (data.group(1) if data else b"")
    made = [b"<" + prefix + f'col min="{i}" max="{i}" width="{w}" customWidth="1"/>'.encode() for i, w in new]
    if found is None:
        return head[: data.start()] + b"<" + prefix + b"cols>" + b"".join(made) + b"</" + prefix + b"cols>" + head[
            data.start() :]  # fmt: skip
    cols = sorted(_COL_ELEMENT.findall(found.group(2)) + made, key=lambda e: int(ip.attribute(e, b"min") or 0))
    return head[: found.start()] + b"<" + prefix + b"cols>" + b"".join(cols) + b"</" + prefix + b"cols>" + head[
        found.end() :]  # fmt: skip


def add_latest_figures(package: ip.Package, title: str) -> tuple[list[str], list[str]]:
    """This version's latest figures table written into the Dashboard ``title`` of ``package`` (a Dashboard without
    one: see the module); returns the cells written (``'Dashboard'!A3:C10``) and the report's lines.

    The latest figures (A3:C9) and the note under them (A10) need every name they read (the helper columns' names
    :func:`.upgrade_helpers.restore_helpers` defines); the purchases and visits figures (E3:G6) and each note beside
    the NPS and CLV (E8, E9) are written where the workbook has theirs, and named in a line where it does not.
    """
    where = quote_sheetname(title)
    part = package.sheet_part(title)
    xml = package.sheet(title)
    cells, fresh_xml, fresh_styles, heights, widths = _fresh()
    names = workbook_names(package)
    early = _early_purchases(package, names)  # the first templates' rate column: this version's returning rate
    if early is not None:
        names |= {"Purchases_Returning_Rate"}  # defined below, once the table goes in
    groups = {
        "the latest figures": [f"{c}{r}" for r in range(FIRST_ROW, LAST_ROW) for c in "ABC"] + ["A10"],
        "the purchases and visits figures": [f"{c}{r}" for r in range(3, 7) for c in "EFG"],
        "the note on an NPS of few answers": ["E8"],
        "the note on a CLV of an earlier month's ARPA": ["E9"],
    }
    wanted: dict[str, list[str]] = {}
    for group, refs in groups.items():
        reads = set().union(*(_names_in(cells[r]) for r in refs if str(cells[r]).startswith("=")))
        wanted[group] = sorted(reads - names)
    if wanted["the latest figures"]:
        missing = ", ".join(wanted["the latest figures"])
        return [], [f"{where} has no latest figures table (a new tracker's A3:C9) and the tracker lacks the names it "
                    f"reads ({missing}): not added"]  # fmt: skip
    try:
        moved = _make_room(package, title, part, xml)
    except _InTheWay as why:
        return [], [f"{where}!{TABLE}, where this version's Dashboard shows the latest figures, holds {why}: the "
                    "table not added; make room for it or make a new tracker (xl-retention new NEW.xlsx --start "
                    "YYYY-MM) and import into it"]  # fmt: skip
    write = [r for group, refs in groups.items() if not wanted[group] for r in refs]
    if early is not None and "F4" in write:  # its rate is the returning customers' (F5): no repeat purchase rate
        add_names(package, {"Purchases_Returning_Rate": early})
        cells = {**cells, "F4": NO_REPEAT, "G4": None}
    styled = {
        r: _fresh_style(fresh_xml, r) for r in write if re.search(rb'<c r="' + r.encode() + rb'"[^>]*\ss="', fresh_xml)
    }
    styles = _add_styles(package, fresh_styles, styled)
    for ref in write:
        value, style = cells[ref], styles.get(ref)
        if isinstance(value, str) and value.startswith("="):
            element = xml.element(ref, style, formula=value.removeprefix("="))
        elif isinstance(value, str):
            element = xml.text_element(ref, style or None, value)
        else:
            element = xml.element(ref, style)
        xml.put(ref, element)
    for span, ref in (("A10:G10", "A10"), ("E8:G8", "E8"), ("E9:G9", "E9")):
        if ref in write:
            _add_merge(xml, span)
    for row, height in heights.items():  # the rows of the table, each written in above
        list(xml.cells_in_rows(row, row))
        attrs = ip._without(xml.rows[row].attrs, b"ht", b"customHeight")
        xml.rows[row].attrs = attrs + f' ht="{height:g}" customHeight="1"'.encode()
        xml.rows[row].edited = True
    xml.head = _widths(xml.head, widths)
    spans = {"the latest figures": "A3:C10", "the purchases and visits figures": "E3:G6"}
    changed = [f"{where}!{spans.get(k, f'{g[0]}:G{g[0][1:]}')}" for k, g in groups.items() if not wanted[k]]
    lines = []
    if moved:
        lines.append(f"{where}: added the latest figures table in {TABLE}, as a new tracker's; the sheet's cells and "
                     f"charts from row {FIRST_ROW} moved {ROWS_DOWN} rows down to make room for it")  # fmt: skip
    else:
        lines.append(f"{where}: added the latest figures table in {TABLE}, as a new tracker's")
    if early is not None and "F4" in write:
        lines.append(f"{where}!F5:G5, the returning customer rate, reads the early 'Purchases and visits' sheet's "
                     f"'Repeat purchase rate' ({early}: its 'Of whom returning', customers who ordered in an earlier "
                     "month, over its buyers), now named Purchases_Returning_Rate; F4, the repeat purchase rate "
                     "(customers with more than one order in the month over buyers), says "
                     f"{NO_REPEAT!r}: that sheet has none; a new tracker (xl-retention new NEW.xlsx --start "
                     "YYYY-MM) has one (its 'Purchases and visits'!D), which import --orders fills")  # fmt: skip
    for group, missing in list(wanted.items())[1:]:
        if missing:
            span = "E3:G6" if group.startswith("the purchases") else f"{groups[group][0]}:G{groups[group][0][1:]}"
            lines.append(f"{where}!{span}, {group}, left empty: the tracker lacks the "
                         f"names it reads ({', '.join(missing)}); a new tracker has them")  # fmt: skip
    return changed, lines
