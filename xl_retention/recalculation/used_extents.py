"""The rows and columns in use on each sheet of an engine workbook, read when a whole column or row needs them.

Moved from :mod:`.whole_ranges` (which re-exports it) as it grew :meth:`UsedExtents.rows_in` for
:mod:`.whole_arguments`.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils.cell import get_column_letter, range_boundaries

from .formula_tokens import _LAST_COLUMN, _LAST_ROW

__all__ = ["UsedExtents"]


class UsedExtents:
    """The last row and column in use on each sheet of an engine workbook, the cells of formulas included (the engine
    counts a formula cell only once it has a value): ``extents("Data", "column")`` is Data's last row in use. A sheet
    with a dynamic array formula is used to its last row and column (its spill may grow on recalculation)."""

    def __init__(self, workbook: Any, formulas: dict[str, dict[str, Any]]) -> None:
        self.workbook, self.formulas = workbook, formulas
        self.known: dict[tuple[str, str], int | None] = {}
        self.spans: dict[tuple[str, str], dict[int, tuple[int, int]] | None] = {}
        self.names = {name.lower(): name for name in workbook.sheet_names}

    def __call__(self, sheet: str, kind: str) -> int | None:
        key = (sheet.lower(), kind)
        if key not in self.known:
            self.known[key] = self._extent(sheet, kind)
        return self.known[key]

    def _extent(self, sheet: str, kind: str) -> int | None:
        name = self.names.get(sheet.lower())
        if name is None:
            return None
        quoted = "'" + name.replace("'", "''") + "'"
        try:
            page = self.workbook.range_page(
                quoted + ("!A:XFD" if kind == "column" else "!1:1048576"), limit=1, include_values=False
            )
        except Exception:  # noqa: BLE001  (the engine cannot say: the formula is left as it is)
            return None
        last = 0
        if page.resolved:
            corner = page.resolved.rpartition("!")[2].rpartition(":")[2]
            last_column, last_row = range_boundaries(corner + ":" + corner)[2:]
            last = last_row if kind == "column" else last_column
        for ref, cell in self.formulas.get(name, {}).items():
            if getattr(cell, "dynamic", False):  # a dynamic array may spill further than the file stores it
                return _LAST_ROW if kind == "column" else _LAST_COLUMN
            area = getattr(cell, "ref", None) or ref
            bottom_right = range_boundaries(area if ":" in area else area + ":" + area)
            last = max(last, bottom_right[3] if kind == "column" else bottom_right[2])
        return last

    def rows_in(self, sheet: str, left: int, right: int) -> int | None:
        """The last row in use in columns ``left`` to ``right`` of ``sheet`` (0: none), the areas of formulas in them
        included; None when unknown: no such sheet, or a dynamic array anchored left of ``right`` or in it, whose
        spill may reach them (:mod:`.whole_arguments`)."""
        key = (sheet.lower(), f"rows {left} {right}")
        if key not in self.known:
            self.known[key] = self._last_in(sheet, left, right, across=False)
        return self.known[key]

    def columns_in(self, sheet: str, top: int, bottom: int) -> int | None:
        """The last column in use in rows ``top`` to ``bottom`` of ``sheet`` (0: none), the areas of formulas in them
        included; None when unknown: no such sheet, or a dynamic array anchored above ``bottom`` or in those rows,
        whose spill may reach them (:mod:`.whole_arguments`)."""
        key = (sheet.lower(), f"columns {top} {bottom}")
        if key not in self.known:
            self.known[key] = self._last_in(sheet, top, bottom, across=True)
        return self.known[key]

    def _last_in(self, sheet: str, low: int, high: int, across: bool) -> int | None:
        """The last row in use in columns ``low`` to ``high`` (``across`` False: :meth:`rows_in`), or the last column
        in use in rows ``low`` to ``high`` (``across`` True: :meth:`columns_in`)."""
        name = self.names.get(sheet.lower())
        if name is None:
            return None
        last = 0
        for ref, cell in self.formulas.get(name, {}).items():
            area = getattr(cell, "ref", None) or ref
            left, top, right, bottom = range_boundaries(area if ":" in area else area + ":" + area)
            first, final, far = (top, bottom, right) if across else (left, right, bottom)
            if getattr(cell, "dynamic", False) and first <= high:  # its spill may reach the columns (rows)
                return None
            if final >= low and first <= high:
                last = max(last, far)
        span = f"{low}:{high}" if across else get_column_letter(low) + ":" + get_column_letter(high)
        try:
            page = self.workbook.range_page("'" + name.replace("'", "''") + "'!" + span, limit=1, include_values=False)
        except Exception:  # noqa: BLE001  (the engine cannot say: the formula is left as it is)
            return None
        if page.resolved:
            corner = page.resolved.rpartition("!")[2].rpartition(":")[2]
            last = max(last, range_boundaries(corner + ":" + corner)[2 if across else 3])
        return last

    def columns(self, sheet: str) -> dict[int, tuple[int, int]] | None:
        """{column: (first row, last row) in use} of ``sheet``'s columns with something in them; None if unknown."""
        key = (sheet.lower(), "columns")
        if key not in self.spans:
            self.spans[key] = self._columns(sheet)
        return self.spans[key]

    def _columns(self, sheet: str) -> dict[int, tuple[int, int]] | None:
        name, last = self.names.get(sheet.lower()), self(sheet, "row")
        if (
            name is None
            or last is None
            or any(getattr(c, "dynamic", False) for c in self.formulas.get(name, {}).values())
        ):
            return None  # (a dynamic array may spill further than the file stores it: left to the engine)
        quoted = "'" + name.replace("'", "''") + "'!"
        spans: dict[int, tuple[int, int]] = {}
        for column in range(1, last + 1):
            letter = get_column_letter(column)
            try:
                page = self.workbook.range_page(quoted + letter + ":" + letter, limit=1, include_values=False)
            except Exception:  # noqa: BLE001
                return None
            if page.resolved:
                area = page.resolved.rpartition("!")[2]
                box = range_boundaries(area if ":" in area else area + ":" + area)
                spans[column] = (box[1], box[3])
        for ref, cell in self.formulas.get(name, {}).items():
            area = getattr(cell, "ref", None) or ref
            left, top, right, bottom = range_boundaries(area if ":" in area else area + ":" + area)
            for column in range(left, right + 1):
                first, final = spans.get(column, (top, bottom))
                spans[column] = (min(first, top), max(final, bottom))
        return spans
