"""SUBTOTAL over OFFSET or INDIRECT given an array of rows: Excel's "visible rows" idiom, written out row by row.

``SUMPRODUCT(SUBTOTAL(109,OFFSET(B2,ROW(B2:B5)-ROW(B2),0)),--(A2:A5="a"))`` sums the visible rows meeting a
condition: OFFSET given an array of row offsets makes one reference per element, and SUBTOTAL gives one result per
reference. The engine makes one reference of all. Where the rows are known from the formula itself (the offsets
``ROW(R)-ROW(first)``, ``ROW(R)-MIN(ROW(R))`` or ``ROW(R)-n``; the texts ``"A"&ROW(R)``) and each reference is one
cell, :func:`row_by_row` writes the call as the array of each cell's own SUBTOTAL
(``VSTACK(SUBTOTAL(109,$B$2),SUBTOTAL(109,$B$3),..)``), whose hidden rows :mod:`.hidden_rows` then leaves out as
Excel does. Any other form is left as it is (and listed: :mod:`.unsupported`).
"""

from __future__ import annotations

import re

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

from .excel_functions.arguments import _arguments
from .formula_tokens import _bare_name

__all__ = ["row_by_row"]

#: at most this many rows are written out (a longer list is left as it is)
_MOST = 1000
_FUNCTIONS = {*range(1, 12), *range(101, 112)}
_COLUMN_TEXT = re.compile(r'"\$?([A-Za-z]{1,3})\$?"')


def row_by_row(text: str) -> str:
    """``text`` (a formula, with or without ``=``) with each SUBTOTAL over OFFSET or INDIRECT given an array of rows,
    inside SUMPRODUCT, as the array of each row's SUBTOTAL; ``text`` itself when there is none it can read.

    >>> row_by_row('=SUMPRODUCT(SUBTOTAL(109,OFFSET(B2,ROW(B2:B4)-ROW(B2),0)),--(A2:A4="a"))')
    '=SUMPRODUCT(VSTACK(SUBTOTAL(109,$B$2),SUBTOTAL(109,$B$3),SUBTOTAL(109,$B$4)),--(A2:A4="a"))'
    >>> row_by_row('=SUMPRODUCT(SUBTOTAL(3,INDIRECT("A"&ROW(A2:A3))))')
    '=SUMPRODUCT(VSTACK(SUBTOTAL(3,$A$2),SUBTOTAL(3,$A$3)))'
    """
    upper = text.upper()
    if "SUBTOTAL(" not in upper or "SUMPRODUCT(" not in upper:
        return text
    try:
        tokens = Tokenizer(text if text.startswith("=") else "=" + text).items
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not read: the engine decides)
        return text
    done: list[tuple[int, int, str]] = []
    inside = 0  # SUMPRODUCT calls open around the token
    opened: list[bool] = []
    for i, token in enumerate(tokens):
        if token.subtype == Token.OPEN and token.type in (Token.FUNC, Token.PAREN):
            name = _bare_name(token.value[:-1]) if token.type == Token.FUNC else ""
            opened.append(name == "SUMPRODUCT")
            inside += name == "SUMPRODUCT"
            if name == "SUBTOTAL" and inside and not (done and i <= done[-1][1]):
                spans, close = _arguments(tokens, i)
                written = _written(tokens, spans)
                if written is not None:
                    done.append((i, close, written))
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN) and opened:
            inside -= opened.pop()
    if not done:
        return text
    values = [t.value for t in tokens]
    for start, close, written in reversed(done):
        values[start : close + 1] = [written]
    return "=" + "".join(values)


def _plain(tokens: list[Token], start: int, end: int) -> list[Token]:
    return [t for t in tokens[start:end] if t.type != Token.WSPACE]


