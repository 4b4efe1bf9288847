"""Argument checks and conversions Excel makes that the engine skips, restored by rewriting the formula.

A registered function receives values only: it cannot tell ``AVERAGE("Hola")`` (text typed into
the formula, which Excel refuses with #VALUE!) from ``AVERAGE(A1)`` with "Hola" in A1 (which
Excel ignores). And VLOOKUP/HLOOKUP in approximate mode answer #N/A for an error lookup value,
which Excel passes on (``IFNA`` around it then hides a real error). :func:`rewrite_arguments`
therefore rewrites these forms in the formula text before the engine computes it:

* a text value given directly as an argument of a numeric aggregate (SUM, AVERAGE, MIN, MAX, COUNT, the
  A-forms, ...; the array argument of SMALL, LARGE, PERCENTILE, QUARTILE), typed in or given by an
  expression (``TEXT(...)``, ``A1&""``), is read as a number or is #VALUE! (COUNT: left out), see :mod:`.typed`;
* ``VLOOKUP(x, ...)`` and ``HLOOKUP(x, ...)`` with ``x`` an array, and ``SWITCH(x, ...)``, become
  ``IF(ISERROR(x), x, VLOOKUP(x, ...))`` when ``x`` is a cell or an expression (not a constant,
  not a multi-cell range): Excel passes an error in ``x`` on, the engine says #N/A;
* VLOOKUP and HLOOKUP in approximate mode become ``INDEX(table, _XLR.VPOS(key, INDEX(table,0,1),
  column, COLUMNS(table)), column)`` (``_XLR.HPOS`` likewise), MATCH with a match_type other than 0
  ``_XLR.MATCH``, and XLOOKUP with match_mode -1/1 or search_mode 2/-2 ``_XLR.XLOOKUP``
  (registered in :mod:`.lookup`): Excel bisects the data even when it is unsorted and answers
  what the bisection lands on, where the engine says #N/A. Only the searched column crosses
  into Python; the result stays the engine's reference into the table;
* a row or column number of INDEX that may be negative (a cell, an expression) becomes
  ``_XLR.INDEXED(number)``: Excel refuses a negative one with #VALUE!, the engine with #REF!;
* CHOOSE's index, when not a number typed in, becomes ``_XLR.CHOICE(index)`` (TRUE is 1, "2" is 2 in
  Excel; the engine says #VALUE!), and VALUE ``_XLR.EACH.VALUE`` (Excel reads a blank cell as 0 and
  "$1,000" as 1000; so does a number so typed as text in SUM or next to + - * / ^: ``1*"1,000"``);
* the empty ``const`` of LINEST, LOGEST, TREND and GROWTH (``LINEST(y,x,,TRUE)``) becomes TRUE, its
  default, as Excel reads it (the engine took it as 0: no intercept);
* SWITCH with a value to compare that is not typed in (it may hold an error, which Excel returns)
  or an array expression becomes ``_XLR.SWITCH``, IFS with an array condition ``_XLR.IFS``
  (registered in :mod:`.logical`);
* a degrees of freedom of T.DIST, CHISQ.INV, F.DIST, ... and CONFIDENCE's size become ``_XLR.WHOLE(df)``
  (registered in :mod:`.truncated`): Excel truncates them, the engine's modern functions did not;
* each operand of ``&`` that is not typed text becomes ``_XLR.TEXT(operand)`` (registered in
  :mod:`.text`): Excel writes a number into text with 15 significant digits (``=""&0.1+0.2`` is
  "0.3"), the engine with up to 17 ("0.30000000000000004");
* each operand of a comparison (``=``, ``<>``, ``<``, ``>``, ``<=``, ``>=``) that is a cell or
  an expression becomes ``_XLR.COMPARED(operand)`` (registered in :mod:`.maths`): Excel compares
  numbers at 15 significant digits (``=0.1+0.2=0.3`` is TRUE there, FALSE in the engine).

Formulas that need none of this come back unchanged (the same string), most of them after one
regular-expression test, without tokenizing.
"""

from __future__ import annotations

import math
import re

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token
from openpyxl.utils.cell import range_boundaries

from ..xlookup_references import counted_xlookups
from .caught_errors import HINT as _CAUGHT_HINT
from .caught_errors import caught, kinded
from .collation import keyed_criteria, sorted_call, typed_keys
from .criteria import CRITERIA, each_shaped, error_checked, scanned_call, size_guard
from .criteria_cells import cell_corrected
from .criteria_date_texts import date_text_guarded
from .criteria_digits import digits_corrected, widened_criteria
from .criteria_formatted import formatted_number_guarded
from .criteria_long import long_guarded
from .criteria_runtime import error_criteria_guarded, formatted_guarded, runtime_keyed, unraised_criteria
from .criteria_values import dated_criteria, numbered_criteria
from .error_arrays import error_arrays
from .error_order import FIRST_ERROR, first_error
from .filter_columns import columns_filtered
from .logical import logical_call
from .lookup import exact_lookup
from .powers import powers
from .regression import regression_guarded
from .row_shapes import shaped
from .stacks import chosen, stacked
from .truncated import READ_AS_NUMBERS, READ_NUMBER, TRUNCATED, WHOLE
from .typed import HINT as _TYPED_HINT
from .typed import bracketed_reference as _bracketed_reference
from .typed import date_literal, index_of_value, reference_arguments, size_of_value, typed_argument, uncounted_error
from .whole_slices import whole_slice

