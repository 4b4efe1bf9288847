"""The cached points of a workbook's charts brought up to the recalculated cells (H239's finding 3: a user's chart
kept 1000/1030/1060.9 in ``c:numCache`` beside cells now 1000/1100/1210, which Excel shows until it recalculates
and LibreOffice or a viewer may show as they are).

Each ``c:numRef``/``c:strRef`` of a series' categories or values whose ``c:f`` is one row or column of one sheet
has the points of its cache (``c:pt idx="i"``) set to the written values of the cells they stand for: a number in a
numCache, a text in a strCache; an error or blank number point is left out, as Excel leaves it. Categories of several
levels (``c:multiLvlStrRef`` over several columns, or rows, of labels: ``Data!$A$2:$B$7``, years beside months) have
each level's points (``c:lvl``, the innermost first: the column, or row, nearest the data) set likewise. A chart
plotting visible cells only (``c:plotVisOnly``) over a sheet hiding rows, or columns, of a reference has the points of
its visible cells only, ``c:ptCount`` of them, as Excel and LibreOffice save it (:mod:`.chart_hidden`; H359's finding
01: LibreOffice's cache of five visible months got the six cells' values by place, March's under April's label). Every
other byte of the chart part stays as it was (no XML library: namespace prefixes are Excel's to keep).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping

from openpyxl.utils.cell import get_column_letter

from ..cells import CellError
from ..sheet_names import SHEET, written
from .chart_hidden import Hidden, moved, plot_visible_only, plotted
from .chart_labels import CellFormats, LabelNotShown, label_text
from .chart_series import CHART_F as _F
from .chart_series import CHART_PART, ChartNames, one_area, series_cells, series_text, unread_reason
from .excel_numbers import kept_text, number_text

__all__ = ["CHART_PART", "ChartValues", "chart_values", "updated_caches"]

_P = rb"(?:[A-Za-z_][\w.\-]*:)?"
_REF = re.compile(rb"<(" + _P + rb")(numRef|strRef|multiLvlStrRef)\b([^>]*)>(.*?)</\1\2\s*>", re.S)
_CACHE = re.compile(rb"<(" + _P + rb")(numCache|strCache|multiLvlStrCache)\b([^>]*)>(.*?)</\1\2\s*>", re.S)
#: a level of a multi-level category cache: its points, or none (``<c:lvl/>``)
_LVL = re.compile(rb"<(" + _P + rb")lvl\b([^>]*?)(?:/>|>(.*?)</\1lvl\s*>)", re.S)
_COUNT_VALUE = re.compile(rb"<" + _P + rb"ptCount\b[^>]*\bval\s*=\s*[\"'](\d+)[\"']")
_PT = re.compile(rb"<(" + _P + rb")pt\b([^>]*)>(.*?)</\1pt\s*>", re.S)
_IDX = re.compile(rb"\sidx\s*=\s*[\"'](\d+)[\"']")
_V = re.compile(rb"(<" + _P + rb"v\b[^>]*>)([^<]*)(</" + _P + rb"v\s*>)")
_COUNT = re.compile(rb"<" + _P + rb"ptCount\b[^>]*/>")
_LINE = re.compile(r"^(" + SHEET + r")!\$?([A-Z]{1,3})\$?([0-9]+)(?::\$?([A-Z]{1,3})\$?([0-9]+))?$")
#: a series' categories (their numRef becomes a strRef when its cells now hold text, as Excel writes it)
_CAT = re.compile(rb"<(" + _P + rb")cat\b([^>]*)>(.*?)</\1cat\s*>", re.S)
_FORMAT_CODE = re.compile(rb"<" + _P + rb"formatCode\b[^>]*(?:/>|>[^<]*</" + _P + rb"formatCode\s*>)")
#: a series' data labels from cells (``c15:datalabelsRange``) and their cached texts
_LABELS_RANGE = re.compile(rb"<(" + _P + rb")datalabelsRange\b([^>]*)>(.*?)</\1datalabelsRange\s*>", re.S)
_LABELS_CACHE = re.compile(rb"<(" + _P + rb")dlblRangeCache\b([^>]*)>(.*?)</\1dlblRangeCache\s*>", re.S)
#: an Excel 2016 chart's data dimension, its level of points (``<cx:lvl ptCount="4"/>`` when empty) and a point
_PT_PREFIX = re.compile(rb"<(" + _P + rb")pt(?:Count)?\b")
_BLANK = object()  # a point to leave out


def chart_values(*layers: Mapping[str, Mapping[str, object]] | None) -> dict[str, dict[str, object]]:
    """{sheet title in lower case: {cell ref upper case: value}} of the values written (later layers win)."""
    from .xlsx_values import Resized  # the module that writes the values imports this one

    found: dict[str, dict[str, object]] = {}
    for layer in layers:
        for title, cells in (layer or {}).items():
            own = found.setdefault(title.lower(), {})
            for ref, value in cells.items():
                key = ref.decode() if isinstance(ref, bytes) else str(ref)
                # a dynamic array's first cell whose spill range changed: its own value is the point
                own[key.replace("$", "").upper()] = value.value if type(value) is Resized else value
    return found


class ChartValues(Mapping[str, dict[str, object]]):
    """:func:`chart_values` of ``layers``, a sheet's made when a chart first reads it: the writer of a workbook
    without charts, or whose charts read one sheet, converts no other sheet's cells (50,000 of them: 0.05 s).

    >>> values = ChartValues({"Data": {b"$b2": 1.0}}, None, {"data": {"C2": 2.0}, "Other": {}})
    >>> sorted(values), values.get("data"), values.get("other"), values.get("none")
    (['data', 'other'], {'B2': 1.0, 'C2': 2.0}, {}, None)
    """

    def __init__(
        self,
        *layers: Mapping[str, Mapping[str, object]] | None,
        formats: CellFormats | None = None,
        hidden: Callable[[str], Hidden] | None = None,
        names: ChartNames | None = None,
        typed: Callable[[str], dict[str, object] | None] | None = None,
    ) -> None:
        self.names = names  # the workbook's defined names a series may read (.chart_series)
        #: the references of series whose points could not be brought up to date (a name the engine gave no area, a
        #: union over several sheets), in the order met: said in the report, not left silently old
        self.stale: list[str] = []
        self.formats = formats  # the cells' number formats, for a label cell holding a number (.chart_labels)
        self.hidden = hidden  # a sheet's hidden rows and columns (.chart_hidden.HiddenCells), for its charts' points
        self._layers = [layer or {} for layer in layers]
        self._titles = {title.lower() for layer in self._layers for title in layer}
        self._made: dict[str, dict[str, object]] = {}
        #: a sheet's typed cells (.chart_typed.TypedCells), under the written ones: a chart's points of them are the
        #: values the written file holds (H556's finding 03)
        self._typed = typed
        #: the written values only: the cells a recalculation changed, which tell whether a series not read may be old
        self.recalculated: Mapping[str, dict[str, object]] = self if typed is None else ChartValues(*layers)

    def __getitem__(self, title: str) -> dict[str, object]:
        made = self._made.get(title)
        if made is not None:
            return made
        typed = self._typed(title) if self._typed is not None else None
        if title not in self._titles and typed is None:
            raise KeyError(title)
        own = ({t: cells for t, cells in layer.items() if t.lower() == title} for layer in self._layers)
        written = chart_values(*own).get(title, {})
        if typed is not None:
            merged = typed.copy()  # (a .chart_typed.SheetCells: a cell not listed is blank)
            merged.update(written)
            written = merged
        made = self._made[title] = written
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._titles)

    def __len__(self) -> int:
        return len(self._titles)


def _area(formula: bytes) -> tuple[str, int, int, int, int] | None:
    """The sheet, first row, first column, last row and last column of a chart reference of one area of one sheet
    (``'My data'!$B$2:$C$4``); None for anything else (a union, a name, a whole column)."""
    area = one_area(series_text(formula))
    if area is None or any(part is None for part in area):
        return None
    return area  # type: ignore[return-value]


def _cells(formula: bytes, values: object = None, count: int | None = None) -> tuple[str, list[str]] | None:
    """The sheet and cells, in order, of a chart reference of one row or column (``'My data'!$B$2:$B$4``), of a union
    of them, a whole column (``count`` points) or a name of ``values``' (:func:`.chart_series.series_cells`)."""
    written = getattr(values, "recalculated", values)
    return series_cells(
        formula, getattr(values, "names", None), count, written if isinstance(written, Mapping) else None
    )


