"""A ``#REF!`` or ``#NAME?`` no reason step explains, as recalc's reason: never such an error listed with an empty
reason under status ok.

Excel's ``#REF!`` means a reference that is not there: a deleted sheet, row or column (``#REF!`` in the formula's or
a name's text, named by :mod:`.month_order`, :mod:`.undefined_names`, :mod:`.missing_references`), an ``INDIRECT``
text naming none (:mod:`.indirect_reasons`), a spill reference of a cell that does not spill. The engine also gives
it for forms it cannot read (``Cohorts!B2:Cohorts!B7*1`` before :mod:`.sheet_corners`: listed with no reason, the
user sent looking for a deletion that did not happen, H371's finding 01). :func:`unexplained_ref_reasons`, the last
step of :func:`.reasons.explain`, names each such cell, its formula and what was looked for, so that the user checks
that cell in Excel; a cell reading another's ``#REF!`` gets that cell's reason passed on (``, from S!B3``), also
through a range (``=SUM(A1:A3)``). So too a ``#NAME?`` (a name or function the workbook does not define: named by
:mod:`.undefined_names`, :mod:`.unprefixed`, :mod:`.unsupported`) where no step named its cause.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openpyxl.utils.cell import range_boundaries

from ..cells import CellError
from ..sheet_names import SHEET, written
from .formula_texts import position

if TYPE_CHECKING:
    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["REASONS", "unexplained_ref_reasons"]

#: what the reason says after the cell and its formula, by error code
REASONS = {
    "#REF!": (
        "gives #REF!: a reference that is not there (a position past a range's end, a deleted sheet, row or column) "
        "or one the embedded engine cannot read; recalc finds no deleted sheet, row, column or name in it: check the "
        "cell in Excel"
    ),
    "#NAME?": (
        "gives #NAME? (a name or function Excel does not know), though recalc finds no undefined name or function in "
        "it: check the cell in Excel"
    ),
}
_LITERALS = re.compile(r'"(?:[^"]|"")*"')
#: a single cell the formula reads (not a range's end)
_CELL = re.compile(r"(?<![\w.$:!'])(?:(" + SHEET + r")!)?\$?([A-Za-z]{1,3})\$?(\d+)(?![\w(:!])")
#: a range of cells the formula reads
_RANGE = re.compile(r"(?<![\w.$:!'])(?:(" + SHEET + r")!)?(\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+)(?![\w(:!])")


def unexplained_ref_reasons(formulas: dict[str, FormulaTexts], result: Computed, readers: bool = False) -> int:
    """Give each ``#REF!`` or ``#NAME?`` cell of ``result`` still without a reason the reason naming it and its
    formula (:data:`REASONS`); returns how many got one. ``readers`` False: only the cells reading no other cell in
    that error directly (each cell's own cause; :func:`.reasons.pass_reasons_on` then passes it on to its readers);
    True: every one left, a cell reading a range holding that error with a reason getting it (``, from S!A2``)."""
    named = 0
    for sheet, cells in result.values.items():
        texts = formulas.get(sheet)
        if texts is None:
            continue
        for ref, value in cells.items():
            if type(value) is not CellError or value.message or value.code not in REASONS:
                continue
            place = position(ref)
            if place not in texts:
                continue
            text = texts[place]
            if not readers and (
                _reads_error(text, sheet, result, value.code) or _range_origin(text, sheet, result, value.code, False)
            ):
                continue
            passed = _range_origin(text, sheet, result, value.code) if readers else None
            why = passed or f"{written(sheet)}!{ref}: the formula ={text} {REASONS[value.code]} ({value.code})"
            cells[ref] = CellError(value.code, why)
            named += 1
    return named


def _reads_error(text: str, sheet: str, result: Computed, code: str) -> bool:
    """Whether the formula ``text`` of ``sheet`` reads a single cell holding the error ``code``."""
    for match in _CELL.finditer(_LITERALS.sub('""', text)):
        where = match.group(1).strip("'").replace("''", "'") if match.group(1) else sheet
        held = result.values.get(where, {}).get(f"{match.group(2).upper()}{match.group(3)}")
        if type(held) is CellError and held.code == code:
            return True
    return False


def _range_origin(text: str, sheet: str, result: Computed, code: str, reasoned: bool = True) -> str | None:
    """The reason of the first cell holding the error ``code`` with a reason in a range the formula ``text`` reads,
    passed on (``..., from S!A2``); None where there is none. ``reasoned`` False: any such cell, with a reason or
    not (its address then)."""
    for match in _RANGE.finditer(_LITERALS.sub('""', text)):
        where = match.group(1).strip("'").replace("''", "'") if match.group(1) else sheet
        left, top, right, bottom = (int(n or 0) for n in range_boundaries(match.group(2).replace("$", "")))
        for ref, held in result.values.get(where, {}).items():
            if type(held) is CellError and held.code == code and (held.message or not reasoned):
                row, column = position(ref)
                if top <= row <= bottom and left <= column <= right:
                    return f"{held.message}, from {written(where)}!{ref}" if reasoned else f"{where}!{ref}"
    return None