_LOOKUPS = frozenset(("VLOOKUP", "HLOOKUP"))
_EXACT_FLAGS = frozenset(("FALSE", "0", ""))
#: functions whose result is never a negative number: as a row or column number of INDEX, no check needed
_POSITIONS = frozenset(
    ("MATCH", "XMATCH", "ROW", "ROWS", "COLUMN", "COLUMNS", "COUNT", "COUNTA", "COUNTIF", "COUNTIFS", "_XLR.MATCH")
)
#: the position of the ``const`` argument of the regression functions, whose empty form Excel reads as TRUE
_CONSTANT_ARGUMENT = {"LINEST": 2, "LOGEST": 2, "TREND": 3, "GROWTH": 3}
#: VALUE as Excel reads text ("$1,000", "1,234.5", "10%", a blank cell 0; see .elementwise)
VALUE = "_XLR.EACH.VALUE"
#: a number typed as text with a thousands separator, a currency sign or brackets (the engine reads only plain ones)
_FORMATTED_TEXT = re.compile(r'^\s*"[\s(+$-]*[\d.,]*\d[\d.,]*[\s%)]*"\s*$')
#: CHOOSE's index as Excel reads it (TRUE is 1, numeric text its number; see .logical)
CHOICE = "_XLR.CHOICE"
_CELL = re.compile(r"\$?[A-Za-z]{1,3}\$?\d+")
#: the registered function that refuses a negative row or column number of INDEX with #VALUE! (see .lookup)
INDEXED = "_XLR.INDEXED"
#: the registered functions of .lookup the approximate lookups are rewritten to
VPOS, HPOS, MATCH, XLOOKUP, XMATCH = "_XLR.VPOS", "_XLR.HPOS", "_XLR.MATCH", "_XLR.XLOOKUP", "_XLR.XMATCH"
_COMPARISONS = frozenset(("=", "<>", "<", ">", "<=", ">="))
#: a lookup key typed in (a number, a text, a logical): never an error
_TYPED_KEY = re.compile(r'(?i)\s*(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?%?|"(?:[^"]|"")*"|TRUE|FALSE)\s*')
#: a number typed in as an argument (LARGE(A1:A9,2)): nothing to read
_NUMBER_TYPED = re.compile(r"\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?\s*", re.IGNORECASE)
#: constants against which rounding an operand changes nothing: text, logicals, 0 (type differs or exact)
_TRIVIAL = re.compile(r"(?i)^(?:0|TRUE|FALSE)$")
_STRING = re.compile(r'"(?:[^"]|"")*"')
_ANY_COMPARISON = re.compile(r"<>|<=|>=|=|<|>")
#: typed text next to <, >, <= or >= (not "" alone): the engine orders text otherwise than Excel
#: in a formula with text of other than ASCII letters: a comparison or criteria the engine would compare wrongly
_NON_ASCII_HINT = re.compile(r"<|>|=|IFS?\(")
_TEXT_ORDER = re.compile(r'(?<!<)[<>]=?\s*"(?!")|"\s*(?:<(?!>)|>)')
_TRIVIAL_COMPARISON = re.compile(r'(?i)(?:<>|<=|>=|=|<|>)\s*(?:""|0(?![\d.E%])|TRUE\b|FALSE\b)')
#: calls whose result needs no rounding before a comparison (whole numbers, logicals, text, rounded numbers)
_EXACT_RESULT = re.compile(
    r"(?i)(?:_xlfn\.)?(?:COUNT|COUNTA|COUNTBLANK|COUNTIFS?|LEN|ROWS?|COLUMNS?|MATCH|IS[A-Z]+|AND|OR|NOT|TEXT|LEFT"
    r"|RIGHT|MID|UPPER|LOWER|TRIM|YEAR|MONTH|DAY|WEEKDAY|HOUR|MINUTE|SECOND|INT|TRUNC|ROUND|ROUNDUP|ROUNDDOWN)\("
)
#: the registered function that turns an operand of & into text as Excel does (see .text)
TEXT_OPERAND = "_XLR.TEXT"
#: the whole of a chain of ``&``: #VALUE! past 32,767 characters (text.py)
JOINED = "_XLR.JOINED"
#: the registered function that takes an operand of a comparison to 15 significant digits (see .maths)
COMPARED_OPERAND = "_XLR.COMPARED"
#: the registered function that puts an operand of <, >, <= or >= in Excel's order (see .collation, .maths)
ORDERED_OPERAND = "_XLR.ORDERED"
_ORDERING = frozenset(("<", ">", "<=", ">="))
#: a cheap test before tokenizing: a lookup, or an aggregate with a quote before its first ")"
_HINT = re.compile(
    r"(?i)&|STACK\(|FILTER\(|TAKE\(|DROP\(|SEQUENCE\(|CHOOSE(?:COLS|ROWS)\(|SWITCH\(|IFS\(|SUMIF\(|COUNTIF\(|AVERAGEIF\(|LOOKUP\(|MATCH\(|INDEX\(|CHOOSE\(|VALUE\(|LINEST\(|LOGEST\(|TREND\(|GROWTH\(|SORT|\^|\"(?:<>|=)?#|IFS?\([^\"]*\"(?:<>|=)?[\d.+-]|IFS?\([^\"]*\"(?:<>|=)?(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)|"
    r'"[\s(+$-]*[\d.]*\d[\d.]*,[\d.,]*[\s%)]*"|"[\s(+<>=-]*\$|"[\s+-]*\(|%\s*"|'
    r"(?<![A-Z0-9_.])COUNT\([^)]*?[(+\-*/^&%=<>#\"]|(?<![A-Z0-9_.])SUM\([^)]*\"|(?<![A-Z0-9_.])(?:ROWS|COLUMNS)\(|"
    r"RANK|LARGE\(|SMALL\(|PERCENTILE|QUARTILE|RIGHT\(|MID\(|"  # a superset: .error_order decides
    r"(?<![A-Z0-9_])(?:T|CHISQ|F)\.(?:DIST|INV)|CONFIDENCE\(|CONFIDENCE\.|"  # a df Excel truncates (.truncated)
    r"(?:AVERAGE|MIN|MAX|PRODUCT|MEDIAN|STDEV|VAR|GEOMEAN|HARMEAN|AVEDEV|DEVSQ|KURT|SKEW|SMALL|LARGE"
    r'|PERCENTILE|QUARTILE|MODE)[A-Z.]*\([^)]*"|' + _TYPED_HINT + "|" + _CAUGHT_HINT
)

