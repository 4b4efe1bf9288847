"""XLOOKUP used as a reference, rewritten into the INDEX form the embedded engine keeps as a reference.

Excel's XLOOKUP returns a reference, like INDEX: ``SUM(XLOOKUP("Feb",A1:A5,B1:B5):XLOOKUP("Apr",A1:A5,B1:B5))`` sums
February to April (Microsoft's XLOOKUP examples), ``ROW(XLOOKUP(..))`` is the found row. The engine's XLOOKUP gives a
value, so those were #REF!. :func:`xlookup_references` is called by :func:`.rewrite.rewrite`.
"""

from __future__ import annotations

from collections.abc import Callable

from openpyxl.formula import Tokenizer  # noqa: F401  (the doctest)
from openpyxl.formula.tokenizer import Token

from .formula_tokens import _arguments, _bare_name, _box

#: functions reading their argument as a reference (argument position): ROW(XLOOKUP(..)) is the found cell's row
_READS_REFERENCE = {"ROW": 0, "COLUMN": 0, "ROWS": 0, "COLUMNS": 0, "ISREF": 0, "AREAS": 0, "OFFSET": 0, "CELL": 1}

#: functions reading a reference's numbers (or logicals) only, where a value typed in is read as it is (every
#: argument): Microsoft's COUNT, SUM, AVERAGE, MAX, MIN, MODE.MULT, AVERAGEA, AND ... pages: "If an argument is an
#: array or reference, only numbers in that array or reference are counted. Empty cells, logical values, text, or
#: error values in the array or reference are ignored", AVERAGEA's "Arrays or references that contain text evaluate
#: as 0", AND's "If an array or reference argument contains text or empty cells, those values are ignored"
_READS_NUMBERS = frozenset(
    (
        "COUNT", "COUNTA", "COUNTBLANK", "SUM", "AVERAGE", "MIN", "MAX", "PRODUCT", "MEDIAN", "STDEV", "STDEV.S",
        "STDEV.P", "STDEVP", "VAR", "VAR.S", "VAR.P", "VARP", "GEOMEAN", "HARMEAN", "AVEDEV", "DEVSQ", "KURT", "SKEW",
        "SUMSQ", "MODE", "MODE.SNGL", "MODE.MULT", "AVERAGEA", "MAXA", "MINA", "STDEVA", "STDEVPA", "VARA", "VARPA",
        "AND", "OR", "XOR",
    )
)  # fmt: skip
#: functions reading one argument's numbers only (argument position): SMALL(XLOOKUP(..),1) of a text is #NUM!
_READS_NUMBERS_AT = {
    **dict.fromkeys(("SMALL", "LARGE", "PERCENTILE", "PERCENTILE.INC", "PERCENTILE.EXC"), 0),
    **dict.fromkeys(("QUARTILE", "QUARTILE.INC", "QUARTILE.EXC"), 0),
    **dict.fromkeys(("RANK", "RANK.EQ", "RANK.AVG"), 1),
    **dict.fromkeys(("TRIMMEAN", "PERCENTRANK", "PERCENTRANK.INC", "PERCENTRANK.EXC"), 0),
}
#: functions reading a reference's numbers only from an argument position on: SUBTOTAL's and AGGREGATE's references,
#: NPV's values ("If an argument is an array or reference, only numbers in that array or reference are counted")
_READS_NUMBERS_FROM = {"SUBTOTAL": 1, "AGGREGATE": 2, "NPV": 1}
#: the ranges of the criteria functions (their criteria are values): SUMIF(XLOOKUP(..),"3") of the text "3" sums no
#: number, 0
_CRITERIA_RANGES = {
    "COUNTIF": lambda k: k == 0,
    "SUMIF": lambda k: k in (0, 2),
    "AVERAGEIF": lambda k: k in (0, 2),
    "COUNTIFS": lambda k: k % 2 == 0,
    **dict.fromkeys(("SUMIFS", "AVERAGEIFS", "MAXIFS", "MINIFS"), lambda k: k == 0 or k % 2 == 1),
}
#: functions whose result is one of their arguments, a reference where it is one (the arguments that may be the
#: result): CHOOSE's page sums ``SUM(CHOOSE(2,A1:A10,B1:B10,C1:C10))``
_PASSING = {"IF": range(1, 3), "CHOOSE": range(1, 255)}


def _reads_reference(name: str, position: int) -> bool:
    return _READS_REFERENCE.get(name) == position


