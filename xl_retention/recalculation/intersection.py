"""Implicit intersection.

In a classic (non-array) formula Excel takes one value where a function or operator expects one: a
multi-cell range there is the cell in the formula's own row or column (Excel 365 shows ``@``):
``=EDATE(Data!B:B,1)`` in row 4 is ``EDATE(Data!$B$4,1)``, ``=INDEX(A1:A10,0)`` in row 10 is A10,
``=IF(TRUE,A1:A5)`` and ``=OFFSET(A1,0,0,5,1)`` likewise; #VALUE! where the range has no such cell.
:func:`.whole_index.bounded_index` gives INDEX of whole columns the rows the engine stops short of; the token
helpers the rewrites share are in :mod:`.formula_tokens`, the union operator in :mod:`.union_references`.
"""

from __future__ import annotations

import re

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import get_column_letter

from .excel_functions.wraps import ONE_CELL
from .formula_tokens import (
    _arguments,
    _bare_name,
    _bounds,
    _box,
    _bracket,
    _is_operator,
    _is_range,
    _top_separator,
    argument_spans,
    closing_index,
)
from .rewrite_shapes import SCALAR_ARGUMENTS
from .structured_references import _area
from .whole_index import WHOLE_INDEX, bounded_index, indexes_whole, whole_index_cycles

__all__ = [
    "SPOT",
    "WHOLE_INDEX",
    "bounded_index",
    "classic_array_argument",
    "indexes_whole",
    "let_entry",
    "offset_numbers",
    "spot_call",
    "spot_index",
    "whole_index_cycles",
]


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