#: the same test, case-sensitive on the upper-cased formula (several times faster than a case-insensitive pattern)
_HINT_UPPER = re.compile(_HINT.pattern.removeprefix("(?i)"))


def _name(token: Token) -> str:
    name = token.value[:-1].upper()
    for prefix in ("_XLFN.", "_XLWS."):
        name = name.removeprefix(prefix)
    return name


def _arguments(tokens: list[Token], open_index: int) -> tuple[list[tuple[int, int]], int]:
    """The (start, end) token spans of each argument of the function opened at ``open_index``, and its close."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, open_index + 1
    for i in range(open_index + 1, len(tokens)):
        token = tokens[i]
        if token.subtype == Token.OPEN:
            depth += 1
        elif token.subtype == Token.CLOSE:
            if depth == 0:
                spans.append((start, i))
                return spans, i
            depth -= 1
        elif token.type == Token.SEP and token.subtype == Token.ARG and depth == 0:
            spans.append((start, i))
            start = i + 1
    raise ValueError("unbalanced formula")


def _may_be_error(key: list[Token]) -> bool:
    """Whether a lookup value can be an error: not a typed constant, and no multi-cell range (left as it is)."""
    inner = [t for t in key if t.type != Token.WSPACE]
    if not inner or (len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype != Token.RANGE):
        return False
    return not any(t.type == Token.OPERAND and t.subtype == Token.RANGE and ":" in t.value for t in inner)


def _exact(args: list[str]) -> bool:
    """Exact-match mode (range_lookup FALSE, 0 or left empty), where the engine already passes an error on."""
    return len(args) >= 4 and args[3].strip().upper() in _EXACT_FLAGS


def _matching(tokens: list[Token], open_index: int) -> int:
    depth = 0
    for i in range(open_index, len(tokens)):
        if tokens[i].subtype == Token.OPEN:
            depth += 1
        elif tokens[i].subtype == Token.CLOSE:
            depth -= 1
            if depth == 0:
                return i
    raise ValueError("unbalanced formula")


def _call(tokens: list[Token], open_index: int) -> tuple[str, int]:
    """The function call opened at ``open_index`` rewritten, and the index of its closing token."""
    token = tokens[open_index]
    name = _name(token)
    spans, close = _arguments(tokens, open_index)
    args = [_expression(tokens[a:b]) for a, b in spans]
    for k, (a, b) in enumerate(spans):  # text typed in or given by an expression: a number or #VALUE! (.typed)
        args[k] = typed_argument(name, k, tokens[a:b], args[k])
    parts = [tokens[a:b] for a, b in spans]
    if name == "INDEX" and not token.value.startswith(":") and not _range_follows(tokens, close):
        whole = whole_slice(parts)  # INDEX(A:B,0,1): A:A, whole, where the engine gives the rows in use (.whole_slices)
        if whole is not None:
            return whole, close
    held = error_arrays(name, parts, args, lambda texts: _call_of(token, name, parts, texts))
    if held is not None:  # VLOOKUP(3,1/0,1,0): the array's error is the answer, as Excel (.error_arrays)
        return held, close
    return _call_of(token, name, parts, args), close


def _call_of(token: Token, name: str, parts: list[list[Token]], args: list[str]) -> str:
    """The call opened by ``token`` of the function ``name``, its arguments' tokens ``parts`` and rewritten texts
    ``args`` (a copy is changed), rewritten."""
    args = list(args)
    for k in TRUNCATED.get(name.removeprefix("_XLR.EACH."), ()):  # T.DIST(1.5,2.7): Excel's df 2 (.truncated)
        if k < len(args) and args[k].strip():
            args[k] = f"{WHOLE}({args[k]})"
    for k in READ_AS_NUMBERS.get(name.removeprefix("_XLR.EACH."), ()):  # LARGE(A1:A3,"abc"): #VALUE! (.truncated)
        if k < len(args) and args[k].strip() and not _NUMBER_TYPED.fullmatch(args[k]):
            args[k] = f"{READ_NUMBER}({args[k]})"
    padded = stacked(token.value, name, args) or columns_filtered(token.value, name, parts, args)
    padded = padded or chosen(token.value, name, parts)
    if padded is not None:  # HSTACK(A1:A2,B1:B3) padded with #N/A (.stacks); FILTER(A1:C4,{1,0,1}) (.filter_columns)
        return padded
    raising: list[str] = []  # criteria holding a call the engine fails given an error (.caught_errors.RAISING)
    if name.endswith(("IF", "IFS")):  # COUNTIF(A1:A4,"<M"): text criteria in Excel's order (.collation)
        raising = unraised_criteria(name, parts, args)  # COUNTIF(A1:A3,MEDIAN(B1:B3)) of an #N/A (.criteria_runtime)
        args, literals = dated_criteria(name, args, [_typed_text(p) for p in parts])  # in 1904 too
        args = keyed_criteria(name, args, literals)
        args = widened_criteria(name, parts, args)  # numbers at 15 digits (.criteria_digits)
        args = numbered_criteria(name, parts, args)  # a cell's "0012345" is 12345 (.criteria)
    if name in ("SORT", "SORTBY"):  # text in Excel's order (.collation)
        ordered = sorted_call(name, args)
        if ordered is not None:
            return ordered
    const = _CONSTANT_ARGUMENT.get(name)
    if const is not None and len(args) > const and not args[const].strip():
        args[const] = "TRUE"  # LINEST(y,x,,TRUE): Excel takes an empty const as its default, TRUE (the engine: 0)
    if name == "CHOOSE" and parts and _may_be_logical(parts[0]):
        args[0] = f"{CHOICE}({args[0]})"
    if name == "VALUE" and len(parts) == 1:  # Excel: VALUE of a blank cell is 0, "$1,000" is 1000
        return date_literal(args[0]) or f"{VALUE}({args[0].strip()})"  # a date typed: in 1904 too (.typed)
    if name == "COUNT":  # Excel: "Arguments that are error values ... are not counted" (the engine passed them on)
        for k, part in enumerate(parts):
            if _may_be_error_value(part):
                args[k] = uncounted_error(part, args[k])
    args = reference_arguments(name, parts, args)  # MODE(A4,..): TRUE left out; COUNTA(INDEX(..,9)): 1 (.typed)
    if name == "INDEX":
        for k in (1, 2):
            if k < len(parts) and _may_be_negative(parts[k]):
                args[k] = f"{INDEXED}({args[k]})"

    def guarded(args: list[str], keyed: bool = False) -> str:
        """The call of ``args`` with the rewrite's guards; ``keyed``: its criteria keyed when the formula runs
        (.criteria_runtime: text, never a number compared at 15 digits)."""
        call = token.value + ",".join(args) + ")"
        if name.startswith("_XLR.EACH."):  # SUM(COUNTIFS(A:A,{"a","b"})): whole columns' true size (.criteria)
            call = each_shaped(name, parts, args, call) or call
        if name in ("COUNTIFS", "SUMIF", "AVERAGEIF"):  # the empty cells the engine does not reach (.criteria)
            call = scanned_call(name, parts, args) or call
        if name in ("SUMIF", "SUMIFS", "AVERAGEIF", "AVERAGEIFS"):  # a matched row's error is the result (.criteria)
            call = error_checked(name, parts, args, call) or call
        if keyed:  # keyed text: no number compared at 15 digits
            pass
        elif name in ("COUNTIF", "COUNTIFS", "SUMIF", "SUMIFS"):  # a typed number at 15 digits (.criteria_digits)
            typed_fix = digits_corrected(name, args, call)
            cells_fix = cell_corrected(name, parts, args, call, typed=typed_fix)
            call = cells_fix or typed_fix or call
        elif name in CRITERIA:  # a cell's number at 15 digits: listed where it matters (.criteria_cells)
            call = cell_corrected(name, parts, args, call) or call
        if name in CRITERIA and not keyed:  # a criterion of more than 15 digits: at 15 digits (.criteria_long)
            call = long_guarded(name, parts, args, call) or call
        guard = size_guard(name, parts) if name.endswith("IFS") else None
        if guard is not None:  # COUNTIFS(A1:A4,"x",B1:B3,"y"): ranges of different sizes are #VALUE! (.criteria)
            call = f"IF({guard},#VALUE!,{call})"
        return call

    call = guarded(args)
    if name.endswith(("IF", "IFS")):  # "<>"&"#N/A", a cell holding "<M": keyed as typed (.criteria_runtime)
        call = runtime_keyed(name, parts, args, guarded) or call
        literals = [_typed_text(p) for p in parts]
        call = date_text_guarded(name, parts, literals, args, call, guarded)  # 45306 over text "2024-01-15"
        call = formatted_guarded(name, literals, args, call)  # "10%" over text "10%"
        call = formatted_number_guarded(name, parts, args, call)  # 0.1 over text "10%" (.criteria_formatted)
        call = error_criteria_guarded(raising, call)  # such a criterion's error: listed (.criteria_runtime)
    if name in ("LINEST", "LOGEST"):  # sizes that do not match #REF!, collinear x's listed (.regression)
        call = regression_guarded(name, args, call) or call
    if name == "INDEX" and parts:  # INDEX(1/0,1,4): the error itself, as Excel (.typed)
        call = index_of_value(parts[0], call, args)
    if name in ("ROWS", "COLUMNS") and len(parts) == 1:  # ROWS(1/0): the error itself, as Excel (.typed)
        call = size_of_value(parts[0], call, args[0])
    searched = _searched(name, args, parts[0] if parts else [])
    if searched is None and name in ("SWITCH", "IFS"):
        searched = logical_call(name, parts, args)
    if searched is not None:
        return searched
    if parts and _may_be_error(parts[0]):
        if (name in _LOOKUPS and not _exact(args)) or name == "SWITCH":
            key = args[0]
            call = f"IF(ISERROR({key}),{key},{call})"
    if name in FIRST_ERROR:  # RANK(1/0,..), LARGE(A1:A3,NA()): the first argument's error (.error_order)
        call = first_error(name, parts, args, call, _may_be_error_or_text)
    call = kinded(name, parts, args, token.value, call)  # ISNA(MEDIAN(A1:A2)) TRUE for its #N/A (.caught_errors)
    return caught(name, parts, call)  # ISERROR(MEDIAN(A1:A2)) TRUE, not MEDIAN's error (.caught_errors)


def _range_follows(tokens: list[Token], close: int) -> bool:
    """Whether the call closed at ``close`` is the start of a range (``INDEX(A:B,0,1):B5``): left as it is."""
    return close + 1 < len(tokens) and tokens[close + 1].value.startswith(":")


def _next_to_arithmetic(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` is an operand of +, -, *, / or ^ (spaces aside)."""
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(tokens) and tokens[k].type == Token.WSPACE:
            k += step
        if 0 <= k < len(tokens) and tokens[k].type in (Token.OP_IN, Token.OP_PRE) and tokens[k].value in "+-*/^":
            return True
    return False


