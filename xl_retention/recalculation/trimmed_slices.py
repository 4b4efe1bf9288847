"""INDEX of whole columns taking one whole by a column number computed when the formula runs: listed where its size
matters.

Microsoft's INDEX: "If you set row_num or column_num to 0 (zero), INDEX returns the reference for the entire column or
row, respectively": ``INDEX(A:B,0,H1)`` with H1 2 is B:B, 1,048,576 rows. formualizer 0.13 gives the rows in use only.
A column number typed in is written out as the column itself (:mod:`.excel_functions.whole_slices`, ``A:A``); a
computed one (``INDEX(A:B,0,MATCH("Status",1:1,0))``) is left to the engine, whose short column made
``FILTER(A:B,INDEX(A:B,0,MATCH(..))="x")`` #VALUE! (an include array of the rows in use against 1,048,576 rows),
``XLOOKUP("x",INDEX(A:B,0,H1),A:A)`` #VALUE! and ``UNIQUE(INDEX(A:B,0,H1))`` without the blank rows' 0, status ok.
Writing it as ``CHOOSE(k,A:A,B:B)`` broke classic formulas (H108's finding 01). :func:`trimmed_slices` lists such a
cell, unless the call is where the rows in use give Excel's answer: an argument alone of SUM, COUNT, COUNTA, COUNTIF,
MAX, MIN, AVERAGE, ROWS, COLUMNS or MATCH's lookup array, or a plain formula of that INDEX alone (one cell of it, as
Excel's implicit intersection). Whole rows taking one whole (``INDEX(1:2,H1,0)``) alike, but a plain formula of it
alone too: in Z5 the engine gave the row's first value in use ('p', A2) where Excel's is Z2's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from .excel_functions.arguments import _arguments
from .excel_functions.whole_slices import _WHOLE_COLUMNS, _WHOLE_ROWS
from .unsupported import Unsupported

if TYPE_CHECKING:
    from .formula_texts import FormulaTexts
    from .package import PackageInfo

__all__ = ["REASON", "trimmed_slices"]

REASON = (
    "INDEX takes a whole column (row) of whole columns (rows) here by a number computed when the formula runs "
    "({call}); Excel's answer is the whole column of 1,048,576 rows, the embedded engine gives the rows in use only, "
    "so it does not compute this formula"
)

#: functions an argument alone of which reads a whole column as its rows in use would (argument positions; None all)
_SAFE: dict[str, frozenset[int] | None] = {
    **dict.fromkeys(("SUM", "COUNT", "COUNTA", "MAX", "MIN", "AVERAGE", "ROWS", "COLUMNS"), None),
    "COUNTIF": frozenset({0}),
    "MATCH": frozenset({1}),
}
_HINT = re.compile(r"INDEX\(\s*(?:[^,()]*!)?\$?(?:[A-Z]{1,3}:\$?[A-Z]{1,3}|\d+:\$?\d+)\s*,")


def _name(token: Token) -> str:
    return token.value[:-1].upper().removeprefix("_XLFN.").removeprefix("_XLWS.")


def _solid(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.type != Token.WSPACE]


def _typed_number(part: list[Token]) -> bool:
    inner = _solid(part)
    return len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype == Token.NUMBER


def _zero(part: list[Token]) -> bool:
    inner = _solid(part)
    return not inner or (_typed_number(inner) and float(inner[0].value) == 0)


def _computed_slice(tokens: list[Token], i: int) -> tuple[int, bool] | None:
    """The index of the closing token of the INDEX call opened at ``i`` when it takes a column of whole columns (a
    row of whole rows) by a number not typed in, and whether it takes a column; None otherwise."""
    spans, close = _arguments(tokens, i)
    if len(spans) != 3 or (close + 1 < len(tokens) and tokens[close + 1].value.startswith(":")):
        return None
    area = _solid(tokens[spans[0][0] : spans[0][1]])
    if len(area) != 1 or area[0].type != Token.OPERAND or area[0].subtype != Token.RANGE:
        return None
    parts = [tokens[a:b] for a, b in spans]
    columns = _WHOLE_COLUMNS.match(area[0].value) is not None
    if not columns and _WHOLE_ROWS.match(area[0].value) is None:
        return None
    taken, zero = (parts[2], parts[1]) if columns else (parts[1], parts[2])
    return (close, columns) if _zero(zero) and not _typed_number(taken) and _solid(taken) else None


def _unsure_call(text: str, plain: bool) -> str | None:
    """The first such INDEX call of formula ``text`` (without ``=``) whose size matters; None when there is none."""
    try:
        tokens = [t for t in Tokenizer("=" + text).items if t.type != Token.WSPACE]
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not read: left to the engine)
        return None
    stack: list[list] = []  # [function name, argument position, token index where the argument began]
    for i, token in enumerate(tokens):
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            if _name(token) == "INDEX":
                sliced = _computed_slice(tokens, i)
                if sliced is not None:
                    close, columns = sliced
                    call = "".join(t.value for t in tokens[i : close + 1])
                    alone = (
                        close + 1 == len(tokens)
                        or tokens[close + 1].type == Token.SEP
                        or (tokens[close + 1].type == Token.FUNC and tokens[close + 1].subtype == Token.CLOSE)
                    )
                    if not stack:
                        # a column's cell in the formula's row is the engine's too; a row's was its first in use
                        safe = plain and columns and i == 0 and close + 1 == len(tokens)
                    else:
                        name, position, start = stack[-1]
                        positions = _SAFE.get(name, frozenset())
                        safe = alone and start == i and (positions is None or position in positions)
                    if not safe:
                        return call
            stack.append([_name(token), 0, i + 1])
        elif token.type == Token.ARRAY and token.subtype == Token.OPEN:
            stack.append(["{", 0, -1])  # an array constant's commas separate no arguments
        elif token.type in (Token.FUNC, Token.ARRAY) and token.subtype == Token.CLOSE:
            if stack:
                stack.pop()
        elif token.type == Token.SEP and token.subtype == Token.ARG and stack:
            stack[-1][1] += 1
            stack[-1][2] = i + 1
        elif token.type == Token.PAREN and stack:
            stack[-1][2] = -1  # a bracket in the argument: an expression, not the call alone
    return None


def trimmed_slices(formulas: dict[str, FormulaTexts], info: PackageInfo) -> list[Unsupported]:
    """Each formula cell holding INDEX of whole columns (rows) taking one by a computed number where the rows in use
    may not be Excel's answer (see the module docstring)."""
    found: list[Unsupported] = []
    for sheet, texts in formulas.items():
        if "INDEX" not in texts.called():
            continue
        cells = info.formulas.get(sheet, {})
        for place in texts.places_of_shapes(lambda shape: _HINT.search(shape.upper().replace("$", "")) is not None):
            ref = texts.refs[place]
            cell = cells.get(ref)
            plain = cell is None or cell.kind in ("normal", "shared")
            call = _unsure_call(texts[place], plain)
            if call is not None:
                found.append(Unsupported(sheet, ref, "INDEX", REASON.format(call=call)))
    return found
