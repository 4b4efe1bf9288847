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

from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

from .excel_functions._core import EACH, FUNCTIONS
from .excel_functions._core import WHOLE_ARGUMENTS as WHOLE
from .excel_functions.criteria import CRITERIA, criteria_positions
from .excel_functions.elementwise import NAMES
from .excel_functions.statistical import AGGREGATE_K, AGGREGATE_NAME, AGGREGATE_REFERENCES
from .excel_functions.wraps import ONE_CELL
from .formula_tokens import _A1_RANGE, _bare_name, _bounds
from .formula_tokens import argument_spans as _spans
from .intersection import _in_array_argument

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


def _inside_one_cell(stack: list[list]) -> list[list]:
    """The calls open inside the last ``_XLR.ONECELL`` of ``stack`` (all when none): its argument is read as one
    value (.let_companions), where the LET around it is no array (its intersection runs as it does outside)."""
    for k in range(len(stack) - 1, -1, -1):
        if stack[k][0] == ONE_CELL:
            return stack[k + 1 :]
    return stack


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
            arrays = array or _in_array_argument(_inside_one_cell(stack))
            if name in ("ROW", "COLUMN") and i + 2 < len(tokens) and arrays:
                area, close = tokens[i + 1], tokens[i + 2]
                numbers = _numbers_of(area, name) if close.type == Token.FUNC and close.subtype == Token.CLOSE else None
                if numbers is not None and area.type == Token.OPERAND:
                    token.value, area.value, close.value, changed = numbers, "", "", True
                    close.type = area.type = "SKIPPED"  # neither opens nor closes a call any more
                    if not numbers.startswith("{"):  # a whole call now: one operand
                        token.type, token.subtype = Token.OPERAND, Token.NUMBER
                    continue
                if numbers is None and _computed_rows(tokens, i, name):  # ROW(INDIRECT("1:"&B3)): each row
                    changed = True
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


def _computed_rows(tokens: list[Token], open_index: int, name: str) -> bool:
    """``ROW(x)`` -> ``_xlfn.SEQUENCE(ROWS(x),1,MIN(ROW(x)))`` (``COLUMN(x)`` likewise along a row) where ``x`` is a
    reference computed when the formula runs (``INDIRECT("1:"&B3)``, ``OFFSET(..)``): Excel's ROW of it is each of its
    rows where arrays are evaluated (``SUMPRODUCT(ROW(INDIRECT("1:"&B3)))`` 6 for B3 = 3, the digits of a text through
    ``MID(A1,ROW(INDIRECT("1:"&LEN(A1))),1)``), the engine's its first only (1). Changes the call's opening and
    closing tokens in place; False for a reference typed in (:func:`_numbers_of`) or no argument."""
    spans, close = _spans(tokens, open_index)
    if len(spans) != 1 or close >= len(tokens):
        return False
    a, b = spans[0]
    solid = [t for t in tokens[a:b] if t.type != Token.WSPACE]
    if not solid or (len(solid) == 1 and solid[0].type == Token.OPERAND and not solid[0].value.startswith("(")):
        return False  # a name's formula put in by .rewrite is one operand in brackets: ROW(Dyn), Dyn = A1:INDEX(..)
    area = "".join(t.value for t in tokens[a:b]).strip()
    if "#REF!" in area.upper():  # ROW(INDEX(#REF!$G$2:$G$5,0)) of a name whose sheet was deleted: #REF!, as it is
        return False
    if name == "ROW":
        tokens[open_index].value = "_xlfn.SEQUENCE(ROWS("
        tokens[close].value = f"),1,MIN(ROW({area})))"
    else:
        tokens[open_index].value = "_xlfn.SEQUENCE(1,COLUMNS("
        tokens[close].value = f"),MIN(COLUMN({area})))"
    return True


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
