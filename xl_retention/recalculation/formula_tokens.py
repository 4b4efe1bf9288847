"""The formula tokens and references the rewrites of :mod:`.rewrite` share: A1 references and their boxes, function
names without their prefixes, the spans and texts of a call's arguments."""

from __future__ import annotations

import re

from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import column_index_from_string, range_boundaries

from ..sheet_names import SHEET

_A1_RANGE = re.compile(r"^(?P<sheet>" + SHEET + r"!)?(?P<a>\$?[A-Za-z]{1,3}\$?\d+)(?::(?P<b>\$?[A-Za-z]{1,3}\$?\d+))?$")


#: whole columns (``Data!B:B``, ``$A:$C``) and whole rows (``3:3``)
_WHOLE = re.compile(
    r"^(?P<sheet>" + SHEET + r"!)?"
    r"(?:\$?(?P<c1>[A-Za-z]{1,3}):\$?(?P<c2>[A-Za-z]{1,3})|\$?(?P<r1>\d+):\$?(?P<r2>\d+))$"
)


_LAST_ROW, _LAST_COLUMN = 1048576, 16384


def _box(reference: str) -> tuple[str, tuple[int, int, int, int]] | None:
    """(sheet prefix with ``!`` or "", (left, top, right, bottom)) of a cell, a range, whole columns or whole rows."""
    match = _A1_RANGE.match(reference)
    if match is not None:
        area = (match.group("a") + ":" + (match.group("b") or match.group("a"))).replace("$", "")
        return match.group("sheet") or "", range_boundaries(area)
    whole = _WHOLE.match(reference)
    if whole is None:
        return None
    if whole.group("c1"):
        left, right = (column_index_from_string(whole.group(k).upper()) for k in ("c1", "c2"))
        return whole.group("sheet") or "", (min(left, right), 1, max(left, right), _LAST_ROW)
    top, bottom = int(whole.group("r1")), int(whole.group("r2"))
    return whole.group("sheet") or "", (1, min(top, bottom), _LAST_COLUMN, max(top, bottom))


def _bounds(reference: str) -> tuple[str, tuple[int, int, int, int]] | None:
    """:func:`_box` of an A1 range (not one cell), whole columns or whole rows; None for one cell."""
    match = _A1_RANGE.match(reference)
    if match is not None and match.group("b") is None:
        return None
    return _box(reference)


def _bare_name(function: str) -> str:
    name = function.upper().lstrip(":")  # the tokenizer gives INDEX(..):INDEX( as ":INDEX("
    for prefix in ("_XLFN._XLWS.", "_XLFN.", "_XLWS."):
        name = name.removeprefix(prefix)
    return name


def _is_range(token: Token | None) -> bool:
    return token is not None and token.type == Token.OPERAND and token.subtype == Token.RANGE


def _is_operator(token: Token | None) -> bool:
    return token is not None and token.type in (Token.OP_IN, Token.OP_PRE, Token.OP_POST)


def _bracket(before: Token, after: Token) -> bool:
    """Whether ``before`` and ``after`` are an opening and a closing bracket (not a function call's)."""
    return (before.type, before.subtype, after.type, after.subtype) == (
        Token.PAREN,
        Token.OPEN,
        Token.PAREN,
        Token.CLOSE,
    )


def _top_separator(tokens: list[Token], open_index: int, k: int) -> bool:
    """Whether token ``k`` is an argument separator of the call opened at ``open_index`` (not of a call inside)."""
    if tokens[k].type != Token.SEP or tokens[k].subtype != Token.ARG:
        return False
    depth = 0
    for token in tokens[open_index + 1 : k]:
        if token.subtype == Token.OPEN:
            depth += 1
        elif token.subtype == Token.CLOSE:
            depth -= 1
    return depth == 0


def _arguments(tokens: list[Token], start: int, closer: str, commas: bool = False) -> tuple[list[str], int]:
    """The top-level arguments (as text) from ``start`` to the matching close token, and that token's index.
    ``commas``: every top-level comma separates, the union operator's too (a LAMBDA's call ``(v1, v2)``, where the
    tokenizer reads a comma in brackets as the union operator)."""
    args: list[list[str]] = [[]]
    depth = 0
    for i in range(start, len(tokens)):
        token = tokens[i]
        if token.subtype == Token.OPEN and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            depth += 1
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            if depth == 0:
                return ["".join(a) for a in args], i
            depth -= 1
        elif depth == 0 and (
            (token.type == Token.SEP and token.subtype == Token.ARG)
            or (commas and token.value == "," and token.type == Token.OP_IN)
        ):
            args.append([])
            continue
        args[-1].append(token.value)
    return ["".join(a) for a in args], len(tokens)


def closing_index(tokens: list[Token], start: int) -> int:
    """The index of the close token (of a call, bracket or array constant) ending the call whose arguments start at
    ``start``, as :func:`_arguments` finds it (``len(tokens)`` when it is not closed), without joining the arguments'
    texts: ``_arguments(tokens, start, ...)[1]`` for any closer and no ``commas``.

    >>> from openpyxl.formula import Tokenizer
    >>> tokens = Tokenizer("=IF(SUM(A1,(B2)),C3)+1").items
    >>> closing_index(tokens, 1), _arguments(tokens, 1, Token.FUNC)[1], closing_index(tokens[:4], 1)
    (10, 10, 4)
    """
    depth = 0
    for i in range(start, len(tokens)):
        token = tokens[i]
        subtype = token.subtype
        if subtype == Token.OPEN:
            if token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
                depth += 1
        elif subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            if depth == 0:
                return i
            depth -= 1
    return len(tokens)


def argument_spans(tokens: list[Token], open_index: int) -> tuple[list[tuple[int, int]], int]:
    """The token spans ``[start, end)`` of each top-level argument of the call (or array constant) opened at
    ``open_index``, and the index of its closing token (``len(tokens)`` when it is not closed)."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, open_index + 1
    for k in range(open_index + 1, len(tokens)):
        token = tokens[k]
        if token.subtype == Token.OPEN and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            depth += 1
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            if depth == 0:
                spans.append((start, k))
                return spans, k
            depth -= 1
        elif depth == 0 and token.type == Token.SEP and token.subtype == Token.ARG:
            spans.append((start, k))
            start = k + 1
    spans.append((start, len(tokens)))
    return spans, len(tokens)


def _spans_of(tokens: list[Token], open_index: int) -> tuple[list[tuple[int, int]], int]:
    """The token spans of the arguments of the call opened at ``open_index``, and its closing token's index."""
    spans, close = argument_spans(tokens, open_index)
    if close == len(tokens):
        raise ValueError("unbalanced formula")
    return spans, close
