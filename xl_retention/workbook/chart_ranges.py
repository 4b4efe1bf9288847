"""The Dashboard's charts cover the months that have figures: no false zeros in Excel or LibreOffice.

Each series of the template's charts reads a hidden chart column (its header ends with
``(chart)``; the Revenue bars of trackers made before 2026-12-01 read the New, Expansion and
Reactivation inputs beside them). A chart column holds the
month's figure, ``#N/A`` for a month without one between months with one (spanned by the line: dispBlanksAs "span"), and
``""`` before the first and after the last month with a figure (so that a partly filled workbook
holds no error value). Excel draws text as 0 in a chart; LibreOffice (checked with 7.4 headless:
a rendered PDF of small probes) draws every non-empty cell that is not a number as 0 (``#N/A``
too), ignores the chart's cached values (``numCache``) and draws nothing at all for a series
defined by a formula name (OFFSET/INDEX "dynamic ranges"). So the only way to keep both from
drawing 0 for months without data is a series range that leaves them out.

:func:`fit_chart_ranges` (run by recalc on every workbook it writes) therefore sets every
category, value and error-bar range of every template chart of a sheet to the same months: from
the first month in which each of the sheet's charted figures that has a number is defined (the
data's first month has no CRR, NRR or GRR: nobody is a customer at its start) to the last month
with a number (the chart columns' stored values); a line chart ends with its own last number (a month after it
holds #N/A, which LibreOffice draws as 0). A chart with no number at all reads the empty
row below the months (nothing is drawn, where every month would be drawn as 0).
:func:`reset_chart_ranges` (run by import before it writes) gives them back their full length,
so months added by the import are stretched into them, until the next recalc fits them again.

Only the template's own charts are touched: a chart drawn on the Dashboard (or on the Dashboard renamed: without a
Dashboard, a sheet drawing three or more of them) with one of the titles the template writes
(:data:`TEMPLATE_CHARTS`), anchored at the cell the template puts that chart in, that is a line or bar chart
whose value ranges are one column of one sheet, the same months each, at least one of them a "(chart)" column.
Every other chart is the user's and is copied byte for byte: a chart of their own on the Dashboard (below the
template's, say) or on any other sheet, a copy of a template chart moved elsewhere, a template chart they retitled
or moved, keeps the months they chose.
"""

from __future__ import annotations

import os
import posixpath
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from openpyxl.utils import get_column_letter

from ..sheet_names import SHEET, unquoted
from . import inplace as ip
from .chart_display import blanks_as_gaps, categories_as_set, na_as_gap
from .inplace import escape

__all__ = [
    "CHART_PARTS",
    "SERIES_FORMULA",
    "TEMPLATE_CHARTS",
    "blanks_as_gaps",
    "chart_title",
    "fit_chart_ranges",
    "na_as_gap",
    "reset_chart_ranges",
    "template_chart_parts",
]

