"""INDEX of whole columns or rows taking one of them whole (``INDEX(A:B,0,1)``): that column itself, ``A:A``.

The engine answers INDEX of whole columns with row 0 with the rows in use only, where Excel gives the whole column
(Microsoft's INDEX: "If you set row_num or column_num to 0 (zero), INDEX returns the reference for the entire column
or row, respectively"): ``ROWS(INDEX(A:B,0,1))`` was 4 with status ok where Excel gives 1048576,
``COLUMNS(INDEX(1:2,1,0))`` 10 for 16384, and ``FILTER(A:B,INDEX(A:B,0,1)="x")`` #VALUE! (an include array of 4 rows
against an array of 1048576) where Excel filters. The engine reads a whole column written as such at its true size
(``ROWS(A:A)`` 1048576, ``FILTER(A:B,A:A="x")`` the rows), so :func:`whole_slice` writes the reference INDEX gives
out: the same reference in Excel, implicit intersection alike in a classic formula. Only numbers typed in are read
(a computed row or column number is left as it is); a number past the area is left to INDEX (#REF!).
"""

from __future__ import annotations

import re

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import column_index_from_string, get_column_letter

from ...sheet_names import SHEET
from .call_arguments import call_parts

__all__ = ["sliced", "whole_slice"]

_WHOLE_COLUMNS = re.compile(
    r"^(?P<sheet>" + SHEET + r"!)?(?P<d1>\$?)(?P<c1>[A-Za-z]{1,3}):(?P<d2>\$?)(?P<c2>[A-Za-z]{1,3})$"
)
_WHOLE_ROWS = re.compile(r"^(?P<sheet>" + SHEET + r"!)?(?P<d1>\$?)(?P<r1>\d+):\$?(?P<r2>\d+)$")


def _number(part: list[Token]) -> int | None:
    """A whole number typed in (``0``, ``2``) or an empty argument (0); None for anything else."""
    inner = [t for t in part if t.type != Token.WSPACE]
    if not inner:
        return 0
    if len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype == Token.NUMBER:
        value = float(inner[0].value)
        return int(value) if value.is_integer() else None
    return None


def whole_slice(parts: list[list[Token]]) -> str | None:
    """The reference ``INDEX`` of the arguments ``parts`` gives, where its area is whole columns (rows) and it takes
    one or all of them whole, by numbers typed in; None otherwise.

    >>> from openpyxl.formula import Tokenizer
    >>> def parts(text):
    ...     return [Tokenizer("=" + part).items for part in text.split(",")]
    >>> whole_slice(parts("A:B,0,2")), whole_slice(parts("Data!$A:$C,,1")), whole_slice(parts("$2:$5,3,0"))
    ('B:B', 'Data!$A:$A', '$4:$4')
    >>> whole_slice(parts("A:A,0")), whole_slice(parts("A:B,0,0")), whole_slice(parts("A:B,0,3"))
    ('A:A', 'A:B', None)
    >>> whole_slice(parts("A:B,1,1")), whole_slice(parts("A:B,0,C1")), whole_slice(parts("A1:B9,0,1"))
    (None, None, None)
    """
    if not 2 <= len(parts) <= 4:
        return None
    area = [t for t in parts[0] if t.type != Token.WSPACE]
    if len(area) != 1 or area[0].type != Token.OPERAND or area[0].subtype != Token.RANGE:
        return None
    typed = [_number(part) for part in parts[1:]]
    numbers = [n for n in typed if n is not None]
    if len(numbers) < len(typed) or (len(numbers) == 3 and numbers[2] not in (0, 1)):
        return None  # a computed number, or another area of a union
    columns = _WHOLE_COLUMNS.match(area[0].value)
    rows = _WHOLE_ROWS.match(area[0].value)
    if columns is not None:
        first, last = sorted(column_index_from_string(columns.group(k).upper()) for k in ("c1", "c2"))
        row = numbers[0]
        column = numbers[1] if len(numbers) > 1 else None
        if row != 0:
            return None
        if column is None:  # INDEX(A:A,0): a single column's rows
            return area[0].value if first == last else None
        if column == 0:
            return area[0].value
        if not 1 <= column <= last - first + 1:
            return None
        letter = columns.group("d1") + get_column_letter(first + column - 1)
        return f"{columns.group('sheet') or ''}{letter}:{letter}"
    if rows is not None and len(numbers) > 1:
        first, last = sorted(int(rows.group(k)) for k in ("r1", "r2"))
        row, column = numbers[0], numbers[1]
        if column != 0:
            return None
        if row == 0:
            return area[0].value
        if not 1 <= row <= last - first + 1:
            return None
        number = rows.group("d1") + str(first + row - 1)
        return f"{rows.group('sheet') or ''}{number}:{number}"
    return None


def sliced(formula: str) -> str:
    """``formula`` (with ``=``) with each INDEX taking whole columns (rows) whole written as the reference it gives
    (:func:`whole_slice`), for the rewrites that size whole columns (.whole_ranges) to see them; ``formula`` itself
    when there is none.

    >>> sliced('=SUMPRODUCT((INDEX(A:B,0,1)="x")*B:B)'), sliced("=INDEX(A:B,0,1):B5"), sliced("=SUM(A1:B2)")
    ('=SUMPRODUCT((A:A="x")*B:B)', '=INDEX(A:B,0,1):B5', '=SUM(A1:B2)')
    """
    if "INDEX(" not in formula.upper():
        return formula
    try:
        tokens = list(Tokenizer(formula).items)
    except Exception:  # noqa: BLE001  (a formula the tokenizer does not read: the engine decides)
        return formula
    changed = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == Token.FUNC and token.subtype == Token.OPEN and _bare(token.value) == "INDEX":
            found = call_parts(tokens, i)
            follows = found is not None and found[1] + 1 < len(tokens) and tokens[found[1] + 1].value.startswith(":")
            whole = whole_slice(found[0]) if found is not None and not follows else None
            if found is not None and whole is not None:
                tokens[i : found[1] + 1] = [Token(whole, Token.OPERAND, Token.RANGE)]
                changed = True
        i += 1
    return "=" + "".join(t.value for t in tokens) if changed else formula


def _bare(function: str) -> str:
    """A function token's name without prefixes; ``:INDEX(`` (a range's corner) keeps its ``:``, never INDEX."""
    name = function[:-1].upper()
    for prefix in ("_XLFN.", "_XLWS."):
        name = name.removeprefix(prefix)
    return name
