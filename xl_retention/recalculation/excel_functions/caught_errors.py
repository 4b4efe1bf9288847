"""An IS function around a call that gives an error: Excel's answer, never the error.

formualizer 0.13's own MEDIAN, PRODUCT, LARGE, STDEV, NPV, MAXA ... given an error value answer with an error that
only IFERROR catches: ``ISERROR(MEDIAN(A1:A2))`` with A1 ``=1/0`` was #DIV/0! with status ok, and so was the common
guard ``IF(ISERROR(MEDIAN(A1:A2)),0,MEDIAN(A1:A2))``, where Excel gives TRUE and 0 (Microsoft, "IS functions": ISERROR
"Value refers to any error value"; an IS function never returns an error, TYPE of an error is 16). The error passes
through the engine's IS functions, IF and arithmetic alike; a cell storing the error and read by another is not
affected.

:func:`caught` writes the function's answer for an error out where its argument holds a call:
``ISERROR(x)`` -> ``IFERROR(ISERROR(x),TRUE)``, the same value in Excel for every ``x`` (an array too: IFERROR
replaces error elements only, which ISERROR's array has none of).

ISNA, ISERR, IFNA, ERROR.TYPE and COUNTA need the error's kind (or count it as a value): ``ISNA(MEDIAN(A1:A2))`` with A1
``=NA()`` was #N/A with status ok (Excel: TRUE), ``IFNA(PRODUCT(A1:A2),0)`` #N/A (Excel: 0), ``ERROR.TYPE(STDEV(..))``
the error itself (Excel: its code), ``COUNTA(MEDIAN(A1:A2),1)`` the error (Excel: 2, "COUNTA counts cells containing
any type of information, including error values"). Such an error reaches no registered function either; only IFERROR
sees it, without its kind. :func:`kinded` computes the call once more where it fails, each call of a function the
engine fails so (:data:`RAISING`) written ``IF(ISERROR(SUM(args)),SUM(args),F(args))``: Excel's aggregate given error
values answers with the first of them, which SUM gives as a value (the engine's SUM passes it on as one, as
.error_order reads it); without an error among its arguments the engine's own answer, its own error a value too
(MEDIAN of no numbers #NUM!): ``ISNA(MEDIAN(A1:A2))`` -> ``IFERROR(ISNA(MEDIAN(A1:A2)),ISNA(IF(ISERROR(SUM(A1:A2)),
SUM(A1:A2),MEDIAN(A1:A2))))``. The first form runs as before wherever it gives an answer (ISNA, ISERR and COUNTA give
no error in Excel; ERROR.TYPE's and IFNA's own errors come out of the second form alike).
"""

from __future__ import annotations

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

__all__ = ["NEVER_ERROR", "RAISING", "caught", "kinded"]

#: the IS functions' answer for an error value (Microsoft, "IS functions" and "TYPE function")
NEVER_ERROR = {
    "ISERROR": "TRUE",
    "ISNUMBER": "FALSE",
    "ISTEXT": "FALSE",
    "ISNONTEXT": "TRUE",
    "ISLOGICAL": "FALSE",
    "ISBLANK": "FALSE",
    "TYPE": "16",
}
#: functions reading an error's kind, or counting it, -> the positions of their arguments that may hold it (None: all)
KINDS: dict[str, tuple[int, ...] | None] = {"ISNA": (0,), "ISERR": (0,), "ERROR.TYPE": (0,), "IFNA": (0,)}
KINDS["COUNTA"] = None
#: formualizer 0.13's functions that, given an error value among their arguments, fail with it so that only IFERROR
#: catches it (each tried with an #N/A in a range: ISNA of the call was the error; SUM, AVERAGE, MIN, MAX, MODE, the
#: criteria functions, the lookups, CORREL and the like answer with the error as a value)
RAISING = frozenset(
    ("MEDIAN", "PRODUCT", "STDEV", "STDEV.S", "STDEV.P", "STDEVP", "STDEVA", "STDEVPA", "VAR", "VAR.S", "VAR.P")
    + ("VARA", "VARPA", "VARP", "LARGE", "SMALL", "PERCENTILE", "PERCENTILE.INC", "PERCENTILE.EXC", "QUARTILE")
    + ("QUARTILE.INC", "QUARTILE.EXC", "GEOMEAN", "HARMEAN", "AVEDEV", "DEVSQ", "KURT", "SKEW", "SKEW.P", "SUMSQ")
    + ("NPV", "MAXA", "MINA", "AVERAGEA", "RANK", "RANK.EQ", "RANK.AVG", "PERCENTRANK", "PERCENTRANK.INC")
    + ("PERCENTRANK.EXC", "TRIMMEAN", "FREQUENCY", "SERIESSUM")
)
#: Excel's longest formula: a longer form (calls nested in calls, each written three times) is not made
_LONGEST = 8192
#: the same names for the rewrite's cheap test on the upper-cased formula: one of them with a call in its argument
HINT = (
    r"(?<![A-Z0-9_.])(?:_XLFN\.)?(?:ISERROR|ISNUMBER|ISTEXT|ISNONTEXT|ISLOGICAL|ISBLANK|TYPE|ISNA|ISERR|ERROR\.TYPE"
    r"|IFNA|COUNTA)\([^)]*\("
)


