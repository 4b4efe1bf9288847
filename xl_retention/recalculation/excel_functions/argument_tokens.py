"""The tokens of a formula's calls, read for :mod:`.arguments`: the spans of a call's arguments, its closing bracket,
and what an argument given as tokens may be (an error, typed text, a logical, a negative number).

Split from :mod:`.arguments` verbatim; :mod:`.arguments` re-exports ``_arguments``, which other modules read there:
the spans of :mod:`.call_arguments`, as ``_matching`` is its ``closing``.
"""

from __future__ import annotations

import re

from openpyxl.formula.tokenizer import Token

from .call_arguments import call_spans as _arguments  # noqa: F401  (re-exported: .arguments reads it here)
from .call_arguments import closing as _matching
from .typed import bracketed_reference as _bracketed_reference

#: functions whose result is never a negative number: as a row or column number of INDEX, no check needed
_POSITIONS = frozenset(
    ("MATCH", "XMATCH", "ROW", "ROWS", "COLUMN", "COLUMNS", "COUNT", "COUNTA", "COUNTIF", "COUNTIFS", "_XLR.MATCH")
)

_CELL = re.compile(r"\$?[A-Za-z]{1,3}\$?\d+")


def _name(token: Token) -> str:
    name = token.value[:-1].upper()
    for prefix in ("_XLFN.", "_XLWS."):
        name = name.removeprefix(prefix)
    return name


def _may_be_error(key: list[Token]) -> bool:
    """Whether a lookup value can be an error: not a typed constant, and no multi-cell range (left as it is)."""
    inner = [t for t in key if t.type != Token.WSPACE]
    if not inner or (len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype != Token.RANGE):
        return False
    return not any(t.type == Token.OPERAND and t.subtype == Token.RANGE and ":" in t.value for t in inner)


def _range_follows(tokens: list[Token], close: int) -> bool:
    """Whether the call closed at ``close`` is the start of a range (``INDEX(A:B,0,1):B5``): left as it is."""
    return close + 1 < len(tokens) and tokens[close + 1].value.startswith(":")


def _next_to_arithmetic(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` is an operand of +, -, *, / or ^ (spaces aside)."""
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(tokens) and tokens[k].type == Token.WSPACE:
            k += step
        if 0 <= k < len(tokens) and tokens[k].type in (Token.OP_IN, Token.OP_PRE) and tokens[k].value in "+-*/^":
            return True
    return False


def _may_be_error_value(argument: list[Token]) -> bool:
    """Whether an argument of COUNT may be an error value given directly: an expression or a typed error, not a
    reference (whose error cells the engine already leaves out) nor a typed number, text or logical."""
    return not _bracketed_reference(argument) and any(  # (B2): a reference, COUNT leaves its text out (.typed)
        t.type in (Token.FUNC, Token.OP_IN, Token.OP_PRE, Token.OP_POST, Token.PAREN)
        or (t.type == Token.OPERAND and t.subtype == Token.ERROR)
        for t in argument
    )


def _may_be_error_or_text(argument: list[Token]) -> bool:
    """Whether an argument may be an error, or is typed text (LARGE(A1:A3,"abc"): #VALUE! given first, .truncated)."""
    return _may_be_error(argument) or _typed_text(argument) is not None


def _typed_text(argument: list[Token]) -> str | None:
    """The text of an argument that is typed text alone (``"<M"`` -> ``<M``), else None."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    if len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype == Token.TEXT:
        return inner[0].value[1:-1].replace('""', '"')
    return None


def _may_be_logical(argument: list[Token]) -> bool:
    """Whether CHOOSE's index may be a logical or text (a cell or an expression, not a number typed in)."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    if len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype == Token.NUMBER:
        return False
    first = inner[0] if inner else None
    if first is not None and first.type == Token.FUNC and first.subtype == Token.OPEN and _name(first) in _POSITIONS:
        return _matching(inner, 0) != len(inner) - 1
    return bool(inner)


def _single_cell(argument: list[Token]) -> bool:
    inner = [t for t in argument if t.type != Token.WSPACE]
    return (
        len(inner) == 1
        and inner[0].type == Token.OPERAND
        and inner[0].subtype == Token.RANGE
        and ":" not in inner[0].value
        and _CELL.fullmatch(inner[0].value.rpartition("!")[2]) is not None
    )


def _may_be_negative(argument: list[Token]) -> bool:
    """Whether a row or column number of INDEX may be negative: not empty, a number typed in, a bare multi-cell
    range (left to the engine) or one call of a function giving positions or counts."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    if not inner or (len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype == Token.NUMBER):
        return False
    if len(inner) == 1 and inner[0].type == Token.OPERAND and ":" in inner[0].value:
        return False
    first = inner[0]
    if first.type == Token.FUNC and first.subtype == Token.OPEN and _name(first) in _POSITIONS:
        return _matching(inner, 0) != len(inner) - 1
    return True
