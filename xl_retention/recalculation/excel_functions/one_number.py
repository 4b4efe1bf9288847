"""One number as the engine's functions of single values read it, and Excel's rounding of it, for :mod:`.elementwise`.

Rounding as Excel rounds: the number taken at 15 significant digits, halves away from zero
(``ROUND(2.675, 2)`` is 2.68, where binary floating point gives 2.67). Split from :mod:`.elementwise` verbatim;
:mod:`.elementwise` re-exports ``_value``, ``_power``, ``whole``, ``excel_int`` and ``shown``, which other modules
read there.
"""

from __future__ import annotations

import math
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from ._core import ExcelError, check, fifteen, number
from .text_numbers import text_to_number


def _value(value: Any) -> float:
    """A number as the engine's functions of one number read it: text is parsed as VALUE parses it."""
    check(value)
    if isinstance(value, str):
        parsed = text_to_number(value)
        if isinstance(parsed, str):
            raise ExcelError("#VALUE!")
        return float(parsed)
    return number(value)


def _date_value(value: Any) -> float:
    """A date argument: as :func:`_value`, but text that is no date of Excel's calendar (before 1900) is #VALUE!."""
    if isinstance(value, str):
        parsed = text_to_number(value)
        if isinstance(parsed, str) or parsed < 0:
            raise ExcelError("#VALUE!")
        return float(parsed)
    return _value(value)


def _decimal(value: float) -> Decimal:
    return Decimal(f"{fifteen(value):.15g}")


def _rounded(value: Any, digits: Any, mode: str) -> float:
    """ROUND, ROUNDUP or ROUNDDOWN from the 15 digits Excel shows (``=ROUND(1E14+0.5,0)`` is 100000000000001); a
    number of places far past the value's digits either way (``=ROUND(2.5,400)`` is 2.5, ``=ROUND(1E300,-400)`` 0).

    >>> _rounded(1e14 + 0.5, 0, ROUND_HALF_UP), _rounded(2.675, 2, ROUND_HALF_UP), _rounded(2.5, 400, ROUND_HALF_UP)
    (100000000000001.0, 2.68, 2.5)
    >>> _rounded(1e301, 0, ROUND_HALF_UP), _rounded(1234.5, -1, ROUND_HALF_UP), _rounded(1e300, -400, ROUND_HALF_UP)
    (1e+301, 1230.0, 0.0)
    """
    x, places = _value(value), int(max(-400.0, min(400.0, _value(digits))))
    if not math.isfinite(x):
        raise ExcelError("#NUM!")
    step = Decimal(1).scaleb(-places)
    with localcontext() as context:  # room for 1E308 at 400 places, either way
        context.prec, context.Emax, context.Emin = 800, 999_999, -999_999
        return (
            float(_decimal(x).quantize(step, rounding=mode))
            if places >= 0
            else float((_decimal(x) / step).quantize(Decimal(1), rounding=mode) * step)
        )


def excel_int(value: Any) -> float:
    """INT(number) as Excel computes it: the number rounded down from the 15 significant digits Excel shows of it
    (:func:`shown`), not from its binary value: ``=INT(0.29*100)`` is 29, as ``=TRUNC(0.29*100)`` and
    ``=ROUNDDOWN(0.29*100,0)`` are, where the engine's INT gave 28 (0.29*100 is 28.999999999999996, shown as 29).

    Excel's answers, reported from Excel 2003 and 2007 (microsoft.public.excel.worksheet.functions, "INT defect":
    ``=INT(123456789-0.0000004)`` is 123456789 and ``=A4-123456789=0`` is TRUE) and Excel 2016 (Apache POI bug 65792,
    ``=INT(880000000*0.00849/3)`` is 2490400, the 15 digits of 2490399.9999999995); from 1E14 on, where the 16th digit
    is the first decimal, INT rounds half away from zero as those digits do (``=INT(10^14+0.5)`` is 100000000000001).

    >>> excel_int(0.29 * 100), excel_int(-0.29 * 100), excel_int(2.7), excel_int(-2.5), excel_int(123456789 - 0.0000004)
    (29.0, -29.0, 2.0, -3.0, 123456789.0)
    >>> excel_int(123456789 - 0.0000005), excel_int(10**14 + 0.5), excel_int(0.999999999999999), excel_int("3.5")
    (123456788.0, 100000000000001.0, 0.0, 3.0)
    """
    x = value if type(value) is float else _value(value)
    low = math.floor(x)
    margin = abs(x) * 1e-14  # more than the 15 digits' rounding of x can move it: no whole number within reach
    if x == low or (x - low > margin and low + 1 - x > margin):
        return float(low)
    return float(math.floor(shown(x)))


def shown(x: float) -> float:
    """``x`` at the 15 significant digits Excel shows (halves away from zero, from the exact binary value).

    >>> shown(0.29 * 100), shown(2490399.9999999995), shown(0.1), shown(-28.999999999999996), shown(3.0)
    (29.0, 2490400.0, 0.1, -29.0, 3.0)
    """
    if x.is_integer() or not math.isfinite(x):
        return x
    exact = Decimal(x)
    return float(exact.quantize(Decimal(1).scaleb(exact.adjusted() - 14), rounding=ROUND_HALF_UP))


def whole(x: float) -> float:
    """``x`` truncated toward zero from its 15 digits (:func:`shown`), as :func:`excel_int` rounds down: QUOTIENT, FACT,
    COMBIN, PERMUT, GCD, LCM, ISEVEN and ISODD (``QUOTIENT(0.6,0.2)`` is 3 as ``TRUNC(0.6/0.2)``; LibreOffice alike).

    >>> whole(0.6 / 0.2), whole(-0.6 / 0.2), whole(2.9999), whole(-2.5), whole(880000000 * 0.00849 / 3)
    (3.0, -3.0, 2.0, -2.0, 2490400.0)
    """
    low = math.trunc(x)
    if x == low or abs(x - round(x)) > abs(x) * 1e-14:  # no whole number within the 15 digits' reach
        return float(low)
    return float(math.trunc(shown(x)))


def _mod(n: Any, d: Any) -> float:
    """MOD as the engine's plain MOD and Excel give it: the exact remainder of the binary numbers, with the divisor's
    sign (``math.fmod``), not ``n - d*FLOOR(n/d)`` of the rounded quotient: ``MOD(281.44, 0.02)`` is 0.0199999... (Excel
    2010 on: 0.02, the quotient 14071.99999999999959 floored), where the rounded quotient 14072 gave 0 in an array
    formula only; unlike INT, no 15 digits are taken (Excel stores 0.99999999999999978 for ``MOD((1.2-1)/0.2,1)``).

    >>> _mod(281.44, 0.02), _mod(-3, 2), _mod(3, -2), _mod(0.9, 0.3), _mod(-281.44, 0.02)
    (0.019999999999991868, 1.0, -1.0, 5.551115123125783e-17, 8.132383655379272e-15)
    """
    x, y = _value(n), _value(d)
    if y == 0:
        raise ExcelError("#DIV/0!")
    remainder = math.fmod(x, y)
    if remainder != 0 and (remainder < 0) != (y < 0):
        remainder += y
    return remainder


def _power(base: Any, exponent: Any) -> float:
    x, y = _value(base), _value(exponent)
    if x == 0 and y == 0:
        raise ExcelError("#NUM!")
    if x == 0 and y < 0:
        raise ExcelError("#DIV/0!")
    if x < 0 and y != int(y):
        raise ExcelError("#NUM!")
    return x**y


def _trunc(value: Any, digits: Any = 0.0) -> float:
    return _rounded(value, digits, ROUND_DOWN)
