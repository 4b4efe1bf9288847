"""How a classic formula reads a range as one value (implicit intersection), and the reason said where the range
has no cell in the formula's row or column: :func:`read_as_one_value` tells which range tokens are read so (beside an
operator, alone, a function's argument taking one value); :func:`one_value_reason` says why the cell is #VALUE!
(:mod:`.intersection_reasons`, :mod:`.moved_reasons`).
"""

from __future__ import annotations

from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import get_column_letter

from ..sheet_names import written
from .excel_functions.wraps import ONE_CELL
from .formula_tokens import _bounds, _bracket, argument_spans
from .intersection import _PASS_THROUGH
from .rewrite_shapes import SCALAR_ARGUMENTS

__all__ = ["one_value_reason", "read_as_one_value"]

#: operators reading their operands as values (not the reference operators ``:``, `` ``, ``,``)
_VALUE_OPERATORS = frozenset(["+", "-", "*", "/", "^", "&", "=", "<", ">", "<=", ">=", "<>", "%"])


def read_as_one_value(tokens: list[Token], i: int, calls: list[list], last: int | None = None) -> bool:
    """Whether the range token ``i`` (the tokens ``i`` to ``last``) is read as one value: beside an operator reading
    values (brackets around it alone looked through), the whole formula, the whole argument of a function taking one
    value there, or LET's calculation where the LET is read so (``=LET(x,1,B5:C5)+0``)."""
    last = i if last is None else last
    before, after = i - 1, last + 1
    while before >= 0 and after < len(tokens) and _bracket(tokens[before], tokens[after]):
        before, after = before - 1, after + 1
    neighbours = (tokens[before] if before >= 0 else None, tokens[after] if after < len(tokens) else None)
    if any(
        t is not None and t.type in (Token.OP_IN, Token.OP_PRE, Token.OP_POST) and t.value in _VALUE_OPERATORS
        for t in neighbours
    ):
        return True
    if neighbours == (None, None):
        return True
    alone = all(t is not None and t.type in (Token.FUNC, Token.SEP) for t in neighbours)
    if not alone or not calls:
        return False
    name, position = calls[-1][0], calls[-1][1]
    positions = SCALAR_ARGUMENTS.get(name, frozenset())
    if positions is None or position in positions or name == ONE_CELL:
        return True
    if len(calls[-1]) < 3:
        return False
    spans, close = argument_spans(tokens, calls[-1][2])
    through = _PASS_THROUGH.get(name, frozenset())  # IF's branch, LET's calculation: read as the call is
    passed = position == len(spans) - 1 if name == "LET" else through is None or position in through
    return passed and read_as_one_value(tokens, calls[-1][2], calls[:-1], close)


def one_value_reason(
    sheet: str, ref: str, place: tuple[int, int], tokens: list[Token], i: int, reference: str, called: bool = False
) -> str | None:
    """The reason: the range as written (with an operator before it), the cells it denotes, the row or column
    missed, what to do (``called``: an xl-retention function's argument)."""
    found = _bounds(reference)
    if found is None:
        return None
    where, (left, top, right, bottom) = found
    row, column = place
    shown = tokens[i].value
    if i > 0 and tokens[i - 1].type == Token.OP_PRE:
        shown = tokens[i - 1].value + shown
    target = written(where.rstrip("!").strip("'").replace("''", "'")) if where else written(sheet)
    area = f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}"
    cell = f"{written(sheet)}!{ref}"
    if top == bottom and left != right:
        own = "column"
        missed = (
            f"{cell} is in column {get_column_letter(column)}, outside columns "
            f"{get_column_letter(left)}-{get_column_letter(right)}"
        )
    elif left == right and top != bottom:
        own = "row"
        missed = f"{cell} is in row {row}, outside rows {top}-{bottom}"
    else:
        own = "row and column"
        missed = f"{cell} is not in it"
    name = "" if shown.replace("$", "").upper().endswith(area) else f" ({target}!{area})"
    advice = "to read each of its cells, enter the formula as an array formula (Ctrl+Shift+Enter)"
    if called:
        first = f"{get_column_letter(left)}{top}"
        per = {"row": "one value per row", "column": "one value per column"}.get(own, "one value per cell")
        advice = (
            f"enter it as a dynamic array formula (Excel 365; it spills {per}) or give it one cell ({first} in "
            f"place of {get_column_letter(left)}{top}:{get_column_letter(right)}{bottom})"
        )
    none = ", so there is no such cell" if called else ""
    return (
        f"{shown}{name} is read as one value, the cell of {target}!{area} in the formula's own {own} (a classic, "
        f"non-array formula's implicit intersection), and {missed}{none}: {advice}"
    )
