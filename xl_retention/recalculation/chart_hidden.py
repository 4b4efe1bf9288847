"""The points a chart plots where its sheet hides rows or columns (H359's finding 01), for :mod:`.chart_caches`.

A chart whose ``c:plotVisOnly`` is set (Excel's default: "Show data in hidden rows and columns" unticked) leaves out
the cells of hidden rows (of a series down a column) or hidden columns (of a series along a row), and so does its
cache: LibreOffice and Excel save the visible points only, ``c:pt idx="i"`` the i-th visible cell, under a
``c:ptCount`` of the visible cells. Writing a recalculated value by its cell's place in the range put March's value
under April's label and a point past ``ptCount``. :func:`plotted` gives the cells a chart plots; :func:`moved` the
index, in a cache laid out so, of the points of a cache laid out otherwise. The hidden rows and columns are read from
the sheet part (``<row hidden="1">``, ``<col hidden="1">``, ``<sheetFormatPr zeroHeight="1">``: rows hidden unless
listed) by :class:`HiddenCells`, once per sheet and only when a chart reads it.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass

from openpyxl.utils.cell import coordinate_from_string

__all__ = ["Hidden", "HiddenCells", "hides_unlisted_rows", "moved", "plot_visible_only", "plotted"]

_ROW = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?row\b([^>]*)>")
_COL = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?col\b([^>]*?)/?>")
_FORMAT = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?sheetFormatPr\b([^>]*?)/?>")
_SHEET_DATA = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?sheetData\b")
_R = re.compile(rb"""\sr\s*=\s*["'](\d+)["']""")
_MIN = re.compile(rb"""\smin\s*=\s*["'](\d+)["']""")
_MAX = re.compile(rb"""\smax\s*=\s*["'](\d+)["']""")
_HIDDEN = re.compile(rb"""\shidden\s*=\s*["'](?:1|true)["']""")
_ZERO_HEIGHT = re.compile(rb"""\szeroHeight\s*=\s*["'](?:1|true)["']""")
#: the chart's "plot visible cells only": ``val`` 1/true, or no ``val`` (CT_Boolean's default, true)
_PLOT_VIS_ONLY = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?plotVisOnly\b([^>]*?)/?>")
_VAL = re.compile(rb"""\sval\s*=\s*["']([^"']*)["']""")


@dataclass(frozen=True)
class Hidden:
    """A sheet's hidden rows and columns (1-based); with ``zero_height`` every row not ``listed`` is hidden too."""

    rows: frozenset[int] = frozenset()
    columns: frozenset[int] = frozenset()
    zero_height: bool = False
    listed: frozenset[int] = frozenset()

    def row(self, number: int) -> bool:
        """Whether row ``number`` is hidden."""
        return number in self.rows or self.zero_height and number not in self.listed

    def any(self) -> bool:
        """Whether the sheet hides anything."""
        return bool(self.rows or self.columns or self.zero_height)


def hides_unlisted_rows(head: bytes) -> bool:
    """Whether a sheet part's ``head`` (before its sheetData) hides every row it does not list (``<sheetFormatPr
    zeroHeight="1">``, Excel's "hide every row below"): a ``<row>`` written there without ``hidden="1"`` shows.

    >>> hides_unlisted_rows(b'<sheetFormatPr defaultRowHeight="15" zeroHeight="1"/>'), hides_unlisted_rows(b"")
    (True, False)
    """
    form = _FORMAT.search(head)
    return form is not None and _ZERO_HEIGHT.search(form.group(1)) is not None


def hidden_of(xml: bytes) -> Hidden:
    """The hidden rows and columns of a sheet part.

    >>> hidden_of(b'<cols><col min="2" max="3" hidden="1"/></cols><sheetData><row r="4" hidden="true"/></sheetData>')
    Hidden(rows=frozenset({4}), columns=frozenset({2, 3}), zero_height=False, listed=frozenset({4}))
    """
    data = _SHEET_DATA.search(xml)
    head = xml[: data.start()] if data is not None else xml
    columns: set[int] = set()
    for col in _COL.finditer(head):
        low, high = _MIN.search(col.group(1)), _MAX.search(col.group(1))
        if _HIDDEN.search(col.group(1)) and low is not None:
            columns.update(range(int(low.group(1)), int((high or low).group(1)) + 1))
    zero = hides_unlisted_rows(head)
    rows: set[int] = set()
    listed: set[int] = set()
    if b"hidden" in xml or zero:
        for attrs in _ROW.findall(xml):
            number = _R.search(attrs)
            if number is None:
                continue
            listed.add(int(number.group(1)))
            if _HIDDEN.search(attrs):
                rows.add(int(number.group(1)))
    return Hidden(frozenset(rows), frozenset(columns), zero, frozenset(listed) if zero or rows else frozenset())


class HiddenCells:
    """``hidden("data")`` (a sheet's title in lower case): its :class:`Hidden`, read from the workbook at ``path``
    when first asked for; nothing hidden for a sheet the workbook does not have or a package that cannot be read."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = path
        self._parts: dict[str, str | None] | None = None
        self._sheets: dict[str, Hidden] = {}

    def __call__(self, sheet: str) -> Hidden:
        found = self._sheets.get(sheet)
        if found is None:
            found = self._sheets[sheet] = self._read(sheet)
        return found

    def _read(self, sheet: str) -> Hidden:
        from .xlsx_package import _sheet_parts  # noqa: PLC0415  (only for a chart over cells of this sheet)

        try:
            with zipfile.ZipFile(self._path) as package:
                if self._parts is None:
                    self._parts = {title.lower(): part for title, part in _sheet_parts(package).items()}
                part = self._parts.get(sheet)
                return hidden_of(package.read(part)) if part is not None else Hidden()
        except (OSError, KeyError, zipfile.BadZipFile):
            return Hidden()


def plot_visible_only(chart: bytes) -> bool:
    """Whether a chart part plots visible cells only (``<c:plotVisOnly val="1"/>``, as Excel writes by default; no
    such element: the default, visible only, as LibreOffice reads it).

    >>> plot_visible_only(b'<c:plotVisOnly val="0"/>'), plot_visible_only(b'<c:plotVisOnly val="1"/>')
    (False, True)
    """
    found = _PLOT_VIS_ONLY.search(chart)
    if found is None:
        return True
    val = _VAL.search(found.group(1))
    return val is None or val.group(1).strip().lower() in (b"1", b"true", b"on")


def plotted(cells: list[str], hidden: Hidden | None) -> list[str]:
    """The cells of one row or column (``cells``, in order) a chart plotting visible cells only plots: those of a
    column less its hidden rows, those of a row less its hidden columns (a whole column or row hidden leaves its
    series as it is: the series itself is what Excel then leaves out); ``cells`` itself where none is hidden.

    >>> plotted(["C2", "C3", "C4"], Hidden(rows=frozenset({3}))), plotted(["B1", "C1"], Hidden(columns=frozenset({3})))
    (['C2', 'C4'], ['B1'])
    >>> plotted(["C2", "C3"], Hidden(columns=frozenset({3}))) == ["C2", "C3"]
    True
    """
    if hidden is None or len(cells) < 2 or not hidden.any():
        return cells
    places = [coordinate_from_string(cell) for cell in cells]
    if places[0][0] == places[1][0]:  # a column: its hidden rows are left out
        shown = [cell for cell, (_, row) in zip(cells, places, strict=True) if not hidden.row(row)]
    else:
        from openpyxl.utils.cell import column_index_from_string  # noqa: PLC0415

        shown = [
            cell
            for cell, (column, _) in zip(cells, places, strict=True)
            if column_index_from_string(column) not in hidden.columns
        ]
    return shown if len(shown) != len(cells) else cells


def moved(count: int | None, cells: list[str], visible: list[str], shown: list[str]) -> dict[int, int] | None:
    """{old index: new index} of a cache's points whose ``ptCount`` is ``count``, when it is now laid out as ``shown``
    (``cells``: the reference's cells, ``visible``: those of them not hidden); None where no point moves (the cache is
    laid out so already, or has no ``ptCount``). A point of a cell not plotted now, or of a cache laid out neither way
    (its count neither ``cells``' nor ``visible``'s), has no new index: it is left out. Where none of ``cells`` is
    hidden, each point keeps its place (a range grown since: its ptCount set to the cells').

    >>> cells, visible = ["C2", "C3", "C4"], ["C2", "C4"]
    >>> moved(3, cells, visible, visible), moved(2, cells, visible, visible), moved(2, cells, visible, cells)
    ({0: 0, 2: 1}, None, {0: 0, 1: 2})
    """
    if count is None or count == len(shown) and (shown is cells or shown is visible):
        return None
    if len(cells) == len(visible):  # nothing of the reference hidden: each point at its cell's place, as ever
        return {index: index for index in range(min(count, len(shown)))}
    if count == len(cells) and len(cells) != len(visible):
        old = cells
    elif count == len(visible) and len(cells) != len(visible):
        old = visible
    else:
        old = []
    where = {cell: index for index, cell in enumerate(shown)}
    return {index: where[cell] for index, cell in enumerate(old) if cell in where}
