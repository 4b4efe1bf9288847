"""XLOOKUP used as a reference, rewritten into the INDEX form the embedded engine keeps as a reference.

Excel's XLOOKUP returns a reference, like INDEX: ``SUM(XLOOKUP("Feb",A1:A5,B1:B5):XLOOKUP("Apr",A1:A5,B1:B5))`` sums
February to April (Microsoft's XLOOKUP examples), ``ROW(XLOOKUP(..))`` is the found row. The engine's XLOOKUP gives a
value, so those were #REF!. :func:`xlookup_references` is called by :func:`.rewrite.rewrite`.
"""

from __future__ import annotations

from openpyxl.formula import Tokenizer  # noqa: F401  (the doctest)
from openpyxl.formula.tokenizer import Token

from .formula_tokens import _arguments, _bare_name, _bounds

#: functions reading their argument as a reference (argument position): ROW(XLOOKUP(..)) is the found cell's row
_READS_REFERENCE = {"ROW": 0, "COLUMN": 0, "ROWS": 0, "COLUMNS": 0, "ISREF": 0, "AREAS": 0, "OFFSET": 0, "CELL": 1}


def xlookup_references(tokens: list[Token]) -> bool:
    """XLOOKUP calls whose result is used as a reference -- an end of a range (``SUM(XLOOKUP(..):XLOOKUP(..))``,
    ``B1:XLOOKUP(..)``) or what ROW, COLUMN, OFFSET, CELL, ISREF read -- made the INDEX of the found position, which
    the engine keeps as a reference (its XLOOKUP gives a value: #REF! there). Microsoft's XLOOKUP examples sum
    ``XLOOKUP(..):XLOOKUP(..)``. ``XLOOKUP(v, look, ret, nf, mode, search)`` becomes
    ``INDEX(ret, XMATCH(v, look, mode, search))`` (a two-dimensional ``ret``: the found row or column, ``0`` for
    the other), or with ``nf`` given ``IF(ISNA(XMATCH(..)), nf, INDEX(..))``. Changes ``tokens`` in place (each call
    becomes one token); True when any did.

    >>> tokens = Tokenizer('=SUM(XLOOKUP("b",A1:A3,B1:B3):B3)').items
    >>> xlookup_references(tokens), "".join(t.value for t in tokens)
    (True, 'SUM(INDEX(B1:B3,XMATCH("b",A1:A3)):B3)')
    """
    changed = False
    stack: list[list] = []  # [function name, argument position, index of its open token]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            head, colon, rest = token.value.rpartition(":")
            name = _bare_name(rest[:-1])
            if name == "XLOOKUP":
                args, close = _arguments(tokens, i + 1, Token.FUNC)
                after = next((t for t in tokens[close + 1 :] if t.type != Token.WSPACE), None)
                ranged = bool(colon) or (after is not None and after.value.startswith(":"))
                reader = stack[-1] if stack else None
                whole = tokens[i - 1].type in (Token.FUNC, Token.SEP) if i else False
                read = (
                    reader is not None
                    and _READS_REFERENCE.get(reader[0]) == reader[1]
                    and whole
                    and after is not None
                    and (after.type == Token.SEP or (after.type == Token.FUNC and after.subtype == Token.CLOSE))
                )
                call = _xlookup_index(args) if (ranged or read) and close < len(tokens) else None
                if call is not None:
                    token.value = head + colon + call
                    token.type, token.subtype = Token.OPERAND, Token.RANGE
                    del tokens[i + 1 : close + 1]
                    changed = True
                    i += 1
                    continue
            stack.append([name, 0, i])
        elif token.subtype == Token.OPEN and token.type in (Token.PAREN, Token.ARRAY):
            stack.append(["(", 0, i])
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            if stack:
                stack.pop()
        elif token.type == Token.SEP and token.subtype == Token.ARG and stack:
            stack[-1][1] += 1
        i += 1
    return changed


def _xlookup_index(args: list[str]) -> str | None:
    """The INDEX form of XLOOKUP's arguments (:func:`xlookup_references`); None when it cannot be written."""
    if not 3 <= len(args) <= 6:
        return None
    value, look, ret = (a.strip() for a in args[:3])
    found_not, mode, search = ([a.strip() for a in args[3:]] + ["", "", ""])[:3]
    if not (value and look and ret):
        return None
    matched = f"XMATCH({value},{look}" + (f",{mode or 0},{search}" if search else f",{mode}" if mode else "") + ")"
    look_box, ret_box = _bounds(look), _bounds(ret)
    if ret_box is None or look_box is None:
        return None
    left, top, right, bottom = ret_box[1]
    l_left, l_top, l_right, l_bottom = look_box[1]
    if left == right or top == bottom:
        found = f"INDEX({ret},{matched})"
    elif l_left == l_right:  # a column searched: the row of the return array
        found = f"INDEX({ret},{matched},0)"
    elif l_top == l_bottom:
        found = f"INDEX({ret},0,{matched})"
    else:
        return None
    return f"IF(ISNA({matched}),{found_not},{found})" if found_not else found
