"""An IS function around a call that gives an error: Excel's answer, never the error.

formualizer 0.13's own MEDIAN, PRODUCT, LARGE, STDEV, NPV, MAXA ... given an error value answer with an error that
only IFERROR catches: ``ISERROR(MEDIAN(A1:A2))`` with A1 ``=1/0`` was #DIV/0! with status ok, and so was the common
guard ``IF(ISERROR(MEDIAN(A1:A2)),0,MEDIAN(A1:A2))``, where Excel gives TRUE and 0 (Microsoft, "IS functions": ISERROR
"Value refers to any error value"; an IS function never returns an error, TYPE of an error is 16). The error passes
through the engine's IS functions, IF and arithmetic alike; a cell storing the error and read by another is not
affected.

:func:`caught` writes the function's answer for an error out where its argument holds a call:
``ISERROR(x)`` -> ``IFERROR(ISERROR(x),TRUE)``, the same value in Excel for every ``x`` (an array too: IFERROR
replaces error elements only, which ISERROR's array has none of). ISNA, ISERR, IFNA and ERROR.TYPE need the error's
kind, which such an error does not give to IFNA either: they are not rewritten.
"""

from __future__ import annotations

from openpyxl.formula.tokenizer import Token

__all__ = ["NEVER_ERROR", "caught"]

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
#: the same names for the rewrite's cheap test on the upper-cased formula: one of them with a call in its argument
HINT = r"(?<![A-Z0-9_.])(?:ISERROR|ISNUMBER|ISTEXT|ISNONTEXT|ISLOGICAL|ISBLANK|TYPE)\([^)]*\("


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
