"""The date-text guard's test dropped over criteria ranges the file shows cannot hold a date written as text.

:mod:`.excel_functions.criteria_date_texts` guards a criteria call whose criterion may be an equality on a number
(``COUNTIFS(Data!$D$2:$D$5001,2)``) with a test the engine makes for each cell: four wildcard counts over the range
(``COUNTIF(area,"*-*")+COUNTIF(area,"*/*")+...``), true when the range holds text with ``-``, ``/``, ``:`` or a space
(which every date or time text the engine does not read as a number holds). The rewrite reads the formula's text
alone; the file, read once here, often settles the test before any evaluation: a range of constants none of which is
such text (numbers, plain words, blanks), with no formula in it and no array or dynamic array on its sheet that could
write into it, gives 0 for every count in every recalculation of this workbook. :class:`PlainAreas` replaces the
counts of such a range by ``0`` (the guard then takes the plain call, as it would have); any other range, a name, a
structured reference, another workbook's range, keeps the test. Ten thousand ``COUNTIFS`` filled down a column
(``bench/bench_recalc.py``'s criteria sheet) cost forty thousand wildcard counts less.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from openpyxl.utils.cell import range_boundaries

from ..sheet_names import SHEET
from .excel_functions.criteria_date_texts import _MARKS

__all__ = ["PlainAreas"]

#: a range's reference as the guard writes it: an optional sheet (quoted or not), then cells, columns or rows
_AREA = r"(?:" + SHEET + r"!)?\$?[A-Za-z]{0,3}\$?\d*:\$?[A-Za-z]{0,3}\$?\d*"
#: the guard's four counts over one range (its text in group "area")
_COUNTS = re.compile(
    rf"COUNTIF\((?P<area>{_AREA}),\"\*{re.escape(_MARKS[0])}\*\"\)"
    + "".join(rf"\+COUNTIF\((?P=area),\"\*{re.escape(mark)}\*\"\)" for mark in _MARKS[1:])
)
_PLAIN_CELLS = 2_000_000  # a larger range keeps its test (reading its values would cost more than the counts)


class PlainAreas:
    """For one workbook in the engine (values as the file stores them, before any evaluation) and its package scan's
    formula cells (``formulas[sheet][ref]``: :class:`.sheet_cells.FormulaCell`): :meth:`settled` drops the date-text
    guard's counts over ranges that cannot hold a date written as text (see the module docstring)."""

    def __init__(self, workbook: Any, formulas: dict[str, dict[str, Any]]) -> None:
        self.workbook, self.formulas = workbook, formulas
        self.sheets = {name.lower(): name for name in workbook.sheet_names}
        self.known: dict[tuple[str, str], bool] = {}
        self.columns: dict[str, dict[int, list[int]] | None] = {}  # sheet -> column -> sorted formula rows

    def settled(self, formula: str, sheet: str) -> str:
        """``formula`` (of a cell on ``sheet``) with each guard's counts over a plain range made ``0``.

        >>> import formualizer as fz
        >>> wb = fz.Workbook()
        >>> wb.add_sheet("S")
        >>> for r, v in enumerate([5.0, "EU", "2024-01-15"], start=1):
        ...     wb.set_value("S", r, 1, v)
        >>> counts = lambda a: "+".join(f'COUNTIF({a},"*{m}*")' for m in ("-", "/", ":", " "))
        >>> PlainAreas(wb, {}).settled(f"=IF({counts('S!$A$1:$A$2')},1,2)", "S")
        '=IF(0,1,2)'
        >>> PlainAreas(wb, {}).settled(f"=IF({counts('$A$1:$A$3')},1,2)", "S") == f"=IF({counts('$A$1:$A$3')},1,2)"
        True
        """
        if '"*' not in formula:
            return formula

        def count(match: re.Match[str]) -> str:
            return "0" if self._plain(match.group("area"), sheet) else match.group(0)

        return _COUNTS.sub(count, formula)

    def _plain(self, area: str, sheet: str) -> bool:
        key = (sheet, area)
        known = self.known.get(key)
        if known is None:
            known = self.known[key] = self._read(area, sheet)
        return known

    def _read(self, area: str, sheet: str) -> bool:
        where, bang, cells = area.rpartition("!")
        if bang:
            where = where[1:-1].replace("''", "'") if where.startswith("'") else where
        name = self.sheets.get((where if bang else sheet).lower())
        if name is None:
            return False
        try:
            left, top, right, bottom = range_boundaries(cells.replace("$", ""))
        except ValueError:
            return False
        if left is None or top is None or right is None or bottom is None:  # whole columns or rows: not read here
            return False
        if (right - left + 1) * (bottom - top + 1) > _PLAIN_CELLS or self._written(name, left, top, right, bottom):
            return False
        quoted = "'" + name.replace("'", "''") + "'!" + cells
        try:
            page = self.workbook.range_page(quoted, limit=_PLAIN_CELLS, include_values=True)
        except Exception:  # noqa: BLE001  (the engine cannot read it: the test stays)
            return False
        if page.next_offset is not None:
            return False
        for cell in page.items:
            if cell.formula is not None or cell.spill is not None:
                return False
            value = cell.value
            if isinstance(value, str) and any(mark in value for mark in _MARKS):
                return False
        return True

    def _written(self, sheet: str, left: int, top: int, right: int, bottom: int) -> bool:
        """Whether a formula of the file may write into the area: one of its cells holds a formula, or the sheet has
        an array formula, a dynamic array or a data table (their results spread past the cell holding them)."""
        columns = self.columns.get(sheet, ())
        if columns == ():
            columns = self.columns[sheet] = _formula_columns(self.formulas.get(sheet, {}))
        if columns is None:
            return True
        for column in range(left, right + 1):
            rows = columns.get(column)
            if rows:
                at = bisect_left(rows, top)
                if at < len(rows) and rows[at] <= bottom:
                    return True
        return False


def _formula_columns(cells: dict[str, Any]) -> dict[int, list[int]] | None:
    """Each column's formula rows, sorted; None when a cell holds an array formula, a dynamic array or a data table."""
    columns: dict[int, list[int]] = {}
    for ref, cell in cells.items():
        if cell.kind in ("array", "dataTable") or cell.dynamic:
            return None
        column, row = range_boundaries(ref + ":" + ref)[:2]
        columns.setdefault(column, []).append(row)
    for rows in columns.values():
        rows.sort()
    return columns
