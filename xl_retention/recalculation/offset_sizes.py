"""OFFSET with a negative height or width, as Excel reads it: the range that ends at the offset cell.

Excel takes ``OFFSET(B7,0,0,-3)`` as B5:B7 (the rows above and including the offset cell; a negative width the columns
to its left), the trailing-average idiom ``AVERAGE(OFFSET(B7,0,0,-3))``; Microsoft's page asks for positive sizes, but
Excel has accepted negative ones all along (exceljet's OFFSET page: "negative values appear to have worked fine since
the early 1990's"). The embedded engine gives #REF!. :func:`negative_sizes` rewrites such a call into the OFFSET of the
same range with a positive size: ``OFFSET(B7,0-2,0,3)``, or, for a size computed at run time that may be negative,
``OFFSET(B7,0+IF((B1-5)<0,(B1-5)+1,0),0,ABS(B1-5))`` (a size calling no function, or an OFFSET whose place is read:
``ROW(OFFSET(..))``), else ``LET(_xlr_h,size,OFFSET(B7,0+IF(_xlr_h<0,_xlr_h+1,0),0,ABS(_xlr_h)))`` (the engine's LET
gives a value, not a reference: ``ROW(LET(..))`` is #REF!).
"""

from __future__ import annotations

import math
import re

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from .formula_tokens import _arguments, _bare_name

_NUMBER = re.compile(r"\s*([+-]?)\s*(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?\s*")
_NAMES = ("_xlr_h", "_xlr_w")


def _size(argument: list[Token], text: str) -> tuple[str, float | None] | None:
    """How a height or width argument may be negative: ("literal", its value) for a typed negative number, ("computed",
    None) for an expression with a minus or a reference alone; None when it cannot be negative (blank, a typed number
    of 0 or more, a call such as COUNTA(..))."""
    number = _NUMBER.fullmatch(text)
    if number is not None:
        value = float(text.replace(" ", ""))
        return ("literal", value) if value < 0 else None
    inner = [t for t in argument if t.type != Token.WSPACE]
    if not inner:
        return None
    if any(t.type in (Token.OP_PRE, Token.OP_IN) and t.value == "-" for t in inner):
        return ("computed", None)
    if len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype == Token.RANGE:
        return ("computed", None)
    return None


def _spans(tokens: list[Token], start: int, close: int) -> list[list[Token]]:
    """The tokens of each top-level argument between ``start`` (after the open token) and ``close``."""
    out: list[list[Token]] = [[]]
    depth = 0
    for token in tokens[start:close]:
        if token.subtype == Token.OPEN:
            depth += 1
        elif token.subtype == Token.CLOSE:
            depth -= 1
        elif depth == 0 and token.type == Token.SEP and token.subtype == Token.ARG:
            out.append([])
            continue
        out[-1].append(token)
    return out


#: functions that read a reference's place, not its values: the engine's LET loses the reference (#REF!)
_PLACE_READERS = frozenset(("ROW", "COLUMN", "ISREF", "CELL", "AREAS", "SHEET"))


def _inlined(size: list[Token], tokens: list[Token], open_index: int) -> bool:
    """Whether a computed size is written out where it is used rather than bound by LET: when it calls no function
    (``B3``, ``B1-5``: cheap to read three times), or when the OFFSET is the argument of a function reading its place
    (``ROW(OFFSET(..))``), where the engine's LET would make the reference #REF! (``ROW(LET(x,B2,x))``)."""
    if not any(t.type == Token.FUNC for t in size):
        return True
    before = next((t for t in reversed(tokens[:open_index]) if t.type != Token.WSPACE), None)
    return (
        before is not None
        and before.type == Token.FUNC
        and before.subtype == Token.OPEN
        and _bare_name(before.value[:-1]) in _PLACE_READERS
    )


def negative_sizes(formula: str) -> str:
    """``formula`` (with ``=``) with each OFFSET whose height or width may be negative written with positive sizes
    (see the module docstring); the same text when there is none.

    >>> negative_sizes("=AVERAGE(OFFSET(B7,0,0,-3))"), negative_sizes("=SUM(OFFSET(B7,0,0,-2,-1))")
    ('=AVERAGE(OFFSET(B7,(0)-2,0,3))', '=SUM(OFFSET(B7,(0)-1,0,2,1))')
    >>> negative_sizes("=SUM(OFFSET(A1,0,0,B1-5))")
    '=SUM(OFFSET(A1,(0)+IF((B1-5)<0,(B1-5)+1,0),0,ABS(B1-5)))'
    >>> negative_sizes("=SUM(OFFSET(A1,0,0,COUNTA(A:A)-5))")
    '=SUM(LET(_xlr_h,(COUNTA(A:A)-5),OFFSET(A1,(0)+IF(_xlr_h<0,_xlr_h+1,0),0,ABS(_xlr_h))))'
    >>> negative_sizes("=SUM(OFFSET(A1,0,0,COUNTA(A:A),1))")
    '=SUM(OFFSET(A1,0,0,COUNTA(A:A),1))'
    """
    if "OFFSET(" not in formula.upper():
        return formula
    try:
        tokens = Tokenizer(formula).items
    except Exception:  # a formula openpyxl cannot split: the engine decides
        return formula
    changed = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type != Token.FUNC or token.subtype != Token.OPEN:
            i += 1
            continue
        head, colon, name = token.value[:-1].rpartition(":")
        if _bare_name(name) != "OFFSET":
            i += 1
            continue
        args, close = _arguments(tokens, i + 1, Token.FUNC)
        if close >= len(tokens) or not 4 <= len(args) <= 5:
            i += 1
            continue
        spans = _spans(tokens, i + 1, close)
        sizes = [_size(spans[k], args[k]) if k < len(args) else None for k in (3, 4)]
        after = next((t for t in tokens[close + 1 :] if t.type != Token.WSPACE), None)
        ranged = bool(colon) or (after is not None and after.value.startswith(":"))
        computed = any(s is not None and s[0] == "computed" for s in sizes)
        if all(s is None for s in sizes) or (computed and ranged):
            i += 1
            continue
        new = list(args)
        bindings = []
        for k, size in zip((3, 4), sizes, strict=True):
            if size is None:
                continue
            moved = 1 if k == 3 else 2  # the height moves the rows, the width the columns
            if size[0] == "literal":
                cells = math.trunc(-(size[1] or 0.0))
                if cells > 1:
                    new[moved] = f"({args[moved].strip() or 0})-{cells - 1}"
                new[k] = str(cells)
            elif _inlined(spans[k], tokens, i):  # ROW(OFFSET(A1,0,0,B3)): the engine's LET gives no reference
                size_text = f"({args[k].strip()})"
                new[moved] = f"({args[moved].strip() or 0})+IF({size_text}<0,{size_text}+1,0)"
                new[k] = f"ABS{size_text}"
            else:
                bound = _NAMES[k - 3]
                bindings.append(f"{bound},({args[k].strip()})")
                new[moved] = f"({args[moved].strip() or 0})+IF({bound}<0,{bound}+1,0)"
                new[k] = f"ABS({bound})"
        call = f"{name}({','.join(new)})"
        if bindings:
            call = f"LET({','.join(bindings)},{call})"
        token.value = f"{head}{colon}{call}"
        token.type, token.subtype = Token.OPERAND, Token.RANGE
        del tokens[i + 1 : close + 1]
        changed = True
        i += 1
    return "=" + "".join(t.value for t in tokens) if changed else formula
