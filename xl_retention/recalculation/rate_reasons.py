"""Why IRR or XIRR gave #NUM! (H239's finding 7: the cell was listed with no reason): each such cell is evaluated
once more with :mod:`.excel_functions.rate_notes` noting the cause, ``XIRR: its values hold no change of sign (every
payment is negative): a rate needs at least one positive and one negative payment (#NUM!)`` or ``XIRR: Newton's
method from the guess 0.1 did not settle on a rate in 100 steps; Excel's #NUM! asks for another guess (the third
argument) (#NUM!)``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..cells import CellError
from .excel_functions.rate_notes import NOTES
from .unexplained import unexplained_errors

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["rate_reasons"]

_CALLS = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?X?IRR\(")


def rate_reasons(workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed) -> int:
    """Give each #NUM! cell without a reason whose formula calls IRR or XIRR the cause one of them noted when the
    cell was evaluated again; returns how many got one."""
    named = 0
    for sheet, ref, place, _text, _error in unexplained_errors(formulas, result, "#NUM!", _CALLS.search):
        heard = _heard(workbook, sheet, *place)
        if heard:
            result.values[sheet][ref] = CellError("#NUM!", f"{heard[0]} (#NUM!)")
            named += 1
    return named


def _heard(workbook: fz.Workbook, sheet: str, row: int, column: int) -> list[str]:
    """The causes IRR and XIRR noted while the formula cell at ``row``, ``column`` was evaluated again."""
    NOTES.active, NOTES.heard = True, []
    try:
        formula = workbook.get_formula(sheet, row, column)
        if formula:
            workbook.sheet(sheet).set_formula(row, column, formula if formula.startswith("=") else "=" + formula)
            workbook.evaluate_cell(sheet, row, column)
    except Exception:  # noqa: BLE001  (no cause found: the cell keeps its error, without a reason)
        pass
    finally:
        NOTES.active = False
    heard, NOTES.heard = NOTES.heard, []
    return heard
