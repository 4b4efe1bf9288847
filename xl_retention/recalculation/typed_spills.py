"""Spilled ranges stored as typed, ``A2#``, read as the ``_xlfn.ANCHORARRAY(A2)`` Excel stores.

Excel shows a reference to a dynamic array's whole spill as ``A2#`` and stores it as ``_xlfn.ANCHORARRAY(A2)``; a
script writing the formula as typed (XlsxWriter's ``write_dynamic_array_formula("B2", "=SUMIFS(Amt,Reg,A2#)")``,
openpyxl) stores ``A2#``, which the engine reads as the spill too (the recalc tests write it so). But the rewrites'
tests look for ANCHORARRAY: ``SUMIFS(Amt,Reg,A2#)`` was not given its form answering each criterion and was 0 where
the spill's regions sum to 5320, 2900.5, 1600, 1190.25 (with ``_xlfn.ANCHORARRAY(A2)``: those), and
``B2#/SUM(B2#)`` #REF!, under status ok. :func:`anchored` writes each as Excel stores it before the rewrites read it.
"""

from __future__ import annotations

import re

from ..sheet_names import SHEET
from .text_literals import LITERALS as _LITERAL

__all__ = ["anchored"]

#: a cell followed by the spilled range operator (not an error value: #REF!, #N/A, ...): its cell in group 1
_TYPED = re.compile(r"(?<![\w.$!\]'])((?:" + SHEET + r"!)?\$?[A-Za-z]{1,3}\$?\d+)#(?![A-Za-z/])")


def anchored(formula: str) -> str:
    """``formula`` with each spilled range typed (``A2#``, ``'My s'!B2#``) written ``_xlfn.ANCHORARRAY(A2)``; text in
    quotes and error values left as they are; ``formula`` itself where there is none.

    >>> anchored("=SUMIFS(Amt,Reg,A2#)"), anchored("=SUM('My s'!$B$2#)/2")
    ('=SUMIFS(Amt,Reg,_xlfn.ANCHORARRAY(A2))', "=SUM(_xlfn.ANCHORARRAY('My s'!$B$2))/2")
    >>> f = '=IFERROR(A2,#N/A)&"A2#"'
    >>> anchored(f) is f
    True
    """
    if "#" not in formula:
        return formula
    parts, at, changed = [], 0, False
    for literal in [*_LITERAL.finditer(formula), None]:
        end = literal.start() if literal is not None else len(formula)
        code = formula[at:end]
        new = _TYPED.sub(r"_xlfn.ANCHORARRAY(\1)", code) if "#" in code else code
        changed = changed or new != code
        parts.append(new)
        if literal is not None:
            parts.append(literal.group(0))
            at = literal.end()
    return "".join(parts) if changed else formula
