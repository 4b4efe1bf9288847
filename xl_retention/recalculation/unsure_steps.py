"""Cells calling CEILING or FLOOR (.MATH, .PRECISE, ISO.CEILING) whose Excel answer is not certain in its last digit,
and DATEDIF given a unit with spaces around it (``"m "``: :func:`.excel_functions.day_counts.datedif`).

CEILING(1.12, 0.05) is 23 steps of 0.05: 1.15 in decimal, 1.1500000000000001 in binary. Which of the two Excel gives
is not known (a ``MATCH(1.15, ...)`` or ``=`` comparison sees the difference), as for MROUND
(:func:`.excel_functions.multiples.last_digit`): such a cell is listed with the call, keeping the value Excel stored.
The functions count such calls as the engine evaluates; only when one was counted are the cells calling them
evaluated once more with the calls noting (the engine keeps no trace of which cell called what), the first
:data:`.unsure_results.MAX_CHECKED` of them (the others listed unchecked), once per shape of formula found.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .excel_functions.multiples import UNSURE
from .unsupported import Unsupported
from .unsure_results import MAX_CHECKED, noted_again

if TYPE_CHECKING:
    import formualizer as fz

    from .formula_texts import FormulaTexts

__all__ = ["unsure_step_cells"]

#: the functions rounding to a multiple of a step at Excel's 15 digits (as :meth:`.FormulaTexts.called` names them)
STEPS = frozenset(
    "CEILING FLOOR CEILING.MATH FLOOR.MATH CEILING.PRECISE FLOOR.PRECISE ISO.CEILING _XLR.EACH.CEILING "
    "_XLR.EACH.FLOOR DATEDIF _XLR.EACH.DATEDIF".split()
)
_CALLS = re.compile(
    r"(?<![\w])(?:(?:_xlfn\.)?(?:ISO\.CEILING|CEILING|FLOOR)(?:\.MATH|\.PRECISE)?|DATEDIF)\(", re.IGNORECASE
)
_UNCHECKED = "one of many CEILING, FLOOR or DATEDIF cells not checked for a call whose Excel answer is not certain"
#: the count of :data:`UNSURE`'s notes when the last workbook was looked at
_seen_before = [0]


def unsure_step_cells(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], listed: set[tuple[str, str]] = frozenset()
) -> list[Unsupported]:
    """Every formula cell (not in ``listed``: (sheet, cell)) calling one of :data:`STEPS` where a call's result at 15
    digits is not its binary product, with the call; nothing is evaluated again when no call was in doubt."""
    if UNSURE.count == _seen_before[0]:
        return []
    found: list[Unsupported] = []
    checked = 0
    for sheet, texts in formulas.items():
        if not STEPS & texts.called():
            continue
        target = workbook.sheet(sheet)
        for place in texts.places_of_shapes(_CALLS.search):
            ref = texts.refs[place]
            if (sheet, ref) in listed:
                continue
            checked += 1
            if checked > MAX_CHECKED:
                found.append(Unsupported(sheet, ref, "CEILING", _UNCHECKED))
                continue
            reason = noted_again(workbook, target, sheet, place, UNSURE)
            if reason:
                found.append(Unsupported(sheet, ref, reason.partition("(")[0], reason))
    _seen_before[0] = UNSURE.count
    return found
