"""Excel's array lifting: a function of single values given an array where Excel evaluates arrays.

Where Excel evaluates a formula as an array -- an array formula (Ctrl+Shift+Enter or dynamic), or
inside an argument Excel takes as an array even in a classic formula (SUMPRODUCT's, LOOKUP's
vectors, INDEX's area, ...: ``intersection._ARRAY_ARGUMENTS``) -- a function that takes one value
is applied to each element of an array given there, and its result is an array of the same shape:
``SUMPRODUCT(--ISNUMBER(Amt))`` counts the numbers of the range named Amt, ``{=EDATE(A1,SEQUENCE(3))}``
is three dates, ``SUM(LARGE(C2:C7,{1,2,3}))`` the three largest. An array typed in (``{1,2,3}``) is
an array in a classic formula too. Elsewhere a classic formula takes one value (implicit
intersection, :mod:`.intersection`).

formualizer 0.13 answers #VALUE! (ABS, ROUND, MOD, ...), #NUM! (LARGE), #N/A (RANK) or, silently, the
first element alone (ISNUMBER, MONTH, EDATE, PERCENTILE, ...) there. :func:`lift_arrays` renames such
a call ``_XLR.EACH.NAME(...)``, the element-by-element form registered by :mod:`.excel_functions`
(:mod:`.elementwise`, :mod:`.excel_functions.statistical`, :mod:`.excel_functions.criteria`),
whenever one of its lifted arguments may be an array: a multi-cell range, a defined name of one,
an array constant, a spilled range (``A1#``, stored ``_xlfn.ANCHORARRAY(A1)``), or a call that gives
an array (SEQUENCE, FILTER, OFFSET of several cells, INDEX(range,0), a lifted call, ...). A call whose
arguments are all single values is left to the engine.
"""

from __future__ import annotations

from typing import Any

from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

from .excel_functions._core import EACH, FUNCTIONS
from .excel_functions._core import WHOLE_ARGUMENTS as WHOLE
from .excel_functions.criteria import CRITERIA, criteria_positions
from .excel_functions.elementwise import NAMES
from .excel_functions.statistical import AGGREGATE_K, AGGREGATE_NAME, AGGREGATE_REFERENCES
from .intersection import _A1_RANGE, _bare_name, _bounds, _in_array_argument
from .intersection import argument_spans as _spans

__all__ = ["ARRAY_RESULTS", "lift_arrays", "may_be_array"]

#: the functions with an element-by-element form: this package's (made when registered) and any other module's
EACH_NAMES = NAMES | frozenset(
    k[len(EACH) :] for k in FUNCTIONS if k.startswith(EACH) and k[len(EACH) :] not in CRITERIA
)

#: functions whose result is an array whatever their arguments
ARRAY_RESULTS = frozenset(
    "SEQUENCE RANDARRAY UNIQUE FILTER SORT SORTBY TRANSPOSE MMULT MINVERSE MUNIT FREQUENCY TEXTSPLIT TOCOL TOROW "
    "VSTACK HSTACK CHOOSECOLS CHOOSEROWS TAKE DROP EXPAND WRAPROWS WRAPCOLS MAKEARRAY MAP SCAN BYROW BYCOL LINEST "
    "LOGEST TREND GROWTH MODE.MULT INDIRECT ANCHORARRAY".split()
)

_REDUCING = frozenset(
    "SUM SUMSQ COUNT COUNTA COUNTBLANK MAX MIN MAXA MINA AVERAGE AVERAGEA MEDIAN MODE MODE.SNGL STDEV STDEV.S "
    "STDEV.P STDEVA STDEVP STDEVPA VAR VAR.S VAR.P VARA VARP VARPA PRODUCT ROWS COLUMNS AREAS AND OR XOR SUMPRODUCT "
    "NPV IRR MIRR XNPV XIRR CONCAT TEXTJOIN GEOMEAN HARMEAN AVEDEV DEVSQ KURT SKEW CORREL COVAR COVARIANCE.P "
    "COVARIANCE.S PEARSON RSQ SLOPE INTERCEPT STEYX SUMX2MY2 SUMX2PY2 SUMXMY2 MDETERM SUBTOTAL ISREF".split()
)

