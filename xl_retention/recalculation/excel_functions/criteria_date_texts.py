"""An equality criterion that is a number (a date, a time) over a range holding the same date or time as text.

Dates pasted into a Text-formatted column stay text ("2024-01-15", "1/2/2024", "12:30"). Excel's COUNTIF, SUMIF and the
-IFS functions read an equality criterion that is a number, or text reading as one, as a number, and the text of the
range's cells too (``COUNTIF(A:A,A2)`` counts 16-digit text ids agreeing in 15 digits as the same number,
:mod:`.criteria_long`); its text-to-number reading takes dates and times (``="2024-01-15"+0`` is 45306). The engine
reads the criterion as a date but the range's text only when it is a plain number: the duplicate check
``COUNTIF($A$2:$A$5,A2)`` of a text date was 0 (not even the cell itself), ``SUMIFS(C:C,A:A,"2024-01-15")`` 0 over text
dates. LibreOffice counts them as Excel does.

The rewrite of :mod:`.arguments` writes such a call (a criterion that may be an equality on a number: typed, a cell,
an expression; not an ordering, not an array) twice, ``IF(<test>, <call over keyed ranges>, <call>)``. The test asks
the engine's own cached wildcard counts whether the range holds text with ``-``, ``/``, ``:`` or a space (which every
date or time text the engine does not read holds) and only then Python (``_XLR.DATETEXTS``) whether one of those texts
is the criterion's number. The keyed call gives the range through ``_XLR.DATEKEYS`` (those texts made the criterion's
number) and the criterion through ``_XLR.DATEKEY`` (a date or time text made its number), both in the workbook's date
system (``DATE(1904,1,1)``: 1462 in the 1900 system, 0 in the 1904 one).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from openpyxl.formula.tokenizer import Token

from ._core import FUNCTIONS, Function, engine_call, matrix, plain_number
from .collation import _CRITERIA
from .criteria_rewrites import not_one_value
from .typed import EPOCH_1904, date_serial

__all__ = ["date_text_guarded"]

DATE_TEXTS, DATE_KEYS, DATE_KEY = "_XLR.DATETEXTS", "_XLR.DATEKEYS", "_XLR.DATEKEY"
EQUAL_NUMBER = "_XLR.EQUALNUMBER"
_EPOCH = "DATE(1904,1,1)"
#: characters every date or time text the engine does not read as a number holds (one at least)
_MARKS = ("-", "/", ":", " ")


def _single(value: Any) -> Any:
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], list) and len(value[0]) == 1:
        return value[0][0]  # a one-cell range as the engine passes it
    return value


def _shift(epoch: Any) -> float:
    """Days to take off a 1900-system date serial in the workbook's date system (``epoch``: its DATE(1904,1,1))."""
    if isinstance(epoch, (int, float)) and not isinstance(epoch, bool):
        return EPOCH_1904 - float(epoch)
    return 0.0


def date_text(value: Any, shift: float = 0.0) -> float | None:
    """The serial number of text reading as a date or a time (not a number written plainly or with %, $, thousands),
    ``shift`` days taken off a date (the 1904 date system); None for anything else.

    >>> date_text("2024-01-15"), date_text("1/2/2024"), round(date_text("12:30"), 6), date_text("2024-01-15", 1462.0)
    (45306.0, 45293.0, 0.520833, 43844.0)
    >>> date_text("45306"), date_text("$5"), date_text("x"), date_text(45306.0), date_text("-5"), date_text("name 2")
    (None, None, None, None, None, None)
    >>> date_text("15 Jan 2024"), date_text("January 15, 2024"), round(date_text("12:30 PM"), 6)
    (45306.0, 45306.0, 0.520833)
    """
    if not isinstance(value, str) or not any(mark in value for mark in _MARKS):
        return None
    found = _serial(value)
    if found is None:
        return None
    serial, is_date = found
    return serial - shift if is_date else serial


