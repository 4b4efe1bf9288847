"""N and T of a reference to several cells read its first cell, as in Excel.

Excel's N and T take their argument as a reference (the reference class of Excel's function table) and read the
top-left cell of its first area, wherever the formula stands and in array formulas too: ``=N(A1:A7)`` is A1's number
in any row, ``{=SUM(N(A1:A3))}`` and ``SUMPRODUCT(N(A1:A3))`` are A1's, ``T(B:B)`` is B1's text (Harlan Grove's
description of their dereferencing, the reason for the ``N(OFFSET(A1,{1,5,6},0))`` idiom). The engine intersected
the range with the formula's row instead (#VALUE! outside it, another row's cell inside) and read every cell of it
in an array, with status ok. An array is no reference (``N(A1:A3*1)``, ``N(+A1:A3)``: each value): left as it is,
and so is a reference function given arrays or ranges (``N(OFFSET(A1,ROW(A1:A3),0))``, one reference per element).
"""

from __future__ import annotations

from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import get_column_letter

from .formula_tokens import _bare_name, _box, argument_spans

__all__ = ["first_cells"]

_REFERENCE_CALLS = frozenset(("OFFSET", "INDIRECT", "INDEX"))


def _closing(tokens: list[Token], open_index: int) -> int | None:
    """The index of the token closing the call or bracket opened at ``open_index`` (None when it is not closed)."""
    end = argument_spans(tokens, open_index)[1]
    return end if end < len(tokens) else None


def _top_left(reference: str) -> str | None:
    """The first cell of ``reference`` (``S!$A$2:$B$7`` -> ``S!A2``, ``B:B`` -> ``B1``); None for one cell already,
    or for what is no A1 reference on one sheet.

    >>> _top_left("S!$A$2:$B$7"), _top_left("B:B"), _top_left("'My data'!3:4"), _top_left("A1"), _top_left("x")
    ('S!A2', 'B1', "'My data'!A3", None, None)
    """
    box = _box(reference)
    if box is None:
        return None
    prefix, (left, top, right, bottom) = box
    if (left, top) == (right, bottom):
        return None
    return f"{prefix}{get_column_letter(left)}{top}"


def _single_references(tokens: list[Token], start: int, end: int) -> bool:
    """Whether tokens[start:end] hold no array constant, and no range or name that may cover several cells."""
    for token in tokens[start:end]:
        if token.type == Token.ARRAY or (token.type == Token.OPERAND and token.subtype == Token.RANGE):
            if token.type == Token.ARRAY or ":" in token.value or _box(token.value) is None:
                return False
    return True


def first_cells(tokens: list[Token], names: dict[str, str], array: bool) -> bool:
    """Write the argument of each N and T that is a reference to several cells as its first cell: a range or a
    defined name of one (``names``: lower case -> reference) becomes the cell, a call of OFFSET, INDIRECT or INDEX
    giving one reference (in a classic formula, its other arguments single cells or values) is read through
    ``INDEX(..,1,1)``. Changes ``tokens`` in place; True when it changed any."""
    changed = False
    for i, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN or _bare_name(token.value[:-1]) not in ("N", "T"):
            continue
        end = _closing(tokens, i)
        inner = [k for k in range(i + 1, end) if tokens[k].type != Token.WSPACE] if end is not None else []
        if not inner:
            continue
        first = tokens[inner[0]]
        if len(inner) == 1 and first.type == Token.OPERAND and first.subtype == Token.RANGE:
            cell = _top_left(names.get(first.value.lower(), first.value))
            if cell is not None:
                first.value, changed = cell, True
            continue
        if array or first.type != Token.FUNC or first.subtype != Token.OPEN:
            continue
        name = _bare_name(first.value[:-1])
        if name not in _REFERENCE_CALLS or _closing(tokens, inner[0]) != inner[-1]:
            continue
        rest = inner[0] + 1  # OFFSET's and INDEX's first argument is the reference they move in
        if name != "INDIRECT":
            depth = 0
            while rest < inner[-1] and not (depth == 0 and tokens[rest].type == Token.SEP):
                if tokens[rest].subtype == Token.OPEN:
                    depth += 1
                elif tokens[rest].subtype == Token.CLOSE:
                    depth -= 1
                rest += 1
        if _single_references(tokens, rest, inner[-1]):
            first.value = "INDEX(" + first.value
            tokens[inner[-1]].value += ",1,1)"
            changed = True
    return changed
