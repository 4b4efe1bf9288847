"""The error a call gives when several of its arguments are errors: the first one's, left to right, as in Excel.

The engine answers some functions with a later argument's error, or with one of its own, where Excel passes on the
first argument's (Microsoft: a function given an error value returns it; arguments are evaluated left to right).
With C1 ``=1/0`` and C2 ``=NA()``: ``RANK(C1,A1:A3)`` was #N/A, ``LARGE(A1:A3,C2)`` #NUM!, ``QUARTILE(C1,C2)`` #NUM!
and ``RIGHT(C1,C2)`` #N/A, where Excel gives #DIV/0!, #N/A, #DIV/0! and #DIV/0!; under ``IFNA`` the wrong code is
a wrong value (``IFNA(RANK(C1,A1:A3),"")`` was "" with status ok). :func:`first_error` writes the order out:
``IF(ISERROR(x),x,call)`` for each single-value argument that may be an error (not a number or text typed in, not a
range), and where an array comes before it (LARGE's, QUARTILE's) that array's error first (``SUM`` of it gives its
first error).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["FIRST_ERROR", "first_error"]

_ARRAY_FIRST = ("LARGE", "SMALL", "PERCENTILE", "PERCENTILE.INC", "PERCENTILE.EXC", "QUARTILE", "QUARTILE.INC",
                "QUARTILE.EXC")  # fmt: skip
#: name -> (the positions of its single values, the position of an array read before them or None, how many of them
#: must be able to be errors for the engine to answer otherwise than Excel)
FIRST_ERROR: dict[str, tuple[tuple[int, ...], int | None, int]] = {
    **dict.fromkeys(("RANK", "RANK.EQ", "RANK.AVG"), ((0,), None, 1)),
    **dict.fromkeys(_ARRAY_FIRST, ((1,), 0, 1)),
    **dict.fromkeys(("PERCENTRANK", "PERCENTRANK.INC", "PERCENTRANK.EXC"), ((1, 2), 0, 1)),
    "RIGHT": ((0, 1), None, 2),  # one error alone is passed on right; two: the engine gives the second's
    "MID": ((0, 1, 2), None, 2),
}


def first_error(
    name: str, arguments: list[Any], args: list[str], call: str, may_be_error: Callable[[Any], bool]
) -> str:
    """``call`` (of ``name``, whose arguments' tokens are ``arguments`` and texts ``args``) giving its first argument's
    error as Excel does (see the module docstring); ``call`` itself for another function or where no such argument
    may be an error.

    >>> first_error("RANK", ["C1", "A1:A3"], ["C1", "A1:A3"], "RANK(C1,A1:A3)", lambda a: ":" not in a)
    'IF(ISERROR(C1),C1,RANK(C1,A1:A3))'
    >>> first_error("LARGE", ["A1:A3", "C2"], ["A1:A3", "C2"], "LARGE(A1:A3,C2)", lambda a: ":" not in a)
    'IF(ISERROR(C2),IF(ISERROR(SUM(A1:A3)),SUM(A1:A3),C2),LARGE(A1:A3,C2))'
    >>> first_error("RIGHT", ["A2", "3"], ["A2", "3"], "RIGHT(A2,3)", lambda a: a == "A2")
    'RIGHT(A2,3)'
    """
    spec = FIRST_ERROR.get(name)
    if spec is None:
        return call
    positions, array, least = spec
    maybe = [p for p in positions if p < len(args) and may_be_error(arguments[p])]
    if len(maybe) < least:
        return call
    for p in reversed(maybe):
        value = args[p]
        first = value
        if array is not None and array < len(args):
            first = f"IF(ISERROR(SUM({args[array]})),SUM({args[array]}),{value})"
        call = f"IF(ISERROR({value}),{first},{call})"
    return call
