"""An earlier tracker's Dashboard laid out as this version's, where it is still the earlier template's (H155's 01).

Trackers made before 2026-12-03 draw their six charts 17 x 8.5 cm from A12, H12, A30, H30, A48 and H48 and print
A1:Q66 on one portrait page: about a third of its size (34% in LibreOffice here). ``extend`` and ``import --into``
bring such a Dashboard up to this version's layout (:mod:`.dashboard`): the charts over the cells A12:C24, D12:G24,
A26:C38, D26:G38, A40:C52 and D40:G52, the note under them moved from A66 to A54, the notes of rows 2, 10 and 54
wrapped across A:G, printed landscape one page wide with a page from row 25, print area A1:G54.

Only a Dashboard that is the earlier template's as a whole is changed: each of its template charts
(:data:`~.chart_ranges.TEMPLATE_CHARTS`' titles) exactly where and as large as the earlier template drew it, nothing
else drawn in A1:Q66, no cell, comment or merged range of the user's where the charts go or outside A:G (which would
no longer print), row 66 holding only the template's note, and the earlier template's print setup. Anything else is
the user's: the Dashboard is left as it is and the report says so in one line, naming what is in the way.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.utils import get_column_letter, quote_sheetname

from . import inplace as ip
from .chart_ranges import _ANCHOR, _CHART_ID, _Cells, _relationships, _shifted, _targets, chart_title
from .chart_ranges import _template_cells as template_cells
from .dashboard_notes import _AFTER_MERGES
from .dashboard_upgrade import dashboard_title
from .style_keys import style_index

__all__ = ["print_area_of", "relayout_dashboard"]

#: earlier cell -> this version's (the left-hand charts from A, the right-hand ones from D; rows 12, 26, 40)
MOVES = {"A12": "A12", "H12": "D12", "A30": "A26", "H30": "D26", "A48": "A40", "H48": "D40"}
EARLIER_SIZE = (6120000, 3060000)  # EMU: 17 x 8.5 cm, the size the earlier template gave every chart
#: how far a size may be off and still be the earlier template's: LibreOffice re-saves 17 cm as 6119640 EMU, Excel
#: rounds to its pixels (9525 EMU)
TOLERANCE = 18000  # EMU, half a millimetre
EARLIER_AREA = "$A$1:$Q$66"
EARLIER_NOTE_ROW = 66
#: the texts the earlier templates wrote in A66, under the charts
EARLIER_NOTES = (
    "The charts fill in as months are typed on the tracking sheets.",
    "In Excel the charts fill in as months are typed. xl-retention recalc (and import --recalc) fits each line "
    "chart to the months that have figures, as LibreOffice needs: recalculate again after typing new months.",
    "xl-retention recalc (and import --recalc) fits the charts to the months that have figures: "
    "run it again after typing new months by hand.",
)
EARLIER_MARGINS = {b"left": 0.75, b"right": 0.75, b"top": 1.0, b"bottom": 1.0, b"header": 0.5, b"footer": 0.5}
#: this version's: Excel's normal margins (dashboard.py)
MARGINS = b'left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"'
LAST_EARLIER_COLUMN = 17  # Q
#: the merged ranges of the template's notes beside the NPS and the CLV (:mod:`.dashboard_notes` adds them to an
#: earlier tracker before its layout is brought up): kept
NOTE_MERGES = ("E8:G8", "E9:G9")

_P = rb"(?:[A-Za-z_][\w.\-]*:)?"
_FROM = re.compile(
    rb"<(" + _P + rb")from\b[^>]*>\s*<" + _P + rb"col\s*>\s*(\d+)\s*</" + _P + rb"col\s*>\s*<" + _P
    + rb"colOff\s*>\s*(-?\d+)\s*</" + _P + rb"colOff\s*>\s*<" + _P + rb"row\s*>\s*(\d+)\s*</" + _P + rb"row\s*>\s*<"
    + _P + rb"rowOff\s*>\s*(-?\d+)\s*</" + _P + rb"rowOff\s*>\s*</" + _P + rb"from\s*>",
    re.S,
)  # fmt: skip
_EXT = re.compile(rb"<" + _P + rb"ext\b[^>]*?\scx\s*=\s*[\"'](\d+)[\"'][^>]*?\scy\s*=\s*[\"'](\d+)[\"']")
_FRAME = re.compile(rb"<(" + _P + rb")graphicFrame\b.*?</\1graphicFrame\s*>", re.S)
_XFRM = re.compile(rb"<(" + _P + rb")xfrm\b[^>]*?(?:/>|>.*?</\1xfrm\s*>)", re.S)
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\sref\s*=\s*[\"']([^\"']*)[\"']")
_MERGES = re.compile(rb"<((?:\w+:)?)mergeCells\b[^>]*?(?:/>|>(.*?)</\1mergeCells\s*>)", re.S)
_COMMENT = re.compile(rb"<(?:\w+:)?comment\b[^>]*?\sref\s*=\s*[\"']([^\"']*)[\"']")
_PAGE_SETUP = re.compile(rb"<(?:\w+:)?pageSetup\b[^>]*>")
_PAGE_MARGINS = re.compile(rb"<(?:\w+:)?pageMargins\b[^>]*>")
_FIT = re.compile(rb"<(?:\w+:)?pageSetUpPr\b[^>]*>")
_BREAKS = re.compile(rb"<(?:\w+:)?(?:rowBreaks|colBreaks)\b")
# the elements a worksheet has after <rowBreaks> (the schema's order; after <mergeCells>: dashboard_notes._AFTER_MERGES)
_AFTER_ROW_BREAKS = re.compile(rb"<(?:\w+:)?(?:colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|"
                               rb"legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|"
                               rb"webPublishItems|tableParts|extLst)\b")  # fmt: skip


class _Kept(Exception):
    """The Dashboard is not the earlier template's as a whole: its message says what is in the way; ``advice``, what
    the user can do about it."""

    def __init__(self, message: str, advice: str = "move or clear that") -> None:
        super().__init__(message)
        self.advice = advice


def relayout_dashboard(package: ip.Package, wb: Any) -> list[str]:
    """Lay out an earlier template's Dashboard as this version's in ``package`` (``wb``: the workbook opened with
    openpyxl, read-only is fine); returns the report's lines: one saying it was done, or why it was not (a Dashboard
    laid out by the user), or none (this version's layout already, or no earlier template's charts at all)."""
    title = dashboard_title(wb)
    if title is None or package.parts.get(title) is None:
        return []
    where = quote_sheetname(title)
    drawings = _targets(package, package.parts[title], "drawing")
    anchors = _anchors(package, drawings[0]) if len(drawings) == 1 else []
    earlier = [a for a in anchors if a["cell"] in template_cells(a["title"] or "") and a["cell"] in MOVES and (
        a["cell"] != "A12" or _earlier_size(a["size"]))]  # fmt: skip
    if not earlier:
        return []
    try:
        _check(package, title, anchors)
        styles = _styles(package, title)
    except _Kept as kept:
        return [
            f"{where} keeps the earlier template's layout (charts 17 cm wide at H12, A30, ...; printed A1:Q66 on one "
            f"portrait page, about a third of its size) as {kept}: {kept.advice}, or lay it out yourself "
            "(this version's charts span A12:G52, printed landscape one page wide)"
        ]
    except ip.LayoutError as error:
        return [f"{where} keeps the earlier template's layout: {error}"]
    moved = _move_charts(package, drawings[0], anchors)
    _cells(package.sheet(title), styles)
    _print_setup(package, title)
    charts = "its six charts" if moved == 6 else f"its {moved} charts of the template's"
    note = ", the note under them moved from A66 to A54" if max(_wrapped_rows()) in styles else ""
    return [
        f"laid {where} out as this version's: {charts} two side by side over A12:G52{note}, printed landscape one "
        "page wide (A1:G54, a page from row 25; was A1:Q66 on one portrait page, about a third of its size)"
    ]


def _styles(package: ip.Package, title: str) -> dict[int, bytes]:
    """Row -> the style (index) its cell in A takes, wrapped: rows 2 (unless A2 holds a text of the user's), 10, and
    54, the note moved from A66 (in A66's look; none when A66 is empty: the user deleted the note)."""
    from .dashboard import NOTE_ROW

    xml = package.sheet(title)
    rows = [row for row in _wrapped_rows() if row != 2 or _free(package, title, "A2")]
    if xml.cell(f"A{EARLIER_NOTE_ROW}") is None or not ip.has_content(xml.cell(f"A{EARLIER_NOTE_ROW}")):
        rows.remove(NOTE_ROW)
    looks = {row: xml.style(f"A{EARLIER_NOTE_ROW if row == NOTE_ROW else row}") for row in rows}
    return {row: _wrap_style(package, look) for row, look in looks.items()}


def _free(package: ip.Package, title: str, ref: str) -> bool:
    """Whether ``ref`` is empty or holds the line import writes for a month in progress (not a text of the user's)."""
    from .in_progress import MARK

    element = package.sheet(title).cell(ref)
    text = _Cells(package).text(title, ref)
    return element is None or not ip.has_content(element) or (text is not None and text.startswith(MARK))


def _wrapped_rows() -> dict[int, int]:
    from .dashboard import WRAPPED_LINES

    return WRAPPED_LINES


def _earlier_size(size: tuple[int, int] | None) -> bool:
    return size is not None and all(abs(a - b) <= TOLERANCE for a, b in zip(size, EARLIER_SIZE, strict=True))


def _anchors(package: ip.Package, drawing: str) -> list[dict[str, Any]]:
    """Every anchor of the drawing part: its span in the XML, the cell it starts at (None: absolute, or offset into
    the cell), its size (EMU: a one-cell anchor's, or its frame's as LibreOffice and Excel write it) and the title of
    the chart it holds (None: no chart, or one without a title)."""
    xml = package.data.get(drawing, b"")
    ids = _relationships(package, drawing)
    out = []
    for match in _ANCHOR.finditer(xml):
        element = match.group(0)
        start = _FROM.search(element)
        cell = None
        if match.group(2) != b"absoluteAnchor" and start is not None:
            cell = f"{get_column_letter(int(start.group(2)) + 1)}{int(start.group(4)) + 1}"
            if int(start.group(3)) or int(start.group(5)):
                cell = None
        charts = [ids.get(i.decode()) for i in _CHART_ID.findall(element)]
        title = chart_title(package.data[charts[0]]) if len(charts) == 1 and charts[0] in package.data else None
        frame = _XFRM.search(element)
        ext = _EXT.search(element[: start.start()] + element[start.end() :] if start else element)
        ext = ext if match.group(2) == b"oneCellAnchor" or frame is None else _EXT.search(frame.group(0))
        size = (int(ext.group(1)), int(ext.group(2))) if ext else None
        column, row = (int(start.group(2)) + 1, int(start.group(4)) + 1) if start else (None, None)
        out.append({"span": match.span(), "cell": cell, "size": size, "title": title, "column": column, "row": row,
                    "kind": match.group(2), "element": element})  # fmt: skip
    return out


def _check(package: ip.Package, title: str, anchors: list[dict[str, Any]]) -> None:
    """Raise :class:`_Kept` naming the first thing of the user's that this version's layout would cover or cut.

    The template's charts moved together by a row or column inserted on the Dashboard (a "Target" column at D moves
    the right-hand charts from H to I: :func:`.chart_ranges._shifted`) are named as the template's, not as charts of
    the user's (H201's finding 07: "a chart 'MRR movements by month' of yours is at I12", advising to clear it)."""
    titled = [(str(i), a["title"], a["cell"]) for i, a in enumerate(anchors) if a["title"] and a["cell"]]
    shifted = {int(i) for i in _shifted(titled)}
    seen: set[str] = set()
    for index, anchor in enumerate(anchors):
        name = anchor["title"]
        if name in seen:
            raise _Kept(f"it draws two charts titled {name!r}")
        ours = name is not None and anchor["cell"] in template_cells(name) and anchor["cell"] in MOVES
        if ours and _earlier_size(anchor["size"]):
            seen.add(name)
            continue
        if ours:
            raise _Kept(f"its chart {name!r} at {anchor['cell']} is not as large as the earlier template drew it")
        if index in shifted and anchor["cell"] not in template_cells(name):
            raise _Kept(
                f"the template's chart {name!r} is at {anchor['cell']}, not at {template_cells(name)[-1]} (moved with "
                "the charts by a row or column inserted on the sheet?)",
                "delete the inserted rows or columns (or move your cells there to a sheet of your own) and run again",
            )
        row, column = anchor["row"], anchor["column"]
        if row is None or (row <= EARLIER_NOTE_ROW and column <= LAST_EARLIER_COLUMN):
            what = f"a chart {name!r}" if name else "a drawing (chart, picture or shape)"
            at = f"at {get_column_letter(column)}{row}" if row is not None else "placed by position"
            raise _Kept(f"{what} of yours is {at}")
    xml = package.sheet(title)
    cells = _Cells(package)
    for ref, element in xml.cells_in_rows(1, EARLIER_NOTE_ROW):
        row, column = ip.split_ref(ref)
        if not ip.has_content(element) or _template_cell(row, column, ref, cells, title):
            continue
        raise _Kept(f"{ref} holds yours")
    for row in range(11, 54):
        attrs = xml.rows[row].attrs if row in xml.rows else b""
        if (ip.attribute(attrs, b"hidden") or b"0") in (b"1", b"true"):
            raise _Kept(f"row {row} is hidden")
        if (ip.attribute(attrs, b"customHeight") or b"0") in (b"1", b"true") and ip.attribute(attrs, b"ht") != b"15":
            raise _Kept(f"row {row} has a height of yours")
    for found in _MERGE.finditer(xml.tail):
        if found.group(1).decode() not in NOTE_MERGES:  # the notes beside the NPS and CLV are the template's
            raise _Kept(f"{found.group(1).decode()} is merged")
    for part in _targets(package, package.sheet_part(title), "comments"):
        for found in _COMMENT.finditer(package.data.get(part, b"")):
            row, column = ip.split_ref(found.group(1).decode())
            if row > 10 or column > 7 or (row in (2, 10) and column > 1):
                raise _Kept(f"{found.group(1).decode()} has a comment of yours")
    _check_print_setup(package, title, xml)
    reader = _reads_note(package, title)
    if reader is not None:
        raise _Kept(f"{reader} reads A{EARLIER_NOTE_ROW}, the note that would move to A54")


_F = re.compile(rb"<(?:\w+:)?f\b[^>]*>([^<]*)</(?:\w+:)?f\s*>")
_NAME = re.compile(rb"<(?:\w+:)?definedName\b[^>]*>([^<]*)</(?:\w+:)?definedName\s*>")
_FORMULA_CELL = re.compile(rb"<(?:\w+:)?c\b[^>]*?\sr\s*=\s*[\"']([A-Z]+[0-9]+)[\"'][^>]*>(.*?)</(?:\w+:)?c\s*>", re.S)


def _reads_note(package: ip.Package, title: str) -> str | None:
    """The first formula (``Board!B2``) or defined name of the workbook that reads the Dashboard's A66, else None."""
    note = r"\$?A\$?" + str(EARLIER_NOTE_ROW) + r"(?![0-9(])"
    named = r"(?:'" + re.escape(title.replace("'", "''")) + r"'|(?<![\w.'])" + re.escape(title) + r")!"
    elsewhere, here = re.compile(named + note), re.compile(r"(?<![\w.!$:])" + note)
    for other, part in package.parts.items():
        if part is None or part not in package.data:
            continue
        raw = package.sheets[other].to_bytes() if other in package.sheets else package.data[part]
        if str(EARLIER_NOTE_ROW).encode() not in raw:
            continue
        for cell in _FORMULA_CELL.finditer(raw):
            for found in _F.finditer(cell.group(2)):
                text = ip.unescape(found.group(1))
                if elsewhere.search(text) or (other == title and here.search(text)):
                    return f"{quote_sheetname(other)}!{cell.group(1).decode()}"
    for found in _NAME.finditer(package.data.get("xl/workbook.xml", b"")):
        if elsewhere.search(ip.unescape(found.group(1))):
            return "a defined name"
    return None


def _template_cell(row: int, column: int, ref: str, cells: _Cells, title: str) -> bool:
    """Whether a cell with content is where the template's layout keeps one: the latest figures (rows 1-9, A:G),
    A2 and A10 (wrapped across A:G: B:G of theirs must be empty), the note under the charts (A66, an earlier text)."""
    if ref == f"A{EARLIER_NOTE_ROW}":
        return cells.text(title, ref) in EARLIER_NOTES
    return row <= 10 and column <= 7 and (row not in (2, 10) or column == 1)


def _check_print_setup(package: ip.Package, title: str, xml: ip.SheetXml) -> None:
    setup = _PAGE_SETUP.search(xml.tail)
    attrs = setup.group(0) if setup else b""
    orientation = ip.attribute(attrs, b"orientation") or b"default"
    wide, tall = ip.attribute(attrs, b"fitToWidth") or b"1", ip.attribute(attrs, b"fitToHeight") or b"1"
    fit = _FIT.search(xml.head)
    fitted = fit is not None and (ip.attribute(fit.group(0), b"fitToPage") or b"0") in (b"1", b"true")
    if orientation not in (b"default", b"portrait") or (wide, tall) != (b"1", b"1") or not fitted:
        raise _Kept("its print setup is yours")
    if _BREAKS.search(xml.tail):
        raise _Kept("it has page breaks of yours")
    area = print_area_of(package, title)
    if area is None or area[1].split("!")[-1] != EARLIER_AREA:
        raise _Kept(f"its print area is yours ({area[1] if area else 'none'})")


def print_area_of(package: ip.Package, title: str) -> tuple[re.Match[bytes], str] | None:
    """The Dashboard's print area in ``workbook.xml``: its ``<definedName>`` match and text; None without one."""
    workbook = package.data.get("xl/workbook.xml", b"")
    sheets = [ip.attribute(m.group(0), b"name") for m in re.finditer(rb"<(?:\w+:)?sheet\b[^>]*>", workbook)]
    name = ip.escape(title).encode()
    if name not in sheets:
        return None
    index = str(sheets.index(name)).encode()
    for m in re.finditer(rb"<((?:\w+:)?)definedName\b([^>]*)>([^<]*)</\1definedName\s*>", workbook):
        if ip.attribute(m.group(2), b"name") == b"_xlnm.Print_Area" and ip.attribute(m.group(2), b"localSheetId") == (
            index
        ):
            return m, ip.unescape(m.group(3))
    return None


def _move_charts(package: ip.Package, drawing: str, anchors: list[dict[str, Any]]) -> int:
    """Each template chart's anchor rewritten as this version's two-cell anchor over its cells (dashboard.chart_box);
    its frame (the chart, its name) kept, the frame's position and size dropped (the anchor says them). Returns the
    number of charts moved."""
    from .dashboard import chart_box

    xml = package.data[drawing]
    out, at = [], 0
    for anchor in anchors:
        name = anchor["title"]
        if name is None or anchor["cell"] not in MOVES or anchor["cell"] not in template_cells(name):
            continue
        (column, row), (last, into, end) = chart_box(MOVES[anchor["cell"]])
        element = anchor["element"]
        p = re.match(rb"<(" + _P + rb")", element).group(1)
        frame = _FRAME.search(element).group(0)
        frame = _XFRM.sub(lambda m: b"<" + m.group(1) + b"xfrm/>", frame, count=1)
        client = re.search(rb"<" + _P + rb"clientData\b[^>]*?(?:/>|>.*?</" + _P + rb"clientData\s*>)", element, re.S)

        new = b"<" + p + b"twoCellAnchor>" + _marker(p, b"from", column, 0, row) + _marker(p, b"to", last, into, end)
        new += frame + (client.group(0) if client else b"<" + p + b"clientData/>") + b"</" + p + b"twoCellAnchor>"
        out += [xml[at : anchor["span"][0]], new]
        at = anchor["span"][1]
    package.data[drawing] = b"".join(out) + xml[at:]
    return len(out) // 2


def _marker(p: bytes, tag: bytes, column: int, offset: int, row: int) -> bytes:
    """An anchor's ``<from>`` or ``<to>``: a cell (counted from 0) and how far into its column (EMU)."""
    parts = ((b"col", column), (b"colOff", offset), (b"row", row), (b"rowOff", 0))
    body = b"".join(b"<" + p + t + b">" + str(v).encode() + b"</" + p + t + b">" for t, v in parts)
    return b"<" + p + tag + b">" + body + b"</" + p + tag + b">"


def _cells(xml: ip.SheetXml, styles: dict[int, bytes]) -> None:
    """The note under the charts moved from A66 to A54 (this version's text, its style wrapped), rows 2 (unless A2 is
    the user's), 10 and 54 wrapped across A:G: ``styles`` is each row's style of A."""
    from .dashboard import CHARTS_NOTE, LAST_COLUMN, NOTE_ROW

    if NOTE_ROW in styles:
        xml.put(f"A{NOTE_ROW}", xml.text_element(f"A{NOTE_ROW}", styles[NOTE_ROW], CHARTS_NOTE))
    xml.put(f"A{EARLIER_NOTE_ROW}", None)
    if EARLIER_NOTE_ROW in xml.rows and not xml.rows[EARLIER_NOTE_ROW].cells:
        del xml.rows[EARLIER_NOTE_ROW]
    for row, lines in _wrapped_rows().items():
        if row not in styles:
            continue
        ref = f"A{row}"
        old = xml.cell(ref)
        if row != NOTE_ROW:
            if old is None:
                element = xml.element(ref, styles[row])
            else:  # its content kept, its style the wrapped one
                head, rest = old.split(b">", 1) if b">" in old else (old, b"")
                head = ip._without(head, b"s").replace(b"c", b'c s="' + styles[row] + b'"', 1)
                element = head + b">" + rest if rest or old.endswith(b">") else head
            xml.put(ref, element)
        attrs = ip._without(xml.rows[row].attrs, b"ht", b"customHeight")
        xml.rows[row].attrs = attrs + f' ht="{15 * lines + 2}" customHeight="1"'.encode()
        xml.rows[row].edited = True
    refs = [f"A{row}:{LAST_COLUMN}{row}" for row in _wrapped_rows() if row in styles]
    refs += [ref for ref in NOTE_MERGES if ref.encode() in {m.group(1) for m in _MERGE.finditer(xml.tail)}]
    p = xml.prefix
    merges = b"".join(b"<" + p + b'mergeCell ref="' + r.encode() + b'"/>' for r in refs)
    found = _MERGES.search(xml.tail)
    if found is not None:  # (without merged ranges: _check)
        xml.tail = xml.tail[: found.start()] + xml.tail[found.end() :]
    element = b"<" + p + b'mergeCells count="' + str(len(refs)).encode() + b'">' + merges + b"</" + p + b"mergeCells>"
    after = _AFTER_MERGES.search(xml.tail)
    at = after.start() if after is not None else xml.tail.rfind(b"</")
    xml.tail = xml.tail[:at] + element + xml.tail[at:]


def _print_setup(package: ip.Package, title: str) -> None:
    """Landscape, one page wide and as many down as it takes, a page from row 25, print area A1:G54; the earlier
    template's margins (openpyxl's) as Excel's normal ones."""
    from .dashboard import LAST_COLUMN, NOTE_ROW, PAGE_ROWS

    xml = package.sheet(title)
    setup = _PAGE_SETUP.search(xml.tail)
    p = xml.prefix
    new = b"<" + p + b'pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
    if setup is not None:
        attrs = ip._without(setup.group(0), b"orientation", b"fitToWidth", b"fitToHeight")
        new = re.sub(rb"pageSetup", b'pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"', attrs, count=1)
        xml.tail = xml.tail[: setup.start()] + new + xml.tail[setup.end() :]
    else:
        after = _PAGE_MARGINS.search(xml.tail)
        at = after.end() if after is not None else xml.tail.rfind(b"</")
        xml.tail = xml.tail[:at] + new + xml.tail[at:]
    margins = _PAGE_MARGINS.search(xml.tail)
    if margins is not None and all(
        abs(float(ip.attribute(margins.group(0), k) or -1) - v) < 0.02 for k, v in EARLIER_MARGINS.items()
    ):
        xml.tail = (
            xml.tail[: margins.start()] + b"<" + p + b"pageMargins " + MARGINS + b"/>" + xml.tail[margins.end() :]
        )
    breaks = b"".join(b"<" + p + b'brk id="' + str(r - 1).encode() + b'" max="16383" man="1"/>' for r in PAGE_ROWS)
    count = str(len(PAGE_ROWS)).encode()
    element = b"<" + p + b'rowBreaks count="' + count + b'" manualBreakCount="' + count + b'">' + breaks + b"</" + p
    element += b"rowBreaks>"
    after = _AFTER_ROW_BREAKS.search(xml.tail)
    at = after.start() if after is not None else xml.tail.rfind(b"</")
    xml.tail = xml.tail[:at] + element + xml.tail[at:]
    found = print_area_of(package, title)
    if found is not None:
        match, text = found
        sheet = text.rsplit("!", 1)[0]
        area = ip.escape(f"{sheet}!$A$1:${LAST_COLUMN}${NOTE_ROW}").encode()
        workbook = package.data["xl/workbook.xml"]
        package.data["xl/workbook.xml"] = workbook[: match.start(3)] + area + workbook[match.end(3) :]


_XFS = re.compile(rb"<cellXfs\b[^>]*?(?:/>|>(.*?)</cellXfs>)", re.S)
_XF = re.compile(rb"<xf\b[^>]*?(?:/>|>.*?</xf>)", re.S)


def _wrap_style(package: ip.Package, index: bytes | None, wrap: bool = True, vertical: bytes = b"top") -> bytes:
    """The index of a cell style as ``index`` (None: the workbook's first) with its text wrapped (``wrap``; else its
    wrapping as it is) and at the top of the cell (``vertical``: or ``center``), added to ``xl/styles.xml`` unless it
    has one already. Raises
    :class:`~.inplace.LayoutError` for a styles part not written this way (a namespace prefix)."""
    name = "xl/styles.xml"
    styles = package.data.get(name, b"")
    found = _XFS.search(styles)
    xfs = _XF.findall(found.group(1) or b"") if found else []
    if not xfs:
        raise ip.LayoutError("its styles part (xl/styles.xml) has no cell styles this version can add to")
    number = int(index) if index is not None and index.isdigit() else 0
    if number >= len(xfs):
        raise ip.LayoutError(f"its cell style {number} is not in xl/styles.xml")
    xf = xfs[number]
    opening = re.match(rb"<xf\b[^>]*?(?=/?>)", xf).group(0)
    opening = ip._without(opening, b"applyAlignment") + b' applyAlignment="1"'
    body = re.sub(rb"^<xf\b[^>]*?(?:/>|>)", b"", xf)
    body = re.sub(rb"</xf>$", b"", body)
    alignment = re.search(rb"<alignment\b[^>]*?(?:/>|>.*?</alignment>)", body, re.S)
    dropped = (b"wrapText", b"vertical") if wrap else (b"vertical",)
    attrs = ip._without(re.match(rb"<alignment\b[^>]*?(?=/?>)", alignment.group(0)).group(0),
                        *dropped)[len(b"<alignment"):] if alignment else b""  # fmt: skip
    aligned = b' vertical="' + vertical + b'"' + attrs
    new_alignment = b"<alignment" + (b' wrapText="1"' if wrap else b"") + aligned + b"/>"
    body = body[: alignment.start()] + body[alignment.end() :] if alignment else body
    new = opening + b">" + new_alignment + body + b"</xf>"
    found_as = style_index(xfs, new)  # the workbook's own, however written (LibreOffice's wrapText="true")
    if found_as is not None:
        return str(found_as).encode()
    xfs.append(new)
    head = re.match(rb"<cellXfs\b[^>]*?(?=/?>)", found.group(0)).group(0)
    head = ip._without(head, b"count") + b' count="' + str(len(xfs)).encode() + b'"'
    package.data[name] = styles[: found.start()] + head + b">" + b"".join(xfs) + b"</cellXfs>" + styles[found.end() :]
    return str(len(xfs) - 1).encode()