def _may_be_error_value(argument: list[Token]) -> bool:
    """Whether an argument of COUNT may be an error value given directly: an expression or a typed error, not a
    reference (whose error cells the engine already leaves out) nor a typed number, text or logical."""
    return not _bracketed_reference(argument) and any(  # (B2): a reference, COUNT leaves its text out (.typed)
        t.type in (Token.FUNC, Token.OP_IN, Token.OP_PRE, Token.OP_POST, Token.PAREN)
        or (t.type == Token.OPERAND and t.subtype == Token.ERROR)
        for t in argument
    )


def _may_be_error_or_text(argument: list[Token]) -> bool:
    """Whether an argument may be an error, or is typed text (LARGE(A1:A3,"abc"): #VALUE! given first, .truncated)."""
    return _may_be_error(argument) or _typed_text(argument) is not None


def _typed_text(argument: list[Token]) -> str | None:
    """The text of an argument that is typed text alone (``"<M"`` -> ``<M``), else None."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    if len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype == Token.TEXT:
        return inner[0].value[1:-1].replace('""', '"')
    return None


def _may_be_logical(argument: list[Token]) -> bool:
    """Whether CHOOSE's index may be a logical or text (a cell or an expression, not a number typed in)."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    if len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype == Token.NUMBER:
        return False
    first = inner[0] if inner else None
    if first is not None and first.type == Token.FUNC and first.subtype == Token.OPEN and _name(first) in _POSITIONS:
        return _matching(inner, 0) != len(inner) - 1
    return bool(inner)