def _unread(stale: list[str], what: str, formula: bytes, values: object, count: int | None) -> None:
    """Name in ``stale`` a chart's ``what`` over ``formula`` whose points may predate the recalculated cells, with why
    (:func:`.chart_series.unread_reason`); nothing where no recalculation changed them."""
    written = getattr(values, "recalculated", values)
    written = written if isinstance(written, Mapping) else None
    reason = unread_reason(formula, getattr(values, "names", None), written, count)
    if reason is not None:
        stale.append(f"{what} {series_text(formula)} ({reason})")


def _levels(formula: bytes, points: int, levels: int | None = None) -> tuple[str, list[list[str]]] | None:
    """The sheet and, for each level of multi-level categories over ``formula``'s area (``points`` categories), its
    cells in order, the innermost level first (the last column of labels beside data in columns, the last row above
    data in rows: Excel's ``c:lvl`` order); None where the area's orientation is not told by ``points`` (as many rows
    as columns) or the reference is not one area. ``levels``: the number of levels the cache holds, which tells it where
    ``points`` does not (a cache of the visible categories only: :mod:`.chart_hidden`).

    >>> _levels(b"S!$A$2:$B$4", 3)
    ('S', [['B2', 'B3', 'B4'], ['A2', 'A3', 'A4']])
    >>> _levels(b"S!$C$1:$E$2", 3), _levels(b"S!$A$1:$B$2", 2), _levels(b"S!$A$2:$B$7", 5, 2)[1][0][:2]
    (('S', [['C2', 'D2', 'E2'], ['C1', 'D1', 'E1']]), None, ['B2', 'B3'])
    """
    area = _area(formula)
    if area is None:
        return None
    sheet, top, left, bottom, right = area
    rows, columns = bottom - top + 1, right - left + 1
    if rows == columns:
        return None
    if points not in (rows, columns):
        if levels not in (rows, columns):
            return None
        points = rows if levels == columns else columns
    if points == rows:  # categories down a column, a level in each column
        return sheet, [
            [f"{get_column_letter(c)}{r}" for r in range(top, bottom + 1)] for c in range(right, left - 1, -1)
        ]
    return sheet, [[f"{get_column_letter(c)}{r}" for c in range(left, right + 1)] for r in range(bottom, top - 1, -1)]