CHART_MARK = "(chart)"
DASHBOARD = "Dashboard"  # template.DASHBOARD_TITLE (not imported: the template module is slow to import)
#: the template's charts on the Dashboard: title -> the cell its top-left corner is anchored to (dashboard.py draws
#: them from this table); what identifies a chart as the template's, so that a user's own chart is never fitted
TEMPLATE_CHARTS = {
    "Customers at end of month": "A12",
    "MRR movements by month": "D12",
    "Customer retention (CRR)": "A26",
    "Net and gross revenue retention": "D26",
    "MRR at end of month": "A40",
    "NPS with its 95% margin of error": "D40",
}
#: the cells earlier templates drew the same charts at (before 2026-12-03: 17 cm wide, the right-hand ones at H,
#: which printed the Dashboard at 44%): extend and import move them to this version's cells where nothing of the
#: user's is in the way (:mod:`.dashboard_layout`); a tracker whose charts stay there has them fitted too
_EARLIER_CELLS = {
    "Customers at end of month": ("A12",),
    "MRR movements by month": ("H12",),
    "Customer retention (CRR)": ("A30",),
    "Net and gross revenue retention": ("H30",),
    "MRR at end of month": ("A48",),
    "NPS with its 95% margin of error": ("H48",),
}
#: in a workbook without a Dashboard, a sheet drawing at least this many of the template's charts, each at its cell,
#: is the Dashboard renamed by the user
DASHBOARD_CHARTS = 3
#: titles earlier templates gave the same charts (trackers made with them are fitted too)
_EARLIER_TITLES = {"Customer retention (CRR); churn = 1 - CRR": ("A30", "A26")}  # A26: moved by dashboard_layout
_P = rb"(?:[A-Za-z_][\w.\-]*:)?"
_CHART_PART = CHART_PARTS = r"xl/charts/chart[^/]*\.xml"  # the chart parts of a package (a pattern)
_KINDS = re.compile(rb"<" + _P + rb"(\w+?)(?:3D)?Chart[\s>/]")  # lineChart, barChart, bar3DChart, ... (not <c:chart>)
# a data reference: <c:cat|val|plus|minus> ... <c:f>TEXT</c:f> [<c:numCache|strCache>...</...>] ...
_DATA = re.compile(rb"<(" + _P + rb")(cat|val|plus|minus)\b([^>]*)>(.*?)</\1\2\s*>", re.S)
SERIES_FORMULA = re.compile(rb"(<" + _P + rb"f\b[^>]*>)([^<]*)(</" + _P + rb"f\s*>)")
_CACHE = re.compile(rb"<(" + _P + rb")(numCache|strCache)\b.*?</\1\2\s*>", re.S)
_COLUMN_RANGE = re.compile(r"^(" + SHEET + r")!\$?([A-Z]{1,3})\$?([0-9]+):\$?([A-Z]{1,3})\$?([0-9]+)$")
_NUMBER_CELL = re.compile(rb"<" + _P + rb"v\s*>\s*([^<]*?)\s*</" + _P + rb"v\s*>")
_CELL_TYPE = re.compile(rb"\st\s*=\s*[\"']([^\"']*)[\"']")


@dataclass(frozen=True)
class _Area:
    sheet: str  # unquoted title
    column: str
    first: int
    last: int


def _area(text: str) -> _Area | None:
    """``'Sheet'!$I$2:$I$25`` -> its sheet, column and rows; None for anything but one column of one sheet."""
    match = _COLUMN_RANGE.match(text.strip())
    if match is None or match.group(2) != match.group(4):
        return None
    return _Area(unquoted(match.group(1)), match.group(2), int(match.group(3)), int(match.group(5)))


def _unescape(raw: bytes) -> str:
    return raw.decode("utf-8").replace("&apos;", "'").replace("&quot;", '"').replace("&lt;", "<").replace(
        "&gt;", ">").replace("&amp;", "&")  # fmt: skip


