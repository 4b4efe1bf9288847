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
from typing import Any

from openpyxl.formula.tokenizer import Token

from ._core import FUNCTIONS, Function, engine_call, is_error
from .criteria import CRITERIA, _is_array, criteria_positions
from .criteria_digits import bounds
from .criteria_long import LONG_REFUSED
from .criteria_values import numbered

NEAR = "_XLR.NEAR"
EDGE = "_XLR.EDGE"


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
        return f"IF(ISNUMBER({number}),OR({number}<>INT({number}),ABS({number})>=1E+15),{operator})"
    return f"{NEAR}({criterion})"


def cell_corrected(name: str, parts: list[list[Token]], args: list[str], call: str) -> str | None:
    """``call`` (a criteria function ``name`` with rewritten ``args``; ``parts``: its arguments' tokens) guarded for
    a number criterion given when the formula runs (see the module docstring); None when it has none.

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
    if name in ("COUNTIF", "COUNTIFS") and (name == "COUNTIFS" or len(args) == 2) and len(args) % 2 == 0:
        head, pairs, same = "COUNTIFS(", [(args[k], args[k + 1], k + 1) for k in range(0, len(args), 2)], None
    elif name == "SUMIFS" and len(args) >= 3 and len(args) % 2:
        head, pairs, same = f"SUMIFS({args[0]},", [(args[k], args[k + 1], k + 1) for k in range(1, len(args), 2)], None
    elif name == "SUMIF" and len(args) in (2, 3):
        summed = args[2] if len(args) == 3 and args[2] else args[0]
        head, pairs = f"SUMIFS({summed},", [(args[0], args[1], 1)]
        shapes = f"AND(ROWS({summed})=ROWS({args[0]}),COLUMNS({summed})=COLUMNS({args[0]}))"
        same = None if summed == args[0] else shapes
    else:  # AVERAGEIF(S), MAXIFS, MINIFS, a call of the wrong size: listed where the correction is needed
        return f"IF(OR({','.join(tests)}),{LONG_REFUSED}(),{call})"
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
