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
(``ROUND(2.675, 2)`` is 2.68, where binary floating point gives 2.67).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal, localcontext
from typing import Any

from ._core import (
    EACH,
    FUNCTIONS,
    WHOLE_ARGUMENTS,
    ExcelError,
    Function,
    boolean,
    broadcast,
    check,
    engine_value,
    fifteen,
    is_error,
    matrix,
    number,
    text,
)
from .dates import serial_to_date
from .day_counts import weeknum
from .engine_lifted import ENGINE_LIFTED, LOOKUPS
from .multiples import mround
from .statistical import WHOLE_FIRST, WHOLE_SECOND
from .text import _MIXED_FRACTION, text_to_number

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


def _positive(fn: Callable[[float], float], allow_zero: bool = False) -> Callable[[Any], float]:
    def call(value: Any) -> float:
        x = _value(value)
        if x < 0 or (x == 0 and not allow_zero):
            raise ExcelError("#NUM!")
        return fn(x)

    return call


def _trunc(value: Any, digits: Any = 0.0) -> float:
    return _rounded(value, digits, ROUND_DOWN)


def _weekday(serial: Any, kind: Any = 1.0) -> float:
    day, mode = int(_date_value(serial)), int(_value(kind))
    if day < 0:
        raise ExcelError("#NUM!")
    sunday_first = (day - 1) % 7  # serial 1 (1 January 1900) is a Sunday in Excel's calendar
    if mode == 1:
        return float(sunday_first + 1)
    if mode == 2 or mode == 11:
        return float((sunday_first + 6) % 7 + 1)
    if mode == 3:
        return float((sunday_first + 6) % 7)
    if 12 <= mode <= 17:  # 12: Tuesday first ... 17: Sunday first
        return float((sunday_first - (mode - 10) % 7) % 7 + 1)
    raise ExcelError("#NUM!")


def _date_part(part: str) -> Callable[[Any], float]:
    def call(value: Any) -> float:
        serial = _date_value(value)
        if serial < 0:
            raise ExcelError("#NUM!")
        if int(serial) == 60 and part != "year":  # Excel's 29 February 1900
            return 2.0 if part == "month" else 29.0
        if int(serial) == 0 and part != "year":  # Excel's 0 January 1900
            return 1.0 if part == "month" else 0.0
        if serial < 1:
            return 1900.0
        return float(getattr(serial_to_date(serial), part))

    return call


def _value_of(value: Any) -> float:
    check(value)
    if value is None:
        return 0.0
    if isinstance(value, bool):
        raise ExcelError("#VALUE!")
    return _value(value)


def _n(value: Any) -> Any:
    if is_error(value):
        return value
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    return float(value) if isinstance(value, (int, float)) else 0.0


def _even_odd(odd: bool) -> Callable[[Any], float]:
    def call(value: Any) -> float:
        x = _value(value)
        size = math.ceil(abs(x))
        if odd:
            size = size if size % 2 == 1 else size + 1
        elif size % 2 == 1:
            size += 1
        return float(size if x >= 0 else -size)

    return call


def _fact(value: Any) -> float:
    x = whole(_value(value))
    if x < 0:
        raise ExcelError("#NUM!")
    return float(math.factorial(int(x)))


def _log(value: Any, base: Any = 10.0) -> float:
    x, b = _value(value), _value(base)
    if x <= 0 or b <= 0:
        raise ExcelError("#NUM!")
    if b == 1:
        raise ExcelError("#DIV/0!")
    return math.log(x) / math.log(b)


def _mround(value: Any, multiple: Any) -> float:
    return mround(_value(value), _value(multiple))  # noting a call whose Excel answer is not certain (.multiples)


def _quotient(numerator: Any, denominator: Any) -> float:
    x, y = _value(numerator), _value(denominator)
    if y == 0:
        raise ExcelError("#DIV/0!")
    return whole(x / y)


def _unit(fn: Callable[[float], float]) -> Callable[[Any], float]:
    def call(value: Any) -> float:
        x = _value(value)
        if not -1 <= x <= 1:
            raise ExcelError("#NUM!")
        return fn(x)

    return call


def _t(value: Any) -> Any:
    check(value)
    return value if isinstance(value, str) else ""


def _choices(permutations: bool) -> Callable[[Any, Any], float]:
    def call(number_: Any, chosen: Any) -> float:
        n, k = int(whole(_value(number_))), int(whole(_value(chosen)))
        if n < 0 or k < 0 or k > n:
            raise ExcelError("#NUM!")
        return float(math.perm(n, k) if permutations else math.comb(n, k))

    return call


def _code(value: Any, unicode: bool = False) -> float:
    """CODE (the character's number in Windows-1252, as Excel for Windows) or UNICODE of the first character."""
    check(value)
    first = text(value)[:1]
    if not first:
        raise ExcelError("#VALUE!")
    if unicode:
        return float(ord(first))
    try:
        return float(first.encode("cp1252")[0])
    except UnicodeEncodeError:
        return 63.0  # "?", as Excel shows a character outside its code page


