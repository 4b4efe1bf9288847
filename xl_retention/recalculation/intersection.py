"""Implicit intersection, and the token helpers the formula rewrite (:mod:`.rewrite`) shares.

In a classic (non-array) formula Excel takes one value where a function or operator expects one: a
multi-cell range there is the cell in the formula's own row or column (Excel 365 shows ``@``):
``=EDATE(Data!B:B,1)`` in row 4 is ``EDATE(Data!$B$4,1)``, ``=INDEX(A1:A10,0)`` in row 10 is A10,
``=IF(TRUE,A1:A5)`` and ``=OFFSET(A1,0,0,5,1)`` likewise; #VALUE! where the range has no such cell.
:func:`bounded_index` gives INDEX of whole columns the rows the engine stops short of.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries

from .rewrite_shapes import SCALAR_ARGUMENTS
from .structured_references import _area

__all__ = ["SPOT", "WHOLE_INDEX", "bounded_index", "indexes_whole", "offset_numbers", "whole_index_cycles"]

_A1_RANGE = re.compile(
    r"^(?P<sheet>(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!)?(?P<a>\$?[A-Za-z]{1,3}\$?\d+)(?::(?P<b>\$?[A-Za-z]{1,3}\$?\d+))?$"
)


#: whole columns (``Data!B:B``, ``$A:$C``) and whole rows (``3:3``)
_WHOLE = re.compile(
    r"^(?P<sheet>(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!)?"
    r"(?:\$?(?P<c1>[A-Za-z]{1,3}):\$?(?P<c2>[A-Za-z]{1,3})|\$?(?P<r1>\d+):\$?(?P<r2>\d+))$"
)


_LAST_ROW, _LAST_COLUMN = 1048576, 16384


def _box(reference: str) -> tuple[str, tuple[int, int, int, int]] | None:
    """(sheet prefix with ``!`` or "", (left, top, right, bottom)) of a cell, a range, whole columns or whole rows."""
    match = _A1_RANGE.match(reference)
    if match is not None:
        area = (match.group("a") + ":" + (match.group("b") or match.group("a"))).replace("$", "")
        return match.group("sheet") or "", range_boundaries(area)
    whole = _WHOLE.match(reference)
    if whole is None:
        return None
    if whole.group("c1"):
        left, right = (column_index_from_string(whole.group(k).upper()) for k in ("c1", "c2"))
        return whole.group("sheet") or "", (min(left, right), 1, max(left, right), _LAST_ROW)
    top, bottom = int(whole.group("r1")), int(whole.group("r2"))
    return whole.group("sheet") or "", (1, min(top, bottom), _LAST_COLUMN, max(top, bottom))


def _intersect(a: str, b: str, sheet: str) -> str | None:
    """The range two references (``A1:C3 B2:D4``; whole columns and rows too, ``B:B 3:3``) share, ``#NULL!`` when they
    do not meet; None for what is not such a reference or references on two sheets.

    >>> _intersect("S!$B:$B", "S!$3:$3", "T"), _intersect("A1:C3", "B2:D4", "S"), _intersect("A1", "B2", "S")
    ("'S'!$B$3", "'S'!$B$2:$C$3", '#NULL!')
    """
    boxes = _box(a), _box(b)
    if boxes[0] is None or boxes[1] is None:
        return None
    (sa, box_a), (sb, box_b) = boxes
    if sa and sb and sa.lower() != sb.lower():
        return None
    left, top = max(box_a[0], box_b[0]), max(box_a[1], box_b[1])
    right, bottom = min(box_a[2], box_b[2]), min(box_a[3], box_b[3])
    if left > right or top > bottom:
        return "#NULL!"
    target = (sa or sb)[:-1] if (sa or sb) else sheet
    return _area(target.strip("'").replace("''", "'") if target.startswith("'") else target, top, left, bottom, right)


#: INDEX of whole columns or rows (a superset test, on a stored formula): see :func:`bounded_index`
WHOLE_INDEX = re.compile(
    r"(?i)(?<![\w.])INDEX\(\s*(?:[\w.]+!|'(?:[^']|'')+'!)?(?:\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)\s*[,)]"
)


#: Arguments Excel evaluates as arrays even in a classic formula (no implicit intersection inside them):
#: function -> argument positions (0-based), or None for all of them.
_ARRAY_ARGUMENTS: dict[str, frozenset[int] | None] = {
    **dict.fromkeys(
        "SUMPRODUCT MMULT MDETERM MINVERSE TRANSPOSE FREQUENCY LINEST LOGEST TREND GROWTH SUMX2MY2 SUMX2PY2 "
        "SUMXMY2 CORREL COVAR COVARIANCE.P COVARIANCE.S PEARSON RSQ SLOPE INTERCEPT STEYX TTEST T.TEST CHITEST "
        "CHISQ.TEST FTEST F.TEST PROB FILTER SORT SORTBY UNIQUE AGGREGATE LET LAMBDA MAP REDUCE "
        "SCAN BYROW BYCOL MAKEARRAY TEXTJOIN CONCAT".split()
    ),
    # Excel's function table takes MODE's numbers and IRR's and MIRR's values as arrays (MODE.SNGL and MODE.MULT,
    # MODE's 2010 twins, as MODE): =IRR(B2:B6-C2:C6) in a classic formula is the IRR of the five differences
    **dict.fromkeys(("MODE", "MODE.SNGL", "MODE.MULT"), None),
    **dict.fromkeys(("IRR", "MIRR"), frozenset({0})),
    # Excel 365's array shaping functions: their array (every argument of VSTACK and HSTACK), never one cell
    **dict.fromkeys(
        ("TAKE", "DROP", "EXPAND", "CHOOSECOLS", "CHOOSEROWS", "TOCOL", "TOROW", "WRAPROWS", "WRAPCOLS"), frozenset({0})
    ),
    **dict.fromkeys(("VSTACK", "HSTACK"), None),
    "XLOOKUP": frozenset({1, 2, 3}),  # the value looked up and the modes are single values (.rewrite_shapes)
    "XMATCH": frozenset({1}),
    "INDEX": frozenset({0}),
    "LOOKUP": frozenset({1, 2}),
    "FORECAST": frozenset({1, 2}),
    "FORECAST.LINEAR": frozenset({1, 2}),
}


#: Functions that pass an argument on as their result (a reference stays a reference): where the call stands for one
#: value, so do these arguments (``=IF(TRUE,A1:A5)`` in row 5 is A5): function -> argument positions (None: all).
_PASS_THROUGH: dict[str, frozenset[int] | None] = {
    "IF": frozenset({1, 2}),
    "IFERROR": frozenset({0, 1}),
    "IFNA": frozenset({0, 1}),
    "CHOOSE": frozenset(range(1, 255)),
    "SWITCH": frozenset(range(1, 255)),
    "IFS": None,
}


#: the registered function giving the position of the formula's row (column) in a range a call returned (see .logical)
SPOT = "_XLR.SPOT"


def _scalar_argument(stack: list[list]) -> bool:
    if not stack:
        return False
    name, position = stack[-1][0], stack[-1][1]
    positions = SCALAR_ARGUMENTS.get(name, frozenset())
    if positions is None or position in positions:
        return True
    through = _PASS_THROUGH.get(name, frozenset())
    return len(stack[-1]) > 2 and stack[-1][2] and (through is None or position in through)


def _in_array_argument(stack: list[list]) -> bool:
    for entry in stack:
        name, position = entry[0], entry[1]
        if name in _ARRAY_ARGUMENTS:
            positions = _ARRAY_ARGUMENTS[name]
            if positions is None or position in positions:
                return True
    return False


def _bare_name(function: str) -> str:
    name = function.upper().lstrip(":")  # the tokenizer gives INDEX(..):INDEX( as ":INDEX("
    for prefix in ("_XLFN._XLWS.", "_XLFN.", "_XLWS."):
        name = name.removeprefix(prefix)
    return name


def _bounds(reference: str) -> tuple[str, tuple[int, int, int, int]] | None:
    """(sheet prefix with its ``!`` or "", (left, top, right, bottom)) of an A1 range, whole columns or whole rows."""
    match = _A1_RANGE.match(reference)
    if match is not None:
        if match.group("b") is None:
            return None
        box = range_boundaries((match.group("a") + ":" + match.group("b")).replace("$", ""))
        return match.group("sheet") or "", box  # type: ignore[return-value]
    match = _WHOLE.match(reference)
    if match is None:
        return None
    if match.group("c1"):
        left, right = (column_index_from_string(match.group(g).upper()) for g in ("c1", "c2"))
        return match.group("sheet") or "", (min(left, right), 1, max(left, right), _LAST_ROW)
    top, bottom = int(match.group("r1")), int(match.group("r2"))
    return match.group("sheet") or "", (1, min(top, bottom), _LAST_COLUMN, max(top, bottom))


def _implicit(reference: str, row: int, col: int) -> str | None:
    """The one cell of a multi-cell ``reference`` in the formula's row or column (Excel's ``@``); None if not A1.

    Whole columns and rows too: ``Data!B:B`` in row 4 is ``Data!$B$4``.
    """
    found = _bounds(reference)
    if found is None:
        return None
    sheet, (left, top, right, bottom) = found
    if (left, top) == (right, bottom):
        return None
    if left == right and top <= row <= bottom:
        hit = (row, left)
    elif top == bottom and left <= col <= right:
        hit = (top, col)
    else:
        return "#VALUE!"
    return f"{sheet}${get_column_letter(hit[1])}${hit[0]}"


def _index_cell(tokens: list[Token], open_index: int, names: dict[str, str], row: int, col: int) -> int | None:
    """``INDEX(A1:A10,0)`` in row 4 where one value is expected: a whole column (row) of a range intersected with the
    formula's row (column), as Excel does in a classic formula: ``INDEX(A1:A10,4)``. Changes the call's tokens in
    place; returns the index of its closing token, or None when it is not of that form."""
    args, end = _arguments(tokens, open_index + 1, Token.FUNC)
    if end >= len(tokens) or len(args) not in (2, 3):
        return None
    reference = args[0].strip()
    found = _bounds(names.get(reference.lower(), reference))
    if found is None:
        return None
    _, (left, top, right, bottom) = found
    numbers = [a.strip() or "0" for a in args[1:]]  # INDEX(A1:B4,,2): an empty number is 0 (.omitted_arguments)
    if not all(re.fullmatch(r"\d+", n) for n in numbers):
        return _index_part(tokens, open_index, end, numbers, (left, top, right, bottom), row, col)
    if len(numbers) == 1 and top == bottom and left != right:  # a single row: the number is a column number
        numbers = ["1", numbers[0]]
    elif len(numbers) == 1:
        numbers.append("1" if left == right else "0")
    r_number, c_number = int(numbers[0]), int(numbers[1])
    if r_number != 0 and c_number != 0:
        return None
    if r_number == 0 and top != bottom:
        if not top <= row <= bottom:
            return _index_error(tokens, open_index, end)
        r_number = row - top + 1
    if c_number == 0 and left != right:
        if not left <= col <= right:
            return _index_error(tokens, open_index, end)
        c_number = col - left + 1
    r_number, c_number = max(r_number, 1), max(c_number, 1)
    first = next(k for k in range(open_index + 1, end) if _top_separator(tokens, open_index, k))
    for k in range(first, end):  # only numbers and separators: no call or bracket is dropped
        tokens[k].value, tokens[k].type, tokens[k].subtype = "", "SKIPPED", ""
    tokens[end].value = f",{r_number},{c_number})"
    return end


def _index_part(
    tokens: list[Token], open_index: int, end: int, numbers: list[str], bounds: tuple[int, ...], row: int, col: int
) -> int | None:
    """``INDEX(A1:B4,MATCH(..),0)`` in column B where one value is expected: the whole row a computed row number
    picks, intersected with the formula's column (``0`` made ``2``), or the whole column a computed column number
    picks with its row; #VALUE! outside. Only the typed ``0`` changes (the computed number stays as it is). None when
    the call is not of that form."""
    left, top, right, bottom = bounds
    if len(numbers) != 2 or [n == "0" for n in numbers].count(True) != 1:
        return None
    zero = numbers.index("0")
    low, high, here = (top, bottom, row) if zero == 0 else (left, right, col)
    if low == high:
        return None  # one row (column): the computed number picks one cell
    if not low <= here <= high:
        return _index_error(tokens, open_index, end)
    separators = [k for k in range(open_index + 1, end) if _top_separator(tokens, open_index, k)]
    start, stop = separators[zero] + 1, (separators[zero + 1] if zero + 1 < len(separators) else end)
    solid = [k for k in range(start, stop) if tokens[k].type != Token.WSPACE]
    if len(solid) != 1:
        return None
    tokens[solid[0]].value = str(here - low + 1)
    return end


def offset_numbers(formula: str, row: int, col: int, names: dict[str, str] | None) -> str:
    """``formula`` (a classic one, with ``=``) with each multi-cell range given alone as an OFFSET's rows, columns,
    height or width made its cell in the formula's row or column, as Excel reads one value there (H7 03):
    ``=ROWS(OFFSET(B1,0,0,A1:A3))`` in row 3 is ``=ROWS(OFFSET(B1,0,0,$A$3))``, 3 (the engine counted 1 row). Done
    before the other rewrites of OFFSET (.offset_sizes binds a size that may be negative in a LET, where no range is
    intersected); not inside an argument Excel reads as an array (SUMPRODUCT's). The same text when none.

    >>> offset_numbers("=SUM(OFFSET(B1,A1:A3,0,(Qty)))", 2, 9, {"qty": "S!$A$1:$A$3"})
    '=SUM(OFFSET(B1,$A$2,0,(S!$A$2)))'
    """
    try:
        tokens = list(Tokenizer(formula).items)
    except Exception:  # not a formula the tokenizer understands: the engine decides
        return formula
    before = [t.value for t in tokens]
    stack: list[list] = []
    for i, token in enumerate(tokens):
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = _bare_name(token.value[:-1])
            if name == "OFFSET" and not _in_array_argument(stack):
                _single_ranges(tokens, i, SCALAR_ARGUMENTS["OFFSET"] or frozenset(), names or {}, row, col)
            stack.append([name, 0])
        elif token.type == Token.ARRAY and token.subtype == Token.OPEN:
            stack.append(["{", 0])
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.ARRAY):
            if stack:
                stack.pop()
        elif token.type == Token.SEP and token.subtype == Token.ARG and stack:
            stack[-1][1] += 1
    if [t.value for t in tokens] == before:
        return formula
    return "=" + "".join(t.value for t in tokens)


def _offset_cell(tokens: list[Token], open_index: int, row: int, col: int) -> bool:
    """``OFFSET(A1,0,0,5,1)`` where one value is expected: the cell of its range in the formula's row (column), as
    Excel intersects it; #VALUE! when there is none. Only for a height or width given (else it is one cell).
    Changes the tokens in place (the call becomes one token); True when it did."""
    args, end = _arguments(tokens, open_index + 1, Token.FUNC)
    if end >= len(tokens) or len(args) < 4 or all(a.strip() in ("", "1") for a in args[3:]):
        return False
    call = "".join(t.value for t in tokens[open_index : end + 1])
    tokens[open_index].value = (
        f"INDEX({call},{SPOT}({row},ROW({call}),ROWS({call}),COLUMNS({call})),"
        f"{SPOT}({col},COLUMN({call}),COLUMNS({call}),ROWS({call})))"
    )
    tokens[open_index].type, tokens[open_index].subtype = "SKIPPED", ""
    for k in range(open_index + 1, end + 1):
        tokens[k].value, tokens[k].type, tokens[k].subtype = "", "SKIPPED", ""
    return True


def _single_ranges(
    tokens: list[Token], open_index: int, positions: frozenset[int], names: dict[str, str], row: int, col: int
) -> None:
    """Each argument at ``positions`` of the call opened at ``open_index`` that is a multi-cell range alone (in
    brackets or not; a defined name of one too) made its cell in the formula's row or column (#VALUE! when none)."""
    spans, _ = argument_spans(tokens, open_index)
    for position, (a, b) in enumerate(spans):
        solid = [k for k in range(a, b) if tokens[k].type != Token.WSPACE]
        while len(solid) > 2 and _bracket(tokens[solid[0]], tokens[solid[-1]]):
            solid = solid[1:-1]
        if position in positions and len(solid) == 1 and _is_range(tokens[solid[0]]):
            token = tokens[solid[0]]
            cell = _implicit(names.get(token.value.lower(), token.value), row, col)
            if cell is not None:
                token.value = cell


def _top_separator(tokens: list[Token], open_index: int, k: int) -> bool:
    """Whether token ``k`` is an argument separator of the call opened at ``open_index`` (not of a call inside)."""
    if tokens[k].type != Token.SEP or tokens[k].subtype != Token.ARG:
        return False
    depth = 0
    for token in tokens[open_index + 1 : k]:
        if token.subtype == Token.OPEN:
            depth += 1
        elif token.subtype == Token.CLOSE:
            depth -= 1
    return depth == 0


def _index_error(tokens: list[Token], open_index: int, end: int) -> int:
    """The call opened at ``open_index`` made ``#VALUE!`` (no cell of its result in the formula's row or column)."""
    for k in range(open_index + 1, end):
        tokens[k].value, tokens[k].type, tokens[k].subtype = "", "SKIPPED", ""
    tokens[open_index].value, tokens[end].value = "IFERROR(#VALUE!", ")"  # still a call: the stack stays balanced
    return end


def bounded_index(formula: str, names: dict[str, str] | None = None) -> str:
    """``=INDEX(C:C,100)`` -> ``=INDEX($C$1:$C$1048576,100)``: the engine bounds a whole column by the cells in use
    and says #REF! past them (``SUM(INDEX(C:C,1):INDEX(C:C,50))`` too), where Excel gives the cell. The bounded
    form costs the engine far more, so :func:`.embedded.compute` uses it only for a cell that gave #REF! or was
    taken for a circular reference (:func:`whole_index_cycles`). ``names`` (lower case -> reference): a defined name
    of whole columns or rows as INDEX's area is bounded too (``INDEX(Amounts,5)`` of ``Amounts = S!$E:$E``).

    >>> bounded_index("=SUM(INDEX(C:C,1):INDEX(Data!$A:$B,5,2))")
    '=SUM(INDEX($C$1:$C$1048576,1):INDEX(Data!$A$1:$B$1048576,5,2))'
    >>> bounded_index("=INDEX(Bal,2)", {"bal": "S!$E:$E"})
    '=INDEX(S!$E$1:$E$1048576,2)'
    """
    try:
        tokens = list(Tokenizer(formula if formula.startswith("=") else "=" + formula).items)
    except Exception:  # not a formula the tokenizer understands: the engine decides
        return formula
    return "=" + "".join(t.value for t in tokens) if _bounded_index(tokens, names or {}) else formula


def indexes_whole(formula: str, names: dict[str, str]) -> bool:
    """Whether ``formula`` (a stored one) may take INDEX of whole columns or rows, given as such or as a defined name
    of them (``names``: lower case -> reference): a superset test, see :func:`bounded_index`."""
    if WHOLE_INDEX.search(formula) is not None:
        return True
    if not names:
        return False
    pattern = _names_pattern(tuple(names.items()))  # asked of every formula: the names' test made once per names
    return pattern is not None and pattern.search(formula) is not None


@lru_cache(maxsize=32)
def _names_pattern(names: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    """:func:`_whole_names` of the names (name, reference) that are whole columns or rows."""
    return _whole_names(tuple(sorted(k for k, v in names if _WHOLE.match(v) is not None)))


@lru_cache(maxsize=32)
def _whole_names(found: tuple[str, ...]) -> re.Pattern[str] | None:
    """INDEX of one of the names ``found`` (a sheet's own given as ``S!Name``) as its area."""
    if not found:
        return None
    alternatives = "|".join(re.escape(name.rpartition("!")[2]) for name in sorted(found, key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w.])INDEX\(\s*(?:[\w.]+!|'(?:[^']|'')+'!)?(?:{alternatives})\s*[,)]")


def whole_index_cycles(
    workbook: Any, wholes: list[tuple[str, int, int, str]], set_formulas: Callable, names: dict[str, dict[str, str]]
) -> bool:
    """The cells among ``wholes`` (INDEX of whole columns or rows, with the formula the engine has) that the engine
    found circular get their INDEX areas bounded (:func:`bounded_index`): it takes a whole column as a dependency of
    the cell whatever row INDEX picks, so the running balance ``=SUM(B3,-C3,N(INDEX(E:E,ROW()-1)))`` down column E
    was refused as a circular reference where Excel reads the row above (H7 04); over a bounded area the engine finds
    the cycles at run time, and a true one (``=1+INDEX(E:E,ROW())`` in E2) stays one. ``names``: the defined names of
    each scope (the workbook's ``""``, a sheet's own; lower case -> reference), for INDEX of a name of whole columns.
    True when any was set."""
    bounded = []
    for sheet, r, c, formula in wholes:
        value = workbook.get_value(sheet, r, c)
        if isinstance(value, dict) and value.get("type") == "Error" and str(value.get("kind")).lower() == "circ":
            new = bounded_index(formula, {**names.get("", {}), **names.get(sheet, {})})
            if new != formula:
                bounded.append((sheet, r, c, new))
    if bounded:
        set_formulas(workbook, bounded)
    return bool(bounded)


def _bounded_index(tokens: list[Token], names: dict[str, str]) -> bool:
    """:func:`bounded_index` on tokens (changed in place); True when any INDEX was given a bounded area."""
    changed = False
    for i, token in enumerate(tokens[:-2]):
        if token.type != Token.FUNC or token.subtype != Token.OPEN or _bare_name(token.value[:-1]) != "INDEX":
            continue
        area, after = tokens[i + 1], tokens[i + 2]
        reference = names.get(area.value.lower(), area.value) if _is_range(area) else ""
        if not _is_range(area) or after.type not in (Token.SEP, Token.FUNC) or _WHOLE.match(reference) is None:
            continue
        sheet, (left, top, right, bottom) = _bounds(reference) or ("", (0, 0, 0, 0))
        area.value = f"{sheet}${get_column_letter(left)}${top}:${get_column_letter(right)}${bottom}"
        changed = True
    return changed


def _is_range(token: Token | None) -> bool:
    return token is not None and token.type == Token.OPERAND and token.subtype == Token.RANGE


def _is_operator(token: Token | None) -> bool:
    return token is not None and token.type in (Token.OP_IN, Token.OP_PRE, Token.OP_POST)


def _one_value_expected(tokens: list[Token], open_index: int, stack: list[list]) -> bool:
    """Whether the call opened at ``open_index`` stands where a classic formula expects one value: the whole formula,
    an operand of an operator (not of ``:``), or alone as an argument of a function of single values."""
    _, end = _arguments(tokens, open_index + 1, Token.FUNC)
    before, after = open_index - 1, end + 1
    while 0 <= before and after < len(tokens) and _bracket(tokens[before], tokens[after]):
        before, after = before - 1, after + 1
    neighbours = (tokens[before] if before >= 0 else None, tokens[after] if after < len(tokens) else None)
    if any(t is not None and t.type == Token.OP_IN and t.value in (":", " ") for t in neighbours):
        return False
    alone = all(t is not None and (t.type == Token.FUNC or t.type == Token.SEP) for t in neighbours)
    return any(_is_operator(t) for t in neighbours) or neighbours == (None, None) or (alone and _scalar_argument(stack))


def _bracket(before: Token, after: Token) -> bool:
    """Whether ``before`` and ``after`` are an opening and a closing bracket (not a function call's)."""
    return (before.type, before.subtype, after.type, after.subtype) == (
        Token.PAREN,
        Token.OPEN,
        Token.PAREN,
        Token.CLOSE,
    )


def _arguments(tokens: list[Token], start: int, closer: str, commas: bool = False) -> tuple[list[str], int]:
    """The top-level arguments (as text) from ``start`` to the matching close token, and that token's index.
    ``commas``: every top-level comma separates, the union operator's too (a LAMBDA's call ``(v1, v2)``, where the
    tokenizer reads a comma in brackets as the union operator)."""
    args: list[list[str]] = [[]]
    depth = 0
    for i in range(start, len(tokens)):
        token = tokens[i]
        if token.subtype == Token.OPEN and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            depth += 1
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            if depth == 0:
                return ["".join(a) for a in args], i
            depth -= 1
        elif depth == 0 and (
            (token.type == Token.SEP and token.subtype == Token.ARG)
            or (commas and token.value == "," and token.type == Token.OP_IN)
        ):
            args.append([])
            continue
        args[-1].append(token.value)
    return ["".join(a) for a in args], len(tokens)


# --- the union operator: (A1:A3,C1:C3) -------------------------------------------------------------------------------
#: functions of any number of reference arguments, where a union argument is its areas as arguments (Excel's
#: COUNT((A1:A3,C1)) is COUNT(A1:A3,C1)); the engine gave 0 or refused
_SPREAD = frozenset(
    "SUM COUNT COUNTA COUNTBLANK MAX MIN MAXA MINA AVERAGE AVERAGEA PRODUCT SUMSQ MEDIAN MODE MODE.SNGL STDEV STDEV.S "
    "STDEV.P STDEVA STDEVP STDEVPA VAR VAR.S VAR.P VARA VARP VARPA AVEDEV DEVSQ GEOMEAN HARMEAN".split()
)


def _union_at(tokens: list[Token], open_index: int) -> int | None:
    """The index of the bracket closing a union of references opened at ``open_index`` (``(A1:A3,C1:C3)``: references
    separated by the union operator, nothing else), else None."""
    expect_reference = True
    for k in range(open_index + 1, len(tokens)):
        token = tokens[k]
        if token.type == Token.WSPACE:
            continue
        if expect_reference:
            if not _is_range(token):
                return None
        elif token.type == Token.PAREN and token.subtype == Token.CLOSE:
            return k if k > open_index + 2 else None  # at least two areas (one in brackets is no union)
        elif not (token.type == Token.OP_IN and token.value == ","):
            return None
        expect_reference = not expect_reference
    return None


def unions(tokens: list[Token]) -> bool:
    """A union of references given as a whole argument, written as Excel reads it (H20 g01): in a function of any
    number of references (:data:`_SPREAD`, SUBTOTAL, AGGREGATE 1-13) its areas as arguments; as INDEX's reference,
    ``INDEX((A1:A3,C1:C3),r,c,area)`` -> ``CHOOSE(area,INDEX(A1:A3,r,c),INDEX(C1:C3,r,c))`` (area 1 when left out,
    #REF! out of range).
    Others are left to the engine (which refuses them: listed). Changes ``tokens`` in place; True when it did.

    >>> tokens = list(Tokenizer("=INDEX((A1:A3,C1:C3),2,1,2)+COUNT((A1:A3,C1))").items)
    >>> unions(tokens), "".join(t.value for t in tokens)
    (True, 'CHOOSE(2,INDEX(A1:A3,2,1),INDEX(C1:C3,2,1))+COUNT(A1:A3,C1)')
    """
    changed = False
    for i, token in enumerate(tokens):
        if token.type != Token.FUNC or token.subtype != Token.OPEN:
            continue
        name = _bare_name(token.value[:-1])
        if name not in _SPREAD and name not in ("SUBTOTAL", "AGGREGATE", "INDEX"):
            continue
        try:
            spans, close = _spans_of(tokens, i)
        except ValueError:
            continue
        for number, (a, b) in enumerate(spans):
            solid = [k for k in range(a, b) if tokens[k].type != Token.WSPACE]
            if not solid or tokens[solid[0]].type != Token.PAREN or tokens[solid[0]].subtype != Token.OPEN:
                continue
            end = _union_at(tokens, solid[0])
            if end is None or end != solid[-1]:
                continue
            areas = [tokens[k].value for k in range(solid[0] + 1, end) if _is_range(tokens[k])]
            if name == "INDEX" and number == 0 and 2 <= len(spans) <= 4:
                rest = ["".join(t.value for t in tokens[c:d]).strip() for c, d in spans[1:3]]
                area = "".join(t.value for t in tokens[spans[3][0] : spans[3][1]]).strip() if len(spans) == 4 else ""
                calls = [f"INDEX({','.join([reference, *rest])})" for reference in areas]
                chosen = f"CHOOSE({area or 1},{','.join(calls)})"
                if area and not (area.isdigit() and 1 <= int(area) <= len(areas)):  # Excel: area_num out of range
                    chosen = f"IF(OR(({area})<1,({area})>={len(areas) + 1}),#REF!,{chosen})"
                token.value = chosen
                token.type, token.subtype = Token.OPERAND, Token.NUMBER  # one operand now (as .array_lifting's ROW)
                for k in range(i + 1, close + 1):
                    tokens[k].value, tokens[k].type, tokens[k].subtype = "", Token.WSPACE, ""
                changed = True
                break
            if name == "AGGREGATE" and number < 2 or name == "SUBTOTAL" and number == 0 or name == "INDEX":
                continue
            if name == "AGGREGATE" and not _small_aggregate(tokens, spans[0]):
                continue
            for k in range(solid[0], end + 1):  # the brackets go: the areas are arguments
                if k in (solid[0], end):
                    tokens[k].value, tokens[k].type, tokens[k].subtype = "", Token.WSPACE, ""
                elif tokens[k].type == Token.OP_IN:
                    tokens[k].type, tokens[k].subtype = Token.SEP, Token.ARG
            changed = True
    return changed


def _small_aggregate(tokens: list[Token], span: tuple[int, int]) -> bool:
    """Whether AGGREGATE's function number (its first argument) is typed in as 1-13, whose references may be many."""
    text = "".join(t.value for t in tokens[span[0] : span[1]]).strip()
    return text.isdigit() and 1 <= int(text) <= 13


def argument_spans(tokens: list[Token], open_index: int) -> tuple[list[tuple[int, int]], int]:
    """The token spans ``[start, end)`` of each top-level argument of the call (or array constant) opened at
    ``open_index``, and the index of its closing token (``len(tokens)`` when it is not closed)."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, open_index + 1
    for k in range(open_index + 1, len(tokens)):
        token = tokens[k]
        if token.subtype == Token.OPEN and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            depth += 1
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY):
            if depth == 0:
                spans.append((start, k))
                return spans, k
            depth -= 1
        elif depth == 0 and token.type == Token.SEP and token.subtype == Token.ARG:
            spans.append((start, k))
            start = k + 1
    spans.append((start, len(tokens)))
    return spans, len(tokens)


def _spans_of(tokens: list[Token], open_index: int) -> tuple[list[tuple[int, int]], int]:
    """The token spans of the arguments of the call opened at ``open_index``, and its closing token's index."""
    spans, close = argument_spans(tokens, open_index)
    if close == len(tokens):
        raise ValueError("unbalanced formula")
    return spans, close
