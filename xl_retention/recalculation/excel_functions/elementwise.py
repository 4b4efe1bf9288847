"""Functions of single values applied element by element over arrays, where the engine gives #VALUE! or one value.

In an array formula, or inside an argument Excel takes as an array (SUMPRODUCT, INDEX's array, ...),
Excel applies a function of single values to each element of an array argument:
``SUMPRODUCT(MOD(A1:A10,2))`` sums ten remainders. formualizer 0.13 answers #VALUE! for MOD, INT,
ABS, ROUND, YEAR, ... there, and the first element only for VALUE, ISNUMBER and the functions of
this package that read one number (CEILING, DATE, EOMONTH, ...). The rewrite of :mod:`..rewrite`
renames such a call in such a place ``_XLR.EACH.MOD(...)``; this module registers those forms:
Python versions of the engine's functions here, and :func:`.register` the element-by-element form
of every function of this package that reads single values (:data:`OF_PACKAGE`).

Rounding as Excel rounds: the number taken at 15 significant digits, halves away from zero
(``ROUND(2.675, 2)`` is 2.68, where binary floating point gives 2.67), see :mod:`.one_number`; the Python versions
of the engine's functions are in :mod:`.single_values`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from ._core import (
    EACH,
    FUNCTIONS,
    NOT_IMPLEMENTED,
    WHOLE_ARGUMENTS,
    ExcelError,
    Function,
    broadcast,
    engine_call,
    engine_value,
)
from .engine_lifted import ENGINE_LIFTED, LOOKUPS
from .one_number import _power, _value, excel_int, shown, whole  # noqa: F401 (read here by .maths, .multiples)
from .single_values import _BUILTINS, _char, _code, _date_part, _datevalue, _unichar, _weekday
from .statistical import WHOLE_FIRST, WHOLE_SECOND

#: functions of this package that read single values: each gets an element-by-element form
OF_PACKAGE = frozenset(
    "BIN2DEC BIN2HEX BIN2OCT CEILING CEILING.MATH CEILING.PRECISE CONVERT COUPDAYBS COUPDAYS COUPDAYSNC COUPNCD "
    "COUPNUM COUPPCD DATE DB DEC2BIN DEC2HEX DEC2OCT EDATE EOMONTH FLOOR FLOOR.MATH FLOOR.PRECISE FV HEX2BIN HEX2DEC "
    "HEX2OCT HOUR IPMT ISEVEN ISO.CEILING ISODD LEFT LEN LOWER MID MINUTE NPER OCT2BIN OCT2DEC OCT2HEX PMT PPMT PV "
    "RATE REGEXTEST REPT RIGHT SECOND TEXT TIME UPPER VDB YEARFRAC DATEDIF DAYS WEEKNUM NETWORKDAYS WORKDAY DAYS360 "
    "NETWORKDAYS.INTL WORKDAY.INTL IMABS IMAGINARY IMARGUMENT IMREAL IMCONJUGATE IMSQRT IMLN IMLOG10 IMLOG2 IMEXP "
    "IMSIN IMCOS IMTAN IMSEC IMCSC IMCOT IMSINH IMCOSH IMSECH IMCSCH IMDIV IMPOWER IMSUB COMPLEX TIMEVALUE ERROR.TYPE "
    "PERMUTATIONA DISC INTRATE RECEIVED PRICEDISC PRICEMAT YIELDDISC YIELDMAT DURATION MDURATION ODDFPRICE ODDFYIELD "
    "ODDLPRICE ODDLYIELD PRICE YIELD AMORDEGRC AMORLINC BAHTTEXT ENCODEURL REGEXREPLACE LEFTB RIGHTB MIDB LENB "
    "ATAN2".split()
)
#: argument positions a function takes as a whole array (not lifted element by element): LARGE's array, WORKDAY's
#: holidays, INDEX's area; every other argument of a function of :data:`NAMES` is lifted
WHOLE: dict[str, frozenset[int]] = WHOLE_ARGUMENTS
WHOLE.update(
    {
        "NETWORKDAYS": frozenset({2}),
        "WORKDAY": frozenset({2}),
        "NETWORKDAYS.INTL": frozenset({3}),
        "WORKDAY.INTL": frozenset({3}),
        "INDEX": frozenset({0}),
        **dict.fromkeys(WHOLE_FIRST, frozenset({0})),
        **dict.fromkeys(WHOLE_SECOND, frozenset({1})),
    }
)
#: functions that read 1900-system serial numbers (left to the engine in 1904 workbooks)
DATE_READING = frozenset(("YEAR", "MONTH", "DAY", "WEEKDAY", "ISOWEEKNUM", "DATEVALUE"))


#: every function that has an element-by-element form (the engine's here, this package's, the k-forms of
#: :mod:`.statistical`, and the engine's own lifted by the engine, :mod:`.engine_lifted`)
NAMES = frozenset(_BUILTINS) | OF_PACKAGE | WHOLE_FIRST | WHOLE_SECOND | frozenset(ENGINE_LIFTED) | frozenset(LOOKUPS)


def _element(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` on one element as the engine takes it (lighter than :func:`.engine_call`, called per element)."""

    def call(*args: Any) -> Any:
        try:
            result = fn(*args)
        except ExcelError as error:
            return {"type": "Error", "kind": error.code}
        except (ZeroDivisionError, OverflowError, ValueError):
            return {"type": "Error", "kind": "#NUM!"}
        if type(result) is float:
            return result if math.isfinite(result) else {"type": "Error", "kind": "#NUM!"}
        return engine_value(result)

    return call