def _single_cell(argument: list[Token]) -> bool:
    inner = [t for t in argument if t.type != Token.WSPACE]
    return (
        len(inner) == 1
        and inner[0].type == Token.OPERAND
        and inner[0].subtype == Token.RANGE
        and ":" not in inner[0].value
        and _CELL.fullmatch(inner[0].value.rpartition("!")[2]) is not None
    )


def _may_be_negative(argument: list[Token]) -> bool:
    """Whether a row or column number of INDEX may be negative: not empty, a number typed in, a bare multi-cell
    range (left to the engine) or one call of a function giving positions or counts."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    if not inner or (len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype == Token.NUMBER):
        return False
    if len(inner) == 1 and inner[0].type == Token.OPERAND and ":" in inner[0].value:
        return False
    first = inner[0]
    if first.type == Token.FUNC and first.subtype == Token.OPEN and _name(first) in _POSITIONS:
        return _matching(inner, 0) != len(inner) - 1
    return True


def _searched(name: str, args: list[str], key: list[Token]) -> str | None:
    """An approximate lookup as Excel searches it (:mod:`.lookup`), or None to leave the call to the engine.

    A key holding a multi-cell range (an array lookup, or implicit intersection) stays with the engine.
    An exact lookup keeps the engine's answer, checked by :func:`.lookup.exact_lookup` (numbers at 15 digits).
    """
    exact = exact_lookup(name, args)
    if exact is not None:
        return exact
    if not args or any(t.type == Token.OPERAND and t.subtype == Token.RANGE and ":" in t.value for t in key):
        return None
    literal = [a.strip().upper() for a in args]
    if name in _LOOKUPS and len(args) in (3, 4) and not _exact(args):
        k, table, index = args[0], args[1], args[2]
        mode = f",{args[3]}" if len(args) == 4 else ""
        if name == "VLOOKUP":
            return f"INDEX({table},{VPOS}({k},INDEX({table},0,1),{index},COLUMNS({table}){mode}),{index})"
        # INDEX reads its row (the row index) first: an error key goes there, so that it is the result (H7 10)
        row = index if _TYPED_KEY.fullmatch(k) else f"IF(ISERROR({k}),{k},{index})"
        return f"INDEX({table},{row},{HPOS}({k},INDEX({table},1,0),{index},ROWS({table}){mode}))"
    if name == "MATCH" and len(args) in (2, 3) and (len(args) == 2 or literal[2] not in _EXACT_FLAGS):
        return f"{MATCH}({','.join(args)})"
    if name == "XLOOKUP" and 3 <= len(args) <= 6:
        mode = literal[4] if len(args) > 4 and literal[4] else "0"
        search = literal[5] if len(args) > 5 and literal[5] else "1"
        if mode in ("-1", "1") and search in ("1", "-1") or search in ("2", "-2") and mode in ("0", "-1", "1"):
            found = f",{args[3]}" if len(args) > 3 and args[3].strip() else ""
            return f"{XLOOKUP}({args[0]},{args[1]},{args[2]},{mode},{search}{found})"
    if name == "XMATCH" and 2 <= len(args) <= 4:  # next smaller/larger: text and numbers apart, as XLOOKUP (F04)
        mode = literal[2] if len(args) > 2 and literal[2] else "0"
        search = literal[3] if len(args) > 3 and literal[3] else "1"
        if mode in ("-1", "1") and search in ("1", "-1") or search in ("2", "-2") and mode in ("0", "-1", "1"):
            return f"{XMATCH}({args[0]},{args[1]},{mode},{search})"
    return None


def _expression(tokens: list[Token]) -> str:
    """One argument or expression: calls and brackets rewritten, and each operand of ``&`` as Excel's text."""
    items: list[tuple[str, str]] = []  # (kind, text): kind "amp", "cmp", "sep", "text" or "part"
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            text, i = _call(tokens, i)
            items.append(("part", text))
        elif token.type == Token.PAREN and token.subtype == Token.OPEN:
            close = _matching(tokens, i)
            items.append(("part", "(" + _expression(tokens[i + 1 : close]) + ")"))
            i = close
        elif token.type == Token.ARRAY and token.subtype == Token.OPEN:
            close = _matching(tokens, i)
            items.append(("part", "".join(t.value for t in tokens[i : close + 1])))
            i = close
        elif token.type == Token.OP_IN and token.value == "&":
            items.append(("amp", "&"))
        elif token.type == Token.OP_IN and token.value in _COMPARISONS:
            items.append(("cmp", token.value))
        elif token.type == Token.SEP:
            items.append(("sep", token.value))
        elif token.type == Token.OPERAND and token.subtype == Token.TEXT:
            if _FORMATTED_TEXT.search(token.value) and _next_to_arithmetic(tokens, i):
                items.append(("part", f"{VALUE}({token.value})"))  # 1*"1,000": Excel reads the number
            else:
                items.append(("text", token.value))
        elif token.type == Token.OPERAND and token.subtype in (Token.NUMBER, Token.LOGICAL):
            items.append(("literal", token.value))
        elif token.type == Token.OPERAND and token.subtype == Token.RANGE and ":" in token.value:
            items.append(("range", token.value))
        elif token.type == Token.OP_IN and token.value == "^":
            items.append(("pow", "^"))
        elif token.type == Token.OP_PRE:
            items.append(("pre", token.value))
        elif token.type == Token.OP_POST:
            items.append(("post", token.value))
        else:
            items.append(("part", token.value))
        i += 1
    if any(kind == "pow" for kind, _ in items):
        items = powers(items)
    out: list[str] = []
    segment: list[list[tuple[str, str]]] = [[]]  # the operands of the comparisons of one argument
    operators: list[str] = []
    for item in [*items, ("end", "")]:
        if item[0] == "cmp":  # & binds tighter than comparisons
            segment.append([])
            operators.append(item[1])
        elif item[0] in ("sep", "end"):
            out.append(_comparison(segment, operators) + item[1])
            segment, operators = [[]], []
        else:
            segment[-1].append(item)
    return "".join(out)