def _char(value: Any) -> str:
    n = math.trunc(_value(value))
    if not 1 <= n <= 255:
        raise ExcelError("#VALUE!")
    try:
        return bytes([n]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(n)


def _unichar(value: Any) -> str:
    """UNICHAR: 0 or beyond U+10FFFF #VALUE!; a partial surrogate (55296..57343) #N/A, as Microsoft's UNICHAR page
    says ("If Unicode numbers are partial surrogates ..., UNICHAR returns the #N/A error value")."""
    n = math.trunc(_value(value))
    if not 1 <= n <= 0x10FFFF:
        raise ExcelError("#VALUE!")
    if 0xD800 <= n <= 0xDFFF:
        raise ExcelError("#N/A")
    return chr(n)


_DECIMAL = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PLAIN_NUMBER = re.compile(r"\s*[-+]?[$(]?[-+]?[\d,]*\.?\d*(?:[eE][-+]?\d+)?%?\)?\s*")


def _datevalue(value: Any) -> float:
    """DATEVALUE: the date of a date typed as text (a time alone is day 0); a number, or text of a plain number,
    is #VALUE!."""
    check(value)
    if not isinstance(value, str) or _PLAIN_NUMBER.fullmatch(value) or _MIXED_FRACTION.fullmatch(value.strip()):
        raise ExcelError("#VALUE!")  # "1 1/2": a number, no date
    parsed = text_to_number(value)
    if isinstance(parsed, str) or parsed < 0:
        raise ExcelError("#VALUE!")
    return float(math.floor(parsed))


def _numbervalue(value: Any, decimal: Any = ".", group: Any = ",") -> float:
    """NUMBERVALUE(text, [decimal_separator], [group_separator]): blanks and spaces ignored, group separators
    before the decimal one left out, each trailing % a division by 100; anything else #VALUE!."""
    check(value)
    point, comma = text(decimal)[:1], text(group)[:1]
    if not point or point == comma:
        raise ExcelError("#VALUE!")
    body = "".join(text(value).split())
    if not body:
        return 0.0
    stripped = body.rstrip("%")
    percents = len(body) - len(stripped)
    whole, found, fraction = stripped.partition(point)
    if comma and comma in fraction:
        raise ExcelError("#VALUE!")
    candidate = (whole.replace(comma, "") if comma else whole) + ("." + fraction if found else "")
    if _DECIMAL.fullmatch(candidate) is None:
        raise ExcelError("#VALUE!")
    return float(candidate) / 100**percents


def _bits(op: Callable[[int, int], int]) -> Callable[[Any, Any], float]:
    def call(a: Any, b: Any) -> float:
        x, y = _value(a), _value(b)
        if any(v < 0 or v != int(v) or v >= 2**48 for v in (x, y)):
            raise ExcelError("#NUM!")
        return float(op(int(x), int(y)))

    return call


def _in(low: float, high: float, fn: Callable[[float], float], open_ends: bool = False) -> Callable[[Any], float]:
    def call(value: Any) -> float:
        x = _value(value)
        if x < low or x > high or (open_ends and x in (low, high)):
            raise ExcelError("#NUM!")
        return fn(x)

    return call


def _normal(value: Any, cumulative: Any = True) -> float:
    x = _value(value)
    if boolean(cumulative):
        return 0.5 * math.erfc(-x / math.sqrt(2))
    return math.exp(-x * x / 2) / math.sqrt(2 * math.pi)


def _index(area: Any, row: Any, column: Any = None) -> Any:
    """INDEX(array, row_num, [column_num]) of one row (column) number: the value there; 0 (a whole row or column,
    which one element cannot hold) is #VALUE!, a number past the array #REF!."""
    grid = matrix(area)
    r = int(_value(row))
    c = None if column is None else int(_value(column))
    if c is None:
        if len(grid) == 1 and len(grid[0]) > 1:  # a single row: the number is a column number
            r, c = 1, r
        else:
            c = 1
    if r < 0 or c < 0:
        raise ExcelError("#VALUE!")
    if r == 0 and len(grid) == 1:
        r = 1
    if c == 0 and len(grid[0]) == 1:
        c = 1
    if r == 0 or c == 0:
        raise ExcelError("#VALUE!")
    if r > len(grid) or c > len(grid[r - 1]):
        raise ExcelError("#REF!")
    value = grid[r - 1][c - 1]
    return value if is_error(value) else (0.0 if value is None else value)


def _choose(index: Any, *values: Any) -> Any:
    """CHOOSE(index_num, value1, ...) of one index: TRUE is 1, numeric text its number, past the values #VALUE!."""
    check(index)
    if isinstance(index, str):
        index = _value(index)
    k = int(number(index))
    if not 1 <= k <= len(values):
        raise ExcelError("#VALUE!")
    value = values[k - 1]
    return 0.0 if value is None else value


_BUILTINS: dict[str, tuple[Callable[..., Any], int, int]] = {
    "MOD": (_mod, 2, 2),
    "INT": (excel_int, 1, 1),
    "ABS": (lambda v: abs(_value(v)), 1, 1),
    "SIGN": (lambda v: float((x := _value(v)) > 0) - float(x < 0), 1, 1),
    "SQRT": (_positive(math.sqrt, allow_zero=True), 1, 1),
    "EXP": (lambda v: math.exp(_value(v)), 1, 1),
    "LN": (_positive(math.log), 1, 1),
    "LOG10": (_positive(math.log10), 1, 1),
    "POWER": (_power, 2, 2),
    "TRUNC": (_trunc, 1, 2),
    "ROUND": (lambda v, d: _rounded(v, d, ROUND_HALF_UP), 2, 2),
    "ROUNDUP": (lambda v, d: _rounded(v, d, ROUND_UP), 2, 2),
    "ROUNDDOWN": (lambda v, d: _rounded(v, d, ROUND_DOWN), 2, 2),
    "YEAR": (_date_part("year"), 1, 1),
    "MONTH": (_date_part("month"), 1, 1),
    "DAY": (_date_part("day"), 1, 1),
    "WEEKDAY": (_weekday, 1, 2),
    "VALUE": (_value_of, 1, 1),
    "N": (_n, 1, 1),
    "ISNUMBER": (lambda v: isinstance(v, (int, float)) and not isinstance(v, bool), 1, 1),
    "ISTEXT": (lambda v: isinstance(v, str), 1, 1),
    "ISBLANK": (lambda v: v is None, 1, 1),
    "ISLOGICAL": (lambda v: isinstance(v, bool), 1, 1),
    "ISERROR": (is_error, 1, 1),
    "ISNA": (lambda v: is_error(v) and v.get("kind") in ("Na", "#N/A", "N/A"), 1, 1),
    "ISERR": (lambda v: is_error(v) and v.get("kind") not in ("Na", "#N/A", "N/A"), 1, 1),
    "ISNONTEXT": (lambda v: not isinstance(v, str), 1, 1),
    "NOT": (lambda v: not boolean(v), 1, 1),
    "EVEN": (_even_odd(False), 1, 1),
    "ODD": (_even_odd(True), 1, 1),
    "FACT": (_fact, 1, 1),
    "LOG": (_log, 1, 2),
    "MROUND": (_mround, 2, 2),
    "QUOTIENT": (_quotient, 2, 2),
    "ASIN": (_unit(math.asin), 1, 1),
    "ACOS": (_unit(math.acos), 1, 1),
    "ATAN": (lambda v: math.atan(_value(v)), 1, 1),
    "DEGREES": (lambda v: math.degrees(_value(v)), 1, 1),
    "RADIANS": (lambda v: math.radians(_value(v)), 1, 1),
    "T": (_t, 1, 1),
    "ISOWEEKNUM": (lambda v: weeknum(v, 21.0), 1, 1),
    "COMBIN": (_choices(False), 2, 2),
    "PERMUT": (_choices(True), 2, 2),
    "CODE": (_code, 1, 1),
    "UNICODE": (lambda v: _code(v, True), 1, 1),
    "CHAR": (_char, 1, 1),
    "UNICHAR": (_unichar, 1, 1),
    "DATEVALUE": (_datevalue, 1, 1),
    "NUMBERVALUE": (_numbervalue, 1, 3),
    "BITAND": (_bits(lambda a, b: a & b), 2, 2),
    "BITOR": (_bits(lambda a, b: a | b), 2, 2),
    "BITXOR": (_bits(lambda a, b: a ^ b), 2, 2),
    "SINH": (lambda v: math.sinh(_value(v)), 1, 1),
    "COSH": (lambda v: math.cosh(_value(v)), 1, 1),
    "TANH": (lambda v: math.tanh(_value(v)), 1, 1),
    "ASINH": (lambda v: math.asinh(_value(v)), 1, 1),
    "ACOSH": (_in(1, math.inf, math.acosh), 1, 1),
    "ATANH": (_in(-1, 1, math.atanh, open_ends=True), 1, 1),
    "SQRTPI": (_in(0, math.inf, lambda x: math.sqrt(x * math.pi)), 1, 1),
    "GAMMALN": (_in(0, math.inf, math.lgamma, open_ends=True), 1, 1),
    "NORMSDIST": (_normal, 1, 1),
    "NORM.S.DIST": (_normal, 2, 2),
    "INDEX": (_index, 2, 3),
    "CHOOSE": (_choose, 2, 255),
}

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
# a day and month typed without a year ("15-Jan", "1 March"): the current year's date, where the engine says #VALUE!
FUNCTIONS["DATEVALUE"] = Function("DATEVALUE", _element(_datevalue), 1, 1)
# a partial surrogate (55296..57343) is #N/A, where the engine says #VALUE! (IFNA did not catch it)
FUNCTIONS["UNICHAR"] = Function("UNICHAR", broadcast(_element(_unichar)), 1, 1)


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
