"""Why a formula reading a text as a number is #VALUE!: the text it reads, with what makes it no number to Excel.

``=VALUE("185"&CHAR(9))``, ``=("185"&CHAR(9))+0``, ``=--("185"&CHAR(160))``, ``=VALUE(A1)`` over "185" pasted with
a tab: Excel reads no number in a text with a tab, a line break or a space other than " " at an end (nor in "abc"),
and gives #VALUE!, as recalc now does (:mod:`.excel_functions.spaced_texts`, 5430f742); the engine keeps only the
code, so the cell was listed with no reason. :func:`text_value_reasons` evaluates what the formula reads as a number
-- each VALUE's argument, and each operand the rewrite passes through ``_XLR.NUMBER`` -- and names the first that is
such a text: ``VALUE("185"&CHAR(9)): "185"&CHAR(9) is the text '185\\t', no number to Excel (with a tab around
'185'): take it off in the formula: CLEAN(..) takes tabs and line breaks off, SUBSTITUTE(..,CHAR(160),"") a no-break
space (#VALUE!)``; a cell typed in is named as 5430f742 names it (``type 185 again in the cell without it``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..cells import CellError
from ..sheet_names import written
from .excel_functions.number_texts import NUMBER, SCALAR_NUMBER_FUNCTIONS, rewrite_number_texts
from .excel_functions.text import text_to_number
from .no_number_texts import no_number
from .read_cells import SINGLE as _SINGLE
from .read_cells import cells_read as _cells_read
from .read_cells import formula_at as _formula_at
from .read_cells import label as _label
from .reason_cells import call_end
from .text_literals import LITERALS as _LITERALS
from .unexplained import unexplained_errors
from .value_origins import evaluated

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["caused", "text_value_reasons"]

#: the #VALUE! cells looked at (each costs an evaluation or a few)
MAX_LOOKED_AT = 100
#: the operands of one formula evaluated
MAX_OPERANDS = 6
_VALUE = re.compile(r"(?i)(?<![\w.])VALUE\(")
_NUMBER = re.compile(r"(?i)(?<![\w.])" + re.escape(NUMBER) + r"\(")
#: functions adding the texts typed as their arguments (a reference's text they leave out: only other arguments)
_ADDING = frozenset(("SUM", "PRODUCT", "AVERAGE", "MIN", "MAX", "SUMSQ"))
#: a call of a function taking one number in each argument, or adding the texts typed as its arguments
_ONE_NUMBER = re.compile(
    r"(?i)(?<![\w.])(?:_xlfn\.)?(?:"
    + "|".join(re.escape(n) for n in sorted(SCALAR_NUMBER_FUNCTIONS | _ADDING))
    + r")\("
)
#: a number typed as an argument
_PLAIN = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def text_value_reasons(workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed) -> int:
    """Give each #VALUE! cell without a reason that reads as a number a text Excel reads as none (through VALUE or
    arithmetic the rewrite marks) that reason; returns how many got one."""
    named = 0
    for sheet, ref, place, text, _error in unexplained_errors(formulas, result, "#VALUE!", None, MAX_LOOKED_AT):
        operands = [(f"VALUE({a[0]})", a[0]) for _, a in _calls(_VALUE, text) if len(a) == 1]
        marked = rewrite_number_texts("=" + text, sheet, {}, calls=True)  # ("185"&CHAR(9))+0: its operand
        operands += [(None, a[0]) for _, a in _calls(_NUMBER, marked[1:]) if len(a) == 1]
        for name, args in _calls(_ONE_NUMBER, text):  # ROUND("185"&CHAR(9),0), SUM("185"&CHAR(9)): an argument
            adds = name.upper() in _ADDING
            operands += [
                (name, a) for a in args if a and not _PLAIN.fullmatch(a) and not (adds and _SINGLE.fullmatch(a))
            ]
        for call, operand in operands[:MAX_OPERANDS]:
            reason = _operand_reason(workbook, formulas, sheet, place, operand)
            whole = call if call is not None and call.startswith("VALUE(") else operand
            if reason is not None and caused(workbook, sheet, place, text, whole):
                head = f"{call}: " if call is not None else ""
                result.values[sheet][ref] = CellError("#VALUE!", f"{head}{reason} (#VALUE!)")
                named += 1
                break
    return named


def caused(
    workbook: fz.Workbook, sheet: str, place: tuple[int, int], text: str, operand: str, stand_in: str = "0"
) -> bool:
    """Whether the formula ``text`` at ``place`` gives no #VALUE! with ``operand`` (its text) written ``stand_in``
    (0; 1 where 0 is no value the formula takes there: ``LEFT(A1,FIND("-",A1)-1)``): the text read there is its
    cause (``IF(FALSE,VALUE("abc"),1/"x")``'s is not VALUE's); True where the operand is not found as written."""
    at = text.find(operand)
    if at < 0:
        return True
    held = evaluated(workbook, sheet, *place, "=" + text[:at] + stand_in + text[at + len(operand) :])
    return not (isinstance(held, dict) and str(held.get("kind", "")).upper() in ("#VALUE!", "VALUE"))


def _calls(pattern: re.Pattern[str], text: str) -> list[tuple[str, list[str]]]:
    """The name (as written) and argument texts of each call ``pattern`` finds in ``text`` (outside its quoted
    texts)."""
    bare = _LITERALS.sub(lambda m: "_" * len(m.group(0)), text)  # same places, no call found inside a text
    found = []
    for match in pattern.finditer(bare):
        end = call_end(text, match.end())
        if end is not None:
            found.append((text[match.start() : match.end() - 1].removeprefix("_xlfn."), end[0]))
    return found


def _operand_reason(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], sheet: str, place: tuple[int, int], operand: str
) -> str | None:
    """What the text ``operand`` (an expression of the formula at ``place``) gives is, where it is a text Excel reads
    as no number; None otherwise."""
    shown = (
        operand[1:-1]
        if operand.startswith("(") and call_end(operand, 1) == ([operand[1:-1]], len(operand))
        else operand
    )
    single = _SINGLE.fullmatch(shown.strip())
    if single is not None:  # a cell: typed in (5430f742's words) or made by its formula
        for _, where, letters, row, column, held in _cells_read(workbook, _SINGLE, shown.strip(), sheet):
            if not _no_number(held):
                return None
            cell = f"{written(where)}!{letters.upper()}{row}{_label(workbook, where, row, column)}"
            if not _formula_at(workbook, where, row, column) or (row, column) not in formulas.get(where, {}):
                return f"{cell} {no_number(held)}"
            return f"{cell} gives the text {held!r}, {no_number(held, made=True).split(', ', 1)[1]}"
        return None
    held = evaluated(workbook, sheet, *place, "=" + shown)
    if not _no_number(held):
        return None
    return f"{shown} {no_number(held, made=True)}"


def _no_number(held: Any) -> bool:
    """Whether ``held`` is a text, not spaces alone, that Excel reads as no number (a formula's "" or a blank read
    is said where it is made: :mod:`.literal_reasons`, :mod:`.value_origins`)."""
    return isinstance(held, str) and bool(held.strip()) and isinstance(text_to_number(held), str)