def _reads_numbers(name: str, position: int) -> bool:
    name = name.removeprefix("_XLR.EACH.")  # SUM(LARGE(XLOOKUP(..),{1,2})): its form answering each k (.array_lifting)
    if name in _READS_NUMBERS or _READS_NUMBERS_AT.get(name) == position:
        return True
    start = _READS_NUMBERS_FROM.get(name)
    if start is not None:
        return position >= start
    ranges = _CRITERIA_RANGES.get(name)
    return ranges is not None and ranges(position)


def xlookup_references(tokens: list[Token], names: dict[str, str] | None = None) -> bool:
    """XLOOKUP calls whose result is used as a reference -- an end of a range (``SUM(XLOOKUP(..):XLOOKUP(..))``,
    ``B1:XLOOKUP(..)``) or what ROW, COLUMN, OFFSET, CELL, ISREF read -- made the INDEX of the found position, which
    the engine keeps as a reference (its XLOOKUP gives a value: #REF! there). Microsoft's XLOOKUP examples sum
    ``XLOOKUP(..):XLOOKUP(..)``. ``XLOOKUP(v, look, ret, nf, mode, search)`` becomes
    ``INDEX(ret, XMATCH(v, look, mode, search))`` (a two-dimensional ``ret``: the found row or column, ``0`` for
    the other), or with ``nf`` given ``IF(ISNA(XMATCH(..)), nf, INDEX(..))``. Changes ``tokens`` in place (each call
    becomes one token); True when any did. ``names``: the defined names of ranges visible here (lower case) and their
    references, for the shape of a range given by name (``ROW(XLOOKUP("b",Keys,B1:B3))``; the name is kept).

    >>> tokens = Tokenizer('=SUM(XLOOKUP("b",A1:A3,B1:B3):B3)').items
    >>> xlookup_references(tokens), "".join(t.value for t in tokens)
    (True, 'SUM(INDEX(B1:B3,XMATCH("b",A1:A3)):B3)')
    >>> tokens = Tokenizer('=ROW(XLOOKUP("b",Keys,B1:B3))').items
    >>> xlookup_references(tokens, {"keys": "S!$A$1:$A$3"}), "".join(t.value for t in tokens)
    (True, 'ROW(INDEX(B1:B3,XMATCH("b",Keys)))')
    """
    return _rewritten(tokens, _reads_reference, names)


def counted_xlookups(tokens: list[Token], names: dict[str, str] | None = None) -> bool:
    """XLOOKUP calls given as a whole argument to a function reading a reference's numbers only (COUNT, SUM, MIN,
    MODE, AVERAGEA, AND, SMALL's data, SUBTOTAL's references, NPV's values, a criteria function's ranges, ...; also
    through IF and CHOOSE) made the INDEX of the found position, as
    :func:`xlookup_references` does: Excel's XLOOKUP gives a reference (Microsoft's XLOOKUP page sums
    ``XLOOKUP(..):XLOOKUP(..)``), so ``COUNT(XLOOKUP("b",A1:A3,B1:B3))`` of the text "3" in B2 is 0 and
    ``MIN(XLOOKUP(..),2)`` of an empty cell 2, where the engine's XLOOKUP gives a value, read as typed in (1 and 0).
    Changes ``tokens`` in place; True when any call changed. ``names``: as :func:`xlookup_references` takes them.

    >>> tokens = Tokenizer('=COUNT(IF(C1,XLOOKUP("b",A1:A3,B1:B3)),XLOOKUP("c",A1:A3,B1:B3)+1)').items
    >>> counted_xlookups(tokens), "".join(t.value for t in tokens)
    (True, 'COUNT(IF(C1,INDEX(B1:B3,XMATCH("b",A1:A3))),XLOOKUP("c",A1:A3,B1:B3)+1)')
    """
    return _rewritten(tokens, _reads_numbers, names)


def _whole_argument(tokens: list[Token], i: int, close: int) -> bool:
    """Whether the call opened at ``i`` and closed at ``close`` is a whole argument of the call around it."""
    before = next((t for t in reversed(tokens[:i]) if t.type != Token.WSPACE), None)
    after = next((t for t in tokens[close + 1 :] if t.type != Token.WSPACE), None)
    opened = before is not None and (
        before.type == Token.SEP or _is(before, Token.FUNC, Token.OPEN) or _is(before, Token.PAREN, Token.OPEN)
    )
    closed = after is not None and (
        after.type == Token.SEP or after.subtype == Token.CLOSE and after.type != Token.ARRAY
    )
    return opened and closed


