"""The cells whose text, no number, a formula's arithmetic takes through a call giving a reference, followed to
where the text is typed: ``=CRR(T!B2+'Raw data'!B2,1,10)``'s ``customers_end is the error value #VALUE!`` given
``'Raw data'!B2 is the text 'n/a', no number`` (:func:`arithmetic_origin`), and a #VALUE! cell with no xl-retention
function, ``=INDEX(A3:A4,1)*2`` (:func:`looked_up_texts`; H160 finding 02: the reason was empty). Split from
:mod:`.value_origins`, whose probes of where an argument is these read.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ..registry import BY_NAME
from .formula_texts import position
from .let_references import let_inlined
from .literal_reasons import _text_read
from .reason_cells import _arguments
from .text_literals import LITERALS as _LITERALS
from .value_origins import _cell, _engine_text, _names_inlined, _probe, _traced_to, _value

if TYPE_CHECKING:
    import formualizer as fz

    from .formula_texts import FormulaTexts

__all__ = ["arithmetic_origin", "looked_up_texts"]


#: "CRR: customers_end is the error value #VALUE! (#VALUE!)": an argument computed as an error in the formula itself
_ERROR_ARGUMENT = re.compile(
    r"^(?P<function>[A-Z_][A-Z0-9_.]*): (?P<argument>\w+) is the error value #VALUE! \(#VALUE!\)$"
)


def arithmetic_origin(
    workbook: fz.Workbook,
    formulas: dict[str, FormulaTexts],
    reason: str,
    sheet: str,
    ref: str,
    names: dict[str, dict[str, str]] | None = None,
) -> str:
    """``reason`` ("CRR: customers_end is the error value #VALUE! (#VALUE!)") with the cells its argument's
    arithmetic takes that hold a text Excel reads as no number (``=CRR(T!B2+'Raw data'!B2,1,10)``): ``...
    #VALUE!: 'Raw data'!B2 is the text 'n/a', no number (#VALUE!)``; else ``reason`` as it is."""
    found = _ERROR_ARGUMENT.match(reason)
    function = BY_NAME.get(found["function"]) if found is not None else None
    arguments = [a.name for a in function.args] if function is not None else []
    if found is None or found["argument"] not in arguments:
        return reason
    k = arguments.index(found["argument"])
    text = _engine_text(workbook, sheet, *position(ref))
    texts = {args[k] for args in _arguments(text or "", function.name) if k < len(args) and args[k]}
    if len(texts) != 1:
        return reason
    argument = _names_inlined(texts.pop(), sheet, names)
    named = _text_read(workbook, _LITERALS.sub('""', argument), sheet)
    row, column = position(ref)
    if named is None and (row, column) in formulas.get(sheet, {}):  # =CRR(VLOOKUP("Feb",A1:B3,2,FALSE)+0,1,100):
        calls = _arguments(let_inlined(formulas[sheet][row, column]), function.name)
        written = {args[k] for args in calls if k < len(args) and args[k]}
        if len(written) == 1:  # the cell the lookup finds, from the formula as written (the engine's wraps it)
            named = _looked_up(workbook, formulas, sheet, row, column, _names_inlined(written.pop(), sheet, names))
    return reason if named is None else f"{reason.removesuffix(' (#VALUE!)')}: {named} (#VALUE!)"


_OPERATORS = frozenset("+-*/^")


def _arithmetic_calls(formula: str) -> list[str]:
    """The calls ``formula`` (as stored, no ``=``) takes in arithmetic: a call right after ``+ - * / ^`` (or a sign)
    or right before one (``INDEX(A3:A4,1)*2``, ``2*-VLOOKUP(..)``), each as written.

    >>> _arithmetic_calls('INDEX(A3:A4,1)*2+SUM(B1:B2)'), _arithmetic_calls('2 * VLOOKUP("k",A1:B2,2,0)')
    (['INDEX(A3:A4,1)', 'SUM(B1:B2)'], ['VLOOKUP("k",A1:B2,2,0)'])
    >>> _arithmetic_calls('IF(A1>0,INDEX(A3:A4,1),0)'), _arithmetic_calls("-_xlfn.XLOOKUP(1,A1:A2,B1:B2)")
    ([], ['_xlfn.XLOOKUP(1,A1:A2,B1:B2)'])
    """
    try:
        tokens = Tokenizer("=" + formula).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer cannot read: nothing found)
        return []
    solid = [k for k, token in enumerate(tokens) if token.type != Token.WSPACE]
    found = []
    for n, k in enumerate(solid):
        if tokens[k].type != Token.FUNC or tokens[k].subtype != Token.OPEN:
            continue
        depth, m = 0, n
        for m in range(n, len(solid)):
            token = tokens[solid[m]]
            if token.type in (Token.FUNC, Token.PAREN) and token.subtype in (Token.OPEN, Token.CLOSE):
                depth += 1 if token.subtype == Token.OPEN else -1
                if depth == 0:
                    break
        before = tokens[solid[n - 1]] if n else None
        after = tokens[solid[m + 1]] if m + 1 < len(solid) else None
        if (before is not None and before.type in (Token.OP_IN, Token.OP_PRE) and before.value in _OPERATORS) or (
            after is not None and after.type == Token.OP_IN and after.value in _OPERATORS
        ):
            found.append("".join(token.value for token in tokens[k : solid[m] + 1]))
    return found


def looked_up_texts(workbook: fz.Workbook, formulas: dict[str, FormulaTexts], sheet: str, ref: str) -> str | None:
    """Why the formula cell ``sheet!ref`` (no xl-retention function in it) is #VALUE!: the cells whose text, no number,
    its arithmetic takes through a call giving a reference (``=INDEX(A3:A4,1)*2``, ``=VLOOKUP("Feb",A6:B6,2,0)*2``,
    ``=XLOOKUP(..)+0``), followed through formula cells to where it is typed: ``S!A3 is the text 'n/a', no
    number``; None where there is none (H160 finding 02: the reason was empty)."""
    row, column = position(ref)
    if (row, column) not in formulas.get(sheet, {}):
        return None
    return _looked_up(workbook, formulas, sheet, row, column, let_inlined(formulas[sheet][row, column]))


def _looked_up(
    workbook: fz.Workbook, formulas: dict[str, FormulaTexts], sheet: str, row: int, column: int, text: str
) -> str | None:
    """:func:`looked_up_texts` of the formula text ``text`` (or an argument's), evaluated in the cell at ``row``,
    ``column`` of ``sheet``."""
    from .excel_functions.text import text_to_number  # noqa: PLC0415
    from .literal_reasons import no_number  # noqa: PLC0415

    found = []
    for call in _arithmetic_calls(text):
        at = _probe(workbook, sheet, row, column, call)
        if at is None or at[3] != 1 or at[4] != 1:
            continue
        held = _value(workbook, *at[:3])
        if not isinstance(held, str) or not held or not isinstance(text_to_number(held), str):
            continue
        named, origin = _traced_to(workbook, formulas, at[:3], repr(held), None)
        texts, place = formulas.get(origin[0], {}), (origin[1], origin[2])
        made = texts[place] if place in texts else None  # ="185"&CHAR(9): no cell to type it again in
        step = no_number(held, made=made is not None)
        if made:  # the character taken off in the formula that makes the text, named with its cell
            step = step.replace("in the formula that makes it:", f"in {_cell(*origin)}'s formula ={made}:", 1)
        named = f"{named} {step}"
        if named not in found:
            found.append(named)
    return ", ".join(found) if found else None
