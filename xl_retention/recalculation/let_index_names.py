"""INDEX and OFFSET reading LET names (or a LAMBDA's parameters, a LET once called) for their range and numbers.

In a classic formula (no dynamic-array flag, as openpyxl writes them) Excel's ``=LET(x,B2:C5,y,4,INDEX(x,y,0))`` is
``INDEX(B2:C5,4,0)``: row 5's B5:C5, a reference, whose cell in the formula's own column is taken (implicit
intersection): 8 in column C, #VALUE! in column E. The rewrite intersects INDEX and OFFSET where the range and the
numbers are typed in (:func:`.intersection._index_cell`); with LET names there the engine's LET held the range's
values and the call was lifted over the name ``y``: #VALUE! under status ok (the LAMBDA form
``=LAMBDA(x,y,INDEX(x,y,0))(B2:C5,4)`` the same), and ``=LET(x,B2:C5,INDEX(x,4,0)+0)`` gave the row's top-left 7 in
column C and in column E, where Excel gives 8 and #VALUE!.

:func:`let_index_names` writes into each INDEX and OFFSET call the range a LET name of its first argument surely
stands for (a range typed in, :func:`.classic_spills.let_scopes`) and, in its other arguments (outside calls
within them), each LET name bound to a number or an expression of numbers (``2+2``, ``n-1`` of such an ``n``): the
same values, so the call is read as the one typed in. A name bound to anything else stays as it is, and nothing inside
a LAMBDA not called (whose parameters may hide the LET's names) changes.
"""

from __future__ import annotations

from openpyxl.formula.tokenizer import Token, Tokenizer

from .classic_spills import _arguments, _bare, _close, _trim, let_scopes
from .formula_tokens import _box

__all__ = ["let_index_names"]

#: the operators an expression of numbers may hold
_ARITHMETIC = frozenset(("+", "-", "*", "/", "^"))


def _number_text(tokens: list[Token], start: int, end: int, scope: dict[str, str | None]) -> str | None:
    """``tokens[start:end]`` as a text of numbers, arithmetic and brackets alone (a LET name of ``scope`` bound to
    one written as its text), None for anything else (a reference, a call, a text, a name not such)."""
    start, end = _trim(tokens, start, end)
    if start >= end:
        return None
    parts: list[str] = []
    for token in tokens[start:end]:
        if token.type == Token.WSPACE:
            continue
        if token.type == Token.OPERAND and token.subtype == Token.NUMBER:
            parts.append(token.value)
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE and scope.get(token.value.lower()):
            parts.append(_written(scope[token.value.lower()] or ""))
        elif token.type == Token.OP_PRE and token.value in ("+", "-"):
            parts.append(token.value)
        elif (token.type == Token.OP_IN and token.value in _ARITHMETIC) or (
            token.type == Token.OP_POST and token.value == "%"
        ):
            parts.append(token.value)
        elif token.type == Token.PAREN:
            parts.append(token.value)
        else:
            return None
    return "".join(parts)


def _written(number: str) -> str:
    """A number's text as written in place of its name: a whole number typed as it is, anything else in brackets."""
    return number if number.isdigit() else f"({number})"


def let_index_names(formula: str) -> str | None:
    """``formula`` (with ``=``) with each INDEX and OFFSET call's LET names of a range (its first argument) and of
    numbers (its other arguments) written as what they stand for; None when there is none (or the text is not read).

    >>> let_index_names("=LET(x,B2:C5,y,4,INDEX(x,y,0))"), let_index_names("=LET(x,B2:C5,y,2+2,INDEX(x,y-1,0)+0)")
    ('=LET(x,B2:C5,y,4,INDEX(B2:C5,4,0))', '=LET(x,B2:C5,y,2+2,INDEX(B2:C5,(2+2)-1,0)+0)')
    >>> let_index_names("=LET(x,B2:C5,y,A1,INDEX(x,y,0))"), let_index_names("=LET(y,4,INDEX(B2:C5,MAX(y,1),0))")
    ('=LET(x,B2:C5,y,A1,INDEX(B2:C5,y,0))', None)
    >>> let_index_names("=LET(x,B2:C5,y,4,MAP({1},LAMBDA(y,INDEX(x,y,0))))")  # y is the LAMBDA's there
    """
    try:
        tokens = list(Tokenizer(formula if formula.startswith("=") else "=" + formula).items)
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read)
        return None
    if not any(t.type == Token.FUNC and _bare(t.value[:-1]) == "LET" for t in tokens):
        return None
    references, numbers = let_scopes(tokens), let_scopes(tokens, _number_text)
    changed, lambdas = False, []  # the closing token of each LAMBDA open here
    for i, token in enumerate(tokens):
        if lambdas and i > lambdas[-1]:
            lambdas.pop()
        if token.type != Token.FUNC or token.subtype != Token.OPEN:
            continue
        name = _bare(token.value[:-1])
        if name == "LAMBDA":
            lambdas.append(_close(tokens, i))
        if lambdas or name not in ("INDEX", "OFFSET"):
            continue
        spans = _arguments(tokens, i, _close(tokens, i))
        a, b = _trim(tokens, *spans[0])
        first = tokens[a] if b - a == 1 else None
        if first is not None and first.type == Token.OPERAND and first.subtype == Token.RANGE:
            reference = references.get(a, {}).get(first.value.lower())
            if reference is not None and _box(reference) is not None:
                first.value, changed = reference, True
        for start, end in spans[1:]:
            depth = 0
            for k in range(start, end):  # the argument's own names, outside calls within it (an inner LET's)
                if tokens[k].type == Token.FUNC:
                    depth += 1 if tokens[k].subtype == Token.OPEN else -1
                elif depth == 0 and tokens[k].type == Token.OPERAND and tokens[k].subtype == Token.RANGE:
                    number = numbers.get(k, {}).get(tokens[k].value.lower())
                    if number:
                        tokens[k].value, changed = _written(number), True
    return "=" + "".join(t.value for t in tokens) if changed else None