def _text(value: object, numeric: bool) -> bytes | object | None:
    """The ``c:v`` text of a written value in a numCache (``numeric``) or strCache; :data:`_BLANK` to leave the point
    out; None to keep the point as it is (a value of another kind)."""
    if isinstance(value, bool):
        return None
    if numeric:
        if isinstance(value, int | float):
            number = float(value)
            if not math.isfinite(number):
                return _BLANK
            return number_text(number).encode()  # as Excel writes a point: 1000, 6.1224489795918366E-2
        return _BLANK if value is None or value == "" or isinstance(value, CellError) else None
    if isinstance(value, str):
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8")
    return None


def _cache(
    prefix: bytes,
    body: bytes,
    cells: list[str],
    values: dict[str, object],
    numeric: bool,
    label: Callable[[str, object], object] | None = None,
    layout: tuple[list[str], list[str]] | None = None,
    count: int | None = None,
) -> bytes:
    """A cache's content with its points set to ``values`` of ``cells`` (points of other cells kept); ``label``: the
    text of a strCache's point (:func:`_labels`), else :func:`_text`'s. ``layout``: (the visible ones of ``cells``, the
    cells plotted), where the sheet hides some: the points are those of the cells plotted, the cache's own moved to
    their places (:func:`.chart_hidden.moved`) and its ``c:ptCount`` set to their number; ``count``: the points a
    cache of several levels holds (its ptCount, outside ``body``)."""
    points: dict[int, bytes] = {}
    spans = list(_PT.finditer(body))
    for match in spans:
        idx = _IDX.search(match.group(2))
        if idx is None:
            return body  # a point without its index: left as it is
        points[int(idx.group(1))] = match.group(0)
    changed = False
    counted = _COUNT_VALUE.search(body)
    count = int(counted.group(1)) if counted is not None else count
    if layout is not None:
        moves = moved(count, cells, *layout)
        cells = layout[1]
        if moves is not None:  # the cache laid out otherwise (every cell, or the visible ones): its points moved
            points = {new: _indexed(points[old], new) for old, new in moves.items() if old in points}
            changed = True
    for index, cell in enumerate(cells):
        if cell not in values:
            continue
        text = _text(values[cell], numeric) if numeric or label is None else label(cell, values[cell])
        if text is None:
            continue
        old = points.get(index)
        if text is _BLANK:
            if old is not None:
                del points[index]
                changed = True
            continue
        assert isinstance(text, bytes)
        if old is not None:
            if numeric:  # a point's stored text that reads back as the number: kept (Excel's 2.1, .excel_numbers)
                text = kept_text(old, float(values[cell]), text)  # type: ignore[arg-type]
            new = _V.sub(lambda m, t=text: m.group(1) + t + m.group(3), old, count=1)
        else:
            new = b"<" + prefix + b'pt idx="' + str(index).encode() + b'"><' + prefix + b"v>" + text
            new += b"</" + prefix + b"v></" + prefix + b"pt>"
        if new != old:
            points[index] = new
            changed = True
    if layout is not None and any(index >= len(cells) for index in points):  # never a point past ptCount
        points = {index: point for index, point in points.items() if index < len(cells)}
        changed = True
    if not changed:
        return body
    joined = b"".join(points[k] for k in sorted(points))
    if layout is not None and counted is not None and count != len(cells):
        start, end = counted.span(1)
        body = body[:start] + str(len(cells)).encode() + body[end:]
        spans = list(_PT.finditer(body))
    if spans:
        return body[: spans[0].start()] + joined + body[spans[-1].end() :]
    at_count = _COUNT.search(body)
    at = at_count.end() if at_count is not None else 0
    return body[:at] + joined + body[at:]


