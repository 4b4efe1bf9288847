"""Comparisons with a whole column (or a range of more than 100,000 cells), at Excel's 15 significant digits.

Excel compares two numbers at 15 significant digits: ``=A1>=C1`` is TRUE for A1 = 0.3 and C1 = 0.1+0.2
(0.30000000000000004). The rewrite takes each operand of a comparison to 15 digits cell by cell
(:mod:`.excel_functions.compared_operands`), about 1 s a million cells: a whole column is left to the engine as it is
and every other operand's numbers are taken to 15 digits (``A:A>=_XLR.FIFTEEN(C1)``), Excel's result wherever the
column's numbers are their own 15 digits, as typed numbers are. After the evaluation, :func:`unrounded_comparisons`
reads the cells of each such large range compared; where one holds a number that is not its own 15 digits (a
formula's 0.1+0.2, a script's 0.30000000000000004), or the large side is an expression (``A:A*3>=C1``), the formula
is set again with every operand through the wrapper (:func:`.excel_functions.arguments.every_comparison_rewritten`):
Excel's result, slower. Past :data:`BUDGET` cells of such ranges in one workbook the cell is listed, with the range
and the number that calls for it, and keeps Excel's stored value.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from openpyxl.utils.cell import range_boundaries

from .excel_functions._core import fifteen
from .unsupported import Unsupported

if TYPE_CHECKING:
    import formualizer as fz

__all__ = ["BUDGET", "unrounded_comparisons"]

#: the most cells of large ranges compared cell by cell at 15 digits in one workbook (about 1 s a million)
BUDGET = 16 * 1_048_576

_COLUMNS = 1_048_576


def _cells(area: str) -> int:
    """The number of cells of ``area`` (a whole column is 1,048,576 cells; an expression's, unknown, a column)."""
    try:
        left, top, right, bottom = range_boundaries(area.rpartition("!")[2].replace("$", ""))
    except (ValueError, TypeError):
        return _COLUMNS
    if left is None or right is None:
        return (bottom - top + 1) * 16_384 if top is not None and bottom is not None else _COLUMNS
    if top is None or bottom is None:
        return (right - left + 1) * _COLUMNS
    return (right - left + 1) * (bottom - top + 1)


def _bare(formula: str) -> str:
    """``formula`` without its ``=`` and without spaces outside quoted text (the engine gives its formulas spaced).

    >>> _bare('=SUM(A1 >= "a b")') == _bare('SUM(A1>="a b")')
    True
    """
    parts = formula.removeprefix("=").split('"')
    return '"'.join(part.replace(" ", "") if k % 2 == 0 else part for k, part in enumerate(parts))


def _unrounded(workbook: fz.Workbook, sheet: str, area: str, known: dict[str, str | None]) -> str | None:
    """The first cell of ``area`` (as written in a formula of ``sheet``) holding a number that is not its own 15
    significant digits, as ``Sheet!A7 (0.30000000000000004)``; "" for an expression's range or one the engine cannot
    page; None when every number is its own 15 digits."""
    if not area:
        return ""
    reference = area if "!" in area else "'" + sheet.replace("'", "''") + "'!" + area
    key = reference.replace("$", "").upper()
    if key not in known:
        found: str | None = None
        offset: int | None = 0
        try:
            while offset is not None and found is None:
                page = workbook.range_page(reference, offset=offset, limit=65_536, include_values=True)
                for item in page.items:
                    value = item.value
                    if type(value) is float and math.isfinite(value) and fifteen(value) != value:
                        found = f"{item.address} ({value!r})"
                        break
                offset = page.next_offset
        except Exception:  # noqa: BLE001  (the engine cannot say: taken as holding one)
            found = ""
        known[key] = found
    return known[key]


def unrounded_comparisons(
    workbook: fz.Workbook,
    flagged: list[tuple[str, int, int, str, str]],
    set_formulas: Callable[[fz.Workbook, list[tuple[str, int, int, str]]], None],
    refs: Callable[[str, int, int], str],
    budget: int = BUDGET,
) -> tuple[bool, list[Unsupported]]:
    """Each formula of ``flagged`` ((sheet, row, column, formula before the argument rewrite, after it)) whose large
    ranges compared hold a number that is not its own 15 digits is set again with
    :func:`.excel_functions.arguments.every_comparison_rewritten`' text in place of the rewrite's, within ``budget``
    cells; past it, listed (``refs`` names the cell). (True when any formula was set, the cells listed)."""
    from .excel_functions.arguments import every_comparison_rewritten  # noqa: PLC0415

    known: dict[str, str | None] = {}
    fulls: dict[str, tuple[str, list[str]]] = {}
    found: list[tuple[str, int, int, str]] = []
    listed: list[Unsupported] = []
    spent = 0
    for sheet, r, c, before, after in flagged:
        if before not in fulls:
            fulls[before] = every_comparison_rewritten(before)
        full, areas = fulls[before]
        if not areas or full == after:
            continue
        unrounded = [(area, cell) for area in areas if (cell := _unrounded(workbook, sheet, area, known)) is not None]
        if not unrounded:
            continue
        unchanged = _bare(workbook.get_formula(sheet, r, c) or "") == _bare(after)  # no other step set it since
        cells = sum(_cells(area) for area in areas)
        if unchanged and spent + cells <= budget:
            found.append((sheet, r, c, full))
            spent += cells
            continue
        area, cell = unrounded[0]
        why = f"its cell {cell} is not its own 15 digits" if cell else "the range is in an expression or a name"
        if unchanged:  # past the budget
            how = f"more than {budget // _COLUMNS} whole columns are not compared so in one workbook here"
        else:  # another step rewrote the formula since
            how = "the embedded engine cannot compare it so in this formula"
        listed.append(
            Unsupported(
                sheet,
                refs(sheet, r, c),
                "comparison",
                f"compares {area or 'a large range'} with Excel's 15 significant digits, cell by cell, and {why}: "
                f"{how}; give the range its rows (A2:A5000) to have it computed",
            )
        )
    if found:
        set_formulas(workbook, found)
    return bool(found), listed
