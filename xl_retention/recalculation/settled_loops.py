"""Excel's stored solution of a loop, kept where the engine stopped short of it (iterative calculation on).

The engine iterates a loop from blank cells and stops when a step changes less than iterateDelta; Excel iterates from
the values the cells hold, its stored solution. ``D1 = D2*0.5+10``, ``D2 = D1*0.2`` with iterateDelta 0.001: Excel
stored 100/9 and 20/9 (one step from them changes nothing), the engine gave 11.1111 and 2.22222, which were written
under status ok (H319's finding 04). :func:`.cycles.iterative_starts` names such cells (the engine's value within the
tolerance of the stored one, not equal: ``near``); :func:`keep_settled` puts the stored values in the engine where one
step of each formula from them, with the inputs now, stays within the tolerance (:func:`.kept.keep_stored`'s test,
the one a time stamp passes): the value Excel shows, whoever saved the file, as Excel iterates from the values the
cells hold. A stored value that no longer solves the loop gives way to the engine's again (its formula set back).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import kept
from .cycles import ITERATIVE_REASON
from .formula_texts import position
from .package import PackageInfo
from .unsupported import Unsupported

__all__ = ["keep_settled"]


def keep_settled(
    workbook: Any, path: str, info: PackageInfo, near: list[tuple[str, str]], literal: Callable[[Any], Any]
) -> bool:
    """Put the stored value of each ``near`` cell (sheet, "A1") in ``workbook`` where it still solves its loop; True
    when any was put (the workbook is to be evaluated again)."""
    formulas = {cell: kept._formula_of(workbook, *cell) for cell in near}
    items = [
        Unsupported(sheet, ref, "circular reference", ITERATIVE_REASON) for sheet, ref in near if formulas[(sheet, ref)]
    ]
    if not items:
        return False
    kept.keep_stored(workbook, path, info, items, literal, stored_current=True)
    for item in items:
        if not item.kept:  # no stored value, or one the loop has moved away from: the engine's value stands
            workbook.set_formula(item.sheet, *position(item.ref), formulas[(item.sheet, item.ref)])
    return any(item.kept for item in items)
