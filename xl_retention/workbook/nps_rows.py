"""The answers a month's row of the NPS sheet reads (``{scores}`` of the template's formulas there), for a formula of
that row that was cleared: recalc names it (:mod:`.template_cells`) and upgrade puts it back (:mod:`.upgrade`).

The template's NPS formulas each read the month's column of 'NPS scores' (``'NPS scores'!C$2:C$1001``, on the sheet
as the user renamed it, as many rows as ``import --nps`` widened them to): the range is taken from another of the
row's formulas (its responses, promoters, ...), else from the nearest month's, its column moved by as many months.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from openpyxl.utils import column_index_from_string, get_column_letter

__all__ = ["formula_scores", "row_scores"]

#: the answers an NPS formula of the template reads: the argument of its COUNTA (``=IF(COUNTA('NPS scores'!B$2:...``)
_SCORES = re.compile(r"^=IF\(COUNTA\(([^()]+)\)=0,", re.IGNORECASE)
#: the first template's (8b3d91a7), without that guard: ``=NPS('NPS scores'!B$2:B$1001)``, ``=INDEX(NPS_BREAKDOWN(...``
_EARLY_SCORES = re.compile(r"^=(?:INDEX\(NPS_BREAKDOWN|NPS|NPS_MOE)\(([^()]+)\)", re.IGNORECASE)
#: a one-column range of rows, as the template writes it: B$2:B$1001
_COLUMN_RANGE = re.compile(r"!\$?([A-Z]{1,3})(\$?[0-9]+):\$?([A-Z]{1,3})(\$?[0-9]+)$")


def formula_scores(formula: object) -> str | None:
    """The answers an NPS formula of the template reads (its COUNTA's range), or None.

    >>> formula_scores("=IF(COUNTA('NPS scores'!C$2:C$1001)=0,\\"\\",NPS('NPS scores'!C$2:C$1001))")
    "'NPS scores'!C$2:C$1001"
    >>> formula_scores("=INDEX(NPS_BREAKDOWN('NPS scores'!B$2:B$1001),1,4)")
    "'NPS scores'!B$2:B$1001"
    >>> formula_scores("=SUM(B2:B9)") is None
    True
    """
    found = (_SCORES.search(formula) or _EARLY_SCORES.search(formula)) if isinstance(formula, str) else None
    return found.group(1) if found is not None else None


def _shifted(scores: str, months: int) -> str | None:
    """``scores`` (one column's range) ``months`` columns to the right; None for another shape or before column A."""
    found = _COLUMN_RANGE.search(scores)
    if found is None or found.group(1) != found.group(3):
        return None
    index = column_index_from_string(found.group(1)) + months
    if index < 1:
        return None
    letter = get_column_letter(index)
    return f"{scores[: found.start()]}!{letter}{found.group(2)}:{letter}{found.group(4)}"


def row_scores(row: int, rows: Iterable[int], formulas: Callable[[int], Iterable[object]]) -> str | None:
    """The answers the NPS sheet's ``row`` reads: from one of its formulas (``formulas(row)``: the row's cells of the
    template's columns over ``{scores}``), else from the nearest of ``rows`` (the sheet's month rows) that has one,
    its column moved by the rows between (a month per row, a month per column); None where no row has one.

    >>> cells = {2: ["=IF(COUNTA('NPS scores'!B$2:B$1001)=0,\\"\\",1)"], 3: [None], 4: [None]}
    >>> row_scores(4, [2, 3, 4], lambda r: cells[r])
    "'NPS scores'!D$2:D$1001"
    """
    for value in formulas(row):
        if (scores := formula_scores(value)) is not None:
            return scores
    for other in sorted(rows, key=lambda r: (abs(r - row), r)):
        if other == row:
            continue
        for value in formulas(other):
            if (scores := formula_scores(value)) is not None:
                return _shifted(scores, row - other)
    return None
