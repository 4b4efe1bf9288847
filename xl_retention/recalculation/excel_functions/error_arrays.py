"""A lookup whose searched array (or table) is an expression giving one error value: Excel's answer is that error.

``VLOOKUP(3,1/0,1,0)`` is #DIV/0! in Excel (and LibreOffice), ``MATCH(3,OFFSET(A1,-5,0),0)`` #REF!: a function
reading an argument that is an error value answers that error. The engine searched the error as a one-item array
and answered #N/A, so an ``IFNA(..)`` around the lookup hid a real error (a moved range, a division by zero in a
helper expression) behind its "not found" value. A reference stays a range to search: ``MATCH(3,A1,0)`` with
#DIV/0! in A1 is #N/A in Excel too, and an array holding errors (``A1:A3/0``) is searched, its errors skipped.

:func:`error_arrays` rewrites the call (MATCH, VLOOKUP, HLOOKUP, LOOKUP; XLOOKUP and XMATCH in the modes this
package searches, :mod:`.lookup`) when its array argument is an expression. The expression is computed once (LET);
when it is one value that is an error, that error is the answer (after an error in the lookup value, which Excel
reads first), else the call searches it. An expression that may give a reference (OFFSET, INDIRECT, INDEX, IF of a
range) is searched as the reference it gives (``ISREF``): only what is not a reference is held in LET. The test of
one error runs in the engine (no array crosses into Python).
"""

from __future__ import annotations

from collections.abc import Callable

from openpyxl.formula import Tokenizer  # noqa: F401  (the doctest)
from openpyxl.formula.tokenizer import Token

from .typed import _value_only

#: the argument positions each lookup searches or returns from as an array
ARRAY_ARGUMENTS = {"MATCH": (1,), "VLOOKUP": (1,), "HLOOKUP": (1,), "LOOKUP": (1, 2), "XLOOKUP": (1, 2), "XMATCH": (1,)}
#: lookups the engine answers right (the error passes) unless this package searches them (their other modes)
_ENGINE_PASSES = {"XLOOKUP": "_XLR.XLOOKUP(", "XMATCH": "_XLR.XMATCH("}
_VALUE, _REFERENCE = "value", "reference"


def _kind(argument: list[Token]) -> str | None:
    """How an array argument may give one error: as a value (an operation, a typed error, a call giving a value),
    as what a reference-giving call gives instead of a reference, or not at all (None: a cell, a range, a name,
    a typed constant or array)."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    if not inner:
        return None
    if len(inner) == 1:
        only = inner[0]
        return _VALUE if only.type == Token.OPERAND and only.subtype == Token.ERROR else None
    if inner[0].type == Token.ARRAY and not any(t.type == Token.OP_IN for t in inner):
        return None  # {1,2,3} typed in
    return _VALUE if _value_only(inner) else _REFERENCE


def _key_may_fail(key: list[Token]) -> bool:
    """Whether the lookup value may be an error: not a typed number, text or logical, no multi-cell range."""
    inner = [t for t in key if t.type != Token.WSPACE]
    if not inner:
        return False
    if len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype in (Token.NUMBER, Token.TEXT):
        return False
    if len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype == Token.LOGICAL:
        return False
    return not any(t.type == Token.OPERAND and t.subtype == Token.RANGE and ":" in t.value for t in inner)


def error_arrays(name: str, parts: list[list[Token]], args: list[str], build: Callable[[list[str]], str]) -> str | None:
    """The lookup ``name`` (its arguments' tokens ``parts`` and rewritten texts ``args``; ``build`` makes the call
    of given argument texts) with each array argument that is an expression held in LET and its one error the
    answer; None when no argument is such an expression.

    >>> parts = [list(Tokenizer("=" + a).items) for a in ("3", "1/0", "0")]
    >>> error_arrays("MATCH", parts, ["3", "1/0", "0"], lambda a: f"MATCH({','.join(a)})")
    'IFERROR(MATCH(3,1/0,0),LET(_xlr_a1,1/0,IF(IF(ROWS(_xlr_a1)*COLUMNS(_xlr_a1)=1,AND(ISERROR(_xlr_a1))),_xlr_a1,MATCH(3,_xlr_a1,0))))'
    >>> parts[1] = list(Tokenizer("=A1:A3").items)
    >>> error_arrays("MATCH", parts, ["3", "A1:A3", "0"], lambda a: f"MATCH({','.join(a)})") is None
    True
    """
    positions = [k for k in ARRAY_ARGUMENTS.get(name, ()) if k < len(parts)]
    kinds = {k: kind for k in positions if (kind := _kind(parts[k])) is not None}
    if not kinds:
        return None
    call = build(list(args))
    if name in _ENGINE_PASSES and not call.startswith(_ENGINE_PASSES[name]):
        return None
    key = args[0].strip() if parts and _key_may_fail(parts[0]) else None

    def held(order: list[int], texts: list[str]) -> str:
        if not order:
            return build(texts)
        k, rest = order[0], order[1:]
        name_k = f"_xlr_a{k}"
        inner = [*texts[:k], name_k, *texts[k + 1 :]]
        one_error = f"IF(ROWS({name_k})*COLUMNS({name_k})=1,AND(ISERROR({name_k})))"
        error = f"IF(ISERROR({key}),{key},{name_k})" if key else name_k
        value = args[k].strip()
        kept = f"LET({name_k},{value},IF({one_error},{error},{held(rest, inner)}))"
        if kinds[k] == _REFERENCE:
            return f"IF(ISREF({value}),{held(rest, texts)},{kept})"
        return kept

    return f"IFERROR({call},{held(sorted(kinds), list(args))})"