#: the words a date or time text may hold (months as Excel reads them in en-US, AM/PM, ISO's T): any other word
#: ("name 2", "Acme Ltd") is no date, told without trying every date format
_WORDS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september "
    "october november december am pm a p t".split()
)
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=65536)
def _serial(value: str) -> tuple[float, bool] | None:
    """(serial in the 1900 system, whether a date) of text reading as a date or a time, else None."""
    if any(word.lower() not in _WORDS for word in _WORD.findall(value)):
        return None
    serial = date_serial(value)
    if serial is not None:
        return serial, True
    if ":" not in value:
        return None
    from .text_numbers import text_to_number  # noqa: PLC0415  (text_numbers imports this package's core only)

    number = text_to_number(value)
    return None if isinstance(number, str) or number < 0 else (number, False)


def equal_number(criterion: Any, epoch: Any = None) -> tuple[str, float] | None:
    """(operator, number) of a criterion that is an equality on a number: a number, or text ``[=|<>]`` followed by a
    plain number or a date or time (:func:`date_text`); None for anything else (an ordering, other text, a logical).

    >>> equal_number(45306.0), equal_number("=2024-01-15", 1462.0), equal_number("<>12:00"), equal_number(">5")
    (('', 45306.0), ('=', 45306.0), ('<>', 0.5), None)
    >>> equal_number(" 5"), equal_number("x"), equal_number(True), equal_number("="), equal_number([["1/2/2024"]])
    (None, None, None, None, ('', 45293.0))
    """
    criterion = _single(criterion)
    if isinstance(criterion, bool) or criterion is None:
        return None
    if isinstance(criterion, (int, float)):
        return ("", float(criterion)) if math.isfinite(criterion) else None
    if not isinstance(criterion, str):
        return None
    operator = "<>" if criterion.startswith("<>") else "=" if criterion.startswith("=") else ""
    if not operator and criterion[:1] in ("<", ">"):
        return None
    rest = criterion[len(operator) :]
    if not rest or rest != rest.strip():
        return None
    number = plain_number(rest)  # "1_000" no number (Python's float() reads it)
    if number is None:
        number = date_text(rest, _shift(epoch))
    return None if number is None or not math.isfinite(number) else (operator, number)


def _fifteen(number: float) -> float:
    return float(f"{number:.15g}")


_SERIALS: dict[Any, list[list[float | None]]] = {}


def _serials(area: list[list[Any]], shift: float) -> list[list[float | None]]:
    """Each cell's :func:`date_text` (at 15 digits), row by row; the last few areas' are kept (a criterion filled down
    a column reads the same range in every row)."""
    try:
        ident = (shift, tuple(map(tuple, area)))
        known = _SERIALS.get(ident)
    except TypeError:  # an error value (a dict) in the range: not kept
        ident, known = None, None
    if known is not None:
        return known
    out = []
    for row in area:
        serials = []
        for value in row:
            serial = date_text(value, shift) if isinstance(value, str) else None
            serials.append(None if serial is None else _fifteen(serial))
        out.append(serials)
    if ident is not None:
        if len(_SERIALS) >= 4:
            _SERIALS.pop(next(iter(_SERIALS)))
        _SERIALS[ident] = out
    return out


def date_texts(area: Any, criterion: Any, epoch: Any) -> bool:
    """Whether ``area`` holds text reading as a date or time equal to ``criterion``'s number (an equality).

    >>> date_texts([["2024-01-15"], ["x"]], "2024-01-15", 1462.0), date_texts([["2024-01-15"]], ">1", 1462.0)
    (True, False)
    """
    wanted = equal_number(criterion, epoch)
    if wanted is None:
        return False
    number = _fifteen(wanted[1])
    return any(serial == number for row in _serials(matrix(area), _shift(epoch)) for serial in row)