def _is_trivial(solid: list[tuple[str, str]]) -> bool:
    """An operand that rounding cannot change, nor its partner's rounding: text, a logical, 0, a concatenation."""
    kinds = [kind for kind, _ in solid]
    if "amp" in kinds or kinds == ["text"]:
        return True
    return len(solid) == 1 and kinds[0] == "literal" and bool(_TRIVIAL.match(solid[0][1]))


def _comparison(operands: list[list[tuple[str, str]]], operators: list[str]) -> str:
    """``a = b`` (and <>, <, >, <=, >=) with each operand taken to 15 significant digits, as Excel compares, and text
    in Excel's order (``<``, ``>``, ...: ``_XLR.ORDERED`` and typed text as its key) or equality (case-insensitive
    in every script), see :mod:`.collation`.

    Typed constants are left as they are, and multi-cell ranges but a range compared as a whole with ``=`` or ``<>``
    or with a typed number (one call for all its cells, up to :data:`_MOST_COMPARED`), and a range compared with
    typed text, which the engine would order wrongly.
    """
    texts = [_concatenation(operand) for operand in operands]
    if not operators:
        return texts[0]
    solids = [[(kind, t.strip()) for kind, t in operand if t.strip()] for operand in operands]
    ordering = all(op in _ORDERING for op in operators)
    keyed = typed_keys(solids, texts, ordering) if ordering or all(op in ("=", "<>") for op in operators) else None
    trivial = [_is_trivial(x) for x in solids]
    # text against a typed number or logical orders by type alone: the order of text matters only between texts
    texts_meet = ordering and not any(len(x) == 1 and x[0][0] == "literal" for x in solids)
    wrapper = ORDERED_OPERAND if texts_meet else COMPARED_OPERAND
    out = []
    for k, (solid, text) in enumerate(zip(solids, texts, strict=True)):
        kinds = [kind for kind, _ in solid]
        if keyed is not None and k in keyed:
            out.append(keyed[k])
            continue
        exact = len(solid) == 1 and kinds[0] == "part" and _EXACT_RESULT.match(solid[0][1])
        against_trivial = all(trivial[j] for j in (k - 1, k + 1) if 0 <= j < len(solids))
        # a range typed in, as a whole (SUMPRODUCT(--(A1:A5=0.3))), is taken to 15 digits by one call for all its
        # cells (H2 F21); a whole column or a larger range is left to the engine (a Python value per cell)
        whole = kinds == ["range"] and wrapper == COMPARED_OPERAND and _cells(solid[0][1]) <= _MOST_COMPARED
        if kinds in ([], ["literal"]) or ("range" in kinds and not whole) or exact or trivial[k] or against_trivial:
            out.append(text)
        else:
            out.append(f"{wrapper}({text.strip()})")
    return "".join(t + op for t, op in zip(out, [*operators, ""], strict=True))


