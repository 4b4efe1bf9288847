"""The range a reference text denotes without running it: a range, or INDEX or OFFSET of one with whole numbers.

A classic formula (no dynamic-array flag) reading ``INDEX(B2:C4,2,0)`` or a LET name of it as one value takes the
cell of its range, S!B3:C3, in the formula's row or column (implicit intersection); in column E there is none and the
cell is #VALUE!, as in Excel. :mod:`.intersection_reasons` names that range in the cell's reason, which
:func:`reference_area` gives: ``INDEX(B2:C4,2,0)`` is ``B3:C3``, ``OFFSET(B2,1,0,1,2)`` is ``B3:C3``. An argument
that is not a whole number typed in (a cell, a name, a calculation) gives None: known only when the formula runs.
"""

from __future__ import annotations

from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.utils.cell import get_column_letter

from .formula_tokens import _bare_name, _box, argument_spans

__all__ = ["reference_area"]

_Box = tuple[str, tuple[int, int, int, int]]


def _number(tokens: list[Token]) -> int | None:
    """The whole number ``tokens`` type (``2``, ``-1``) or give by arithmetic of numbers typed in (``4-1``, ``(2+2)``,
    as a LET name of one is written: :mod:`.let_index_names`); None for anything else."""
    try:
        value, end = _sum(tokens, 0)
    except (ArithmeticError, ValueError, IndexError, TypeError):  # 1/0, (-8)^(1/3), a text or a cell
        return None
    return int(value) if end == len(tokens) and value.is_integer() else None


def _sum(tokens: list[Token], k: int) -> tuple[float, int]:
    """The value of the sum (difference) starting at ``tokens[k]`` and the index after it: Excel's precedence,
    negation before %, ^ (left to right), then * and /, then + and -. Raises ValueError for any other token."""
    value, k = _product(tokens, k)
    while k < len(tokens) and tokens[k].type == Token.OP_IN and tokens[k].value in "+-":
        other, after = _product(tokens, k + 1)
        value, k = (value + other if tokens[k].value == "+" else value - other), after
    return value, k


def _product(tokens: list[Token], k: int) -> tuple[float, int]:
    value, k = _power(tokens, k)
    while k < len(tokens) and tokens[k].type == Token.OP_IN and tokens[k].value in "*/":
        other, after = _power(tokens, k + 1)
        value, k = (value * other if tokens[k].value == "*" else value / other), after
    return value, k


def _power(tokens: list[Token], k: int) -> tuple[float, int]:
    value, k = _signed(tokens, k)
    while k < len(tokens) and tokens[k].type == Token.OP_IN and tokens[k].value == "^":
        other, k = _signed(tokens, k + 1)
        value = float(value**other)
    return value, k


def _signed(tokens: list[Token], k: int) -> tuple[float, int]:
    if tokens[k].type == Token.OP_PRE and tokens[k].value in "+-":
        value, after = _signed(tokens, k + 1)
        return (-value if tokens[k].value == "-" else value), after
    token = tokens[k]
    if token.type == Token.OPERAND and token.subtype == Token.NUMBER:
        value, k = float(token.value), k + 1
    elif token.type == Token.PAREN and token.subtype == Token.OPEN:
        value, k = _sum(tokens, k + 1)
        if tokens[k].type != Token.PAREN or tokens[k].subtype != Token.CLOSE:
            raise ValueError(tokens[k].value)
        k += 1
    else:
        raise ValueError(token.value)
    while k < len(tokens) and tokens[k].type == Token.OP_POST and tokens[k].value == "%":
        value, k = value / 100, k + 1
    return value, k