class _Cells:
    """Headers and stored numbers of the package's sheets, read on demand."""

    def __init__(self, package: ip.Package) -> None:
        self.package = package
        self._strings: list[str] | None = None

    def strings(self) -> list[str]:
        if self._strings is None:
            name = next((n for n in self.package.data if n.lower() == "xl/sharedstrings.xml"), None)
            self._strings = []
            if name is not None:
                root = ElementTree.fromstring(self.package.data[name])
                for si in root:
                    self._strings.append("".join(t.text or "" for t in si.iter() if t.tag.endswith("}t")))
        return self._strings

    def text(self, sheet: str, ref: str) -> str | None:
        """The text of a cell holding text (shared, inline or a formula's), else None."""
        element = self.package.sheet(sheet).cell(ref)
        if element is None:
            return None
        kind = _CELL_TYPE.search(element.split(b">", 1)[0])
        kind = kind.group(1) if kind else b"n"
        if kind == b"s":
            value = _NUMBER_CELL.search(element)
            strings = self.strings()
            index = int(value.group(1)) if value and value.group(1).isdigit() else -1
            return strings[index] if 0 <= index < len(strings) else None
        if kind == b"inlineStr":
            return "".join(_unescape(t) for t in re.findall(rb"<" + _P + rb"t\b[^>]*>([^<]*)<", element))
        if kind == b"str":
            value = _NUMBER_CELL.search(element)
            return _unescape(value.group(1)) if value else None
        return None

    def formula_rows(self, sheet: str, column: str) -> list[int]:
        """Rows (from 2) in which ``column`` holds a formula."""
        xml = self.package.sheet(sheet)
        rows = []
        for number in sorted(n for n in xml.rows if n >= 2):
            element = xml.cell(f"{column}{number}")
            if element is not None and re.search(rb"<" + _P + rb"f\b", element):
                rows.append(number)
        return rows

    def number_rows(self, sheet: str, column: str, rows: list[int]) -> list[int]:
        """Those of ``rows`` whose cell in ``column`` stores a number (not an error, text or nothing)."""
        xml = self.package.sheet(sheet)
        out = []
        for number in rows:
            element = xml.cell(f"{column}{number}")
            if element is None:
                continue
            kind = _CELL_TYPE.search(element.split(b">", 1)[0])
            if kind is not None and kind.group(1) != b"n":
                continue
            value = _NUMBER_CELL.search(element)
            if value is None:
                continue
            try:
                float(value.group(1))
            except ValueError:
                continue
            out.append(number)
        return out


@dataclass
class _Chart:
    """A template chart: its sheet, every month row, and the rows with a number of each "(chart)" value column."""

    sheet: str
    full: list[int]
    numbered: list[list[int]]
    bars: bool = False  # a bar chart (the MRR movements): its months do not decide where the sheet's charts start


def _chart_rows(xml: bytes, cells: _Cells, fit: bool) -> _Chart | None:
    """The template chart in ``xml`` (line or bar charts over the month rows of one sheet); None when not one.

    A template chart reads at least one "(chart)" column (a formula in every month) and otherwise only
    columns of the same month rows of the same sheet (the Revenue bars of trackers made before 2026-12-01 read
    the New, Expansion and Reactivation MRR inputs beside the contraction and churned "(chart)" columns).
    """
    kinds = set(_KINDS.findall(xml))
    if not kinds or not kinds <= {b"line", b"bar"}:
        return None
    areas = []
    for match in (m for m in _DATA.finditer(xml) if m.group(2) == b"val"):
        f = SERIES_FORMULA.search(match.group(4))
        area = _area(_unescape(f.group(2))) if f else None
        if area is None:
            return None
        areas.append(area)
    if not areas or any(a.sheet != areas[0].sheet for a in areas) or areas[0].sheet not in cells.package.parts:
        return None
    if any((a.first, a.last) != (areas[0].first, areas[0].last) for a in areas):  # one range of months
        return None
    sheet = areas[0].sheet
    full: list[int] = []
    numbered: list[list[int]] = []
    for area in areas:
        header = cells.text(sheet, f"{area.column}1")
        if header is None or not header.rstrip().endswith(CHART_MARK):
            continue  # an input column read beside the chart columns
        rows = cells.formula_rows(sheet, area.column)
        if not rows or rows != list(range(rows[0], rows[-1] + 1)):  # the chart column: a formula in every month
            return None
        if full and rows != full:
            return None
        full = rows
        numbered.append(cells.number_rows(sheet, area.column, rows) if fit else [])
    if not full:
        return None
    return _Chart(sheet, full, numbered, bars=kinds == {b"bar"})