#: Arguments Excel evaluates as arrays even in a classic formula (no implicit intersection inside them):
#: function -> argument positions (0-based), or None for all of them.
_ARRAY_ARGUMENTS: dict[str, frozenset[int] | None] = {
    **dict.fromkeys(
        "SUMPRODUCT MMULT MDETERM MINVERSE TRANSPOSE FREQUENCY LINEST LOGEST TREND GROWTH SUMX2MY2 SUMX2PY2 "
        "SUMXMY2 CORREL COVAR COVARIANCE.P COVARIANCE.S PEARSON RSQ SLOPE INTERCEPT STEYX TTEST T.TEST CHITEST "
        "CHISQ.TEST FTEST F.TEST PROB FILTER SORT SORTBY UNIQUE AGGREGATE LET LAMBDA MAP REDUCE "
        "SCAN BYROW BYCOL MAKEARRAY".split()
    ),
    # not TEXTJOIN's and CONCAT's texts: a range there is taken whole, an expression over one is intersected, as in
    # SUM (Excel's function table: their parameters are of value class, SUMPRODUCT's of array class; LibreOffice
    # alike): =TEXTJOIN(",",TRUE,E1:E3*100) in row 2 is E2*100; in 365, where Excel shows it as @E1:E3*100
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


def spot_index(reference: str, row: int | str, col: int | str) -> str:
    """``reference`` (a range, or a call giving one) intersected with row ``row`` and column ``col`` when the formula
    runs (:data:`SPOT`): the cell of it in that row (column), #VALUE! where it has none; ``row`` and ``col`` a number
    or ``ROW()``, ``COLUMN()``.

    >>> spot_index("A1:A9", 5, "COLUMN()")
    'INDEX(A1:A9,_XLR.SPOT(5,ROW(A1:A9),ROWS(A1:A9),COLUMNS(A1:A9)),_XLR.SPOT(COLUMN(),COLUMN(A1:A9),COLUMNS(A1:A9),ROWS(A1:A9)))'
    """
    return (
        f"INDEX({reference},{SPOT}({row},ROW({reference}),ROWS({reference}),COLUMNS({reference})),"
        f"{SPOT}({col},COLUMN({reference}),COLUMNS({reference}),ROWS({reference})))"
    )


def spot_call(
    tokens: list[Token], open_index: int, end: int, row: int | str, col: int | str, *, bracket: bool = False
) -> None:
    """The call whose tokens run from ``open_index`` to ``end`` (its closing bracket) made one token: its result
    intersected with ``row`` and ``col`` when it runs (:func:`spot_index`); ``bracket``: the call in brackets there."""
    call = "".join(t.value for t in tokens[open_index : end + 1])
    tokens[open_index].value = spot_index(f"({call})" if bracket else call, row, col)
    tokens[open_index].type, tokens[open_index].subtype = "SKIPPED", ""
    for k in range(open_index + 1, end + 1):
        tokens[k].value, tokens[k].type, tokens[k].subtype = "", "SKIPPED", ""


#: IFERROR's and IFNA's value: one value in a classic formula, the cell in the formula's row of a range, wherever the
#: call stands (Microsoft's IFERROR: "If value is an array formula, IFERROR returns an array of results for each cell
#: in the range specified in value", one result otherwise): ``=COUNT(IFERROR(B1:B8,-99))`` in row 10 counts -99 (the
#: #VALUE! of B1:B8 there caught), 1, not the 8 values of B1:B8 (an argument read as an array, SUMPRODUCT's, aside)
_CAUGHT_VALUE: dict[str, frozenset[int] | None] = {"IFERROR": frozenset({0}), "IFNA": frozenset({0})}


def _scalar_argument(stack: list[list]) -> bool:
    if not stack:
        return False
    name, position = stack[-1][0], stack[-1][1]
    if name == "LET":  # its calculation (the last argument, :func:`let_entry`) stands where the LET stands
        return len(stack[-1]) > 3 and bool(stack[-1][2]) and position == stack[-1][3]
    if name == ONE_CELL:  # a LET name's companion (.let_companions): its value read as one value
        return True
    positions = SCALAR_ARGUMENTS.get(name, _CAUGHT_VALUE.get(name, frozenset()))
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


def classic_array_argument(stack: list[list]) -> bool:
    """:func:`_in_array_argument` of a classic formula's intersection: LET's arguments are no arrays of their own
    there. A classic formula reads LET's values and its calculation as it reads any expression where the LET stands
    (``=LET(x,1,B5:C5+x)`` in column C is ``C5+1``, as ``=B5:C5+1``); a name bound to a range alone stays the range
    (``SUM(a)`` reads it whole, :func:`.classic_spills.intersected_let_names` its cell where one value is read), and
    inside SUMPRODUCT or another argument read as an array nothing is intersected."""
    return _in_array_argument([entry for entry in stack if entry[0] != "LET"])


def let_entry(tokens: list[Token], open_index: int, single: bool) -> list:
    """The stack entry of the LET call opened at ``open_index`` (``single``: the call stands for one value): with
    its last argument's position, its calculation, which :func:`_scalar_argument` reads as one value where the LET
    is one (``=LET(x,1,B5:C5)`` in column C is C5)."""
    spans, _ = argument_spans(tokens, open_index)
    return ["LET", 0, single, len(spans) - 1]


def _implicit(reference: str, row: int, col: int) -> str | None:
    """The one cell of a multi-cell ``reference`` in the formula's row or column (Excel's ``@``); None if not A1.

    Whole columns and rows too: ``Data!B:B`` in row 4 is ``Data!$B$4``. A defined name's formula put in its place
    that gives a reference (a dynamic named range ``(OFFSET(S!$A$1,0,0,COUNTA(S!$A:$A),1))``) is intersected when the
    formula runs, as :func:`_offset_cell` intersects OFFSET (Excel and LibreOffice: ``=Dyn`` in row 5 is A5).

    >>> _implicit("(OFFSET(S!$A$1,0,0,9,1))", 5, 3).startswith("INDEX((OFFSET(S!$A$1,0,0,9,1)),_XLR.SPOT(5,")
    True
    """
    found = _bounds(reference)
    if found is None:
        return _moving(reference, row, col)
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


#: a defined name's formula in its place, one call of a function giving a reference: (OFFSET(..)), (INDEX(..))
_MOVING = re.compile(r"(?is)\((?:_xlfn\.)?(?:OFFSET|INDEX|INDIRECT)\(.*\)\)")


def _moving(reference: str, row: int, col: int) -> str | None:
    """A bracketed call giving a reference (``(OFFSET(..))``, the whole text) intersected with the formula's row and
    column when it runs (:data:`SPOT`); None for anything else."""
    if _MOVING.fullmatch(reference) is None:
        return None
    depth = 0
    for k, char in enumerate(reference):  # the first bracket must close at the end: one call, not (A(..))*(B(..))
        depth += char == "("
        depth -= char == ")"
        if depth == 0 and k < len(reference) - 1:
            return None
    return spot_index(reference, row, col)


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
        part = _index_part(tokens, open_index, end, numbers, (left, top, right, bottom), row, col)
        return part if part is not None else _index_spot(tokens, open_index, end, numbers, (left, top, right, bottom))
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
    picks with its row. Only the typed ``0`` changes (the computed number stays as it is). Outside (column D), the
    call is intersected when it runs (:func:`spot_call`): #VALUE!, but INDEX's own error first, as Excel computes
    INDEX before it intersects its result: the number's error passes on (``INDEX(A1:B2,A3)`` with A3 ``=1/0``:
    #DIV/0!, H407's finding 03), a row past the range is #REF!. None when the call is not of that form."""
    left, top, right, bottom = bounds
    if len(numbers) != 2 or [n == "0" for n in numbers].count(True) != 1:
        return None
    zero = numbers.index("0")
    low, high, here = (top, bottom, row) if zero == 0 else (left, right, col)
    if low == high:
        return None  # one row (column): the computed number picks one cell
    if not low <= here <= high:
        spot_call(tokens, open_index, end, row, col)
        return end
    separators = [k for k in range(open_index + 1, end) if _top_separator(tokens, open_index, k)]
    start, stop = separators[zero] + 1, (separators[zero + 1] if zero + 1 < len(separators) else end)
    solid = [k for k in range(start, stop) if tokens[k].type != Token.WSPACE]
    if len(solid) != 1:
        return None
    tokens[solid[0]].value = str(here - low + 1)
    return end


#: an INDEX row or column number that is never 0: a number typed in from 1, a MATCH or XMATCH (1 or more, or an error)
_NEVER_ZERO = re.compile(r"(?is)0*[1-9]\d*|(?:_xlfn\.)?X?MATCH\(.*\)")
#: the calls a computed INDEX number intersected when it runs may hold (``ROW()-ROW(Tbl[#Headers])-1``); any other
#: (LOOKUP(..), the template's) is left to the engine, as before
_PLACE_CALL = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(?:ROWS?|COLUMNS?)\(")
_OTHER_CALL = re.compile(r"[\w.]\(")
#: a number that is a reference or a name alone (a range of numbers: its cell in the formula's row, elsewhere)
_ALONE = re.compile(r"\(*(?:(?:'(?:[^']|'')+'|[^\W\d][\w.]*)!)?[$\w.]+(?::[$\w.]+)?\)*")
_ONE_CELL_NUMBER = re.compile(r"\(*(?:(?:'(?:[^']|'')+'|[^\W\d][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+\)*")


def _index_spot(
    tokens: list[Token], open_index: int, end: int, numbers: list[str], bounds: tuple[int, ...]
) -> int | None:
    """``INDEX(E6:E10,G1)`` where one value is expected and a computed number may be 0 (G1 = 0, ``ROW()-ROW(..)-1``
    in a table's first row): the whole column (row) it then gives intersected with the formula's row (column) when it
    runs, as Excel does in a classic formula (H187's finding 04: the engine spilled it, ``#SPILL!``, or under IFERROR
    gave the column's first cell). The call becomes one token (:data:`SPOT`, as :func:`_offset_cell`); None where
    each number that may pick a whole column or row is never 0 (``MATCH(..)``, ``3``), where a number calls another
    function than ROW, COLUMN, ROWS and COLUMNS, or is a range or a name alone."""
    left, top, right, bottom = bounds
    for number in numbers:
        if _OTHER_CALL.search(_PLACE_CALL.sub("", number)) is not None:
            return None  # INDEX(Churn,LOOKUP(..)-MIN(..)+1): not intersected here
        if _ALONE.fullmatch(number) is not None and _ONE_CELL_NUMBER.fullmatch(number) is None and not number.isdigit():
            return None  # INDEX(B1:B3,A1:A3), INDEX(Price,Qty): a range as the number (its cell in the row, above)
    if len(numbers) == 1 and top != bottom and left != right:
        pass  # INDEX(A1:C5,n): a whole row whatever n is
    elif len(numbers) == 1:  # the row of a column, or the column of a row: 0 gives all of it
        if (top, left) == (bottom, right) or _NEVER_ZERO.fullmatch(numbers[0]) is not None:
            return None
    elif top == bottom or left == right:
        return None  # INDEX($B4:$Y4,1,$B64+1): a number for a row or column of one cell given (the template's)
    elif not any(  # a row number of 0 gives every row of a column of several cells, a column number likewise
        wide and _NEVER_ZERO.fullmatch(n) is None for wide, n in zip((bottom > top, right > left), numbers, strict=True)
    ):
        return None
    spot_call(tokens, open_index, end, "ROW()", "COLUMN()")
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


#: a reference to one cell typed in: C7, $C$7, S!C7, 'My sheet'!$C7
_ONE_CELL = re.compile(r"(?:(?:'(?:[^']|'')+'|[\w.]+)!)?\$?[A-Za-z]{1,3}\$?\d+")


def _offset_cell(tokens: list[Token], open_index: int, row: int, col: int) -> bool:
    """``OFFSET(A1,0,0,5,1)`` where one value is expected: the cell of its range in the formula's row (column), as
    Excel intersects it; #VALUE! when there is none. Only for a height or width given, or left to a reference that
    may be several cells (``OFFSET(A1:A10,0,2)`` is ten rows, as its reference; a name): else it is one cell.
    Changes the tokens in place (the call becomes one token); True when it did."""
    args, end = _arguments(tokens, open_index + 1, Token.FUNC)
    if end >= len(tokens) or not args:
        return False
    # an omitted height or width is the reference's own: of several cells unless it is one cell typed in (a name, a
    # range, INDIRECT(..) may be several; intersecting one cell changes nothing)
    several = _ONE_CELL.fullmatch(args[0].strip()) is None

    def one(size: str) -> bool:
        return size.strip() == "1" or (not size.strip() and not several)

    if all(one(size) for size in (args + ["", ""])[3:5]):
        return False
    spot_call(tokens, open_index, end, row, col)
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


def _index_error(tokens: list[Token], open_index: int, end: int) -> int:
    """The call opened at ``open_index`` made ``#VALUE!`` (no cell of its result in the formula's row or column)."""
    for k in range(open_index + 1, end):
        tokens[k].value, tokens[k].type, tokens[k].subtype = "", "SKIPPED", ""
    tokens[open_index].value, tokens[end].value = "IFERROR(#VALUE!", ")"  # still a call: the stack stays balanced
    return end


def _one_value_expected(tokens: list[Token], open_index: int, stack: list[list]) -> bool:
    """Whether the call opened at ``open_index`` stands where a classic formula expects one value: the whole formula,
    an operand of an operator (not of ``:``), or alone as an argument of a function of single values."""
    end = closing_index(tokens, open_index + 1)  # _arguments' end, without joining every argument's text
    before, after = open_index - 1, end + 1
    while 0 <= before and after < len(tokens) and _bracket(tokens[before], tokens[after]):
        before, after = before - 1, after + 1
    neighbours = (tokens[before] if before >= 0 else None, tokens[after] if after < len(tokens) else None)
    if any(t is not None and t.type == Token.OP_IN and t.value in (":", " ") for t in neighbours):
        return False
    alone = all(t is not None and (t.type == Token.FUNC or t.type == Token.SEP) for t in neighbours)
    return any(_is_operator(t) for t in neighbours) or neighbours == (None, None) or (alone and _scalar_argument(stack))