#: argument positions whose array makes the call's result an array (the others are taken whole or reduced);
#: a function not listed: every argument
_LIFTS: dict[str, frozenset[int]] = {
    **dict.fromkeys(_REDUCING, frozenset()),
    **dict.fromkeys(("MATCH", "XMATCH", "VLOOKUP", "HLOOKUP", "LOOKUP"), frozenset({0})),
    **dict.fromkeys(("COUNTIF", "SUMIF", "AVERAGEIF"), frozenset({1})),
    "COUNTIFS": frozenset(range(1, 255, 2)),
    **dict.fromkeys(("SUMIFS", "AVERAGEIFS", "MAXIFS", "MINIFS"), frozenset(range(2, 255, 2))),
    **{name: frozenset(k for k in range(255) if k not in whole) for name, whole in WHOLE.items() if name != "INDEX"},
}


def _many_cells(reference: str) -> bool:
    """Whether an A1 reference (or whole columns/rows) covers more than one cell; True when it is not A1 at all."""
    match = _A1_RANGE.match(reference)
    if match is not None and match.group("b") is None:
        return False
    found = _bounds(reference)
    if found is None:
        return True
    left, top, right, bottom = found[1]
    return (left, top) != (right, bottom)


def _operand_array(token: Token, names: dict[str, str]) -> bool:
    value = token.value
    if value.endswith("#"):  # a spilled range
        return True
    if _A1_RANGE.match(value) is not None or ":" in value:
        return _many_cells(value)
    reference = names.get(value.lower())
    return reference is None or _many_cells(reference)  # a name of several cells, or one we cannot see into


def may_be_array(tokens: list[Token], start: int, end: int, names: dict[str, str], values_only: bool = False) -> bool:
    """Whether the expression of ``tokens[start:end]`` may give an array where Excel evaluates arrays.

    ``values_only``: an array of values, not a reference -- an array typed in (``{1,2}``, also through calls of
    single values: ``ROUND({1.5,2.5},0)``) or a function's array (SEQUENCE, UNIQUE, FREQUENCY, ...): a classic
    formula lifts those too, where it intersects a range with its own row (.intersection)."""
    k = start
    while k < end:
        token = tokens[k]
        if token.type == Token.ARRAY and token.subtype == Token.OPEN:
            return True
        if (
            token.type == Token.OPERAND
            and token.subtype == Token.RANGE
            and not values_only
            and _operand_array(token, names)
        ):
            return True
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            if token.value.startswith("{"):  # ROW(A1:A3) made {1;2;3}
                return True
            name = _bare_name(token.value[:-1])
            if name.startswith(EACH):
                name = name[len(EACH) :]
            if name in ARRAY_RESULTS and not (values_only and name in ("INDIRECT", "ANCHORARRAY")):
                return True
            spans, close = _spans(tokens, k)
            if name == "INDEX":
                if not values_only and _index_array(tokens, spans, names):
                    return True
                k = close + 1
                continue
            if name == "OFFSET" and len(spans) > 3 and not values_only:
                sizes = ["".join(t.value for t in tokens[a:b]).strip() for a, b in spans[3:]]
                if any(size not in ("", "1") for size in sizes):
                    return True
            lifts = _LIFTS.get(name)
            if lifts is not None:
                if any(p in lifts and may_be_array(tokens, a, b, names, values_only) for p, (a, b) in enumerate(spans)):
                    return True
                k = close + 1
                continue
        k += 1
    return False