def _is(token: Token, kind: str, subtype: str) -> bool:
    return token.type == kind and token.subtype == subtype


def _read(stack: list[list], reads: Callable[[str, int], bool], tokens: list[Token], i: int, closer: str) -> bool:
    """Whether the call or bracket opened at ``tokens[i]`` is read as a reference: a whole argument of a function
    ``reads`` names, or of IF/CHOOSE (a result) or a bracket (``SUM((XLOOKUP(..)))``) that is itself read so."""
    reader = stack[-1] if stack else None
    if reader is None or not (
        reads(reader[0], reader[1]) or (reader[2] and (reader[0] == "(" or reader[1] in _PASSING.get(reader[0], ())))
    ):
        return False
    return _whole_argument(tokens, i, _arguments(tokens, i + 1, closer)[1])


def _rewritten(tokens: list[Token], reads: Callable[[str, int], bool], names: dict[str, str] | None = None) -> bool:
    """The rewrite of :func:`xlookup_references` and :func:`counted_xlookups`: ``reads(function, position)`` tells
    whether that argument of that function is read as a reference."""
    if not any(t.type == Token.FUNC and "XLOOKUP(" in t.value.upper() for t in tokens):
        return False  # only an XLOOKUP call is changed (below), and nothing else is: the template's NPS formulas
    changed = False
    stack: list[list] = []  # [function name, argument position, whether its result is read as a reference]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            head, colon, rest = token.value.rpartition(":")
            name = _bare_name(rest[:-1])
            read = _read(stack, reads, tokens, i, Token.FUNC)
            if name == "XLOOKUP":
                args, close = _arguments(tokens, i + 1, Token.FUNC)
                after = next((t for t in tokens[close + 1 :] if t.type != Token.WSPACE), None)
                ranged = bool(colon) or (after is not None and after.value.startswith(":"))
                call = _xlookup_index(args, names or {}) if (ranged or read) and close < len(tokens) else None
                if call is not None:
                    token.value = head + colon + call
                    token.type, token.subtype = Token.OPERAND, Token.RANGE
                    del tokens[i + 1 : close + 1]
                    changed = True
                    i += 1
                    continue
            stack.append([name, 0, read])
        elif _is(token, Token.PAREN, Token.OPEN):
            stack.append(["(", 0, _read(stack, reads, tokens, i, Token.PAREN)])
        elif _is(token, Token.ARRAY, Token.OPEN):
            stack.append(["{", 0, False])
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            if stack:
                stack.pop()
        elif token.type == Token.SEP and token.subtype == Token.ARG and stack:
            stack[-1][1] += 1
        i += 1
    return changed


def _xlookup_index(args: list[str], names: dict[str, str]) -> str | None:
    """The INDEX form of XLOOKUP's arguments (:func:`xlookup_references`; ``names``: the defined names of ranges, by
    which a range may be given); None when it cannot be written."""
    if not 3 <= len(args) <= 6:
        return None
    value, look, ret = (a.strip() for a in args[:3])
    found_not, mode, search = ([a.strip() for a in args[3:]] + ["", "", ""])[:3]
    if not (value and look and ret):
        return None
    matched = f"XMATCH({value},{look}" + (f",{mode or 0},{search}" if search else f",{mode}" if mode else "") + ")"
    look_box, ret_box = _box(names.get(look.lower(), look)), _box(names.get(ret.lower(), ret))
    if ret_box is None or look_box is None:
        found = _oriented(look, ret, matched)
    else:
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


def _oriented(look: str, ret: str, matched: str) -> str:
    """The found row or column of ``ret`` where the shapes are known only when the formula runs (a name defined by a
    formula, a LET variable or LAMBDA parameter, OFFSET(..), CHOOSE(..)): a column searched (one column wide) gives
    the row (``INDEX(ret, m, 0)``: of a one-column ``ret`` its cell), a row searched the column, anything else
    #VALUE!, as Excel's XLOOKUP of a lookup array of several rows and columns.

    >>> _oriented("K", "V", "XMATCH(1,K)")
    'INDEX(V,IF(COLUMNS(K)=1,XMATCH(1,K),IF(ROWS(K)=1,0,#VALUE!)),IF(COLUMNS(K)=1,0,XMATCH(1,K)))'
    """
    column = f"COLUMNS({look})=1"
    return f"INDEX({ret},IF({column},{matched},IF(ROWS({look})=1,0,#VALUE!)),IF({column},0,{matched}))"
