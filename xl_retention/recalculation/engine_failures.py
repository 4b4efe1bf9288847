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

import re
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
    after it can be evaluated. Stops when ``evaluate_all`` succeeds.

    The cells of a moving reference (OFFSET, INDIRECT) are tried first: the engine evaluates such a volatile cell
    with any cell it is asked for, so every cell before a spilled OFFSET it cannot settle raised its error too, and
    75 HLOOKUPs of another sheet, reading nothing of it, were listed in its place (their values set to an error,
    H485's finding 05). A cell found before the last one is given its formula back when the workbook evaluates with
    it: it stopped nothing itself."""
    blamed: list[tuple[str, int, int, str | None]] = []
    settled = False
    for sheet, r, c in _in_order(formulas):
        try:
            workbook.evaluate_cell(sheet, r, c)
        except fz.ExcelEvaluationError:
            blamed.append((sheet, r, c, _formula(workbook, sheet, r, c)))
            set_error(sheet, r, c)
            try:
                workbook.evaluate_all()
                settled = True
                break
            except fz.ExcelEvaluationError:
                continue
    for sheet, r, c, formula in blamed[:-1] if settled else ():
        if formula is None or not _evaluates_with(workbook, sheet, r, c, formula):
            set_error(sheet, r, c)
            try:
                workbook.evaluate_all()  # as it evaluated before the formula was set back
            except fz.ExcelEvaluationError:
                pass
            yield sheet, formulas[sheet].refs[(r, c)]
    for sheet, r, c, _ in blamed[-1:] if settled else blamed:
        yield sheet, formulas[sheet].refs[(r, c)]


#: a call whose reference is computed when the formula runs: volatile to the engine, evaluated with any cell
_MOVING = re.compile(r"(?i)(?<![\w.])(?:OFFSET|INDIRECT)\(")


def _in_order(formulas: dict[str, FormulaTexts]) -> list[tuple[str, int, int]]:
    """Each formula cell, (sheet, row, column), those of a moving reference (:data:`_MOVING`) first."""
    moving: list[tuple[str, int, int]] = []
    rest: list[tuple[str, int, int]] = []
    for sheet, texts in formulas.items():
        for r, c in texts.positions():
            (moving if _MOVING.search(texts[(r, c)]) else rest).append((sheet, r, c))
    return moving + rest


def _formula(workbook: fz.Workbook, sheet: str, r: int, c: int) -> str | None:
    """The formula the engine holds at a cell (None where it cannot be read)."""
    try:
        formula = workbook.get_formula(sheet, r, c)
    except Exception:  # noqa: BLE001  (not readable: the cell stays listed)
        return None
    return formula if not formula or formula.startswith("=") else "=" + formula


def _evaluates_with(workbook: fz.Workbook, sheet: str, r: int, c: int, formula: str) -> bool:
    """Whether the workbook evaluates with ``formula`` set back at the cell (left set when it does)."""
    try:
        workbook.sheet(sheet).set_formula(r, c, formula)
        workbook.evaluate_all()
    except Exception:  # noqa: BLE001  (the engine stops again, or refuses the formula: the cell stops it)
        return False
    return True
