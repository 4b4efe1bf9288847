"""A LAMBDA called in a formula, as the engine can evaluate it: a name defined as a LAMBDA called by its name
(``DOUBLE(A1)``) is the LAMBDA called in place, and a LAMBDA called in place (``LAMBDA(x, y, body)(1, 2)``) is a LET of
its parameters (``LET(x, 1, y, 2, body)``); a wrong number of values is ``#VALUE!`` as in Excel
(:func:`.lambda_helpers.bound_call`). Used by :func:`.rewrite.rewrite`.
"""

from __future__ import annotations

import re

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.formulas import FORMULAE

from ..sheet_names import NAME
from .engine_names import _bound_names
from .formula_tokens import _arguments, _bare_name, argument_spans, closing_index
from .indirect import many_cells
from .intersection import classic_array_argument
from .lambda_helpers import HELPERS, bound_call
from .rewrite_shapes import SCALAR_ARGUMENTS

__all__ = ["classic_range_call", "let_bound_lambdas", "lets_of_lambda_calls", "named_lambdas"]

_LAMBDA = re.compile(r"(?i)^\s*=?\s*(?:_xlfn\.)?LAMBDA\(")
_FUNCTION_PREFIX = re.compile(r"(?i)^(?:_xlfn\.|_xlws\.)+")


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


#: functions giving an argument on as their result (``IF(c,x,0)``): the range passed on, read where the call stands,
#: not documented at a LAMBDA's call in a classic formula; LET binds it to a name read elsewhere (.intersection's
#: pass-through functions, LET and LAMBDA)
_PASSED_ON = frozenset(("IF", "IFS", "IFERROR", "IFNA", "CHOOSE", "SWITCH", "LET", "LAMBDA"))


def _read_as_one(body: str, defined: dict[str, str] | None = None) -> set[str] | None:
    """The parameters (lower case) a LAMBDA's definition ``body`` may read as one value: every one named other than
    as a whole argument of a function taking a range there, or inside an argument Excel reads as an array
    (``SUMPRODUCT(x*2)``). Taken whole: ``SUM(x)*100``, ``INDEX(x,y,0)``'s x, a body that is the parameter alone
    (``x``, which gives the range as it is). Read as one: ``x*2``, ``ROUND(x*2,0)``, ``IF(x>0,x,0)``, ``SUM(x*2)``,
    ``IF(c,x,0)`` (passed on), a name of ``defined`` called with it. None for a definition the tokenizer does not read.

    >>> [sorted(_read_as_one(f"_xlfn.LAMBDA(_xlpm.x,_xlpm.y,{b})")) for b in ("_xlpm.x*2", "SUM(_xlpm.x)*_xlpm.y",
    ...  "ROUND(_xlpm.x*2,0)", "IF(_xlpm.x>0,_xlpm.x,0)", "INDEX(_xlpm.x,_xlpm.y,0)", "SUMPRODUCT(_xlpm.x*2)",
    ...  "_xlpm.x", "SUM(ROUND(_xlpm.x,0))")]
    [['_xlpm.x'], ['_xlpm.y'], ['_xlpm.x'], ['_xlpm.x'], ['_xlpm.y'], [], [], ['_xlpm.x']]
    """
    try:
        tokens = list(Tokenizer("=" + body.strip().removeprefix("=")).items)
        parts = _arguments(tokens, 1, Token.FUNC)[0]
        inner = [t for t in Tokenizer("=" + parts[-1]).items if t.type != Token.WSPACE]
    except Exception:  # noqa: BLE001  (a definition the tokenizer does not read: not told)
        return None
    parameters = {p.strip().lower() for p in parts[:-1]}
    if len(inner) == 1:
        return set()
    stack: list[list] = []  # [function (upper case, no prefix; "" for a bracket or array), argument position]
    read = set()
    for k, item in enumerate(inner):
        if item.subtype == Token.OPEN and item.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            name = _FUNCTION_PREFIX.sub("", item.value[:-1]).upper() if item.type == Token.FUNC else ""
            stack.append([name, 0])
        elif item.subtype == Token.CLOSE and item.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            if stack:
                stack.pop()
        elif item.type == Token.SEP and item.subtype == Token.ARG and stack:
            stack[-1][1] += 1
        elif item.type == Token.OPERAND and item.value.lower() in parameters:
            if classic_array_argument(stack):
                continue  # SUMPRODUCT(x*2): read as an array
            alone = (
                k > 0
                and inner[k - 1].type in (Token.FUNC, Token.SEP)
                and inner[k - 1].subtype in (Token.OPEN, Token.ARG)
                and k + 1 < len(inner)
                and (inner[k + 1].type, inner[k + 1].subtype) in ((Token.SEP, Token.ARG), (Token.FUNC, Token.CLOSE))
            )
            name, position = stack[-1] if stack else ("", 0)
            scalar = SCALAR_ARGUMENTS.get(name, frozenset())
            if (
                not alone
                or not name
                or name in _PASSED_ON
                or name.lower() in (defined or {})
                or scalar is None
                or position in scalar
            ):
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
        read = _read_as_one(body, defined)
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


