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
  :mod:`.joined_texts`): Excel writes a number into text with 15 significant digits (``=""&0.1+0.2`` is
  "0.3"), the engine with up to 17 ("0.30000000000000004");
* each operand of a comparison (``=``, ``<>``, ``<``, ``>``, ``<=``, ``>=``) that is a cell or
  an expression becomes ``_XLR.COMPARED(operand)`` (registered in :mod:`.maths`): Excel compares
  numbers at 15 significant digits (``=0.1+0.2=0.3`` is TRUE there, FALSE in the engine).

Formulas that need none of this come back unchanged (the same string), most of them after one
regular-expression test, without tokenizing. The tokens' reading is in :mod:`.argument_tokens`, the approximate
lookups' rewrite in :mod:`.approximate_lookups`, the comparisons' and ``&``'s in :mod:`.compared_operands`.
"""

from __future__ import annotations

import re

from openpyxl.formula import Tokenizer
from openpyxl.formula.tokenizer import Token

from ..xlookup_references import counted_xlookups
from .approximate_lookups import _LOOKUPS, _exact, _searched
from .argument_tokens import (
    _arguments,
    _matching,
    _may_be_error,
    _may_be_error_or_text,
    _may_be_error_value,
    _may_be_logical,
    _may_be_negative,
    _name,
    _next_to_arithmetic,
    _range_follows,
    _typed_text,
)
from .caught_errors import HINT as _CAUGHT_HINT
from .caught_errors import caught, kinded
from .collation import keyed_criteria, sorted_call
from .compared_operands import _compares_numbers, _comparison, _large_range
from .criteria import CRITERIA
from .criteria_cells import cell_corrected
from .criteria_date_texts import date_text_guarded
from .criteria_digits import digits_corrected, widened_criteria
from .criteria_formatted import formatted_number_guarded
from .criteria_long import long_guarded
from .criteria_rewrites import each_shaped, scanned_call, size_guard
from .criteria_runtime import error_criteria_guarded, formatted_guarded, runtime_keyed, unraised_criteria
from .criteria_values import dated_criteria, numbered_criteria, tilde_criteria
from .elementwise import MADE_NUMBERVALUE
from .error_arrays import error_arrays
from .error_order import FIRST_ERROR, first_error
from .filter_columns import columns_filtered
from .logical import logical_call
from .matched_errors import error_checked
from .powers import powers
from .regression import regression_guarded
from .row_shapes import shaped
from .stacks import chosen, stacked
from .truncated import READ_AS_NUMBERS, READ_NUMBER, TRUNCATED, WHOLE
from .typed import HINT as _TYPED_HINT
from .typed import date_literal, index_of_value, reference_arguments, size_of_value, typed_argument, uncounted_error
from .whole_slices import whole_slice

#: the position of the ``const`` argument of the regression functions, whose empty form Excel reads as TRUE
_CONSTANT_ARGUMENT = {"LINEST": 2, "LOGEST": 2, "TREND": 3, "GROWTH": 3}
#: VALUE as Excel reads text ("$1,000", "1,234.5", "10%", a blank cell 0; see .elementwise)
VALUE = "_XLR.EACH.VALUE"
#: a number typed as text with a thousands separator, a currency sign or brackets (the engine reads only plain ones)
_FORMATTED_TEXT = re.compile(r'^\s*"[\s(+$-]*[\d.,]*\d[\d.,]*[\s%)]*"\s*$')
#: CHOOSE's index as Excel reads it (TRUE is 1, numeric text its number; see .logical)
CHOICE = "_XLR.CHOICE"
#: the registered function that refuses a negative row or column number of INDEX with #VALUE! (see .lookup)
INDEXED = "_XLR.INDEXED"
_COMPARISONS = frozenset(("=", "<>", "<", ">", "<=", ">="))
#: a number typed in as an argument (LARGE(A1:A9,2)): nothing to read
_NUMBER_TYPED = re.compile(r"\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?\s*", re.IGNORECASE)
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
        args, literals = tilde_criteria(name, args, [_typed_text(p) for p in parts])  # "x~y" is xy
        args, literals = dated_criteria(name, args, literals)  # in 1904 too
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
    if name == "NUMBERVALUE" and len(parts) == 1 and _made_text(parts[0]):  # "1.200."&"000": listed (.elementwise)
        return f"{MADE_NUMBERVALUE}({args[0].strip()})"
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


def _made_text(argument: list[Token]) -> bool:
    """Whether an argument is a text made when the formula runs (``"1.200."&"000"``, ``A3&"000"``): not one value
    typed in, not one cell or range, no array typed in."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    single = len(inner) == 1 and inner[0].type == Token.OPERAND
    return bool(inner) and not single and not any(t.type == Token.ARRAY for t in inner)


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


def _rewritten(text: str) -> str:
    try:
        tokens = list(Tokenizer(text).items)
        if "XLOOKUP(" in text.upper() and counted_xlookups(tokens):  # COUNT(XLOOKUP(..)): a reference's numbers
            tokens = list(Tokenizer("=" + "".join(t.value for t in tokens)).items)
        return "=" + _expression(tokens)
    except Exception:  # a formula the tokenizer does not understand: the engine decides
        return text


def every_comparison_rewritten(formula: str) -> tuple[str, list[str]]:
    """``formula`` rewritten with every operand of its comparisons at 15 digits, a whole column's too, and the large
    ranges compared (:func:`.compared_operands.full_comparisons`; :mod:`..large_comparisons` calls it where a large
    range holds a number that is not its own 15 digits).

    >>> every_comparison_rewritten("=SUMPRODUCT(--(A:A>=C1))")
    ('=SUMPRODUCT(--(_XLR.ORDERED(A:A)>=_XLR.ORDERED(C1)))', ['A:A'])
    """
    from .compared_operands import full_comparisons  # noqa: PLC0415

    return full_comparisons(formula, _rewritten)


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
