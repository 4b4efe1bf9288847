"""The values typed in a workbook's cells (no formula) as a chart's cache of them should hold, for
:mod:`.chart_caches` (H556's finding 03: after ``import --into --recalc`` a user's chart kept no points for the
customers import typed in beside the new Retention points of the formulas reading them; a scatter chart got new y
values of ``=A1*2`` beside the old x values of the A cells a program had changed, keeping stored values).

:class:`TypedCells` reads a sheet's part when a chart first reads that sheet: each cell without a formula with its
value as Excel reads it (a number, a text, shared or inline, a logical, an error value); a cell the part lists
without a value is blank. A cell the part does not list is blank too (:class:`SheetCells`), as a chart plots it.
A value the reader cannot tell (an ISO 8601 date, ``t="d"``; a stored number that is no number) is not given: the
chart's point of it stays as it was.
"""

from __future__ import annotations

import os
import re
import zipfile

__all__ = ["SheetCells", "TypedCells"]

_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?f[\s/>]")
_VALUE = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?(?:v|is)[\s/>]")
_CELL = re.compile(r"[A-Z]{1,3}[1-9][0-9]*")
_KINDS = (None, b"n", b"s", b"str", b"inlineStr", b"b", b"e")


class SheetCells(dict[str, object]):
    """A sheet's cells by reference (``"B2"``) where a cell not listed holds no value: blank (None), as a chart
    plots it; ``unknown`` cells (values not told) are not in it.

    >>> cells = SheetCells({"A1": 1.0}, unknown={"A3"})
    >>> "A2" in cells, cells["A2"], cells.get("A2", 0), "A3" in cells, cells.get("A3"), "row" in cells
    (True, None, None, False, None, False)
    """

    def __init__(self, *args: object, unknown: set[str] | frozenset[str] = frozenset()) -> None:
        super().__init__(*args)
        self.unknown = unknown

    def __contains__(self, ref: object) -> bool:
        if dict.__contains__(self, ref):
            return True
        if not isinstance(ref, str) or ref in self.unknown:
            return False
        return _CELL.fullmatch(ref) is not None

    def __missing__(self, ref: str) -> object:
        if ref in self:
            return None
        raise KeyError(ref)

    def get(self, ref: str, default: object = None) -> object:  # type: ignore[override]
        return self[ref] if ref in self else default

    def copy(self) -> SheetCells:  # type: ignore[override]
        return SheetCells(self, unknown=self.unknown)


class TypedCells:
    """``typed("data")`` (a sheet's title in lower case): {reference: value} of the sheet's cells without a formula,
    read from the workbook at ``path`` when first asked for; None for a sheet the workbook does not have or a package
    that cannot be read."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = path
        self._parts: dict[str, str | None] | None = None
        self._shared: list[str] | None = None
        self._sheets: dict[str, dict[str, object] | None] = {}

    def __call__(self, sheet: str) -> dict[str, object] | None:
        if sheet not in self._sheets:
            self._sheets[sheet] = self._read(sheet)
        return self._sheets[sheet]

    def _read(self, sheet: str) -> dict[str, object] | None:
        from .package import _shared_strings, positioned_cells  # noqa: PLC0415  (only for a chart over this sheet)
        from .sheet_cells import cached_value  # noqa: PLC0415
        from .xlsx_package import _sheet_parts  # noqa: PLC0415
        from .xlsx_values import _attribute  # noqa: PLC0415

        try:
            with zipfile.ZipFile(self._path) as package:
                if self._parts is None:
                    self._parts = {title.lower(): part for title, part in _sheet_parts(package).items()}
                part = self._parts.get(sheet)
                if part is None:
                    return None
                xml = package.read(part)
                found: dict[str, object] = {}
                unknown: set[str] = set()
                for match, ref in positioned_cells(xml, max(xml.find(b"<sheetData"), 0)):
                    body = match.group("body") or b""
                    if _FORMULA.search(body) is not None:
                        unknown.add(ref.decode())  # a formula's: the recalculation's, or as stored
                        continue
                    kind = _attribute(match.group("attrs"), b"t")
                    if kind not in _KINDS:
                        unknown.add(ref.decode())
                        continue
                    if kind == b"s" and self._shared is None:
                        self._shared = _shared_strings(package) or []
                    value = cached_value(kind, body, self._shared)
                    if value is None and _VALUE.search(body) is not None and kind != b"inlineStr":
                        unknown.add(ref.decode())  # a value not read (a number that is no number, a string's index)
                        continue
                    found[ref.decode()] = value
        except (OSError, KeyError, zipfile.BadZipFile):
            return None
        return SheetCells(found, unknown=unknown)
