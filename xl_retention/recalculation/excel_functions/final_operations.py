"""Excel's final + or -: a formula whose last operation is a binary ``+`` or ``-`` outside every bracket and call
gives exactly 0 where Excel makes it 0 (``=0.1+0.2-0.3`` is 0 in Excel, 5.55E-17 in binary floating point).

:func:`rewrite_final` wraps such a last operation in ``_XLR.NEARZERO`` (registered in :mod:`.arithmetic`), once per
filled-down column (:mod:`.row_shapes`); :func:`may_end_in_sum` is its cheap pre-test.
"""

from __future__ import annotations

import re

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from .row_shapes import shaped

__all__ = ["NEAR_ZERO", "may_end_in_sum", "rewrite_final"]

_COMPARISONS = frozenset(("=", "<>", "<", ">", "<=", ">="))
#: the registered function that makes a formula's final + or - exactly 0 when Excel does (see .arithmetic)
NEAR_ZERO = "_XLR.NEARZERO"
_QUOTED = re.compile(r'"(?:[^"]|"")*"|\'(?:[^\']|\'\')*\'')
_INNERMOST = re.compile(r"\([^()]*\)|\{[^{}]*\}")
_FINAL_SHAPES: dict[str, tuple[list[str], list[int]] | None] = {}


def may_end_in_sum(text: str) -> bool:
    """False when the last operation of ``text`` (a formula, with or without ``=``) is certainly not a binary ``+``
    or ``-`` outside every bracket and call: a cheap superset of :func:`rewrite_final`'s own test.

    >>> may_end_in_sum("SUM(B1:B3)-1"), may_end_in_sum("IF(A1-B1>0,1,0)"), may_end_in_sum("(A1-B1)")
    (True, False, False)
    """
    if "+" not in text and "-" not in text:
        return False
    bare = _QUOTED.sub("", text.removeprefix("="))
    while "(" in bare or "{" in bare:
        inner = _INNERMOST.sub("", bare)
        if inner == bare:  # unbalanced: the tokenizer decides
            break
        bare = inner
    if "=" in bare or "<" in bare or ">" in bare or "&" in bare:  # a comparison or a concatenation is last
        return False
    return "+" in bare or "-" in bare


def _final_sum(tokens: list[Token]) -> int | None:
    """The index of the formula's last operation when it is a binary + or - outside every bracket and call."""
    depth, last = 0, None
    for i, token in enumerate(tokens):
        if token.subtype == Token.OPEN:
            depth += 1
        elif token.subtype == Token.CLOSE:
            depth -= 1
        elif depth == 0 and token.type == Token.OP_IN:
            if token.value in _COMPARISONS or token.value == "&":
                return None
            if token.value in ("+", "-"):
                last = i
    if last is None or depth != 0:
        return None
    if not any(t.type != Token.WSPACE for t in tokens[:last]) or not any(
        t.type != Token.WSPACE for t in tokens[last + 1 :]
    ):
        return None
    return last


def _final_rewritten(text: str) -> str:
    try:
        tokens = list(Tokenizer(text).items)
    except Exception:  # a formula the tokenizer does not understand: the engine decides
        return text
    k = _final_sum(tokens)
    if k is None:
        return text
    left = "".join(t.value for t in tokens[:k]).strip()
    right = "".join(t.value for t in tokens[k + 1 :]).strip()
    if tokens[k].value == "+":  # a + b is zeroed when a and -b are equal but for rounding
        return f"=LET(_xlr_l,{left},_xlr_r,{right},{NEAR_ZERO}(_xlr_l+_xlr_r,_xlr_l,-_xlr_r))"
    return f"=LET(_xlr_l,{left},_xlr_r,{right},{NEAR_ZERO}(_xlr_l-_xlr_r,_xlr_l,_xlr_r))"


def rewrite_final(formula: str, tested: bool = False) -> str:
    """``formula`` with its last operation, when that is a ``+`` or ``-`` outside every bracket and call, made
    exactly 0 where Excel makes it 0 (registered in :mod:`.arithmetic`): ``=0.1+0.2-0.3`` is 0 in Excel, where
    binary floating point gives 5.55E-17; ``=(0.1+0.2-0.3)`` and ``=1*(0.5-0.4-0.1)`` keep theirs.

    Only for classic (non-array) formulas. Formulas ending otherwise come back unchanged (the same string).
    ``tested``: :func:`may_end_in_sum` is known to be True for ``formula`` (it is not run again).

    >>> rewrite_final("=SUM(B1:B3)-1")
    '=LET(_xlr_l,SUM(B1:B3),_xlr_r,1,_XLR.NEARZERO(_xlr_l-_xlr_r,_xlr_l,_xlr_r))'
    >>> rewrite_final("=IF(A1-B1>0,1,0)")
    '=IF(A1-B1>0,1,0)'
    """
    text = formula if formula.startswith("=") else "=" + formula
    if not tested and not may_end_in_sum(text):
        return formula
    rewritten = shaped(text, _final_rewritten, _FINAL_SHAPES)
    return rewritten if rewritten != text else formula
