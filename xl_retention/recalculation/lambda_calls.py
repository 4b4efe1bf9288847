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
from .formula_tokens import _arguments, closing_index
from .indirect import many_cells
from .lambda_helpers import bound_call

__all__ = ["lets_of_lambda_calls", "named_lambdas", "classic_range_call"]

_LAMBDA = re.compile(r"(?i)^\s*=?\s*(?:_xlfn\.)?LAMBDA\(")


def named_lambdas(tokens: list[Token], defined: dict[str, str]) -> tuple[str, list[Token]] | None:
    """``DOUBLE(A1)``, a call of a name defined as a LAMBDA (``DOUBLE = LAMBDA(x, x*2)``), as the LAMBDA called in
    place, ``LAMBDA(x,x*2)(A1)`` (which :func:`lets_of_lambda_calls` makes a LET), through the names its body calls
    too (up to 20 deep: a LAMBDA calling itself is left as it is, for the engine to report); None when there is none.

    >>> text, _ = named_lambdas(list(Tokenizer("=DOUBLE(A1)+1").items), {"double": "_xlfn.LAMBDA(_xlpm.x,_xlpm.x*2)"})
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


def _read_as_one(body: str) -> set[str] | None:
    """The parameters (lower case) a LAMBDA's definition ``body`` reads as one value: named at its top, outside any
    function's call (``x*2``; not ``SUM(x)*100``, nor a body that is the parameter alone, ``x``, which gives the range
    as it is); None for a definition the tokenizer does not read."""
    try:
        tokens = list(Tokenizer("=" + body.strip().removeprefix("=")).items)
        parts = _arguments(tokens, 1, Token.FUNC)[0]
        inner = [t for t in Tokenizer("=" + parts[-1]).items if t.type != Token.WSPACE]
    except Exception:  # noqa: BLE001  (a definition the tokenizer does not read: not told)
        return None
    parameters = {p.strip().lower() for p in parts[:-1]}
    if len(inner) == 1:
        return set()
    depth, read = 0, set()
    for item in inner:
        if item.type == Token.FUNC:
            depth += 1 if item.subtype == Token.OPEN else -1
        elif depth == 0 and item.type == Token.OPERAND and item.value.lower() in parameters:
            read.add(item.value.lower())
    return read


def classic_range_call(tokens: list[Token], defined: dict[str, str], names: dict[str, str] | None) -> bool:
    """Whether a classic formula's ``tokens`` call a name defined as a LAMBDA (``defined``: lower case) with a range
    of several cells (``names``: the names of ranges, lower case) for a parameter its body reads as one value
    (:func:`_read_as_one`): ``SUM(DOUBLE(A1:A2))``, DOUBLE = LAMBDA(x, x*2). Excel 365 saves such a call it typed
    with the dynamic-array flag; without it, whether Excel reads the range's cell in the formula's row or column, the
    call's first value or the whole range is not documented (10 or #VALUE!, 10, 24 for A1:A2 = 5, 7).

    >>> defined = {"double": "_xlfn.LAMBDA(_xlpm.x,_xlpm.x*2)", "id": "_xlfn.LAMBDA(_xlpm.x,_xlpm.x)",
    ...            "total": "_xlfn.LAMBDA(_xlpm.r,_xlpm.k,SUM(_xlpm.r)*_xlpm.k)"}
    >>> [classic_range_call(list(Tokenizer(f).items), defined, {"two": "S!$A$1:$A$2"})
    ...  for f in ("=SUM(DOUBLE(A1:A2))", "=DOUBLE(Two)", "=DOUBLE(A1)", "=DOUBLE(SUM(A1:A2))", "=Id(B5:C5)+0")]
    [True, True, False, False, False]
    >>> classic_range_call(list(Tokenizer("=TOTAL(A1:A3,2)+TOTAL(1,A1:A2)").items), defined, None)
    True
    """
    solid = [t for t in tokens if t.type != Token.WSPACE]
    for i, token in enumerate(solid):
        if token.type != Token.FUNC or token.subtype != Token.OPEN:
            continue
        body = defined.get(token.value[:-1].lower())
        if body is None or not _LAMBDA.match(body):
            continue
        end = closing_index(solid, i + 1)
        depth, argument, ranged = 0, 0, set()  # the arguments given a range of several cells
        for item in solid[i + 1 : end]:
            if item.type in (Token.FUNC, Token.PAREN, Token.ARRAY) and item.subtype in (Token.OPEN, Token.CLOSE):
                depth += 1 if item.subtype == Token.OPEN else -1
            elif depth == 0 and item.type == Token.SEP and item.subtype == Token.ARG:
                argument += 1
            elif depth == 0 and item.type == Token.OPERAND and item.subtype == Token.RANGE:
                if many_cells((names or {}).get(item.value.lower(), item.value)):
                    ranged.add(argument)
        if not ranged:
            continue
        read = _read_as_one(body)
        if read is None:
            return True
        try:
            parameters = _arguments(list(Tokenizer("=" + body.strip().removeprefix("=")).items), 1, Token.FUNC)[0]
        except Exception:  # noqa: BLE001  (read by _read_as_one above: not reached)
            return True
        if any(k < len(parameters) - 1 and parameters[k].strip().lower() in read for k in ranged):
            return True
    return False


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


def lets_of_lambda_calls(tokens: list[Token]) -> str | None:
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
