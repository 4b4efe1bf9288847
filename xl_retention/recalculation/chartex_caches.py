"""The cached points of an Excel 2016 chart (chartEx: waterfall, funnel, histogram...) brought up to the
recalculated cells, as :func:`.chart_caches.updated_caches` does for the classic charts' (which calls
:func:`chartex_caches`): a data dimension's points (``cx:numDim``/``cx:strDim``) and a series' name or title read from
a cell (``cx:txData``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .chart_caches import _BLANK, _F, _IDX, _P, _V, _cells, _labels, _text, _unread

__all__ = ["chartex_caches"]

_DIM = re.compile(rb"<(" + _P + rb")(numDim|strDim)\b([^>]*)>(.*?)</\1\2\s*>", re.S)
_DIM_LVL = re.compile(rb"<(" + _P + rb")lvl\b([^>]*?)(/>|>(.*?)</\1lvl\s*>)", re.S)
_DIM_PT = re.compile(rb"<(" + _P + rb")pt\b([^>]*)>([^<]*)</\1pt\s*>")
_TX_DATA = re.compile(rb"<(" + _P + rb")txData\b([^>]*)>(.*?)</\1txData\s*>", re.S)
_PT_COUNT_ATTR = re.compile(rb"""\sptCount\s*=\s*["'](\d+)["']""")


def chartex_caches(xml: bytes, values: Mapping[str, Mapping[str, object]]) -> bytes:
    """A chart part with its chartEx dimensions and texts from cells set to the cells in ``values``."""
    if b"Dim" in xml:  # cx:numDim and cx:strDim
        xml = _DIM.sub(lambda m: _dimension(m, values), xml)
    if b"txData" in xml:  # their series' names and titles from a cell
        xml = _TX_DATA.sub(lambda m: _text_data(m, values), xml)
    return xml


def _text_data(match: re.Match[bytes], values: Mapping[str, Mapping[str, object]]) -> bytes:
    """An Excel 2016 chart's text from a cell (``cx:txData``, ``match`` of :data:`_TX_DATA`: a series' name or a
    title, its cell in ``cx:f`` and its cached text in ``cx:v``) with the text set to the cell's written value as the
    cell shows it (H553's finding 02: a waterfall's name kept "OLD NAME" beside the cell's new text); named in
    ``values.stale`` where it reads no one cell.

    >>> from xl_retention.recalculation.chart_caches import updated_caches
    >>> part = b'<cx:tx><cx:txData><cx:f>S!$E$1</cx:f><cx:v>OLD</cx:v></cx:txData></cx:tx>'
    >>> updated_caches(part, {"s": {"E1": "MRR bridge 2"}})
    b'<cx:tx><cx:txData><cx:f>S!$E$1</cx:f><cx:v>MRR bridge 2</cx:v></cx:txData></cx:tx>'
    """
    inner = match.group(3)
    formula, cached = _F.search(inner), _V.search(inner)
    if formula is None or cached is None:
        return match.group(0)
    found = _cells(formula.group(1), values, 1)
    if found is None or len(found[1]) != 1:
        stale = getattr(values, "stale", None)
        if stale is not None:
            _unread(stale, "a chart's text from", formula.group(1), values, 1)
        return match.group(0)
    sheet, (cell,) = found
    own = values.get(sheet.lower())
    if not own or cell not in own:
        return match.group(0)
    text = _labels(values, sheet)(cell, own[cell])
    if text is None:
        return match.group(0)
    shown = b"" if text is _BLANK else text
    assert isinstance(shown, bytes)
    start, end = match.start(3) + cached.start(2), match.start(3) + cached.end(2)
    whole = match.group(0)
    return whole[: start - match.start(0)] + shown + whole[end - match.start(0) :]


def _dimension(match: re.Match[bytes], values: Mapping[str, Mapping[str, object]]) -> bytes:
    """An Excel 2016 chart's data dimension (``cx:numDim``/``cx:strDim``, ``match`` of :data:`_DIM`: its cells and
    one level of cached points whose text is the value, ``<cx:pt idx="0">100</cx:pt>``) with the points set to the
    cells' written values (H543's finding 05: a waterfall of an MRR bridge kept 1, 2, 3, 4 beside cells now 100, 20,
    -5, -15); a blank or error number point left out, as Excel leaves it. A dimension of several levels, or over cells
    not known, is named in ``values.stale``.

    >>> from xl_retention.recalculation.chart_caches import updated_caches
    >>> part = (b'<cx:numDim type="val"><cx:f>S!$B$1:$B$2</cx:f><cx:lvl ptCount="2" formatCode="General">'
    ...         b'<cx:pt idx="0">1</cx:pt><cx:pt idx="1">2</cx:pt></cx:lvl></cx:numDim>')
    >>> re.findall(rb'<cx:pt idx="([0-9])">([^<]*)</cx:pt>', updated_caches(part, {"s": {"B1": 100.0, "B2": -5.0}}))
    [(b'0', b'100'), (b'1', b'-5')]
    """
    inner = match.group(4)
    formula = _F.search(inner)
    if formula is None:
        return match.group(0)
    levels = list(_DIM_LVL.finditer(inner))
    count = _PT_COUNT_ATTR.search(levels[0].group(2)) if len(levels) == 1 else None
    found = _cells(formula.group(1), values, int(count.group(1)) if count is not None else None) if levels else None
    if len(levels) != 1 or found is None:
        stale = getattr(values, "stale", None)
        if stale is not None and _DIM_PT.search(inner) is not None:
            _unread(stale, "a chart's series over", formula.group(1), values, int(count.group(1)) if count else None)
        return match.group(0)
    sheet, cells = found
    own = values.get(sheet.lower())
    if not own:
        return match.group(0)
    numeric, level = match.group(2) == b"numDim", levels[0]
    body = level.group(4) or b""
    spans = list(_DIM_PT.finditer(body))
    points = {int(i.group(1)): p.group(0) for p in spans if (i := _IDX.search(p.group(2))) is not None}
    if len(points) != len(spans):
        return match.group(0)  # a point without its index: left as it is
    label = None if numeric else _labels(values, sheet)
    prefix = level.group(1)
    for index, cell in enumerate(cells):
        if cell not in own:
            continue
        text = _text(own[cell], True) if numeric else label(cell, own[cell])  # type: ignore[misc]
        if text is None:
            continue
        if text is _BLANK:
            points.pop(index, None)
            continue
        assert isinstance(text, bytes)
        points[index] = b"<" + prefix + b'pt idx="' + str(index).encode() + b'">' + text + b"</" + prefix + b"pt>"
    joined = b"".join(points[k] for k in sorted(points))
    new = body[: spans[0].start()] + joined + body[spans[-1].end() :] if spans else joined + body
    if new == body:
        return match.group(0)
    lvl = b"<" + prefix + b"lvl" + level.group(2) + b">" + new + b"</" + prefix + b"lvl>"
    start, end = match.start(4) + level.start(), match.start(4) + level.end()
    whole = match.group(0)
    return whole[: start - match.start(0)] + lvl + whole[end - match.start(0) :]
