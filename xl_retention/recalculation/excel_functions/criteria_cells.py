"""A number criterion given by a cell or a formula (``COUNTIF(A:A,F1)``), matched at 15 significant digits as in Excel.

Excel's COUNTIF, SUMIF and the -IFS functions compare numbers at 15 significant digits (:mod:`.criteria_digits`,
which corrects a number typed in the formula): over A1:A3 = ``=0.1+0.2``, ``0.3``, ``=3*0.1`` and F1 = 0.3,
``COUNTIF(A1:A3,F1)`` is 3 in Excel; the engine compared the exact binary values (1). A 16-digit id held as a
number (``1234567890123456``, written by a program) is equal to Excel to the other numbers of the same first 15
digits (``1234567890123457``), as a 16-digit text id is (:mod:`.criteria_long`).

The criterion's value is known only when the formula runs, so the rewrite of :mod:`.arguments` guards the call:
``IF(<test>, call + _XLR.NEAR(c) * (<in c's 15-digit interval> - <equal to c exactly>), call)``, the two counts
(or sums) made by the -IFS form with ``_XLR.EDGE(c, k)``: ``">="`` and ``"<="`` the number itself (k = 0, 1), then
the edges of its interval (k = 2, 3: :func:`.criteria_digits.bounds`). ``_XLR.NEAR`` is 1 for a criterion that is
a number (a number-like text, ``"=0.3"``) whose interval holds other numbers a range may hold: one with a fraction,
or of 1E+15 or more; -1 for ``"<>0.3"``; 0 for anything else, which leaves the engine's call alone (a whole number
below 1E+15 is compared exactly: a range holding a whole number's float noise, ``=1.1*100``, is the one case left,
for the speed of the common duplicate check ``COUNTIF(A:A,A2)`` over whole-number ids). The test of a cell's
criterion is made by the engine's own functions (:func:`_test`: no call of Python per formula, but for a text that
begins with ``<>`` or ``=``: a cell holding ``<>0.3`` is matched at 15 digits as the typed ``"<>0.3"`` is); of any
other, by ``_XLR.NEAR``. Where two criteria of one
call need it, or in AVERAGEIF(S), MAXIFS and MINIFS, the cell is listed as one the engine cannot compute
(``_XLR.LONGREFUSED``) and keeps Excel's value.
"""

from __future__ import annotations

import math
import re
from typing import Any

from openpyxl.formula.tokenizer import Token

from ...sheet_names import SHEET
from ..text_literals import LITERALS as _TEXTS
from ._core import FUNCTIONS, Function, engine_call, is_error
from .criteria import CRITERIA, criteria_positions
from .criteria_digits import bounds
from .criteria_long import LONG_REFUSED
from .criteria_rewrites import _is_array
from .criteria_values import numbered

NEAR = "_XLR.NEAR"
NEAR_WHOLE = "_XLR.NEARWHOLE"
EDGE = "_XLR.EDGE"
_REFERENCE = re.compile(r"(?:" + SHEET + r"!)?\$?[A-Z]{1,3}\$?\d*:\$?[A-Z]{1,3}\$?\d*(?![\w(])")
#: how :func:`_test` asks whether a cell's number is too large to be compared exactly (a whole number below it is,
#: until :func:`whole_corrected` finds a range holding a whole number's float noise)
_LARGE = ">=1E+15)"
_BEFORE_EDGE = "," + EDGE + "("
_AREA = re.compile(r"(?:" + SHEET + r"!)?\$?[A-Z]{1,3}\$?\d*(?::\$?[A-Z]{1,3}\$?\d*)?")


def _number(criterion: Any) -> tuple[int, float] | None:
    """(1 for equality or -1 for ``<>``, the number) of a criterion that is a number or compares with one."""
    if isinstance(criterion, list) and len(criterion) == 1 and isinstance(criterion[0], list) and criterion[0]:
        criterion = criterion[0][0]  # a one-cell range as the engine passes it
    if isinstance(criterion, bool) or criterion is None or is_error(criterion):
        return None
    sign = 1
    if isinstance(criterion, str):
        text = criterion
        if text.startswith("<>"):
            sign, text = -1, text[2:]
        elif text.startswith("="):
            text = text[1:]
        if not text or text != text.strip() or (len(text.lstrip("+-0")) > 15 and text.lstrip("+-0").isdigit()):
            return None  # a 16-digit text id: matched by its 15-digit wildcard (.criteria_long)
        criterion = numbered(text)
        if isinstance(criterion, str):
            return None
    if not isinstance(criterion, (int, float)) or not math.isfinite(criterion):
        return None
    return sign, float(criterion)


