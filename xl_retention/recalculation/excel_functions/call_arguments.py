"""The arguments of a tokenized call, read one way for every rewrite of this package: the token spans of
:func:`..formula_tokens.argument_spans` (the recalculation's own reading: depth counted over calls, brackets and array
constants, a top-level argument separator ending an argument), as spans, as tokens, and the call's closing token.

>>> from openpyxl.formula import Tokenizer
>>> tokens = Tokenizer("=INDEX(A:B,SUM(1,2),{1,2})+1").items
>>> call_spans(tokens, 0), [[t.value for t in part] for part in call_parts(tokens, 0)[0]]
(([(1, 2), (3, 8), (9, 14)], 14), [['A:B'], ['SUM(', '1', ',', '2', ')'], ['{', '1', ',', '2', '}']])
>>> closing(tokens, 3), call_parts(tokens[:5], 0)
(7, None)
"""

from __future__ import annotations

from openpyxl.formula.tokenizer import Token

from ..formula_tokens import _spans_of, argument_spans

__all__ = ["argument_spans", "call_parts", "call_spans", "closing"]


def call_spans(tokens: list[Token], open_index: int) -> tuple[list[tuple[int, int]], int]:
    """The token spans ``[start, end)`` of each argument of the call (bracket, array constant) opened at
    ``open_index``, and the index of its closing token; ValueError when it is not closed."""
    return _spans_of(tokens, open_index)


def call_parts(tokens: list[Token], open_index: int) -> tuple[list[list[Token]], int] | None:
    """The tokens of each argument of the call opened at ``open_index``, and the index of its closing token; None
    when it is not closed."""
    spans, close = argument_spans(tokens, open_index)
    if close == len(tokens):
        return None
    return [tokens[a:b] for a, b in spans], close


def closing(tokens: list[Token], open_index: int) -> int:
    """The index of the token closing the call, bracket or array constant opened at ``open_index``; ValueError when
    it is not closed."""
    return _spans_of(tokens, open_index)[1]