for _name, (_fn, _low, _high) in _BUILTINS.items():
    FUNCTIONS[EACH + _name] = Function(
        EACH + _name, broadcast(_element(_fn), WHOLE.get(_name, frozenset())), _low, _high
    )


def _fast_part(part: str) -> Callable[[Any], Any]:
    """YEAR, MONTH or DAY of one value: a serial number's answer kept per day (most sheets repeat their dates), any
    other value (a date typed as text, which the engine refuses; a blank; an error) as :func:`_date_part` reads it."""
    slow = _element(_date_part(part))
    known: dict[float, float] = {}

    def call(value: Any) -> Any:
        if type(value) is float:
            found = known.get(value)
            if found is not None:
                return found
            result = slow(value)
            if type(result) is float and 61 <= value < 2958466:
                if len(known) > 100_000:
                    known.clear()
                known[value] = result
            return result
        return slow(value)

    call.__name__ = f"excel_{part}"
    return call


# single values too: Excel reads a date typed as text ("2024-03-01") where the engine says #VALUE!
for _name in ("YEAR", "MONTH", "DAY"):
    FUNCTIONS[_name] = Function(_name, _fast_part(_name.lower()), 1, 1)
FUNCTIONS["WEEKDAY"] = Function("WEEKDAY", _element(_weekday), 1, 2)
# rounded down from the 15 digits Excel shows (=INT(0.29*100) is 29), where the engine's INT gave 28 (:func:`excel_int`)
FUNCTIONS["INT"] = Function("INT", _element(excel_int), 1, 1)
# rounded from the 15 digits Excel shows, halves away from zero (:func:`_rounded`): =ROUND(1E14+0.5,0) is
# 100000000000001 in Excel, where the engine's ROUND gave 100000000000000
FUNCTIONS["ROUND"] = Function("ROUND", _element(_BUILTINS["ROUND"][0]), 2, 2)
for _name in ("QUOTIENT", "FACT", "COMBIN", "PERMUT"):  # truncated from 15 digits (:func:`whole`): engine's binary
    FUNCTIONS[_name] = Function(_name, _element(_BUILTINS[_name][0]), *_BUILTINS[_name][1:])