def _index_array(tokens: list[Token], spans: list[tuple[int, int]], names: dict[str, str]) -> bool:
    """Whether a call of INDEX (argument ``spans``) may give an array: a row or column number 0 or an array, or one
    number of a range of several rows and columns (a whole row)."""
    numbers = ["".join(t.value for t in tokens[a:b]).strip() for a, b in spans[1:3]]
    if any(n == "0" for n in numbers) or any(may_be_array(tokens, a, b, names) for a, b in spans[1:3]):
        return True
    if len(spans) != 2:
        return False
    area = [t for t in tokens[spans[0][0] : spans[0][1]] if t.type != Token.WSPACE]
    if len(area) != 1 or area[0].type != Token.OPERAND or area[0].subtype != Token.RANGE:
        return True
    reference = names.get(area[0].value.lower(), area[0].value)
    match = _A1_RANGE.match(reference)
    if match is None or match.group("b") is None:
        return match is None
    left, top, right, bottom = range_boundaries((match.group("a") + ":" + match.group("b")).replace("$", ""))
    return left != right and top != bottom


def _lifted(tokens: list[Token], open_index: int, name: str, arrays: bool, names: dict[str, str]) -> bool:
    """Whether the call of ``name`` opened at ``open_index`` is lifted: an array typed in at an argument it takes one
    value of, or (``arrays``: where Excel evaluates arrays) an argument there that may be an array."""
    spans, close = _spans(tokens, open_index)
    if name in ("INDEX", "CHOOSE"):  # they give references: not where a range operator takes one
        before = tokens[open_index - 1] if open_index > 0 else None
        after = tokens[close + 1] if close + 1 < len(tokens) else None
        if tokens[open_index].value.startswith(":") or any(
            t is not None and (t.type == Token.OP_IN and t.value == ":" or t.value.startswith(":"))
            for t in (before, after)
        ):
            return False
    whole = WHOLE.get(name, frozenset())
    for position, (a, b) in enumerate(spans):
        if position in whole or (name == "CHOOSE" and position > 0):  # CHOOSE(3,B1:D1,E1,12) is one choice: 12
            continue
        if may_be_array(tokens, a, b, names, values_only=not arrays):
            return True
    return False


def lift_arrays(tokens: list[Token], array: bool, names: dict[str, str]) -> bool:
    """Where Excel evaluates arrays, calls the engine evaluates as single values get array forms.

    That is in an array formula (``array``), or inside an argument Excel takes as an array (SUMPRODUCT,
    INDEX's array, ...): ``ROW(A2:A4)`` becomes ``{2;3;4}`` and ``COLUMN(B1:C1)`` ``{2,3}`` (the engine gives
    the first row or column only), and a function of single values given an array (``MOD(A1:A9,2)``,
    ``YEAR(Dates)`` of a name, ``EDATE(A1,SEQUENCE(3))``) its element-by-element form ``_XLR.EACH.MOD``.
    An array typed in is lifted everywhere (``=SUM(LARGE(A1:A9,{1,2}))``). ``names``: defined names (lower
    case) -> their A1 reference. Changes ``tokens`` in place; True when it changed any.
    """
    changed = False
    stack: list[list] = []
    for i, token in enumerate(tokens):
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = _bare_name(token.value[:-1])
            arrays = array or _in_array_argument(stack)
            if name in ("ROW", "COLUMN") and i + 2 < len(tokens) and arrays:
                area, close = tokens[i + 1], tokens[i + 2]
                numbers = _numbers_of(area, name) if close.type == Token.FUNC and close.subtype == Token.CLOSE else None
                if numbers is not None and area.type == Token.OPERAND:
                    token.value, area.value, close.value, changed = numbers, "", "", True
                    close.type = area.type = "SKIPPED"  # neither opens nor closes a call any more
                    if not numbers.startswith("{"):  # a whole call now: one operand
                        token.type, token.subtype = Token.OPERAND, Token.NUMBER
                    continue
            if name in EACH_NAMES and _lifted(tokens, i, name, arrays, names):
                token.value, changed = f"{EACH}{name}(", True
            if name in CRITERIA and any(
                _criteria_array(tokens, i, k, arrays, names)
                for k in criteria_positions(name, len(_spans(tokens, i)[0]))
            ):
                token.value, changed = f"{EACH}{name}(", True  # one answer per criterion (see .criteria)
            if name == "INDEX" and arrays and _row_of_table(tokens, i):
                changed = True
            if name == "AGGREGATE" and _aggregate_array_form(tokens, i):
                token.value, changed = f"{AGGREGATE_NAME}(", True
            stack.append([name, 0])
        elif token.type == Token.ARRAY and token.subtype == Token.OPEN:
            stack.append(["{", 0])  # an array constant's commas separate no arguments
        elif token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.ARRAY):
            if stack:
                stack.pop()
        elif token.type == Token.SEP and token.subtype == Token.ARG and stack:
            stack[-1][1] += 1
    return changed