def _indexed(point: bytes, index: int) -> bytes:
    """A cached point (``<c:pt idx="3">...``) with its index set to ``index``.

    >>> _indexed(b'<c:pt idx="3"><c:v>1</c:v></c:pt>', 2)
    b'<c:pt idx="2"><c:v>1</c:v></c:pt>'
    """
    found = _IDX.search(point)
    assert found is not None  # (a point without one leaves its cache as it is: _cache)
    return point[: found.start(1)] + str(index).encode() + point[found.end(1) :]


def _layout(
    cells: list[str], sheet: str, values: Mapping[str, Mapping[str, object]], visible_only: bool
) -> tuple[list[str], list[str]] | None:
    """(the visible ones of ``cells``, those the chart plots) where ``values`` (a :class:`ChartValues`) reads the
    sheet's hidden rows and columns; None where it does not."""
    hidden = getattr(values, "hidden", None)
    if hidden is None:
        return None
    visible = plotted(cells, hidden(sheet.lower()))
    return visible, visible if visible_only else cells


def updated_caches(xml: bytes, values: Mapping[str, Mapping[str, object]]) -> bytes:
    """A chart part with the cached points of its references to cells in ``values`` (:func:`chart_values`) set to
    those cells' values; the part itself (the same bytes) where none changes.

    >>> part = (b'<c:val><c:numRef><c:f>S!$B$1:$B$3</c:f><c:numCache><c:formatCode>General</c:formatCode>'
    ...     b'<c:ptCount val="3"/><c:pt idx="0"><c:v>1000</c:v></c:pt><c:pt idx="1"><c:v>1030</c:v></c:pt>'
    ...     b'<c:pt idx="2"><c:v>1060.9</c:v></c:pt></c:numCache></c:numRef></c:val>')
    >>> new = updated_caches(part, {"s": {"B2": 1100.0, "B3": 1210.0}})
    >>> new.count(b"<c:v>"), b"<c:v>1100</c:v>" in new, b"<c:v>1210</c:v>" in new, b"1000" in new
    (3, True, True, True)
    """

    visible_only = plot_visible_only(xml)

    def ref(match: re.Match[bytes]) -> bytes:
        inner = match.group(4)
        formula = _F.search(inner)
        if formula is None:
            return match.group(0)
        if match.group(2) == b"multiLvlStrRef":
            return _multi_level(match, formula.group(1), values, visible_only)
        counted = _COUNT_VALUE.search(inner)
        found = _cells(formula.group(1), values, int(counted.group(1)) if counted is not None else None)
        if found is None:
            stale = getattr(values, "stale", None)  # points kept that may be old: said
            if stale is not None and _PT.search(inner) is not None:
                _unread(
                    stale, "a chart's series over", formula.group(1), values, int(counted.group(1)) if counted else None
                )
            return match.group(0)
        sheet, cells = found
        own = values.get(sheet.lower())
        if not own:
            return match.group(0)
        layout = _layout(cells, sheet, values, visible_only)

        def cache(c: re.Match[bytes]) -> bytes:
            if c.group(2) == b"multiLvlStrCache":
                return c.group(0)
            numeric = c.group(2) == b"numCache"
            label = None if numeric else _labels(values, sheet)
            body = _cache(c.group(1), c.group(4), cells, own, numeric, label, layout)
            if body is c.group(4):
                return c.group(0)
            return b"<" + c.group(1) + c.group(2) + c.group(3) + b">" + body + b"</" + c.group(1) + c.group(2) + b">"

        return (
            match.group(0)[: match.start(4) - match.start(0)]
            + _CACHE.sub(cache, inner)
            + match.group(0)[match.end(4) - match.start(0) :]
        )

    new = _REF.sub(ref, _CAT.sub(lambda m: _text_categories(m, values), xml))
    if b"datalabelsRange" in new:  # data labels "Value From Cells" (Excel 2013's c15 extension)
        new = _LABELS_RANGE.sub(lambda m: _label_range(m, values), new)
    if b"Dim" in new or b"txData" in new:  # Excel 2016's charts (chartEx: waterfall, funnel, histogram...)
        from .chartex_caches import chartex_caches  # noqa: PLC0415  (it reads this module's helpers)

        new = chartex_caches(new, values)
    return xml if new == xml else new