#: the most cells of a range an array comparison takes to 15 digits (:func:`_comparison`)
_MOST_COMPARED = 100_000


def _cells(reference: str) -> float:
    """The number of cells of an A1 range typed in (``S!$A$1:$B$5``: 10); infinity for whole columns or rows or
    anything else."""
    area = reference.rpartition("!")[2].replace("$", "")
    try:
        left, top, right, bottom = range_boundaries(area)
    except (ValueError, TypeError):
        return math.inf
    if None in (left, top, right, bottom):
        return math.inf
    return (right - left + 1) * (bottom - top + 1)


def _concatenation(items: list[tuple[str, str]]) -> str:
    """``a & b & ...`` with each operand that is not typed text turned into text as Excel does."""
    pieces: list[list[tuple[str, str]]] = [[]]
    for item in items:
        if item[0] == "amp":
            pieces.append([])
        else:
            pieces[-1].append(item)
    if len(pieces) == 1:
        return "".join(text for _, text in items)
    out = []
    for piece in pieces:
        text = "".join(t for _, t in piece)
        solid = [kind for kind, t in piece if t.strip()]
        if solid == ["literal"] and text.strip().isdigit() and len(text.strip()) <= 15:  # "<="&5: the text "5"
            out.append(f'"{int(text)}"')
            continue
        out.append(text if solid == ["text"] or not solid else f"{TEXT_OPERAND}({text.strip()})")
    if not any(TEXT_OPERAND in piece for piece in out):
        return "&".join(out)
    return f"{JOINED}({'&'.join(out)})"  # past 32,767 characters: #VALUE! (Excel's cell limit, H5)


