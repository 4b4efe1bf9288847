"""The cells an OFFSET whose reference is computed by INDEX or XLOOKUP may read, for :mod:`.offset_readers`.

``=OFFSET(INDEX(F1:F5,2),1,0)`` was taken to read any cell (its reference is no range typed in): one cell without
a current value anywhere in the workbook (an add-in's function, FORECAST.ETS) made every such formula's reason say it
read that cell, and its good value was left out (H239's finding 4). INDEX returns a part of its range and XLOOKUP
one of its return array or if_not_found: the reference is anywhere in that range, and OFFSET moves and sizes it
from there.
"""

from __future__ import annotations

from collections.abc import Callable

from openpyxl.formula.tokenizer import Token

from .excel_functions.arguments import _arguments as argument_spans

Area = tuple[str, tuple[int, int, int, int]]  # sheet, (left, top, right, bottom)
#: the arguments of a call whose range holds the reference it returns
_RETURNED = {"INDEX": (0,), "XLOOKUP": (2, 3)}


def computed_base(
    tokens: list[Token],
    sheet: str,
    names: dict[str, dict[str, str]],
    base: Callable[[list[Token], str, dict[str, dict[str, str]]], Area | None],
) -> Area | None:
    """The range the reference INDEX or XLOOKUP (``tokens``: OFFSET's first argument, that call alone) returns lies
    in: its range (both of XLOOKUP's, on one sheet); None for anything else. ``base``: a range typed in or named."""
    solid = [t for t in tokens if t.type != Token.WSPACE]
    if not solid or solid[0].type != Token.FUNC or solid[0].subtype != Token.OPEN:
        return None
    name = solid[0].value[:-1].upper().removeprefix("_XLFN.")
    if name == "INDIRECT":
        return _indirect_base(solid, sheet, names, base)
    if name not in _RETURNED:
        return None
    try:
        spans, close = argument_spans(solid, 0)
    except ValueError:
        return None
    if close != len(solid) - 1:
        return None
    found: list[Area] = []
    for position in _RETURNED[name]:
        if position < len(spans):
            area = base(solid[spans[position][0] : spans[position][1]], sheet, names)
            if area is None:
                return None  # an array, a value, a reference computed again: cannot tell
            found.append(area)
    if not found or len({owner.lower() for owner, _ in found}) != 1:
        return None
    boxes = [box for _, box in found]
    return found[0][0], (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _indirect_base(
    solid: list[Token],
    sheet: str,
    names: dict[str, dict[str, str]],
    base: Callable[[list[Token], str, dict[str, dict[str, str]]], Area | None],
) -> Area | None:
    """The range ``INDIRECT("D!B1")`` (``solid``: that call alone; its text typed in, A1 style) names, as if typed in
    (H319's finding 02: ``SUM(OFFSET(INDIRECT("D!B1"),1,0,2))`` was taken to read any cell, and said to read an
    unrelated cell without a current value); None for a text made when the formula runs, or R1C1 style.

    >>> from openpyxl.formula import Tokenizer
    >>> def tokens(text):
    ...     return [t for t in Tokenizer("=" + text).items if t.type != Token.WSPACE]
    >>> def base(text):
    ...     typed = lambda ts, sheet, names: ("D", (2, 1, 2, 1)) if ts[0].value == "D!B1" else None
    ...     return _indirect_base(tokens(text), "F", {}, typed)
    >>> base('INDIRECT("D!B1")'), base('INDIRECT("D!B1",TRUE)'), base('INDIRECT("D!B"&E1)'), base('INDIRECT("R1C2",0)')
    (('D', (2, 1, 2, 1)), ('D', (2, 1, 2, 1)), None, None)
    """
    try:
        spans, close = argument_spans(solid, 0)
    except ValueError:
        return None
    if close != len(solid) - 1 or not 1 <= len(spans) <= 2:
        return None
    text = [t for t in solid[spans[0][0] : spans[0][1]] if t.type != Token.WSPACE]
    if len(text) != 1 or text[0].type != Token.OPERAND or text[0].subtype != Token.TEXT:
        return None
    if len(spans) == 2:
        style = [t for t in solid[spans[1][0] : spans[1][1]] if t.type != Token.WSPACE]
        if len(style) != 1 or style[0].value.upper() not in ("TRUE", "1"):
            return None  # R1C1 style, or told when the formula runs
    reference = text[0].value[1:-1].replace('""', '"').strip()
    return base([Token(reference, Token.OPERAND, Token.RANGE)], sheet, names)


def loose_reach(first: int, last: int, low: int, high: int, sizes: tuple[int, int], omitted: bool) -> tuple[int, int]:
    """The first and last row (column) an OFFSET reaches from a reference anywhere in rows ``first`` .. ``last``,
    moved by ``low`` .. ``high`` rows and ``sizes`` high (``omitted``: the reference's own height, within them).

    >>> loose_reach(1, 5, 1, 1, (1, 1), True), loose_reach(1, 5, 0, 2, (3, 3), False)
    ((2, 6), (1, 9))
    >>> loose_reach(3, 3, 0, 0, (-2, -2), False)
    (2, 3)
    """
    if omitted:
        return first + low, last + high
    up, down = min(0, sizes[0] + 1), max(0, sizes[1] - 1)
    return first + low + up, last + high + down
