"""A plain XLOOKUP that may return several cells, in a classic (non-dynamic-array) formula where one value is
expected: the cell of its result in the formula's row or column, as Excel's implicit intersection takes it (H239's
finding 1: ``=XLOOKUP("x",E1:E5,F1:F5,F1:F5)`` in row 3, "x" not found, gave F1's 10 where Excel gives F3's 30).

XLOOKUP returns a reference where its return array (and if_not_found) are ranges; the engine took the top-left cell
of such a result. The call is intersected when it runs (``_XLR.SPOT``), as a plain OFFSET of several cells is
(:func:`.intersection._offset_cell`) and ``@XLOOKUP(..)`` (:func:`.rewrite._singles`), where it may return several
cells: a return array of several rows and columns (a whole row or column of it found), or an if_not_found of several
cells. Any other XLOOKUP returns one cell or value, and is left as it is (wrapped, it would be evaluated five times).
"""

from __future__ import annotations

from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

from .formula_tokens import _is_range, argument_spans
from .intersection import spot_call

__all__ = ["xlookup_cell"]


def _size(reference: str, names: dict[str, str]) -> tuple[int, int] | None:
    """The rows and columns of an A1 range (``S!$E$1:$F$5``, a defined name of one), None where not one."""
    text = names.get(reference.lower(), reference).rpartition("!")[2].replace("$", "")
    try:
        left, top, right, bottom = range_boundaries(text)
    except (ValueError, TypeError):
        return None
    if None in (left, top, right, bottom):
        return None  # a whole column or row: left to the engine, as before
    return bottom - top + 1, right - left + 1


def xlookup_cell(tokens: list[Token], open_index: int, names: dict[str, str], row: int, col: int) -> bool:
    """The XLOOKUP call opened at ``open_index`` (where one value is expected) intersected with the formula's row
    (``row``) and column (``col``) when it runs, where it may return several cells; the call becomes one token.
    True when it did.

    >>> from openpyxl.formula import Tokenizer
    >>> tokens = list(Tokenizer('=_xlfn.XLOOKUP("x",E1:E5,F1:F5,F1:F5)').items)
    >>> xlookup_cell(tokens, 0, {}, 3, 8), tokens[0].value[:48]
    (True, 'INDEX((_xlfn.XLOOKUP("x",E1:E5,F1:F5,F1:F5)),_XL')
    >>> tokens = list(Tokenizer('=_xlfn.XLOOKUP("x",E1:E5,F1:F5,0)').items)
    >>> xlookup_cell(tokens, 0, {}, 3, 8)
    False
    """
    spans, close = argument_spans(tokens, open_index)
    if len(spans) < 3 or close >= len(tokens):
        return False
    several = False
    for position in (2, 3):
        if position >= len(spans):
            continue
        inner = [t for t in tokens[spans[position][0] : spans[position][1]] if t.type != Token.WSPACE]
        if len(inner) != 1 or not _is_range(inner[0]) or inner[0].value.startswith(("{", "#")):
            return False  # an array, a value or an expression may be returned: not surely a reference
        size = _size(inner[0].value, names)
        if size is None:
            return False
        several = several or (size[0] > 1 and size[1] > 1 if position == 2 else size != (1, 1))
    if not several:
        return False
    spot_call(tokens, open_index, close, row, col, bracket=True)
    return True