def _compares_numbers(text: str) -> bool:
    """Whether a formula may compare two numbers (a comparison whose right side is not text, a logical or 0), or
    order typed text (``A1<"M"``), or compare text of other than ASCII letters (``A1="É"``): see :func:`_comparison`.
    """
    if '"' in text and (_TEXT_ORDER.search(text) or (not text.isascii() and _NON_ASCII_HINT.search(text.upper()))):
        return True
    plain = _STRING.sub('""', text[1:])
    return len(_ANY_COMPARISON.findall(plain)) > len(_TRIVIAL_COMPARISON.findall(plain))


def _rewritten(text: str) -> str:
    try:
        tokens = list(Tokenizer(text).items)
        if "XLOOKUP(" in text.upper() and counted_xlookups(tokens):  # COUNT(XLOOKUP(..)): a reference's numbers
            tokens = list(Tokenizer("=" + "".join(t.value for t in tokens)).items)
        return "=" + _expression(tokens)
    except Exception:  # a formula the tokenizer does not understand: the engine decides
        return text


def rewrite_arguments(formula: str) -> str:
    """``formula`` with Excel's argument checks made explicit (see the module docstring).

    >>> rewrite_arguments('=AVERAGE("Hola")')
    '=AVERAGE(_XLR.EACH.VALUE("Hola"))'
    >>> rewrite_arguments("=IFNA(VLOOKUP(A3,A1:B2,2),0)")
    '=IFNA(INDEX(A1:B2,_XLR.VPOS(A3,INDEX(A1:B2,0,1),2,COLUMNS(A1:B2)),2),0)'
    >>> rewrite_arguments("=SUM(A1:A3)")
    '=SUM(A1:A3)'
    """
    text = formula if formula.startswith("=") else "=" + formula
    # the shape's rows are markers (row_shapes): a range's size, which decides a comparison's rewrite, is not in it.
    # The pre-test is made on the shape too, once for a column of filled-down copies (it reads no row number)
    if _large_range(text):
        rewritten = _rewritten(text) if _may_rewrite(text) else text
    else:
        rewritten = shaped(text, _checked_rewritten)
    return rewritten if rewritten != text else formula


def _may_rewrite(text: str) -> bool:
    """False when :func:`_rewritten` cannot change ``text`` (a cheap superset test)."""
    return "&" in text or _compares_numbers(text) or _HINT_UPPER.search(text.upper()) is not None


def _checked_rewritten(text: str) -> str:
    return _rewritten(text) if _may_rewrite(text) else text


_AREA_ROWS = re.compile(r"(?<![\w.])\$?[A-Za-z]{1,3}\$?(\d+):\$?[A-Za-z]{1,3}\$?(\d+)(?![\w(])")


def _large_range(text: str) -> bool:
    """Whether ``text`` holds a range typed in of more rows than a comparison takes to 15 digits (_MOST_COMPARED)."""
    if ":" not in text:  # no range (the pattern's look-behind scan costs 2 us a formula: =IF(G2>0.95,..) filled down)
        return False
    return any(abs(int(b) - int(a)) >= _MOST_COMPARED for a, b in _AREA_ROWS.findall(text))