def _set_rows(xml: bytes, sheet: str, rows: tuple[int, int]) -> bytes:
    """Every one-column category/value/error-bar range of ``sheet`` in the chart set to ``rows``; caches dropped."""

    def data(match: re.Match[bytes]) -> bytes:
        body = match.group(4)
        f = SERIES_FORMULA.search(body)
        area = _area(_unescape(f.group(2))) if f else None
        if f is None or area is None or area.sheet != sheet:
            return match.group(0)
        quoted = "'" + sheet.replace("'", "''") + "'"
        text = f"{quoted}!${area.column}${rows[0]}:${area.column}${rows[1]}"
        if (area.first, area.last) == rows:
            return match.group(0)
        body = body[: f.start(2)] + escape(text).encode() + body[f.end(2) :]
        body = _CACHE.sub(b"", body)  # Excel rebuilds the cached points from the cells
        return b"<" + match.group(1) + match.group(2) + match.group(3) + b">" + body + b"</" + match.group(1) + \
            match.group(2) + b">"  # fmt: skip

    return _DATA.sub(data, xml)


def _span(charts: list[_Chart]) -> tuple[int, int] | None:
    """The months every chart of one sheet shows: from the first month in which each charted figure that has a
    number is defined to the last month with any number; None when no chart column of the sheet has one.

    The figures that decide the first month are the line charts' (levels and rates) when the sheet has any: a
    movement typed for the first time in a later month (a first reactivation in June) does not cut the months
    before it from every chart of the sheet; a sheet with bar charts only starts at its bars' figures."""
    columns = [rows for chart in charts for rows in chart.numbered if rows]
    if not columns:
        return None
    lines = [rows for chart in charts if not chart.bars for rows in chart.numbered if rows] or columns
    first, last = max(rows[0] for rows in lines), max(rows[-1] for rows in columns)
    return (first, last) if first <= last else (min(rows[0] for rows in lines), last)


def _empty_row(cells: _Cells, chart: _Chart, xml: bytes) -> int | None:
    """The row below the last month when every column the chart reads is empty there (a series of no points)."""
    row = chart.full[-1] + 1
    sheet = cells.package.sheet(chart.sheet)
    for match in _DATA.finditer(xml):
        f = SERIES_FORMULA.search(match.group(4))
        area = _area(_unescape(f.group(2))) if f else None
        if area is not None and area.sheet == chart.sheet and sheet.cell(f"{area.column}{row}") is not None:
            return None
    return row


_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_ATTRIBUTE = re.compile(rb'\s(Type|Target|TargetMode)\s*=\s*["\']([^"\']*)["\']')


def _targets(package: ip.Package, part: str, kind: str) -> list[str]:
    """The parts ``part``'s relationships of type ``.../kind`` point to (inside the package)."""
    folder, name = posixpath.split(part)
    rels = package.data.get(posixpath.join(folder, "_rels", name + ".rels"))
    out = []
    for element in _RELATIONSHIP.findall(rels or b""):
        attrs = {k.decode(): v.decode() for k, v in _ATTRIBUTE.findall(element)}
        if attrs.get("Type", "").endswith("/" + kind) and attrs.get("TargetMode") != "External":
            target = attrs.get("Target", "")
            out.append(
                target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            )
    return out


_ANCHOR = re.compile(rb"<(" + _P + rb")(oneCellAnchor|twoCellAnchor|absoluteAnchor)\b.*?</\1\2\s*>", re.S)
_FROM = re.compile(
    rb"<" + _P + rb"from\b[^>]*>\s*<" + _P + rb"col\s*>\s*(\d+)\s*</.*?<" + _P + rb"row\s*>\s*(\d+)\s*</", re.S
)
_CHART_ID = re.compile(rb"<" + _P + rb"chart\b[^>]*?\s(?:[\w.\-]+:)?id\s*=\s*[\"']([^\"']*)[\"']")
_TITLE = re.compile(rb"<(" + _P + rb")chart\s*>\s*<(" + _P + rb")title\s*>(.*?)</\2title\s*>", re.S)
_TEXT = re.compile(rb"<" + _P + rb"t\b[^>]*>([^<]*)</" + _P + rb"t\s*>")
_PARAGRAPH = re.compile(rb"<(" + _P + rb")p\b[^>]*?(?:/>|>.*?</\1p\s*>)", re.S)