def date_keys(area: Any, criterion: Any, epoch: Any) -> Any:
    """``area`` with each text reading as ``criterion``'s number (an equality: :func:`equal_number`) made that
    number, as Excel compares it; the rest as it is.

    >>> date_keys([["2024-01-15"], ["1/2/2024"], [5.0]], "=2024-01-15", 1462.0)
    [[45306.0], ['1/2/2024'], [5.0]]
    >>> date_keys([["2024-01-15"]], "2024*", 1462.0)
    [['2024-01-15']]
    """
    wanted = equal_number(criterion, epoch)
    if wanted is None:
        return area
    number, grid = wanted[1], matrix(area)
    fifteen = _fifteen(number)
    serials = _serials(grid, _shift(epoch))
    return [
        [number if serial == fifteen else value for value, serial in zip(row, keys, strict=True)]
        for row, keys in zip(grid, serials, strict=True)
    ]


def date_key(criterion: Any, epoch: Any) -> Any:
    """``criterion`` as the engine should be given it over :func:`date_keys`: an equality on a date or time text as
    its number (in the workbook's date system), anything else as it is.

    >>> date_key("2024-01-15", 0.0), date_key("<>2024-01-15", 1462.0), date_key("x", 1462.0), date_key(7.0, 0.0)
    (43844.0, '<>45306', 'x', 7.0)
    """
    wanted = equal_number(criterion, epoch)
    if wanted is None:
        return _single(criterion)
    operator, number = wanted
    return number if operator != "<>" else "<>" + _exact(number)


def _exact(number: float) -> str:
    """``number`` written so that reading it back gives the same float (``45306``, ``0.5208333333333334``)."""
    text = repr(number)
    return text[:-2] if text.endswith(".0") else text


FUNCTIONS[DATE_TEXTS] = Function(DATE_TEXTS, engine_call(date_texts), 3, 3)
FUNCTIONS[EQUAL_NUMBER] = Function(EQUAL_NUMBER, engine_call(lambda c: equal_number(c) is not None), 1, 1)
FUNCTIONS[DATE_KEYS] = Function(DATE_KEYS, engine_call(date_keys), 3, 3)
FUNCTIONS[DATE_KEY] = Function(DATE_KEY, engine_call(date_key), 2, 2)


def _may_equal_number(argument: list[Token], literal: str | None) -> bool:
    """Whether a criterion (its tokens; ``literal``: its text when typed text alone) may be an equality on a number:
    typed text that is one (``"2024-01-15"``, ``"<>5"``), a number typed in, a cell or an expression other than an
    ordering built with ``&`` (``">="&F1``); never a logical or error typed in or an array."""
    if literal is not None:
        return equal_number(literal) is not None
    inner = [t for t in argument if t.type != Token.WSPACE]
    if not inner:
        return False
    first = inner[0]
    if not_one_value(inner):  # D1:D1, INDEX(D1:D2,1): one value, as D1 (.criteria_rewrites.not_one_value)
        return False
    if len(inner) == 1 and first.type == Token.OPERAND:
        return first.subtype in (Token.NUMBER, Token.RANGE)
    if first.type == Token.OPERAND and first.subtype == Token.TEXT:
        text = first.value[1:-1]
        return not (text[:1] in ("<", ">") and not text.startswith("<>"))
    return True


def _at_run_time(argument: list[Token], literal: str | None) -> bool:
    """Whether a criterion's value is known only when the formula runs (not a number or text typed in)."""
    inner = [t for t in argument if t.type != Token.WSPACE]
    return literal is None and not (len(inner) == 1 and inner[0].subtype == Token.NUMBER)