def near_whole(criterion: Any) -> float:
    """:func:`near` for a range holding a whole number's float noise (``=1.1*100``): a whole number below 1E+15 needs
    the correction too (only 0 never does). See :func:`whole_corrected`.

    >>> near_whole(110.0), near_whole("<>12"), near_whole(0.0), near_whole("x")
    (1.0, -1.0, 0.0, 0.0)
    """
    found = _number(criterion)
    if found is None or found[1] == 0:
        return 0.0
    return float(found[0])


def near(criterion: Any) -> float:
    """1 (equality) or -1 (``<>``) where the criterion's number needs the 15-digit correction, else 0.

    >>> near(0.3), near("<>0.3"), near(1234567890123456.0), near(12.0), near("x"), near("1234567890123456"), near(True)
    (1.0, -1.0, 1.0, 0.0, 0.0, 0.0, 0.0)
    """
    found = _number(criterion)
    if found is None:
        return 0.0
    sign, value = found
    if value == 0 or (value == int(value) and abs(value) < 1e15):
        return 0.0
    return float(sign)


def edge(criterion: Any, which: Any) -> str:
    """The ordering criterion ``which`` (0: ``>=`` the number, 1: ``<=`` it, 2: ``>=`` the low edge of its 15-digit
    interval, 3: ``<=`` the high edge) written with 17 digits; ``"<>"`` matches what ``"="`` does here.

    >>> edge(0.3, 0), edge(0.3, 1), edge("<>0.3", 2), edge(0.3, 3)
    ('>=0.3', '<=0.3', '>=0.29999999999999954', '<=0.3000000000000005')
    """
    found = _number(criterion)
    if found is None:  # never used: _XLR.NEAR is 0 then
        return ""
    value = found[1]
    low, high = bounds(value)
    k = int(which)
    return (">=", "<=", ">=", "<=")[k] + repr((value, value, low, high)[k])


FUNCTIONS[NEAR] = Function(NEAR, engine_call(near), 1, 1)
FUNCTIONS[NEAR_WHOLE] = Function(NEAR_WHOLE, engine_call(near_whole), 1, 1)
FUNCTIONS[EDGE] = Function(EDGE, engine_call(edge), 2, 2)


def _candidate(argument: list[Token]) -> bool:
    """Whether a criterion argument may be a number given when the formula runs: a cell, a name or an expression,
    or ``"="&F1`` / ``"<>"&F1``; not a value typed in (.criteria_digits), ``">="&F1`` (widened there), an array."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    if not inner or _is_array(argument):
        return False
    first = inner[0]
    if len(inner) == 1 and first.type == Token.OPERAND and first.subtype != Token.RANGE:
        return False
    if first.type == Token.OPERAND and first.subtype == Token.TEXT:
        return len(inner) > 1 and inner[1].value == "&" and first.value[1:-1] in ("=", "<>")
    return True


def _plain(argument: list[Token]) -> str | None:
    """The reference of a criterion that is one cell or name (``F1``, ``$F$1``, ``Rate``), else None."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    if len(inner) == 1 and inner[0].type == Token.OPERAND and inner[0].subtype == Token.RANGE:
        return None if ":" in inner[0].value else inner[0].value
    return None


def _test(criterion: str, plain: bool) -> str:
    """Whether the criterion needs the correction, as the engine tests it: a cell's with its own functions (a number
    with a fraction or of 1E+15 or more: no call of Python in the common duplicate check ``COUNTIF(A:A,A2)``), any
    other's (``"="&F1``, an expression, a number-like text) with ``_XLR.NEAR``."""
    if plain:
        number = f"--{criterion}"  # a number-like text too ("0.3"); the sign of the correction is _XLR.NEAR's
        # a text "<>0.3" or "=0.3" held by the cell: tested by _XLR.NEAR (a text of no operator never calls it)
        starts = f'OR(LEFT({criterion},2)="<>",LEFT({criterion},1)="=")'
        operator = f"IF(ISTEXT({criterion}),IF({starts},{NEAR}({criterion})<>0,FALSE),FALSE)"
        return f"IF(ISNUMBER({number}),OR({number}<>INT({number}),ABS({number}){_LARGE},{operator})"
    return f"{NEAR}({criterion})"