def _lambda_value(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    """The token span of a LET value that is a LAMBDA alone, not called (``LAMBDA(x,x*x)``), or None."""
    solid = [k for k in range(start, end) if tokens[k].type != Token.WSPACE]
    if not solid:
        return None
    first = tokens[solid[0]]
    if (
        first.type != Token.FUNC
        or first.subtype != Token.OPEN
        or first.value.upper() not in ("LAMBDA(", "_XLFN.LAMBDA(")
    ):
        return None
    return (solid[0], solid[-1] + 1) if closing_index(tokens, solid[0] + 1) == solid[-1] else None


def _let_lambda_once(tokens: list[Token]) -> str | None:
    """:func:`let_bound_lambdas` for the first LET name of a LAMBDA called in its scope; None when there is none."""
    for i, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN or _bare_name(token.value[:-1]) != "LET":
            continue
        spans, close = argument_spans(tokens, i)
        for p in range(0, len(spans) - 1, 2):
            named = [tokens[k] for k in range(*spans[p]) if tokens[k].type != Token.WSPACE]
            value = _lambda_value(tokens, *spans[p + 1])
            if len(named) != 1 or named[0].type != Token.OPERAND or value is None:
                continue
            name = named[0].value.lower()  # _xlpm.sq as Excel stores it: its calls _xlpm.sq(, never SUM( of a LET sum
            if not name.startswith("_xlpm.") and name.upper() in FORMULAE:
                continue  # a bare name that is Excel's function too: which one a call means is not told
            body = tokens[value[0] : value[1]]
            scope = list(range(spans[p + 1][1], close))
            calls = [k for k in scope if _calls(tokens[k], name)]
            passed = _passed_to_helpers(tokens, set(scope), name)  # MAP(A1:A2, f): the LAMBDA where f is written
            inner = {t.value.lower().removeprefix("_xlpm.") for t in body if t.type == Token.OPERAND}
            later = {  # the same LET's names bound after the LAMBDA: not in scope where it is written (H567's 04)
                "".join(tokens[k].value for k in range(*spans[q]) if tokens[k].type != Token.WSPACE)
                .lower()
                .removeprefix("_xlpm.")
                for q in range(p + 2, len(spans) - 1, 2)
            }
            if (
                later & inner
                or not (calls or passed)
                or any(_calls(t, name) for t in body)
                or (_bound_names([tokens[k] for k in scope]) & (inner | {name.removeprefix("_xlpm.")}))
            ):
                continue  # not called; the LAMBDA calls its own name (no name in Excel either); a name shadowed
            text = "".join(t.value for t in body)
            for k in calls:
                tokens[k].value = text + "("
            for k in passed:
                tokens[k].value = text
            read = any(tokens[k].type == Token.OPERAND and tokens[k].value.lower() == name for k in scope)
            if not read:  # passed nowhere as a value: the binding goes (the engine's LET would hold a LAMBDA)
                for k in range(spans[p][0], spans[p + 2][0]):
                    tokens[k].value = ""
                if len(spans) == 3:  # LET(f, LAMBDA(..), f(3)): only the calculation is left
                    token.value = "("
            return "=" + "".join(t.value for t in tokens)
    return None


def _passed_to_helpers(tokens: list[Token], scope: set[int], name: str) -> list[int]:
    """The indices in ``scope`` of ``name`` written alone as the LAMBDA of a LAMBDA helper (MAP(A1:A2, f): its last
    argument), where :func:`.lambda_helpers.expand_lambda_helpers` takes a LAMBDA written in place."""
    found, opened = [], []  # opened: the index of each open call, bracket or array constant
    solid = [k for k, t in enumerate(tokens) if t.type != Token.WSPACE]
    for n, k in enumerate(solid):
        token = tokens[k]
        if token.subtype == Token.OPEN and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            opened.append(k)
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            if opened:
                opened.pop()
        elif (
            k in scope
            and token.type == Token.OPERAND
            and token.value.lower() == name
            and opened
            and tokens[opened[-1]].type == Token.FUNC
            and _bare_name(tokens[opened[-1]].value[:-1]) in HELPERS
            and 0 < n < len(solid) - 1
            and (tokens[solid[n - 1]].type, tokens[solid[n - 1]].subtype) == (Token.SEP, Token.ARG)
            and (tokens[solid[n + 1]].type, tokens[solid[n + 1]].subtype) == (Token.FUNC, Token.CLOSE)
        ):
            found.append(k)
    return found


def _calls(token: Token, name: str) -> bool:
    return token.type == Token.FUNC and token.subtype == Token.OPEN and token.value[:-1].lower() == name


def let_bound_lambdas(text: str) -> str | None:
    """``LET(f, LAMBDA(x, x*x), f(3)+f(4))`` -> ``(LAMBDA(x,x*x)(3)+LAMBDA(x,x*x)(4))``: a LAMBDA given a name by LET
    and called in the LET's later values or calculation is called in place (:func:`lets_of_lambda_calls` makes each a
    LET), as Microsoft's LET and LAMBDA pages have it, and written in place where the name is given to a LAMBDA helper
    as its LAMBDA (``MAP(A1:A2, f)``); the binding is dropped where the name is passed nowhere else as a value. Left as
    it is: a LAMBDA calling its own LET name, and a name of the LAMBDA or one it reads bound again by a LET or LAMBDA
    inside (whose scope the text would not keep). None when nothing is called so.

    >>> let_bound_lambdas("=_xlfn.LET(_xlpm.sq,_xlfn.LAMBDA(_xlpm.x,_xlpm.x*_xlpm.x),_xlpm.sq(3)+_xlpm.sq(4))")
    '=(_xlfn.LAMBDA(_xlpm.x,_xlpm.x*_xlpm.x)(3)+_xlfn.LAMBDA(_xlpm.x,_xlpm.x*_xlpm.x)(4))'
    >>> let_bound_lambdas("=LET(k,2,f,LAMBDA(x,x*k),n,f(5),MAP(A1:A3,f)+n)")
    '=LET(k,2,n,LAMBDA(x,x*k)(5),MAP(A1:A3,LAMBDA(x,x*k))+n)'
    >>> let_bound_lambdas("=LET(f,LAMBDA(x,x*2),MAP(A1:A2,f))")
    '=(MAP(A1:A2,LAMBDA(x,x*2)))'
    >>> let_bound_lambdas("=LET(k,2,f,LAMBDA(x,x*k),LET(k,5,f(3)))") is None
    True
    >>> let_bound_lambdas("=LET(f,LAMBDA(x,x+b),b,5,f(1))") is None  # b bound after f: #NAME? to Excel, kept so
    True
    """
    found = None
    for _ in range(20):
        try:
            tokens = list(Tokenizer(found or text).items)
        except Exception:  # noqa: BLE001  (a text the tokenizer does not read: the engine decides)
            return found
        again = _let_lambda_once(tokens)
        if again is None:
            return found
        found = again
    return found