def _label_range(match: re.Match[bytes], values: Mapping[str, Mapping[str, object]]) -> bytes:
    """A series' ``c15:datalabelsRange`` (``match``, of :data:`_LABELS_RANGE`: its labels' cells and their cached
    texts, ``c15:dlblRangeCache``) with the cached texts set to the cells' written values as they show them (H543's
    finding 02: "1 users" kept beside cells now "10 users"); named in ``values.stale`` where its cells are not known.

    >>> part = (b'<c15:datalabelsRange><c15:f>S!$B$1:$B$2</c15:f><c15:dlblRangeCache><c:ptCount val="2"/>'
    ...         b'<c:pt idx="0"><c:v>1 users</c:v></c:pt></c15:dlblRangeCache></c15:datalabelsRange>')
    >>> re.findall(rb"<c:v>([^<]*)</c:v>", updated_caches(part, {"s": {"B1": "10 users", "B2": "20 users"}}))
    [b'10 users', b'20 users']
    """
    inner = match.group(3)
    formula, cached = _F.search(inner), _LABELS_CACHE.search(inner)
    if formula is None or cached is None:
        return match.group(0)
    counted = _COUNT_VALUE.search(cached.group(3))
    found = _cells(formula.group(1), values, int(counted.group(1)) if counted is not None else None)
    if found is None:
        stale = getattr(values, "stale", None)
        if stale is not None and _PT.search(cached.group(3)) is not None:
            _unread(
                stale,
                "a chart's data labels from",
                formula.group(1),
                values,
                int(counted.group(1)) if counted else None,
            )
        return match.group(0)
    sheet, cells = found
    own = values.get(sheet.lower())
    if not own:
        return match.group(0)
    point = _PT_PREFIX.search(cached.group(3))
    body = _cache(point.group(1) if point is not None else b"c:", cached.group(3), cells, own, False,
                  _labels(values, sheet))  # fmt: skip
    if body is cached.group(3):
        return match.group(0)
    start, end = match.start(3) + cached.start(3), match.start(3) + cached.end(3)
    whole = match.group(0)
    return whole[: start - match.start(0)] + body + whole[end - match.start(0) :]