def _both_intervals(
    name: str, args: list[str], found: list[int], raw: dict[int, str], parts: list[list[Token]]
) -> str | None:
    """COUNTIF(S) or SUMIFS with one criterion held by a cell (``found``) and one number typed in as an equality
    (``16``, ``"=0.5"``) written with both as their 15-digit intervals (what Excel's comparison matches): the -IFS
    call with ``area,_XLR.EDGE(F1,2),area,_XLR.EDGE(F1,3)`` and ``area,">=low",area,"<=high"``; None for anything
    else (SUMIF, another criterion typed as ``"<>"``, two cells)."""
    from .criteria_digits import _equality

    if len(found) != 1 or name not in ("COUNTIF", "COUNTIFS", "SUMIFS"):
        return None
    if name == "SUMIFS":
        head, start = [args[0]], 1
    else:
        head, start = [], 0
    pairs = [(args[k], args[k + 1], k + 1) for k in range(start, len(args) - 1, 2)]
    typed = [(j, e) for j, (_, c, k) in enumerate(pairs) if k != found[0] and (e := _equality(c)) is not None]
    if len(typed) != 1 or typed[0][1][0] != "=":
        return None
    out = list(head)
    for area, criterion, k in pairs:
        if k == found[0]:
            out += [area, f"{EDGE}({raw[k]},2)", area, f"{EDGE}({raw[k]},3)"]
        elif k == pairs[typed[0][0]][2]:
            low, high = bounds(typed[0][1][1])
            out += [area, f'">={low!r}"', area, f'"<={high!r}"']
        else:
            out += [area, criterion]
    return f"{'COUNTIFS' if name != 'SUMIFS' else 'SUMIFS'}({','.join(out)})"