def _aggregate_array_form(tokens: list[Token], open_index: int) -> bool:
    """Whether the AGGREGATE call opened at ``open_index`` is one the engine lacks (.statistical): function 12 or 13
    typed in with references as data, or 14-19 (the array form) with its array and k; its options typed in (0-7) or
    left empty."""
    spans, _ = _spans(tokens, open_index)
    if len(spans) < 3:
        return False
    function, options = ("".join(t.value for t in tokens[a:b]).strip() for a, b in spans[:2])
    if not function.isdigit() or options not in ("", "0", "1", "2", "3", "4", "5", "6", "7"):
        return False
    if int(function) in AGGREGATE_K:
        return len(spans) == 4
    if int(function) in AGGREGATE_REFERENCES:
        return all(_one_reference(tokens[a:b]) for a, b in spans[2:])
    return False


def _one_reference(tokens: list[Token]) -> bool:
    """Whether ``tokens`` are one reference (``A1:A9``, ``Data!B:B``, a name), as AGGREGATE's reference form takes."""
    solid = [t for t in tokens if t.type != Token.WSPACE]
    return len(solid) == 1 and solid[0].type == Token.OPERAND and solid[0].subtype == Token.RANGE


def _row_of_table(tokens: list[Token], open_index: int) -> bool:
    """``INDEX({1,2;3,4},r)`` -> ``INDEX({1,2;3,4},r,0)``: Excel's whole row r of a table typed in (the engine
    gave its first value). Changes the closing token in place."""
    spans, close = _spans(tokens, open_index)
    if len(spans) != 2 or close >= len(tokens):
        return False
    first = [t for t in tokens[spans[0][0] : spans[0][1]] if t.type != Token.WSPACE]
    text = "".join(t.value for t in first)
    if not (first and first[0].type == Token.ARRAY and ";" in text and "," in text.split(";")[0]):
        return False
    tokens[close].value = ",0" + tokens[close].value
    return True


def _criteria_array(tokens: list[Token], open_index: int, position: int, arrays: bool, names: dict[str, str]) -> bool:
    """Whether argument ``position`` of the call opened at ``open_index`` is an array constant, or (``arrays``: where
    Excel evaluates arrays) may be an array."""
    spans, _ = _spans(tokens, open_index)
    if position >= len(spans):
        return False
    a, b = spans[position]
    return may_be_array(tokens, a, b, names, values_only=not arrays)


def _numbers_of(area: Token, name: str) -> str | None:
    """The array constant of ROW or COLUMN over a literal area of several rows (columns), whole rows (``ROW(1:3)``)
    or whole columns included (a SEQUENCE of 10,000 or more); None otherwise (one row or column)."""
    if area.subtype != Token.RANGE or ":" not in area.value:
        return None
    found = _bounds(area.value)
    if found is None:
        return None
    left, top, right, bottom = found[1]
    first, last = (top, bottom) if name == "ROW" else (left, right)
    if first == last:
        return None
    if last - first >= 10_000:  # ROW($A$1:$A$1048576) (.whole_ranges): as long an array, not typed in
        size = last - first + 1
        return f"_xlfn.SEQUENCE({size},1,{first})" if name == "ROW" else f"_xlfn.SEQUENCE(1,{size},{first})"
    return "{" + (";" if name == "ROW" else ",").join(str(n) for n in range(first, last + 1)) + "}"