def _relationships(package: ip.Package, part: str) -> dict[str, str]:
    """Relationship id -> the part it points to inside the package (external targets left out)."""
    folder, name = posixpath.split(part)
    rels = package.data.get(posixpath.join(folder, "_rels", name + ".rels"))
    out = {}
    for element in _RELATIONSHIP.findall(rels or b""):
        attrs = {k.decode(): v.decode() for k, v in _ATTRIBUTE.findall(element)}
        ident = ip.attribute(element, b"Id")
        if ident is not None and attrs.get("TargetMode") != "External":
            target = attrs.get("Target", "")
            out[ident.decode()] = (
                target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            )
    return out


def _drawn_on(package: ip.Package) -> dict[str, tuple[str, str | None]]:
    """Chart part -> the title of the sheet it is drawn on and the cell its anchor starts at (None: absolute)."""
    out: dict[str, tuple[str, str | None]] = {}
    for title, part in package.parts.items():
        for drawing in _targets(package, part, "drawing") if part else ():
            ids = _relationships(package, drawing)
            for anchor in _ANCHOR.finditer(package.data.get(drawing, b"")):
                start = _FROM.search(anchor.group(0))
                cell = f"{get_column_letter(int(start.group(1)) + 1)}{int(start.group(2)) + 1}" if start else None
                for ident in _CHART_ID.findall(anchor.group(0)):
                    chart = ids.get(ident.decode())
                    if chart is not None:
                        out.setdefault(chart, (title, cell))
    return out


def chart_title(xml: bytes) -> str | None:
    """The text of a chart part's own title (not its axes'), its runs joined; None when it has no typed title.

    >>> chart_title(b'<c:chartSpace><c:chart><c:title><c:tx><c:rich><a:p><a:r><a:t>MRR at end</a:t></a:r><a:r>'
    ...             b'<a:t> of month</a:t></a:r></a:p></c:rich></c:tx></c:title><c:plotArea/></c:chart></c:chartSpace>')
    'MRR at end of month'
    """
    found = _TITLE.search(xml)
    if found is None:
        return None
    # its first line of text: the line import adds under an empty chart's title (dashboard_empty.py) is no part of it
    lines = [p.group(0) for p in _PARAGRAPH.finditer(found.group(3))] or [found.group(3)]
    return next(filter(None, ("".join(_unescape(t) for t in _TEXT.findall(line)) for line in lines)), None)


def _template_cells(title: str) -> tuple[str, ...]:
    """The cells a template chart titled ``title`` is drawn at: this template's and earlier ones' (none: not one).

    >>> _template_cells("MRR movements by month"), _template_cells("My chart")
    (('D12', 'H12'), ())
    """
    now = (TEMPLATE_CHARTS[title],) if title in TEMPLATE_CHARTS else ()
    return now + _EARLIER_CELLS.get(title, ()) + _EARLIER_TITLES.get(title, ())


#: the template's chart cells of each layout (this template's, earlier ones'), by title
_LAYOUTS = (
    {**TEMPLATE_CHARTS, **{title: cells[-1] for title, cells in _EARLIER_TITLES.items()}},
    {**{title: cells[0] for title, cells in _EARLIER_CELLS.items()}, **{t: c[0] for t, c in _EARLIER_TITLES.items()}},
)