def _interval_called(
    name: str, args: list[str], found: list[int], raw: dict[int, str], tests: list[str], call: str
) -> str:
    """AVERAGEIF(S), MAXIFS or MINIFS ``call`` (rewritten ``args``) for criteria ``found`` held by cells (``raw``, their
    ``tests`` of :func:`_test`): where a criterion's number needs the 15-digit correction and is an equality (``F1`` =
    0.3, not a text ``"<>0.3"``), the call's -IFS form with that criterion replaced by its interval (``">="`` the low
    edge and ``"<="`` the high one: :func:`edge`), which matches what Excel's 15-digit comparison does; a ``"<>"``
    criterion needing it, or an AVERAGEIF averaging a range of another shape than its criteria range, is listed
    (``_XLR.LONGREFUSED``, Excel's value kept). The error of a matched row of the averaged range is the result, as in
    ``call`` (:func:`.matched_errors.error_checked`)."""
    from openpyxl.formula import Tokenizer

    from .matched_errors import error_checked

    refused = f"{LONG_REFUSED}()"
    if name == "AVERAGEIF" and len(args) in (2, 3):
        averaged = args[2] if len(args) == 3 and args[2] else args[0]
        head, pairs, target = [averaged], [[args[0], args[1]]], "AVERAGEIFS"
        shapes = f"AND(ROWS({averaged})=ROWS({args[0]}),COLUMNS({averaged})=COLUMNS({args[0]}))"
        same = None if averaged == args[0] else shapes
        places = {1: 0}
    elif name in ("AVERAGEIFS", "MAXIFS", "MINIFS") and len(args) >= 3 and len(args) % 2:
        head, pairs, target, same = [args[0]], [[args[k], args[k + 1]] for k in range(1, len(args), 2)], name, None
        places = {k: (k - 1) // 2 for k in range(2, len(args), 2)}
    else:
        return f"IF(OR({','.join(tests)}),{refused},{call})"
    corrected = call
    for k in reversed(found):
        pair = pairs[places[k]]
        edges = [pair[0], f"{EDGE}({raw[k]},2)", pair[0], f"{EDGE}({raw[k]},3)"]
        new_args = head + [a for p in pairs for a in (edges if p is pair else p)]
        interval = f"{target}({','.join(new_args)})"
        if target != "MAXIFS" and target != "MINIFS":
            parts = [list(Tokenizer("=" + a).items) for a in new_args]
            interval = error_checked(target, parts, new_args, interval) or interval
        fixed = interval if same is None else f"IF({same},{interval},{refused})"
        corrected = f"IF({tests[found.index(k)]},IF({NEAR}({raw[k]})=1,{fixed},{refused}),{corrected})"
    if len(found) > 1:  # two criteria at 15 digits at once: not corrected one by one
        corrected = f"IF(ABS({')+ABS('.join(tests)})>1,{refused},{corrected})"
    return corrected


def cell_corrected(
    name: str, parts: list[list[Token]], args: list[str], call: str, typed: str | None = None
) -> str | None:
    """``call`` (a criteria function ``name`` with rewritten ``args``; ``parts``: its arguments' tokens) guarded for
    a number criterion given when the formula runs (see the module docstring); None when it has none. ``typed``: the
    call corrected for a number typed in as a criterion (:func:`.criteria_digits.digits_corrected`): kept where no
    criterion given when the formula runs needs the correction, listed (``_XLR.LONGREFUSED``) where one does (two
    criteria at 15 digits at once).

    >>> from openpyxl.formula import Tokenizer
    >>> parts = [[t] for t in list(Tokenizer("=COUNTIF(A1:A3,F1)").items)[1:-1] if t.type != Token.SEP]
    >>> cell_corrected("COUNTIF", parts, ["A1:A3", "F1"], "COUNTIF(A1:A3,F1)")
    'IF(IF(ISNUMBER(--F1),OR(--F1<>INT(--F1),ABS(--F1)>=1E+15),IF(ISTEXT(F1),IF(OR(LEFT(F1,2)="<>",LEFT(F1,1)="="),_XLR.NEAR(F1)<>0,FALSE),FALSE)),COUNTIF(A1:A3,F1)+_XLR.NEAR(F1)*(COUNTIFS(A1:A3,_XLR.EDGE(F1,2),A1:A3,_XLR.EDGE(F1,3))-COUNTIFS(A1:A3,_XLR.EDGE(F1,0),A1:A3,_XLR.EDGE(F1,1))),COUNTIF(A1:A3,F1))'
    """
    if name not in CRITERIA:
        return None
    args = [a.strip() for a in args]
    found = [k for k in criteria_positions(name, len(args)) if k < len(parts) and _candidate(parts[k])]
    if not found:
        return None
    raw = {k: _plain(parts[k]) or args[k] for k in found}  # a cell's criterion read as it is (not through NUMBERED)
    tests = [_test(raw[k], _plain(parts[k]) is not None) for k in found]
    if typed is not None:  # COUNTIFS(A:A,F1,B:B,16): both criteria's intervals at once, where both are equalities
        both = _both_intervals(name, args, found, raw, parts)
        refused = f"{LONG_REFUSED}()"
        if both is not None:
            refused = f"IF({NEAR}({raw[found[0]]})=1,{both},{refused})"
        return f"IF(OR({','.join(tests)}),{refused},{typed})"
    if name in ("COUNTIF", "COUNTIFS") and (name == "COUNTIFS" or len(args) == 2) and len(args) % 2 == 0:
        head, pairs, same = "COUNTIFS(", [(args[k], args[k + 1], k + 1) for k in range(0, len(args), 2)], None
    elif name == "SUMIFS" and len(args) >= 3 and len(args) % 2:
        head, pairs, same = f"SUMIFS({args[0]},", [(args[k], args[k + 1], k + 1) for k in range(1, len(args), 2)], None
    elif name == "SUMIF" and len(args) in (2, 3):
        summed = args[2] if len(args) == 3 and args[2] else args[0]
        head, pairs = f"SUMIFS({summed},", [(args[0], args[1], 1)]
        shapes = f"AND(ROWS({summed})=ROWS({args[0]}),COLUMNS({summed})=COLUMNS({args[0]}))"
        same = None if summed == args[0] else shapes
    else:  # AVERAGEIF(S), MAXIFS, MINIFS: the interval's call itself (a "<>" criterion or a call of the wrong size
        return _interval_called(name, args, found, raw, tests, call)  # listed where the correction is needed)
    corrected = call
    for k in reversed(found):
        j = next(i for i, p in enumerate(pairs) if p[2] == k)
        area, criterion = pairs[j][0], raw[k]
        rest = [f"{r},{c}" for i, (r, c, _) in enumerate(pairs) if i != j]
        exact = head + ",".join([f"{area},{EDGE}({criterion},0),{area},{EDGE}({criterion},1)", *rest]) + ")"
        interval = head + ",".join([f"{area},{EDGE}({criterion},2),{area},{EDGE}({criterion},3)", *rest]) + ")"
        fixed = f"{call}+{NEAR}({criterion})*({interval}-{exact})"
        if same is not None:
            fixed = f"IF({same},{fixed},{LONG_REFUSED}())"
        corrected = f"IF({tests[found.index(k)]},{fixed},{corrected})"
    if len(found) > 1:  # two criteria at 15 digits at once: not corrected one by one
        corrected = f"IF(ABS({')+ABS('.join(tests)})>1,{LONG_REFUSED}(),{corrected})"
    return corrected


def whole_corrected(formula: str) -> str | None:
    """``formula`` (given to the engine) with its criteria held by cells corrected for whole numbers too (``F1`` =
    110 matches ``=1.1*100``, as at 15 digits in Excel), or None when it has none: the form :func:`cell_corrected`
    makes, where a whole number below 1E+15 is compared exactly for speed, used where a criteria range holds such
    float noise (:func:`noisy`).

    >>> whole_corrected("IF(IF(ISNUMBER(--F1),OR(--F1<>INT(--F1),ABS(--F1)>=1E+15),FALSE),_XLR.NEAR(F1),1)")
    'IF(IF(ISNUMBER(--F1),OR(--F1<>INT(--F1),ABS(--F1)>=0),FALSE),_XLR.NEARWHOLE(F1),1)'
    """
    if _LARGE not in formula and NEAR + "(" not in formula:
        return None
    return formula.replace(_LARGE, ">=0)").replace(NEAR + "(", NEAR_WHOLE + "(")


def criteria_areas(formula: str) -> list[str] | None:
    """The criteria ranges of the corrected calls in ``formula`` (those before ``_XLR.EDGE``), as written; None when
    one is not a plain reference (a name, OFFSET(...)): then any may hold noise.

    >>> criteria_areas("COUNTIFS($A$2:$A$9,_XLR.EDGE(F1,2),'My data'!B:B,_XLR.EDGE(F1,3))")
    ['$A$2:$A$9', "'My data'!B:B"]
    >>> criteria_areas("COUNTIFS(Ids,_XLR.EDGE(F1,2))") is None
    True
    >>> criteria_areas('IF(F1>=1E+15),_XLR.LONGREFUSED(),COUNTIFS(B1:B5,">=16.0",A:A,F1))')
    ['B1:B5', 'A:A']
    """
    found = []
    end = formula.find(_BEFORE_EDGE)
    while end >= 0:
        start = max(formula.rfind(",", 0, end), formula.rfind("(", 0, end)) + 1
        if _AREA.fullmatch(formula, start, end) is None:
            return None
        found.append(formula[start:end])
        end = formula.find(_BEFORE_EDGE, end + 1)
    if not found:  # a call corrected for a typed number (COUNTIFS(A:A,F1,B:B,16)): every reference it makes
        found = [m.group(0) for m in _REFERENCE.finditer(_TEXTS.sub('""', formula))]
    return found


def noisy(values: Any) -> bool:
    """Whether ``values`` hold a whole number's float noise: a number that is not whole but is a whole number below
    1E+15 at 15 significant digits (``=1.1*100``, 110.00000000000001).

    >>> noisy([1.0, "x", None, 0.5]), noisy([110.00000000000001]), noisy([True])
    (False, True, False)
    """
    for value in values:
        if type(value) is float and abs(value) < 1e15 and not value.is_integer():
            if float(f"{value:.15g}").is_integer():
                return True
    return False