# --- arrays of different sizes: A1:A3/B1:B2 -------------------------------------------------------------------------
#: a whole column's rows and a whole row's columns: an array is never padded to so many
_WHOLE_ROWS, _WHOLE_COLUMNS = 1_048_576, 16_384
#: the operators Excel applies element by element
_ELEMENTWISE = frozenset(("+", "-", "*", "/", "^", "&", "=", "<>", "<", ">", "<=", ">="))


def _size(token: Token, names: dict[str, str] | None = None) -> tuple[int, int] | None:
    """(rows, columns) of a range typed in (``A1:A3``, ``S!$B$1:$C$2``) or of a defined name of one; None for a whole
    column, a cell, or anything else."""
    value = (names or {}).get(token.value.lower(), token.value)
    area = value.rpartition("!")[2].replace("$", "")
    if ":" not in area:
        return None
    try:
        left, top, right, bottom = range_boundaries(area)
    except (ValueError, TypeError):
        return None
    if None in (left, top, right, bottom):
        return None
    return bottom - top + 1, right - left + 1


def _is_whole(size: tuple[int, int] | None) -> bool:
    """Whether a size is a whole column's or row's (or more)."""
    return size is not None and (size[0] >= _WHOLE_ROWS or size[1] >= _WHOLE_COLUMNS)


def _whole_size(token: Token, names: dict[str, str]) -> tuple[int, int] | None:
    """(rows, columns) of whole columns or rows (``A:A`` is 1,048,576 x 1), typed in or a name's; else None."""
    value = names.get(token.value.lower(), token.value)
    if ":" not in value or _A1_RANGE.match(value) is not None:
        return None
    found = _bounds(value)
    if found is None:
        return None
    left, top, right, bottom = found[1]
    return bottom - top + 1, right - left + 1


def _unknown_size(token: Token, names: dict[str, str]) -> bool:
    """Whether a range operand's size is known only when the formula runs: a spilled range (``A1#``), a table's
    column, a defined name of a formula (``OFFSET(...)``) or of no reference we read; not a cell or a range typed in."""
    value = names.get(token.value.lower(), token.value)
    if _A1_RANGE.match(value) is not None or _bounds(value) is not None:
        return False
    return True


def _inner_size(
    tokens: list[Token], start: int, close: int, names: dict[str, str], constants: dict[int, tuple[int, Any]]
) -> tuple[int, int] | None:
    """The size of a call or bracket (``tokens[start:close + 1]``) that may give an array, where every range, name
    and array constant in it has one size (``YEAR(A1:A3)``, ``(A1:A3>0)``: that size); None where they differ or any
    size is known only when the formula runs (a call of :data:`ARRAY_RESULTS`, OFFSET, INDEX of an array, a name of
    a formula, a spilled range)."""
    sizes: set[tuple[int, int]] = set()
    for k in range(start, close + 1):
        token = tokens[k]
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = _bare_name(token.value[:-1])
            if name in ARRAY_RESULTS or (
                name in ("OFFSET", "INDEX") and may_be_array(tokens, k, _spans(tokens, k)[1] + 1, names)
            ):
                return None
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE:
            if _unknown_size(token, names):
                return None
            size = _size(token, names) or _whole_size(token, names)
            if size is not None:
                sizes.add(size)
        elif k in constants:
            sizes.add(constants[k][1])
    return sizes.pop() if len(sizes) == 1 else None