def caught(name: str, parts: list[list[Token]], call: str) -> str:
    """``call`` (of ``name``, its arguments' tokens ``parts``) answering for an error as Excel does, where its one
    argument holds a call (see the module docstring); ``call`` itself otherwise.

    >>> from openpyxl.formula import Tokenizer
    >>> caught("ISERROR", [Tokenizer("=MEDIAN(A1:A2)").items], "ISERROR(MEDIAN(A1:A2))")
    'IFERROR(ISERROR(MEDIAN(A1:A2)),TRUE)'
    >>> caught("ISNUMBER", [Tokenizer("=A1").items], "ISNUMBER(A1)")
    'ISNUMBER(A1)'
    """
    answer = NEVER_ERROR.get(name)
    if answer is None or len(parts) != 1:
        return call
    if not any(t.type == Token.FUNC and t.subtype == Token.OPEN for t in parts[0]):
        return call
    return f"IFERROR({call},{answer})"


def kinded(name: str, parts: list[list[Token]], args: list[str], opener: str, call: str) -> str:
    """``call`` (of ``name`` opened by ``opener``, its arguments' tokens ``parts`` and rewritten texts ``args``)
    computed once more where it fails, an error of a :data:`RAISING` call given as a value (see the module docstring);
    ``call`` itself for another function or where no argument that counts holds such a call.

    >>> from openpyxl.formula import Tokenizer
    >>> kinded("ISNA", [Tokenizer("=MEDIAN(A1:A2)").items], ["MEDIAN(A1:A2)"], "ISNA(", "ISNA(MEDIAN(A1:A2))")
    'IFERROR(ISNA(MEDIAN(A1:A2)),ISNA(IF(ISERROR(SUM(A1:A2)),SUM(A1:A2),MEDIAN(A1:A2))))'
    >>> kinded("ISNA", [Tokenizer("=MATCH(1,A1:A2,0)").items], ["MATCH(1,A1:A2,0)"], "ISNA(", "ISNA(MATCH(1,A1:A2,0))")
    'ISNA(MATCH(1,A1:A2,0))'
    """
    if name not in KINDS:
        return call
    positions = KINDS[name]
    changed = list(args)
    for k, part in enumerate(parts):
        calls = any(t.type == Token.FUNC and t.subtype == Token.OPEN for t in part)
        if calls and (positions is None or k in positions):
            changed[k] = unraised(args[k])
    if changed == args:
        return call
    return f"IFERROR({call},{opener}{','.join(changed)}))"


def _function(token: Token) -> str:
    name = token.value[:-1].upper()
    for prefix in ("_XLFN.", "_XLWS."):
        name = name.removeprefix(prefix)
    return name


def unraised(expression: str) -> str:
    """``expression`` with each call of a :data:`RAISING` function giving its arguments' first error as a value.

    >>> unraised("ROUND(_xlfn.STDEV.S(A1:A3, B1),2)+1")
    'ROUND(IF(ISERROR(SUM(A1:A3, B1)),SUM(A1:A3, B1),_xlfn.STDEV.S(A1:A3, B1)),2)+1'
    >>> unraised("MEDIAN(LARGE({1,2;3,4},1),C1)")
    'IF(ISERROR(SUM(IF(ISERROR(SUM({1,2;3,4},1)),SUM({1,2;3,4},1),LARGE({1,2;3,4},1)),C1)),SUM(IF(ISERROR(SUM({1,2;3,4},\
1)),SUM({1,2;3,4},1),LARGE({1,2;3,4},1)),C1),MEDIAN(IF(ISERROR(SUM({1,2;3,4},1)),SUM({1,2;3,4},1),LARGE({1,2;3,4},1)),C1))'
    """
    if not any(f"{name}(" in expression.upper() for name in RAISING):
        return expression
    tokens = Tokenizer("=" + expression).items
    # each open call, parenthesis or array: its opening text, whether it is a RAISING call, its text so far
    stack: list[tuple[str, bool, list[str]]] = [("", False, [])]
    for token in tokens:
        if token.subtype == Token.OPEN:
            stack.append((token.value, token.type == Token.FUNC and _function(token) in RAISING, []))
        elif token.subtype == Token.CLOSE and len(stack) > 1:
            opener, raising, inner = stack.pop()
            text = f"{opener}{''.join(inner)}{token.value}"
            if raising:
                text = f"IF(ISERROR(SUM({''.join(inner)})),SUM({''.join(inner)}),{text})"
            stack[-1][2].append(text)
        else:
            stack[-1][2].append(token.value)
    out = "".join(stack[0][2])
    return out if len(stack) == 1 and len(out) <= _LONGEST else expression
