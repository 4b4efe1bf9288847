"""Criteria of more than 15 significant digits: Excel compares them, and the cells, as numbers of 15 digits.

Excel's COUNTIF and SUMIF read a criterion that is a number or number-like text ("1234567890123456", a 16-digit id
held as text) as a number, and the number-like text of the range's cells too, with Excel's 15 significant digits:
the digits past the fifteenth become zeros ("If you type a number that contains more than 15 digits, any digits
past the fifteenth are changed to zeros"), and numbers are compared at 15 significant digits. Two 16-digit text ids
that agree in their first 15 digits are the same to COUNTIF (exceljet, "Count long numbers": COUNTIF(A:A,A2) counts
"1234567890123456" and "1234567890123457" as duplicates); the engine compared them exactly (1 where Excel says 2).

A criterion given by a cell (``COUNTIF(A:A,A2)``, the duplicate check, in any criteria function) that is text of
more than 15 digits is given to the engine as the wildcard of its first 15 significant digits (``"123456789012345?"``:
:func:`.criteria_values.numbered`), which matches the texts Excel reads as the same number; the call stays the
engine's own (a COUNTIF wrapped in anything else is computed cell by cell, many times slower). A long number typed in
the formula is rarer: the rewrite of :mod:`.arguments` guards such a COUNTIF, SUMIF or one-pair COUNTIFS or SUMIFS,
``IF(_XLR.LONG(c), _XLR.COUNTIF15(range, c), <the engine's call>)``, computed here exactly; the other criteria
functions given one are the engine's "not implemented" error: the cell is listed and keeps Excel's value.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl.formula.tokenizer import Token

from ._core import FUNCTIONS, ExcelError, Function, check, engine_call, is_error, matrix
from .criteria import CRITERIA, criteria_positions

LONG = "_XLR.LONG"
COUNTIF15 = "_XLR.COUNTIF15"
SUMIF15 = "_XLR.SUMIF15"
LONG_REFUSED = "_XLR.LONGREFUSED"
#: formualizer's "not implemented" error kind: the cell is listed as one the engine cannot compute
_NOT_IMPLEMENTED = "NImpl"


def _plain_number(text: str) -> Decimal | None:
    """``text`` as a plain number (digits, sign, point, exponent: what the engine reads as a number too), else None."""
    if not text or text != text.strip() or not any(c.isdigit() for c in text):
        return None
    if any(c not in "0123456789+-.eE" for c in text):
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _digits(value: Decimal) -> int:
    return len(value.normalize().as_tuple().digits)


def is_long(criterion: Any) -> bool:
    """Whether ``criterion`` is a number or number-like text Excel reads at 15 significant digits differently from
    its exact value: more than 15 significant digits, or 1E+15 and above (a 16-digit id ending in 0).

    >>> is_long("1234567890123456"), is_long(0.1 + 0.2), is_long("12345"), is_long(0.3), is_long(">5"), is_long(True)
    (True, True, False, False, False, False)
    """
    if isinstance(criterion, bool) or criterion is None:
        return False
    if isinstance(criterion, (int, float)):
        if not math.isfinite(criterion):
            return False
        value = Decimal(repr(float(criterion)))
    elif isinstance(criterion, str):
        parsed = _plain_number(criterion)
        if parsed is None:
            return False
        value = parsed
    else:
        return False
    return value != 0 and (_digits(value) > 15 or abs(value) >= Decimal("1E15"))


def _key(value: Any) -> float | None:
    """A cell's or criterion's number as Excel compares it here: a number at 15 significant digits (rounded), number
    text with its digits past the fifteenth made zeros; None for anything else (other text, logicals, blanks)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(f"{float(value):.15g}") if math.isfinite(value) else None
    if not isinstance(value, str):
        return None
    parsed = _plain_number(value)
    if parsed is None:
        return None
    sign, digits, exponent = parsed.as_tuple()
    if len(digits) > 15:
        exponent += len(digits) - 15
        digits = digits[:15]
    return float(Decimal((sign, digits, exponent)))


_KEYS: dict[Any, list[float | None]] = {}


def _keys(area: list[list[Any]]) -> list[float | None]:
    """Each cell's :func:`_key`, row by row; the last few areas' keys are kept (a criterion filled down a column
    reads the same range in every row)."""
    try:
        ident = tuple(map(tuple, area))
        known = _KEYS.get(ident)
    except TypeError:  # an error value (a dict) in the range: not kept
        ident, known = None, None
    if known is not None:
        return known
    keys = [_key(item) for row in area for item in row]
    if ident is not None:
        if len(_KEYS) >= 4:
            _KEYS.pop(next(iter(_KEYS)))
        _KEYS[ident] = keys
    return keys


def _matches(area: Any, criterion: Any) -> list[bool]:
    check(criterion)
    wanted = _key(criterion)
    return [key is not None and key == wanted for key in _keys(matrix(area))]