def _shifted(charts: list[tuple[str, str, str]]) -> set[str]:
    """The charts of ``charts`` (chart part, title, anchor cell: one sheet's charts with a template title) that are the
    template's charts moved by rows or columns inserted on their sheet (a note row under the Dashboard's title, a
    "Target" column: H201's finding 07), or none.

    Rows inserted move every chart below them by as many rows, columns every chart right of them: each template row's
    charts moved down by one count, each template column's right by one count, never less for a chart further down or
    right. Two or more charts of one layout (:data:`_LAYOUTS`) that moved so are the template's; a chart dragged
    elsewhere breaks the pattern (the chart beside it did not move) and none is taken (those at their own cells are)."""
    for layout in _LAYOUTS:
        moved = [(chart, _cell(layout[title]), _cell(cell)) for chart, title, cell in charts if title in layout]
        if len(moved) < 2 or len({layout_cell for _, layout_cell, _ in moved}) < len(moved):
            continue
        down: dict[int, int] = {}
        right: dict[int, int] = {}
        fits = True
        for _, (row, column), (at_row, at_column) in moved:
            if down.setdefault(row, at_row - row) != at_row - row or right.setdefault(column, at_column - column) != (
                at_column - column
            ):
                fits = False
        shifts = [down[r] for r in sorted(down)], [right[c] for c in sorted(right)]
        if fits and all(x >= 0 and x == sorted(s)[i] for s in shifts for i, x in enumerate(s)):
            return {chart for chart, _, _ in moved}
    return set()


#: how far a template chart's anchor may be dragged from its cell and still be the template's: rows, columns
_NEAR = (2, 1)


def _near(ref: str, cells: tuple[str, ...]) -> bool:
    """Whether ``ref`` is within :data:`_NEAR` rows and columns of one of ``cells``.

    >>> _near("A13", ("A12",)), _near("B12", ("A12",)), _near("A15", ("A12",)), _near("C12", ("A12",))
    (True, True, False, False)
    """
    row, column = _cell(ref)
    return any(abs(row - r) <= _NEAR[0] and abs(column - c) <= _NEAR[1] for r, c in map(_cell, cells))


def _cell(ref: str) -> tuple[int, int]:
    """``"D12"`` -> (12, 4)."""
    row, column = ip.split_ref(ref)
    return row, column


def template_chart_parts(package: ip.Package) -> set[str]:
    """The chart parts that are the template's own charts: on the Dashboard (without one, on a sheet drawing
    DASHBOARD_CHARTS or more of them: the Dashboard renamed), a template title at its own cell."""
    placed: dict[str, set[str]] = {}  # sheet -> its charts with a template title at that title's cell
    titled: dict[str, list[tuple[str, str, str]]] = {}  # sheet -> (chart, title, cell) of each template title
    for chart, (sheet, cell) in _drawn_on(package).items():
        if chart not in package.data:
            continue
        title = chart_title(package.data[chart])
        if title is not None and cell is not None and cell in _template_cells(title):
            placed.setdefault(sheet, set()).add(chart)
        if title is not None and cell is not None and _template_cells(title):
            titled.setdefault(sheet, []).append((chart, title, cell))
    for (
        sheet,
        charts,
    ) in titled.items():  # a row or column inserted on the Dashboard moved them all: still the template's
        placed.setdefault(sheet, set()).update(_shifted(charts))
        # a template chart dragged a little (its anchor a row or two, a column, off its cell), the only chart of its
        # title on the sheet: still the template's (it was left reading every month: a tester's finding 3, 2026-12-04)
        for chart, title, cell in charts:
            if sum(t == title for _, t, _ in charts) == 1 and _near(cell, _template_cells(title)):
                placed[sheet].add(chart)
    # the Dashboard, or, when there is no sheet of that name, the same sheet renamed ("Overview"): DASHBOARD_CHARTS or
    # more of the template's charts, each at its own cell (a renamed Dashboard's charts were left reading every month:
    # Excel drew the months without data as 0); a copy of the Dashboard beside it, or a template chart or two copied
    # to a sheet of the user's, keep their ranges
    if DASHBOARD in package.parts:
        return placed.get(DASHBOARD, set())
    return {c for charts in placed.values() if len(charts) >= DASHBOARD_CHARTS for c in charts}