def _text_categories(match: re.Match[bytes], values: Mapping[str, Mapping[str, object]]) -> bytes:
    """A series' categories (``c:cat``, ``match`` of :data:`_CAT`) whose ``c:numRef`` reads cells now holding text
    (``=UPPER(A1)``, ``=SORT(UNIQUE(..))`` saved by a writer that cached 0 for every formula) as a ``c:strRef`` with a
    ``c:strCache`` (its points kept; :func:`updated_caches` then sets them to the texts), as Excel saves categories of
    text; as it is otherwise.

    >>> part = (b'<c:cat><c:numRef><c:f>S!$C$1:$C$2</c:f><c:numCache><c:formatCode>General</c:formatCode>'
    ...     b'<c:ptCount val="2"/><c:pt idx="0"><c:v>0</c:v></c:pt><c:pt idx="1"><c:v>0</c:v></c:pt>'
    ...     b'</c:numCache></c:numRef></c:cat>')
    >>> new = updated_caches(part, {"s": {"C1": "EMEA", "C2": "NA"}})
    >>> new[:51], b"formatCode" in new, re.findall(rb"<c:v>([^<]*)</c:v>", new)
    (b'<c:cat><c:strRef><c:f>S!$C$1:$C$2</c:f><c:strCache>', False, [b'EMEA', b'NA'])
    """
    inner = match.group(3)
    found = _REF.search(inner)
    if found is None or found.group(2) != b"numRef":
        return match.group(0)
    formula = _F.search(found.group(4))
    counted = _COUNT_VALUE.search(found.group(4))
    count = int(counted.group(1)) if counted is not None else None
    cells = _cells(formula.group(1), values, count) if formula is not None else None
    written = getattr(values, "recalculated", values)  # text a recalculation wrote: typed text is as the file had it
    own = written.get(cells[0].lower()) if cells is not None else None
    if cells is None or not own or not any(isinstance(own.get(cell), str) for cell in cells[1]):
        return match.group(0)
    prefix = found.group(1)
    body = _CACHE.sub(
        lambda c: (
            b"<"
            + c.group(1)
            + b"strCache"
            + c.group(3)
            + b">"
            + _FORMAT_CODE.sub(b"", c.group(4), count=1)
            + b"</"
            + c.group(1)
            + b"strCache>"
            if c.group(2) == b"numCache"
            else c.group(0)
        ),
        found.group(4),
    )
    ref = b"<" + prefix + b"strRef" + found.group(3) + b">" + body + b"</" + prefix + b"strRef>"
    start, end = match.start(3) + found.start(), match.start(3) + found.end()
    whole = match.group(0)
    return whole[: start - match.start(0)] + ref + whole[end - match.start(0) :]