# spaces anywhere in the text ignored and "" read as 0, as Microsoft's NUMBERVALUE page says (" 3 000 " is 3000), where
# the engine says #VALUE! (H485's finding 03)
# its "not computed" (a text only a decimal-comma Excel reads, its separators not given; a currency sign) noted, as
# CODE's: met element by element (SUMPRODUCT(NUMBERVALUE({"1.2.3","1"}))) the cell is listed, not #VALUE! (H538's 04)
_numbervalue_call = _element(_BUILTINS["NUMBERVALUE"][0])


def _noted_numbervalue(*args: Any) -> Any:
    result = _numbervalue_call(*args)
    if type(result) is dict and result.get("kind") == "NImpl":
        NOT_IMPLEMENTED.note(_noted_numbervalue.__name__)
    return result


_noted_numbervalue.__name__ = "excel_NUMBERVALUE"
FUNCTIONS["NUMBERVALUE"] = Function("NUMBERVALUE", _noted_numbervalue, 1, 3)
FUNCTIONS[EACH + "NUMBERVALUE"] = Function(EACH + "NUMBERVALUE", broadcast(_noted_numbervalue), 1, 3)
#: NUMBERVALUE of one text made when the formula runs (``NUMBERVALUE("1.200."&"000")``, :mod:`.arguments` renames it)
MADE_NUMBERVALUE = "_XLR.MADENUMBERVALUE"


def _made_numbervalue(value: Any) -> Any:
    """NUMBERVALUE of one text made when the formula runs, its separators not given: "not computed" (listed) also for
    a text a decimal-comma Excel reads by VALUE's thousands rule (``1.200.000``: 1200000 there, #VALUE! to an en-US
    Excel), which :mod:`..locale_results` lists typed in or held by a cell but never sees made (H559: #VALUE! with an
    empty reason under ok)."""
    from ..numbervalue_signs import decimal_comma_value  # noqa: PLC0415  (a text read as no number only)

    result = _noted_numbervalue(value)
    if type(result) is dict and result.get("kind") == "#VALUE!" and decimal_comma_value(value, made=True) is not None:
        NOT_IMPLEMENTED.note(_noted_numbervalue.__name__)
        return {"type": "Error", "kind": "NImpl"}
    return result


FUNCTIONS[MADE_NUMBERVALUE] = Function(MADE_NUMBERVALUE, _made_numbervalue, 1, 1)
# a day and month typed without a year ("15-Jan", "1 March"): the current year's date, where the engine says #VALUE!
FUNCTIONS["DATEVALUE"] = Function("DATEVALUE", _element(_datevalue), 1, 1)
# a partial surrogate (55296..57343) is #N/A, where the engine says #VALUE! (IFNA did not catch it)
FUNCTIONS["UNICHAR"] = Function("UNICHAR", broadcast(_element(_unichar)), 1, 1)
# Windows-1252 as Excel for Windows: a character outside it is listed (its code page decides), where the engine gave
# its Unicode number (CODE("Ω") 937, H509's finding 07); CHAR(129) is U+0081 as Windows reads the byte, not U+FFFD
_code_call, _char_call = engine_call(_code), engine_call(_char)
_code_call.__name__, _char_call.__name__ = "excel_CODE", "excel_CHAR"
FUNCTIONS["CODE"] = Function("CODE", broadcast(_code_call), 1, 1)
FUNCTIONS[EACH + "CODE"] = Function(EACH + "CODE", broadcast(_code_call), 1, 1)  # noted: SUMPRODUCT(CODE(A1:A3))
FUNCTIONS["CHAR"] = Function("CHAR", broadcast(_char_call), 1, 1)


def package_forms(functions: dict[str, Function]) -> list[Function]:
    """The element-by-element forms of this package's functions of single values among ``functions``."""
    return [
        Function(
            EACH + name,
            broadcast(functions[name].call, WHOLE.get(name, frozenset())),
            functions[name].min_args,
            functions[name].max_args,
        )
        for name in sorted(OF_PACKAGE)
        if name in functions
    ]