def _offset_shape(tokens: list[Token], open_index: int, names: dict[str, str]) -> tuple | None:
    """The size of an OFFSET call as its text gives it: ("size", rows, columns) for numbers typed in, else
    ("offset", height text, width text), which two OFFSETs of the same height and width formulas share."""
    spans, _ = _spans(tokens, open_index)
    if not spans:
        return None
    texts = ["".join(t.value for t in tokens[a:b]).replace("$", "").replace(" ", "").upper() for a, b in spans]
    base = [t for t in tokens[spans[0][0] : spans[0][1]] if t.type != Token.WSPACE]
    size = _size(base[0], names) if len(base) == 1 and base[0].type == Token.OPERAND else None
    if size is None and len(base) == 1 and base[0].type == Token.OPERAND and _A1_RANGE.match(base[0].value):
        size = (1, 1)
    height = texts[3] if len(texts) > 3 and texts[3] else str(size[0]) if size else None
    width = texts[4] if len(texts) > 4 and texts[4] else str(size[1]) if size else None
    if height is None or width is None:
        return None
    if height.isdigit() and width.isdigit():
        return ("size", int(height), int(width))
    return ("offset", height, width)


def _expanded_shape(text: str, names: dict[str, str]) -> tuple | None:
    """:func:`_shape_of` the formula of a name written in its place (``(OFFSET(S!$A$2,0,0,COUNTA(S!$A:$A)-1,1))``)."""
    from openpyxl.formula import Tokenizer

    try:
        tokens = list(Tokenizer("=" + text).items)
    except Exception:  # noqa: BLE001  (a text the tokenizer does not read: its shape is not known)
        return None
    return _shape_of(tokens, 0, len(tokens) - 1, names) if tokens else None


def _shape_of(tokens: list[Token], start: int, end: int, names: dict[str, str]) -> tuple | None:
    """The size of an operand whose size is known only when the formula runs, as far as its text tells: the one
    shape of the OFFSET calls, ranges and constants in it (:func:`_offset_shape`), None when they differ or anything
    else in it may give an array (a spilled range, FILTER, ...)."""
    shapes: set[tuple] = set()
    k = start
    while k <= end:
        token = tokens[k]
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = _bare_name(token.value[:-1])
            close = _spans(tokens, k)[1]
            if name == "OFFSET":
                shapes.add(_offset_shape(tokens, k, names))
                k = close + 1
                continue
            if name in ARRAY_RESULTS or (name == "INDEX" and may_be_array(tokens, k, close + 1, names)):
                return None
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE and token.value.startswith("("):
            inner = _expanded_shape(token.value, names)  # a name's formula put in its place: (OFFSET(...))
            if inner is None:
                return None
            shapes.add(inner)
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE:
            if _unknown_size(token, names):
                return None
            size = _size(token, names) or _whole_size(token, names)
            if size is not None:
                shapes.add(("size", *size))
        elif token.type == Token.ARRAY and token.subtype == Token.OPEN:
            return None
        k += 1
    return shapes.pop() if len(shapes) == 1 else None


