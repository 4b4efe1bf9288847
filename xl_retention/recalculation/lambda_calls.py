"""A LAMBDA called in a formula, as the engine can evaluate it: a name defined as a LAMBDA called by its name
(``DOUBLE(A1)``) is the LAMBDA called in place, and a LAMBDA called in place (``LAMBDA(x, y, body)(1, 2)``) is a LET of
its parameters (``LET(x, 1, y, 2, body)``); a wrong number of values is ``#VALUE!`` as in Excel
(:func:`.lambda_helpers.bound_call`). Used by :func:`.rewrite.rewrite`.
"""

from __future__ import annotations

import re

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ..sheet_names import NAME
from .formula_tokens import _arguments
from .lambda_helpers import bound_call

__all__ = ["_lambda_calls", "_named_lambdas"]

_LAMBDA = re.compile(r"(?i)^\s*=?\s*(?:_xlfn\.)?LAMBDA\(")


def _named_lambdas(tokens: list[Token], defined: dict[str, str]) -> tuple[str, list[Token]] | None:
    """``DOUBLE(A1)``, a call of a name defined as a LAMBDA (``DOUBLE = LAMBDA(x, x*2)``), as the LAMBDA called in
    place, ``LAMBDA(x,x*2)(A1)`` (which :func:`_lambda_calls` makes a LET), through the names its body calls too (up
    to 20 deep: a LAMBDA calling itself is left as it is, for the engine to report); None when there is none.

    >>> text, _ = _named_lambdas(list(Tokenizer("=DOUBLE(A1)+1").items), {"double": "_xlfn.LAMBDA(_xlpm.x,_xlpm.x*2)"})
    >>> text
    '=_xlfn.LAMBDA(_xlpm.x,_xlpm.x*2)(A1)+1'
    """
    found = False
    for _ in range(20):
        replaced = False
        for token in tokens:
            if token.type == Token.FUNC and token.subtype == Token.OPEN:
                body = defined.get(token.value[:-1].lower())
                if body is not None and _LAMBDA.match(body):
                    token.value, replaced = body.strip().removeprefix("=") + "(", True
        if not replaced:
            break
        found = True
        text = "=" + "".join(t.value for t in tokens)
        try:
            tokens = list(Tokenizer(text).items)
        except Exception:  # a definition the tokenizer does not understand: the engine decides
            return None
    else:
        return None
    return ("=" + "".join(t.value for t in tokens), tokens) if found else None


def _call_values(tokens: list[Token], start: int) -> tuple[list[str], int]:
    """The values of a LAMBDA's call ``(v1, v2)`` from ``start`` (after its bracket) to the closing bracket, and that
    bracket's index: the tokenizer makes a comma in brackets the union operator, not an argument separator."""
    return _arguments(tokens, start, Token.PAREN, commas=True)


def _captured(parameters: list[str], values: list[str]) -> bool:
    """Whether a value of a LAMBDA's call names a parameter bound before it (``LAMBDA(a, b, ..)(b, a)`` in a LET of
    ``a`` and ``b``): a LET binding the parameters one by one would read the new one, where the call reads the old."""
    names = [p.strip().lower() for p in parameters]
    for k, value in enumerate(values):
        words = {w.lower() for w in re.findall(NAME, value)}
        if words & set(names[:k]):
            return True
    return False


def _renamed(tokens: list[Token], open_index: int, close_index: int) -> list[str]:
    """The arguments of the LAMBDA opened at ``open_index`` with its parameters renamed ``_xlr{n}_x`` throughout it
    (a name no workbook uses), so that no value of its call can name one of them."""
    args, _ = _arguments(tokens, open_index + 1, Token.FUNC)
    parameters = {p.strip().lower() for p in args[:-1]}
    prefix = f"_xlr{open_index}_"
    for k in range(open_index + 1, close_index):
        token = tokens[k]
        if token.type == Token.OPERAND and token.subtype == Token.RANGE and token.value.lower() in parameters:
            token.value = prefix + token.value
    return _arguments(tokens, open_index + 1, Token.FUNC)[0]


def _lambda_calls(tokens: list[Token]) -> str | None:
    """``LAMBDA(x, y, body)(1, 2)`` -> ``LET(x, 1, y, 2, body)``, for every such call; None when there is none."""
    found = False
    i = 0
    out: list[str] = []
    while i < len(tokens):
        token = tokens[i]
        name = token.value.upper()
        if token.type == Token.FUNC and token.subtype == Token.OPEN and name in ("LAMBDA(", "_XLFN.LAMBDA("):
            args, end = _arguments(tokens, i + 1, Token.FUNC)
            if end + 1 < len(tokens) and tokens[end + 1].type == Token.PAREN and tokens[end + 1].subtype == Token.OPEN:
                values, call_end = _call_values(tokens, end + 2)
                if len(values) == len(args) - 1 and _captured(args[:-1], values):  # LET binds one by one
                    args = _renamed(tokens, i, end)
                out.append(bound_call(args[:-1], values, args[-1]))  # a wrong number of values: #VALUE!
                found = True
                i = call_end + 1
                continue
        out.append(token.value)
        i += 1
    return "=" + "".join(out) if found else None
