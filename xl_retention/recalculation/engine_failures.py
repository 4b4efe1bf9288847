"""When the engine stops the whole workbook: ranges written bottom-up, and the cell that stops it.

formualizer's ``evaluate_all`` raises for the whole workbook (the message ``#REF!`` and nothing else) on a range
written with its corners the other way round, ``SUM(A3:A1)``: what a script writes with its row numbers reversed
(``f"=SUM(A{last}:A{first})"``). Excel reads a range by its two corners in any order (it shows ``A3:A1`` as
``A1:A3``). Only when the evaluation fails (a workbook that evaluates pays nothing):

- :func:`normalized_ranges` writes every such range corner by corner, top-left first, each row and column keeping
  its ``$``, and the formulas are set again;
- if the engine still stops, :func:`stopping_cells` finds the formula cells it stops at, one evaluation each, so
  that they are listed (Excel's stored value kept) and the rest of the workbook is computed.

(:func:`.reversed_ranges.normalized_ranges` writes a formula's ranges so.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import formualizer as fz

from .formula_texts import FormulaTexts
from .reversed_ranges import normalized_ranges

__all__ = ["reversed_range_formulas", "stopping_cells"]


def reversed_range_formulas(
    formulas: dict[str, FormulaTexts], rewritten: list[tuple[str, int, int, str]]
) -> list[tuple[str, int, int, str]]:
    """(sheet, row, column, formula) for each formula cell holding a reversed range, written top-left first; the
    formula given to the engine (``rewritten``, or the stored one) is the one normalized."""
    given = {(sheet, r, c): text for sheet, r, c, text in rewritten}
    out = []
    for sheet, texts in formulas.items():
        for (r, c), stored in texts.master_texts():
            if ":" not in stored:
                continue
            current = given.get((sheet, r, c)) or "=" + texts[(r, c)]
            new = normalized_ranges(current)
            if new is not None:
                out.append((sheet, r, c, new))
    return out


def stopping_cells(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], set_error: Callable[[str, int, int], None]
) -> Iterator[tuple[str, str]]:
    """Each formula cell whose evaluation stops the engine (its error raised for the whole workbook), as
    (sheet, reference), after ``set_error(sheet, row, column)`` has put an error value there so that the cells
    after it can be evaluated. Stops when ``evaluate_all`` succeeds."""
    for sheet, texts in formulas.items():
        for r, c in texts.positions():
            try:
                workbook.evaluate_cell(sheet, r, c)
            except fz.ExcelEvaluationError:
                set_error(sheet, r, c)
                yield sheet, texts.refs[(r, c)]
                try:
                    workbook.evaluate_all()
                    return
                except fz.ExcelEvaluationError:
                    continue