def _apply(package: ip.Package, fit: bool) -> int:
    cells = _Cells(package)
    from .first_charts import first_charts  # (it reads this module's parts)

    # the user's own charts, wherever they are drawn, are never touched; the first template's are once upgrade pointed
    # them at the chart columns (before, they read no "(chart)" column: _chart_rows takes them for none)
    templates = template_chart_parts(package) | first_charts(package)
    found: dict[str, _Chart] = {}
    for name in package.names(_CHART_PART):
        if name not in templates:
            continue
        try:
            chart = _chart_rows(package.data[name], cells, fit)
        except ip.LayoutError:  # a sheet whose markup the reader does not know: leave its charts alone
            chart = None
        if chart is not None:
            found[name] = chart
    spans = {
        sheet: _span([c for c in found.values() if c.sheet == sheet]) for sheet in {c.sheet for c in found.values()}
    }
    changed = 0
    for name, chart in found.items():
        span = spans[chart.sheet]
        if not fit:
            rows = (chart.full[0], chart.full[-1])
        elif span is not None and any(span[0] <= r <= span[1] for rows in chart.numbered for r in rows):
            rows = span
            if not chart.bars:  # a line ends with its own last figure: LibreOffice draws a #N/A after it at 0 (an
                # April typed with its customers at end only: its CRR #VALUE!, drawn as a CRR of 0% after March's)
                rows = (span[0], min(span[1], max(numbered[-1] for numbered in chart.numbered if numbered)))
        else:  # no figure for this chart (no NPS answers, say): an empty row, which draws nothing
            empty = _empty_row(cells, chart, package.data[name])
            rows = (empty, empty) if empty is not None else (chart.full[0], chart.full[0])
        # empty cells are spanned (a LibreOffice-saved tracker says "zero": the empty row of a chart without data was
        # drawn as a point at 0; LibreOffice reads "gap" as "zero" too); Excel: a #N/A month is spanned too
        new = categories_as_set(na_as_gap(blanks_as_gaps(_set_rows(package.data[name], chart.sheet, rows))))
        if new != package.data[name]:
            package.data[name] = new
            changed += 1
    return changed


def reset_chart_ranges(package: ip.Package) -> int:
    """Give the template's line charts their full length again (every month of the sheet); returns charts changed.

    Shape: edits ``package.data`` (saved with the package). A chart is the template's when it is drawn on the
    Dashboard with a title of :data:`TEMPLATE_CHARTS` at that title's cell and reads "(chart)" columns of one sheet
    (a formula in every month); every other chart is left byte for byte.
    Example: ``reset_chart_ranges(ip.Package("tracker.xlsx"))`` before months are added to the sheets.
    """
    return _apply(package, fit=False)


def fit_chart_ranges(path: str | os.PathLike[str]) -> int:
    """Fit the template's charts (:data:`TEMPLATE_CHARTS`) of the recalculated workbook ``path`` to its months
    with figures; the user's own charts are left byte for byte.

    Formula: each chart covers rows ``min(first)`` to ``max(last)`` over its series, where first/last are the
    first and last months whose chart cell stores a number; a chart with no number anywhere keeps every month.
    Returns the number of charts changed; the file is replaced atomically only when one changed.
    Errors: a file that is not a zip package raises ``zipfile.BadZipFile``.
    Example: ``fit_chart_ranges("tracker.xlsx")`` after ``recalc_file("tracker.xlsx", "tracker.xlsx", in_place=True)``.
    """
    with zipfile.ZipFile(path) as zipped:  # most workbooks have no line chart: don't load them whole
        charts = [n for n in zipped.namelist() if re.fullmatch(_CHART_PART, n)]
        if not any(kinds & {b"line", b"bar"} for n in charts for kinds in [set(_KINDS.findall(zipped.read(n)))]):
            return 0
    package = ip.Package(path)
    changed = _apply(package, fit=True)
    if changed:
        package.save()
    return changed