def countif15(area: Any, criterion: Any) -> float:
    """COUNTIF(area, criterion) for a long number criterion (:func:`is_long`): the cells equal to it at 15 digits.

    >>> countif15([["1234567890123456"], ["1234567890123457"], ["x"], [1234567890123450.0]], "1234567890123456")
    3.0
    """
    return float(sum(_matches(area, criterion)))


def sumif15(area: Any, criterion: Any, summed: Any = None) -> float:
    """SUMIF(area, criterion, [sum_range]) for a long number criterion: the numbers of ``summed`` (the same shape as
    ``area``; another shape is not computed here) in the rows that match; an error there is the result.

    >>> sumif15([["1234567890123456"], ["1234567890123457"], ["7"]], "1234567890123459", [[2.0], [3.0], [4.0]])
    5.0
    """
    block = matrix(area if summed is None else summed)
    shape = matrix(area)
    if len(block) != len(shape) or any(len(a) != len(b) for a, b in zip(block, shape, strict=True)):
        raise ExcelError(_NOT_IMPLEMENTED)
    total = 0.0
    for matched, item in zip(_matches(area, criterion), (v for row in block for v in row), strict=True):
        if not matched:
            continue
        if is_error(item):
            check(item)
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            total += float(item)
    return total


def _refused(*_: Any) -> Any:
    raise ExcelError(_NOT_IMPLEMENTED)


def refusing(name: str) -> Callable[..., Any]:
    """The engine's call of a refusing function registered as ``name``: its not-implemented error noted under
    ``name`` (:data:`._core.NOT_IMPLEMENTED`), so that a cell holding several refusals tells which one refused it
    (:func:`..rewrite_refusals.name_refusals`)."""
    call = engine_call(_refused)
    call.__name__ = call.__qualname__ = name
    return call


FUNCTIONS[LONG] = Function(LONG, engine_call(is_long), 1, 1)
FUNCTIONS[COUNTIF15] = Function(COUNTIF15, engine_call(countif15), 2, 2)
FUNCTIONS[SUMIF15] = Function(SUMIF15, engine_call(sumif15), 2, 3)
FUNCTIONS[LONG_REFUSED] = Function(LONG_REFUSED, refusing(LONG_REFUSED), 0, 0)


def _may_be_long(argument: list[Token]) -> bool:
    """Whether a criterion argument is a long number typed in (a cell's is read by .criteria_values.numbered)."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    if len(inner) != 1 or inner[0].type != Token.OPERAND or inner[0].subtype not in (Token.TEXT, Token.NUMBER):
        return False
    value = inner[0].value
    return is_long(value[1:-1].replace('""', '"') if inner[0].subtype == Token.TEXT else value)


def long_guarded(name: str, parts: list[list[Token]], args: list[str], call: str) -> str | None:
    """``call`` (a criteria function ``name`` with rewritten ``args``; ``parts``: its arguments' tokens) guarded for
    a long number criterion typed in (see the module docstring), or None when it has none.

    >>> from openpyxl.formula import Tokenizer
    >>> parts = [[t] for t in list(Tokenizer('=COUNTIF(A1:A7,"1234567890123456")').items)[1:-1] if t.type != Token.SEP]
    >>> long_guarded("COUNTIF", parts, ["A1:A7", '"1234567890123456"'], 'COUNTIF(A1:A7,"1234567890123456")')
    'IF(_XLR.LONG("1234567890123456"),_XLR.COUNTIF15(A1:A7,"1234567890123456"),COUNTIF(A1:A7,"1234567890123456"))'
    """
    if name not in CRITERIA:
        return None
    positions = [k for k in criteria_positions(name, len(args)) if k < len(parts) and _may_be_long(parts[k])]
    if not positions:
        return None
    raw = [arg.strip() for arg in args]
    for k in positions:  # typed in: read as Excel read it, the digits past the fifteenth made zeros (as text)
        token = next(t for t in parts[k] if t.type != Token.WSPACE)
        raw[k] = token.value if token.subtype == Token.TEXT else f'"{token.value}"'
    tests = [f"{LONG}({raw[k]})" for k in positions]
    test = tests[0] if len(tests) == 1 else f"OR({','.join(tests)})"
    pairs = len(args) // 2 if name == "COUNTIFS" else (len(args) - 1) // 2 if name == "SUMIFS" else 1
    if name in ("COUNTIF", "COUNTIFS") and pairs == 1 and len(args) == 2:
        computed = f"{COUNTIF15}({raw[0]},{raw[1]})"
    elif name == "SUMIF" and len(args) in (2, 3):
        computed = f"{SUMIF15}({','.join(raw)})" if len(args) == 2 or raw[2] else f"{SUMIF15}({raw[0]},{raw[1]})"
    elif name == "SUMIFS" and len(args) == 3:
        computed = f"{SUMIF15}({raw[1]},{raw[2]},{raw[0]})"
    else:
        computed = f"{LONG_REFUSED}()"
    return f"IF({test},{computed},{call})"
