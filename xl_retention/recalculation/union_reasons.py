"""Why a union of references the engine cannot compute is listed: the function given it, and its ranges as typed.

``=IFERROR(COUNTIF((A1:A2,C1:C2),">1"),-1)`` in row 5 was listed as "cannot compute the union of references
(#VALUE!, #VALUE!)": the implicit intersection of a classic formula had made each area of the union the cell in the
formula's row (none: #VALUE!), as if each were a value. A union's areas are references, never intersected
(:func:`union_areas`), and the reason names the function the union is given to (:func:`union_reason`).
"""

from __future__ import annotations

from openpyxl.formula.tokenizer import Token

from .formula_tokens import _bare_name
from .union_references import _union_at

__all__ = ["enclosing_call", "union_areas", "union_reason"]


def union_reason(shown: str, function: str | None) -> str:
    """The reason of a cell holding the union ``shown`` (``(A1:A2,C1:C2)``) given to ``function`` (None: to none).

    >>> union_reason("(A1:A2,C1:C2)", "COUNTIF")
    'the embedded engine cannot compute COUNTIF over the union of references (A1:A2,C1:C2)'
    """
    over = f"{function} over " if function else ""
    return f"the embedded engine cannot compute {over}the union of references {shown}"


def enclosing_call(text: str, at: int) -> str | None:
    """The function whose call's brackets hold position ``at`` of ``text`` (a formula, its texts blanked), innermost
    first; None outside every call.

    >>> enclosing_call('=IFERROR(COUNTIF((A1:A2,C1:C2),""),-1)', 17), enclosing_call("=(A1,B1)", 1)
    ('COUNTIF', None)
    """
    depth = 0
    for k in range(at - 1, -1, -1):
        mark = text[k]
        if mark == ")":
            depth += 1
        elif mark == "(":
            if depth:
                depth -= 1
                continue
            start = k
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_."):
                start -= 1
            if start < k:
                return _bare_name(text[start:k].upper())
    return None


def union_areas(tokens: list[Token]) -> set[int]:
    """The indices of the references in ``tokens`` that are areas of a union (``(A1:A2,C1:C2)``: a bracket opened
    where no function nor LAMBDA is called, holding references parted by the union operator alone)."""
    found: set[int] = set()
    for i, token in enumerate(tokens):
        if token.type != Token.PAREN or token.subtype != Token.OPEN:
            continue
        before = next((t for t in reversed(tokens[:i]) if t.type != Token.WSPACE), None)
        if before is not None and before.subtype == Token.CLOSE:  # LAMBDA(x,x*2)(A1:A2, B1): a call's arguments
            continue
        end = _union_at(tokens, i)
        if end is not None:
            found.update(k for k in range(i + 1, end) if tokens[k].type == Token.OPERAND)
    return found