def _labels(values: Mapping[str, Mapping[str, object]], sheet: str) -> Callable[[str, object], object]:
    """The text of a label cell of ``sheet`` in a strCache (:func:`.chart_labels.label_text`: a number in its cell's
    format, read from ``values``' :class:`.chart_labels.CellFormats` where it has them, else General; a logical, an
    error's code), escaped; :data:`_BLANK` for a blank result.

    >>> label = _labels({}, "S")
    >>> label("B2", 2026.0), label("B3", CellError("#N/A")), label("B4", None) is _BLANK, label("B5", "R&D")
    (b'2026', b'#N/A', True, b'R&amp;D')
    """
    formats = getattr(values, "formats", None)

    def label(cell: str, value: object) -> object:
        if isinstance(value, str):
            return _text(value, False)
        code = (lambda: formats(sheet.lower(), cell)) if formats is not None else (lambda: "General")
        try:
            text = label_text(value, code, formats.date1904 if formats is not None else False)
        except LabelNotShown as error:  # kept as Excel stored it, and said (H543's finding 10)
            stale = getattr(values, "stale", None)
            if stale is not None:
                stale.append(f"a chart's label from {written(sheet)}!{cell} ({error})")
            return None
        return _BLANK if text is None else _text(text, False)

    return label


def _multi_level(
    match: re.Match[bytes], formula: bytes, values: Mapping[str, Mapping[str, object]], visible_only: bool = True
) -> bytes:
    """A ``c:multiLvlStrRef`` (``match``, of :data:`_REF`) with each level's cached labels set to its cells' written
    values (:func:`_levels`), of the cells plotted where the sheet hides some (its ``c:ptCount`` theirs); as it is
    where its levels cannot be told apart or none of its cells was written."""
    inner = match.group(4)
    cached = _CACHE.search(inner)
    count = _COUNT_VALUE.search(cached.group(4)) if cached is not None else None
    levels = list(_LVL.finditer(cached.group(4))) if cached is not None else []
    reads_hidden = getattr(values, "hidden", None) is not None  # (the visible categories only: told by the levels)
    found = _levels(formula, int(count.group(1)), len(levels) if reads_hidden else None) if count is not None else None
    if cached is None or count is None or found is None:
        return match.group(0)
    sheet, lines = found
    own = values.get(sheet.lower())
    if not own or len(levels) != len(lines):
        return match.group(0)
    body, at, changed, shown = [], 0, False, None
    for level, cells in zip(levels, lines, strict=True):
        old = level.group(3) or b""
        layout = _layout(cells, sheet, values, visible_only)
        shown = len(layout[1]) if layout is not None else None
        new = _cache(level.group(1), old, cells, own, False, _labels(values, sheet), layout, int(count.group(1)))
        body.append(cached.group(4)[at : level.start()])
        if new is old:
            body.append(level.group(0))
        else:
            prefix, attributes = level.group(1), level.group(2).rstrip()
            body.append(b"<" + prefix + b"lvl" + attributes + b">" + new + b"</" + prefix + b"lvl>")
            changed = True
        at = level.end()
    if not changed:
        return match.group(0)
    body.append(cached.group(4)[at:])
    if shown is not None and shown != int(count.group(1)) and count.end() <= levels[0].start():  # their number
        body[0] = body[0][: count.start(1)] + str(shown).encode() + body[0][count.end(1) :]
    start, end = match.start(4) + cached.start(4), match.start(4) + cached.end(4)
    whole = match.group(0)
    return whole[: start - match.start(0)] + b"".join(body) + whole[end - match.start(0) :]
