"""A reason's formula text as the user typed it: the rewrite's own wrappers taken out.

The embedded engine computes a rewrite of each formula (:mod:`.excel_functions.compared_operands`: each side of a
comparison through ``_XLR.COMPARED`` or ``_XLR.ORDERED`` (``_XLR.FIFTEEN`` beside a whole column), each operand of
``&`` through ``_XLR.TEXT``, a text read as a number through ``_XLR.NUMBER``). A reason that quotes the formula as
the engine holds it (``MATCH: 1 is not in (A3 = "x") * (_XLR.COMPARED(B3) = 4)``) names functions that are in no
workbook and no Excel: :func:`as_typed` gives the operand each such one-argument wrapper holds, so the user reads
``(A3 = "x") * (B3 = 4)``.
"""

from __future__ import annotations

import re

__all__ = ["as_typed"]

#: wrappers of one operand whose value they leave as the user's operand reads (15 digits, Excel's order, text)
_WRAPPER = re.compile(r"(?i)_XLR\.(?:COMPARED|ORDERED|FIFTEEN|NUMBER|TEXT|JOINED)\(")


def _closing(text: str, start: int) -> int | None:
    """The index of the parenthesis closing the one open at ``start - 1``, quoted text skipped; None where the
    call holds a second argument (a comma at its own depth) or does not close."""
    depth, quoted = 1, False
    for i in range(start, len(text)):
        char = text[i]
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        elif char == "," and depth == 1:
            return None
    return None


def as_typed(text: str) -> str:
    """``text`` (a reason or a formula) with each one-argument wrapper of the rewrite replaced by its operand.

    >>> as_typed('MATCH: 1 is not in (A3 = "x") * (_XLR.COMPARED(B3) = 4) (#N/A)')
    'MATCH: 1 is not in (A3 = "x") * (B3 = 4) (#N/A)'
    >>> as_typed("_XLR.ORDERED(_XLR.COMPARED(SUM(A1:A3)))>C1")
    'SUM(A1:A3)>C1'
    >>> as_typed('"_XLR.COMPARED(" stays in a text with ( ,')
    '"_XLR.COMPARED(" stays in a text with ( ,'
    """
    if "_XLR." not in text.upper():
        return text
    out, last = [], 0
    for found in _WRAPPER.finditer(text):
        if found.start() < last or text[: found.start()].count('"') % 2:  # inside a wrapper taken out, or a text
            continue
        end = _closing(text, found.end())
        if end is None:
            continue
        out.append(text[last : found.start()] + as_typed(text[found.end() : end]))
        last = end + 1
    return "".join(out) + text[last:]