def pad_mismatched(tokens: list[Token], array: bool, names: dict[str, str] | None = None) -> bool:
    """Ranges of different sizes combined by an operator where Excel evaluates arrays (an array formula, SUMPRODUCT's
    arguments): Excel applies the operator over the larger size, the smaller range's missing elements #N/A
    (``{=SUM(IFERROR(A1:A3/B1:B2,0))}`` is A1/B1 + A2/B2); the engine made the whole result one #VALUE! (which
    IFERROR then hid). In a chain of operators whose operands are ranges typed in, defined names of ranges (``names``:
    lower case -> A1 reference), array constants, single values or calls, each range short of the largest rows or
    columns (and not one row or column, which stretches) is ``EXPAND(range, rows, columns)``, padded with #N/A; so
    are IF's arguments, which stretch together (``IF(A1:A3>0,B1:B2)``). Where an operand's size is known only when
    the formula runs (a call giving an array: OFFSET, FILTER, INDEX(r,0); a name of a formula; a spilled range),
    every operand that may be an array is ``_XLR.PAD(operand, the others)``, padded then (:func:`.wraps.padded`).
    Changes ``tokens`` in place (tokenized again where it wrapped calls); True when it did.

    >>> from openpyxl.formula import Tokenizer
    >>> tokens = list(Tokenizer("=SUM(IFERROR(A1:A3/B1:B2,0))").items)
    >>> pad_mismatched(tokens, True), "".join(t.value for t in tokens)
    (True, 'SUM(IFERROR(A1:A3/EXPAND(B1:B2,3,1),0))')
    >>> tokens = list(Tokenizer("=COUNT(A1:A3+OFFSET(B1,0,0,2,1))").items)
    >>> pad_mismatched(tokens, True), "".join(t.value for t in tokens)
    (True, 'COUNT(_XLR.PAD(A1:A3,OFFSET(B1,0,0,2,1))+_XLR.PAD(OFFSET(B1,0,0,2,1),A1:A3))')
    """
    names = names or {}
    changed = False
    stack: list[list] = []  # [function or bracket, argument position, IF's members, IF's known, open index]
    chains: list[list[int]] = [[]]  # per open level: the operand tokens of its current chain
    constants: dict[int, tuple[int, tuple[int, int]]] = {}  # an array constant's "{": (its "}", its size)
    calls: dict[int, int] = {}  # a call or bracket that may give an array, as an operand: its closing token
    unknown: set[int] = set()  # operands whose size is known only when the formula runs
    wrapped: dict[int, str] = {}  # the text after an operand's last token: ",others)" of _XLR.PAD
    derived: dict[int, tuple[int, int] | None] = {}  # a call's or a name's size, from the ranges in it
    known: list[bool] = [True]
    operators: list[int] = [0]

    def size_of(k: int) -> tuple[int, int] | None:
        if k in constants:
            return constants[k][1]
        return derived[k] if k in derived else _size(tokens[k], names) or _whole_size(tokens[k], names)

    def last_of(k: int) -> int:
        return constants[k][0] if k in constants else calls.get(k, k)

    def text_of(k: int) -> str:
        return "".join(t.value + wrapped.get(j, "") for j, t in enumerate(tokens[k : last_of(k) + 1], start=k))

    def pad(members: list[int]) -> None:
        nonlocal changed
        if any(k in unknown for k in members):
            arrays = [k for k in members if k in unknown or size_of(k) is not None]
            if len(arrays) < 2:
                return
            if any(k not in unknown and _is_whole(size_of(k)) for k in arrays):
                return  # a whole column among them: left to the engine (never padded to 1,048,576 rows here)
            shapes = {
                _shape_of(tokens, k, last_of(k), names) if k in unknown else ("size", *size_of(k)) for k in arrays
            }
            if len(shapes) == 1 and None not in shapes:  # (RegionDyn=D1)*SalesDyn: two OFFSETs of one height
                return
            texts = {k: text_of(k) for k in arrays}
            for k in arrays:
                others = ",".join(texts[j] for j in arrays if j != k)
                tokens[k].value = "_XLR.PAD(" + tokens[k].value
                wrapped[last_of(k)] = wrapped.get(last_of(k), "") + f",{others})"
            changed = True
            return
        sizes = {k: size_of(k) for k in members}
        sized = [s for s in sizes.values() if s is not None]
        if len(sized) < 2:
            return
        rows, columns = max(s[0] for s in sized), max(s[1] for s in sized)
        if _is_whole((rows, columns)):  # padded to a whole column: left to the engine
            return
        for k, s in sizes.items():
            if s is None or s == (rows, columns):
                continue
            want = (rows if s[0] != 1 else 1, columns if s[1] != 1 else 1)
            if want != s:
                tokens[k].value = "EXPAND(" + tokens[k].value
                wrapped[last_of(k)] = wrapped.get(last_of(k), "") + f",{want[0]},{want[1]})"
                changed = True

    def close_chain() -> None:
        members, ok, count = chains[-1], known[-1], operators[-1]
        if stack and stack[-1][0] == "IF":  # IF's arguments stretch together: padded at its end
            stack[-1][2].extend(members)
            stack[-1][3] = stack[-1][3] and ok
        elif ok and count and len(members) >= 2 and (array or _in_array_argument(stack)):
            pad(members)
        chains[-1], known[-1], operators[-1] = [], True, 0

    skip_to = -1
    for i, token in enumerate(tokens):
        if token.type == Token.WSPACE or i <= skip_to:
            continue
        if token.type == Token.ARRAY and token.subtype == Token.OPEN:  # {1;2}: an operand of a known size
            end, rows, columns, row_columns = i + 1, 1, 1, 1
            while end < len(tokens) and not (tokens[end].type == Token.ARRAY and tokens[end].subtype == Token.CLOSE):
                if tokens[end].type == Token.SEP and tokens[end].subtype == Token.ROW:
                    rows, row_columns = rows + 1, 1
                elif tokens[end].type == Token.SEP:
                    row_columns += 1
                    columns = max(columns, row_columns)
                end += 1
            constants[i], skip_to = (end, (rows, columns)), end
            chains[-1].append(i)
            continue
        opens = token.subtype == Token.OPEN and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY)
        closes = token.subtype == Token.CLOSE and token.type in (Token.FUNC, Token.PAREN, Token.ARRAY)
        if opens:
            if token.value.startswith(":"):  # INDEX(..):INDEX(..): a range operator, not element by element
                known[-1] = False
            stack.append([_bare_name(token.value[:-1]) if token.type == Token.FUNC else "(", 0, [], True, i])
            chains.append([])
            known.append(token.type != Token.ARRAY)
            operators.append(0)
        elif closes:
            close_chain()
            chains.pop(), known.pop(), operators.pop()
            if stack:
                name, _, members, ok, start = stack.pop()
                if name == "IF" and ok and len(members) >= 2 and (array or _in_array_argument(stack)):
                    pad(members)  # {=SUM(IFERROR(IF(A1:A3>0,B1:B2),0))}: B1:B2 padded to three rows
                after = next((t for t in tokens[i + 1 :] if t.type != Token.WSPACE), None)
                if name == "LAMBDA" or (
                    after is not None and after.type == Token.PAREN and after.subtype == Token.OPEN
                ):
                    known[-1] = False  # LAMBDA(x,x*2)(v): a LAMBDA called in place, not an operand of known shape
                elif may_be_array(tokens, start, i + 1, names):  # a call or bracket giving an array: an operand
                    calls[start] = i
                    chains[-1].append(start)
                    inner = _inner_size(tokens, start, i, names, constants)
                    if inner is None:
                        unknown.add(start)
                    else:
                        derived[start] = inner
        elif token.type == Token.SEP:
            close_chain()
            if token.subtype == Token.ARG and stack:
                stack[-1][1] += 1
        elif token.type == Token.OP_IN:
            if token.value in _ELEMENTWISE:
                operators[-1] += 1
            else:  # the union or intersection operator: not element by element
                known[-1] = False
        elif token.type == Token.OPERAND:
            if token.subtype == Token.RANGE:
                chains[-1].append(i)
                if _unknown_size(token, names):
                    unknown.add(i)
                elif token.value.lower() in names:
                    derived[i] = _size(token, names)
            elif token.subtype not in (Token.NUMBER, Token.TEXT, Token.LOGICAL, Token.ERROR):
                known[-1] = False
    close_chain()
    if wrapped:
        from openpyxl.formula import Tokenizer

        text = "=" + "".join(t.value + wrapped.get(k, "") for k, t in enumerate(tokens))
        tokens[:] = list(Tokenizer(text).items)
    return changed