def _written(tokens: list[Token], spans: list[tuple[int, int]]) -> str | None:
    """``VSTACK(SUBTOTAL(f,cell),..)`` of one SUBTOTAL call's argument spans, or None."""
    if len(spans) != 2:
        return None
    number = _plain(tokens, *spans[0])
    if len(number) != 1 or number[0].subtype != Token.NUMBER or not number[0].value.isdigit():
        return None
    function = int(number[0].value)
    reference = _plain(tokens, *spans[1])
    if function not in _FUNCTIONS or not reference or reference[0].type != Token.FUNC:
        return None
    name = _bare_name(reference[0].value[:-1])
    start = next(k for k in range(*spans[1]) if tokens[k].type != Token.WSPACE)
    inner, close = _arguments(tokens, start)
    if any(t.type != Token.WSPACE for t in tokens[close + 1 : spans[1][1]]):  # OFFSET(..)+1: not the argument
        return None
    if name == "OFFSET":
        cells = _offset_cells(tokens, inner)
    elif name == "INDIRECT":
        cells = _indirect_cells(tokens, inner)
    else:
        return None
    if not cells or len(cells) > _MOST:
        return None
    return "VSTACK(" + ",".join(f"SUBTOTAL({function},{cell})" for cell in cells) + ")"


def _rows(part: list[Token]) -> list[int] | None:
    """The rows an offsets' or texts' ``ROW(R)`` gives (``part`` is ``ROW( R )``), or None."""
    if len(part) != 3 or _bare_name(part[0].value[:-1]) != "ROW" or part[1].subtype != Token.RANGE:
        return None
    try:
        _, top, _, bottom = range_boundaries(part[1].value.rpartition("!")[2].replace("$", ""))
    except (ValueError, TypeError):
        return None
    if top is None or bottom is None or bottom - top >= _MOST:
        return None
    return list(range(top, bottom + 1))


def _offsets(part: list[Token]) -> list[int] | None:
    """The row offsets of ``ROW(R)-ROW(first)``, ``ROW(R)-MIN(ROW(R))`` or ``ROW(R)-n``, or None."""
    rows = _rows(part[:3])
    if rows is None or len(part) < 5 or part[3].value != "-" or part[3].type != Token.OP_IN:
        return None
    rest = part[4:]
    if len(rest) == 1 and rest[0].subtype == Token.NUMBER and rest[0].value.isdigit():
        return [row - int(rest[0].value) for row in rows]
    first = _rows(rest)
    if first is not None and len(first) == 1:
        return [row - first[0] for row in rows]
    if len(rest) == 5 and _bare_name(rest[0].value[:-1]) == "MIN" and _rows(rest[1:4]) == rows:
        return [row - rows[0] for row in rows]
    return None


def _offset_cells(tokens: list[Token], spans: list[tuple[int, int]]) -> list[str] | None:
    """The one-cell references ``OFFSET(base, offsets, 0 [, 1 [, 1]])`` makes, one per offset, or None."""
    if not 3 <= len(spans) <= 5:
        return None
    parts = [_plain(tokens, *span) for span in spans]
    base, offsets = parts[0], _offsets(parts[1])
    if len(base) != 1 or base[0].subtype != Token.RANGE or offsets is None:
        return None
    if parts[2] and not (len(parts[2]) == 1 and parts[2][0].value == "0"):
        return None
    sheet, _, area = base[0].value.rpartition("!")
    try:
        left, top, right, bottom = range_boundaries(area.replace("$", ""))
    except (ValueError, TypeError):
        return None
    if None in (left, top, right, bottom):
        return None
    height = parts[3] if len(parts) > 3 else []
    width = parts[4] if len(parts) > 4 else []
    if not (height and height[0].value == "1" and len(height) == 1 or not height and bottom == top):
        return None
    if not (width and width[0].value == "1" and len(width) == 1 or not width and right == left):
        return None
    prefix = sheet + "!" if sheet else ""
    rows = [top + offset for offset in offsets]
    if min(rows) < 1 or max(rows) > 1048576:
        return None
    return [f"{prefix}${get_column_letter(left)}${row}" for row in rows]


def _indirect_cells(tokens: list[Token], spans: list[tuple[int, int]]) -> list[str] | None:
    """The one-cell references ``INDIRECT("A"&ROW(R) [, TRUE])`` makes, one per row of R, or None."""
    if not 1 <= len(spans) <= 2:
        return None
    parts = [_plain(tokens, *span) for span in spans]
    if len(parts) == 2 and not (len(parts[1]) == 1 and parts[1][0].value.upper() in ("TRUE", "1")):
        return None
    text = parts[0]
    if len(text) != 5 or text[0].subtype != Token.TEXT or text[1].value != "&":
        return None
    column = _COLUMN_TEXT.fullmatch(text[0].value)
    rows = _rows(text[2:])
    if column is None or rows is None:
        return None
    return [f"${column.group(1).upper()}${row}" for row in rows]