def date_text_guarded(
    name: str, parts: list[list[Token]], literals: list[str | None], args: list[str], call: str, wrapped: Any
) -> str:
    """``call`` (the criteria function ``name``; ``parts``: its arguments' tokens, ``literals`` their typed text,
    ``args`` their rewritten texts) as ``IF(<test>, <keyed call>, call)`` (see the module docstring); the keyed call
    is made by ``wrapped(args, True)`` (the rewrite's other guards). ``call`` itself when no criterion may be an
    equality on a number.

    >>> from openpyxl.formula import Tokenizer
    >>> parts = [[t] for t in list(Tokenizer("=COUNTIF(A1:A4,A2)").items)[1:-1] if t.type != Token.SEP]
    >>> guarded = date_text_guarded("COUNTIF", parts, [None, None], ["A1:A4", "A2"], "COUNTIF(A1:A4,A2)",
    ...                             lambda a, *_: "COUNTIF(" + ",".join(a) + ")")
    >>> guarded.startswith('IF(OR(IF(IF(ISNUMBER(A2),TRUE,IF(ISTEXT(A2),_XLR.EQUALNUMBER(A2),FALSE)),IF(COUNTIF(')
    True
    >>> guarded.endswith("COUNTIF(_XLR.DATEKEYS(A1:A4,A2,DATE(1904,1,1)),_XLR.DATEKEY(A2,DATE(1904,1,1))),"
    ...                  "COUNTIF(A1:A4,A2))")
    True
    """
    layout = _CRITERIA.get(name)
    if layout is None:
        return call
    first, step = layout
    keyed, tests = list(args), []
    for k in range(first, min(len(args), len(parts)) - 1, step):
        if not _may_equal_number(parts[k + 1], literals[k + 1] if k + 1 < len(literals) else None):
            continue
        area, criterion = args[k].strip(), args[k + 1].strip()
        marked = "+".join(f'COUNTIF({area},"*{mark}*")' for mark in _MARKS)
        test = f"IF({marked},{DATE_TEXTS}({area},{criterion},{_EPOCH}),FALSE)"
        if _at_run_time(parts[k + 1], literals[k + 1] if k + 1 < len(literals) else None):  # "Acme Ltd" over names:
            # the range (read in Python) only for a criterion that is a number or such text (one Python call: text)
            maybe = f"IF(ISNUMBER({criterion}),TRUE,IF(ISTEXT({criterion}),{EQUAL_NUMBER}({criterion}),FALSE))"
            test = f"IF({maybe},{test},FALSE)"
        tests.append(test)
        keyed[k] = f"{DATE_KEYS}({area},{criterion},{_EPOCH})"
        keyed[k + 1] = f"{DATE_KEY}({criterion},{_EPOCH})"
    if not tests:
        return call
    if name in ("SUMIF", "AVERAGEIF") and len(args) == 2:
        keyed.append(args[0].strip())  # the range's own values are summed, not its keys
    return f"IF(OR({','.join(tests)}),{wrapped(keyed, True)},{call})"


# --- criteria arrays (one answer each: .criteria.each_criterion) ------------------------------------------------------
def each_date_keyed(
    values: list[list[Any]], wanted: list[list[Any]], shift: float = 0.0
) -> tuple[list[list[Any]], list[list[Any]]] | None:
    """For the criteria array ``wanted`` over a range's ``values`` (``SUMPRODUCT(1/COUNTIF(A2:A9,A2:A9))``, the count
    of distinct values): (the values with each date or time text made its number, ``wanted`` with each element that is
    an equality on one of those numbers made that number, other elements None), or None when there is none. ``shift``:
    the days a 1900-system serial is ahead of the workbook's (1462 in the 1904 date system).

    >>> each_date_keyed([["2024-01-15"], ["x"], ["1/2/2024"]], [["2024-01-15", "x", 5.0, 45293.0]])
    ([[45306.0], ['x'], [45293.0]], [[45306.0, None, None, 45293.0]])
    >>> each_date_keyed([["x"]], [["2024-01-15"]]) is None
    True
    """
    serials = _serials(values, shift)
    present = {serial for row in serials for serial in row if serial is not None}
    if not present:
        return None
    keys: list[list[Any]] = []
    for row in wanted:
        out = []
        for criterion in row:
            equal = equal_number(criterion, EPOCH_1904 - shift)
            number = None if equal is None else _fifteen(equal[1])
            if number is None or number not in present:
                out.append(None)
            else:
                out.append(number if equal[0] != "<>" else "<>" + _exact(number))
        keys.append(out)
    if all(key is None for row in keys for key in row):
        return None
    keyed = [
        [value if serial is None else serial for value, serial in zip(row, row_serials, strict=True)]
        for row, row_serials in zip(values, serials, strict=True)
    ]
    return keyed, keys