def _index(found: _Box, numbers: list[int | None]) -> _Box | None:
    """INDEX(reference, row, column) of ``found``: a row (column) 0 is every row (column)."""
    where, (left, top, right, bottom) = found
    height, width = bottom - top + 1, right - left + 1
    if len(numbers) == 1 and None not in numbers:  # INDEX(B5:C5,2): one row or one column, a place along it
        if height == 1:
            numbers = [1, numbers[0]]
        elif width == 1:
            numbers = [numbers[0], 1]
        else:
            return None
    if len(numbers) != 2 or None in numbers:
        return None
    row, column = numbers
    if row is None or column is None or not (0 <= row <= height and 0 <= column <= width):
        return None
    top, bottom = (top, bottom) if row == 0 else (top + row - 1, top + row - 1)
    left, right = (left, right) if column == 0 else (left + column - 1, left + column - 1)
    return where, (left, top, right, bottom)


def _offset(found: _Box, numbers: list[int | None]) -> _Box | None:
    """OFFSET(reference, rows, columns[, height, width]) of ``found``; a height or width left out is the
    reference's own (left out, not empty)."""
    where, (left, top, right, bottom) = found
    numbers = numbers + [None] * (4 - len(numbers))
    down, across, height, width = numbers[:4]
    if down is None or across is None or len(numbers) > 4:
        return None
    height = bottom - top + 1 if height is None else height
    width = right - left + 1 if width is None else width
    top, left = top + down, left + across
    if height < 1 or width < 1 or top < 1 or left < 1:
        return None
    return where, (left, top, left + width - 1, top + height - 1)


def _area(tokens: list[Token], start: int, end: int) -> _Box | None:
    if start >= end:
        return None
    first = tokens[start]
    if end - start == 1:
        return _box(first.value) if first.type == Token.OPERAND and first.subtype == Token.RANGE else None
    if first.subtype != Token.OPEN or first.type not in (Token.PAREN, Token.FUNC):
        return None
    spans, close = argument_spans(tokens, start)
    if close != end - 1:
        return None
    if first.type == Token.PAREN:
        return _area(tokens, start + 1, end - 1)
    name = _bare_name(first.value[:-1])
    if name not in ("INDEX", "OFFSET") or len(spans) < 2:
        return None
    found = _area(tokens, *spans[0])
    if found is None:
        return None
    if any(a >= b for a, b in spans[1:]):
        return None  # an argument left empty (OFFSET(B2,1,0,,2)): not read here
    numbers = [_number(tokens[a:b]) for a, b in spans[1:]]
    if name == "INDEX":
        return _index(found, numbers)
    return _offset(found, numbers) if len(spans) in (3, 4, 5) else None


def reference_area(reference: str) -> str | None:
    """The range ``reference`` denotes (``S!B3:C3``, ``B3``): a range typed in, or INDEX or OFFSET of one (through
    brackets) whose other arguments are whole numbers typed in; None otherwise.

    >>> reference_area("INDEX(B2:C4,2,0)"), reference_area("OFFSET(B2,1,0,1,2)"), reference_area("INDEX(B2:C5,0,1)")
    ('B3:C3', 'B3:C3', 'B2:B5')
    >>> reference_area("(S!B5:C5)"), reference_area("INDEX(B5:C5,2)"), reference_area("INDEX(INDEX(B2:C5,0,2),3)")
    ('S!B5:C5', 'C5', 'C4')
    >>> reference_area("INDEX(B2:C4,A1,0)"), reference_area("OFFSET(B2,1,0,,2)"), reference_area("B5:C5+0")
    (None, None, None)
    >>> reference_area("OFFSET(B2,4-1,0,1,2)"), reference_area("INDEX(B2:C5,-2^2,0)")  # Excel's -2^2 is 4
    ('B5:C5', 'B5:C5')
    >>> reference_area("INDEX(B2:C5,(2+2)*50%,0)"), reference_area("INDEX(B2:C5,1/0,0)")
    ('B3:C3', None)
    """
    try:
        tokens = [t for t in Tokenizer("=" + reference.removeprefix("=")).items if t.type != Token.WSPACE]
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read)
        return None
    found = _area(tokens, 0, len(tokens))
    if found is None:
        return None
    where, (left, top, right, bottom) = found
    corner = f"{get_column_letter(left)}{top}"
    return (
        f"{where}{corner}" if (left, top) == (right, bottom) else f"{where}{corner}:{get_column_letter(right)}{bottom}"
    )
