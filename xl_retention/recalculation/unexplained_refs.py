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

Such a cell's error is the engine's alone unless Excel stored the same error in it: :func:`unvouched_line` names the
cells whose stored value is another (``=SUM(S!A1:S!A3:A4)``: Excel stored 100, the engine gives ``#REF!``) or none
(written by a program, never computed by Excel; not a ``#REF!`` of INDEX, OFFSET, INDIRECT, a lookup, a regression
(LINEST, LOGEST, TREND, GROWTH over ranges of other sizes) or a spill reference ``A1#``, which give it by their
arguments' values as Excel does), and :func:`.batch.recalc_file` makes the file ``incomplete``, never ``ok`` with
values it cannot vouch for (H376). A ``#REF!`` Excel stored too (``=INDEX(A1:A3,5)`` saved by Excel) leaves the file
``ok``: the engine agrees with Excel.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from openpyxl.utils.cell import range_boundaries

from ..cells import CellError
from ..sheet_names import SHEET, written
from .formula_texts import position

if TYPE_CHECKING:
    from .batch_reports import CellIssue
    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["REASONS", "unexplained_ref_reasons", "unvouched_line"]

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
#: a function giving #REF! by its arguments' values (a position past a range's end, LINEST's y's and x's of other
#: sizes), or a spill reference: a #REF!
#: Excel gives too, where no stored value says otherwise
_VALUED_REF = re.compile(
    r"(?<![\w.])(?:_xlfn\.)?(?:INDEX|OFFSET|INDIRECT|VLOOKUP|HLOOKUP|XLOOKUP|LOOKUP|CHOOSE|GETPIVOTDATA"
    r"|LINEST|LOGEST|TREND|GROWTH)\s*\("
    r"|[A-Za-z]{1,3}\$?\d+#|ANCHORARRAY\(",
    re.I,
)
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


def unvouched_line(path: str | os.PathLike[str], errors: Iterable[CellIssue]) -> str | None:
    """The report's line naming the cells of ``errors`` whose ``#REF!`` or ``#NAME?`` got :data:`REASONS`' reason for
    their own formula (not one passed on, ``, from S!B3``) where the workbook at ``path`` stores another value or
    none: the engine's error, which Excel did not give, so the file is ``incomplete``; None where there is none (a
    ``#REF!`` Excel stored too is Excel's own). The first three cells are named with what Excel stored, then the
    count: ``"S!C1 (=SUM(S!A1:S!A3:A4)) is #REF! where Excel stored 100 ..."``."""
    own: dict[tuple[str, str], tuple[str, str]] = {}  # (sheet, cell) -> (code, formula)
    for issue in errors:
        why = REASONS.get(issue.error)
        if why is None or not issue.reason.endswith(f"{why} ({issue.error})"):
            continue
        sheet, _, ref = issue.address.rpartition("!")
        start = f"{written(sheet)}!{ref}: the formula ="
        if issue.reason.startswith(start):
            own[(sheet, ref)] = (issue.error, issue.reason[len(start) : -len(f" {why} ({issue.error})")])
    if not own:
        return None
    from .package import stored_values

    wanted: dict[str, set[str]] = {}
    for sheet, ref in own:
        wanted.setdefault(sheet, set()).add(ref)
    stored = stored_values(os.fspath(path), wanted)
    found = []
    for (sheet, ref), (code, text) in own.items():
        held = stored.get(sheet, {}).get(ref)
        if isinstance(held, CellError) and held.code == code:
            continue  # Excel's own error: the engine agrees
        if held is None and code == "#REF!" and _VALUED_REF.search(_LITERALS.sub('""', text)):
            continue  # =INDEX(A1:A2,5), =VLOOKUP(4,D1:E4,3), =A1#: Excel's #REF! too, by its arguments' values
        what = "no value" if held is None else str(held).upper() if isinstance(held, (CellError, bool)) else repr(held)
        what = what[:-2] if isinstance(held, float) and what.endswith(".0") else what
        found.append(f"{written(sheet)}!{ref} (={text}) is {code} where Excel stored {what}")
    if not found:
        return None
    more = f", and {len(found) - 3} more such cells" if len(found) > 3 else ""
    return (
        f"{'; '.join(found[:3])}{more}: the embedded engine cannot read the formula or Excel did not compute it, and "
        "recalc finds no cause for the error, so these cells and those reading them have no value it can vouch for: "
        "check them in Excel (the output asks Excel to compute the workbook when it opens it)"
    )
