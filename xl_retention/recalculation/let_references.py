"""A LET's names of a reference written as the reference, for the reasons that name a cell.

``=LET(x,A2,CRR(x,1,10))`` with 'x' typed in A2 said "CRR: customers_end must be a number, got 'x'" and
``=LET(sc,A1:A4,NPS(sc))`` "... in cell 2 of scores": the reasons read the argument's text (``x``, ``sc``), which
names no cell. :func:`let_inlined` writes each name LET gives a plain reference as that reference (``CRR(A2,1,10)``,
``NPS(A1:A4)``), so that :func:`.reason_cells.name_the_cell` and :func:`.literal_reasons.value_argument` name
``A2``.
"""

from __future__ import annotations

import re

from ..sheet_names import NAME, SHEET
from .reason_cells import _arguments

__all__ = ["let_inlined"]

_LET = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?LET\(")
#: a cell or a range, on a sheet or not: ``A2``, ``$A$1:$A$4``, ``'My data'!B2:B9``
_REFERENCE = re.compile(r"(?:" + SHEET + r"!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?", re.IGNORECASE)


def let_inlined(formula: str | None) -> str | None:
    """``formula`` with each name a LET (the one LET call of it) gives a cell or a range written as that reference.

    >>> let_inlined("=_xlfn.LET(_xlpm.x,A2,CRR(_xlpm.x,1,10))")
    '=_xlfn.LET(_xlpm.x,A2,CRR(A2,1,10))'
    >>> let_inlined("=LET(sc,'My data'!A1:A4,n,2,NPS(sc)*n)")
    "=LET(sc,'My data'!A1:A4,n,2,NPS('My data'!A1:A4)*n)"
    """
    if not formula or _LET.search(formula) is None:
        return formula
    calls = _arguments(formula, "_xlfn.LET") or _arguments(formula, "LET")
    if len(calls) != 1 or len(calls[0]) < 3 or len(calls[0]) % 2 == 0:
        return formula
    args = calls[0]
    start = _LET.search(formula).end()  # type: ignore[union-attr]
    head, body = formula[:start], formula[start:]
    bound = [(args[i], args[i + 1]) for i in range(0, len(args) - 1, 2)]
    for name, value in bound:
        if re.fullmatch(NAME, name) is None or _REFERENCE.fullmatch(value) is None:
            continue
        bare = re.escape(name.lower().removeprefix("_xlpm."))
        word = re.compile(rf"(?i)(?<![\w.$!'])(?:_xlpm\.)?{bare}(?![\w.(!\[])")
        first, _, rest = body.partition(",")  # the name's own place in LET is kept
        parts = rest.split('"')  # texts are left as they are
        parts[::2] = [word.sub(value.replace("\\", "\\\\"), p) for p in parts[::2]]
        body = first + "," + '"'.join(parts)
    return head + body
