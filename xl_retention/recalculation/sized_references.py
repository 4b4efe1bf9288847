"""ROWS, COLUMNS, ROW and COLUMN of an OFFSET or INDIRECT that gives an error: the error, as in Excel.

``ROWS(OFFSET(A1,1,0,COUNTA(A:A)-1,1))`` over a column holding only its header asks for a height of 0, which is
#REF! in Excel (an OFFSET off the sheet likewise); the engine's ROWS and COLUMNS of an error value are 1 (a count with
status ok). ``INDIRECT(A1&"!A1:A3")`` where A1 names a sheet the workbook lacks is #REF! in Excel; the engine's is a
reference to nowhere whose value is #REF! but whose ROWS is 3 and ROW its row (also through ``OFFSET(INDIRECT(..))``,
``INDEX(INDIRECT(..),0,1)``, ``INDIRECT(..):INDIRECT(..)``). :func:`sized` writes such a call
``IF(ISREF(x),ROWS(x),IF(ISERROR(INDEX(x,1,1)),IF(ERROR.TYPE(INDEX(x,1,1))=4,#REF!,IF(AND(ROWS(x)=1,COLUMNS(x)=1),x,
ROWS(x))),ROWS(x)))``: a reference is counted as before, an error is the result (a #REF! whatever size the engine
gives it).
Only a call whose argument holds an OFFSET or INDIRECT, for ROWS and COLUMNS an INDEX too (``ROWS(INDEX(A1:B4,0,5))``:
INDEX's column past its area is #REF! in Excel, counted 1 by the engine) (or the form :mod:`.offset_sizes` gives an
OFFSET of a size that may be negative) is so written: ``ROWS($A$1:A1)``, ``ROW()`` and other counts stay as they are.
"""

from __future__ import annotations

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from .excel_functions.arguments import _arguments as argument_spans

__all__ = ["sized"]

_COUNTS = ("ROWS(", "COLUMNS(", "ROW(", "COLUMN(")
_MAKERS = ("OFFSET(", "INDIRECT(")
#: INDEX too, inside ROWS and COLUMNS: a row or column number past its area is #REF! in Excel, whose size the engine
#: gave as 1 (``ROWS(INDEX(A1:B4,0,5))`` 1 with status ok); ROW and COLUMN of it are left (INDEX(A:A,MATCH(..)) filled
#: down would be evaluated twice)
_SIZE_MAKERS = (*_MAKERS, "INDEX(")


def _guarded(name: str, argument: str) -> str:
    x = argument.strip()
    first = f"INDEX({x},1,1)"  # not intersected with the formula's row (an array argument)
    one = f"IF(AND(ROWS({x})=1,COLUMNS({x})=1),{x},{name}({x}))"
    return f"IF(ISREF({x}),{name}({x}),IF(ISERROR({first}),IF(ERROR.TYPE({first})=4,#REF!,{one}),{name}({x})))"


def sized(tokens: list[Token]) -> bool:
    """Each ``ROWS(x)``, ``COLUMNS(x)``, ``ROW(x)`` or ``COLUMN(x)`` whose argument holds a call of OFFSET or INDIRECT
    written so that an error ``x`` is the result (see the module docstring); ``tokens`` changed in place. True when
    one was.

    >>> tokens = list(Tokenizer("=ROWS(OFFSET(A1,0,0,B1,1))+ROWS(A1:A3)").items)
    >>> sized(tokens), "".join(t.value for t in tokens)[:60]
    (True, 'IF(ISREF(OFFSET(A1,0,0,B1,1)),ROWS(OFFSET(A1,0,0,B1,1)),IF(I')
    """
    found = []
    for i, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN or token.value.upper() not in _COUNTS:
            continue
        try:
            spans, close = argument_spans(tokens, i)
        except ValueError:
            return False  # unbalanced: the engine decides
        if len(spans) != 1:
            continue
        argument = "".join(tokens[k].value for k in range(*spans[0]))
        makers = _SIZE_MAKERS if token.value.upper() in ("ROWS(", "COLUMNS(") else _MAKERS
        if any(maker in argument.upper() for maker in makers):
            found.append((i, close, _guarded(token.value[:-1].upper(), argument)))
    for i, close, text in reversed(found):
        if any(i < start < close for start, _, _ in found if start != i):
            continue  # a count inside another's argument: written out with it
        tokens[i : close + 1] = list(Tokenizer("=" + text).items)
    return bool(found)
