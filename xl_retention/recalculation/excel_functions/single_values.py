"""The engine's functions of single values in Python (MOD, INT, ROUND, YEAR, VALUE, ISNUMBER, CHOOSE, ...), whose
element-by-element forms :mod:`.elementwise` registers: :data:`_BUILTINS` names each with its fewest and most
arguments. Split from :mod:`.elementwise` verbatim.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP
from typing import Any

from ._core import ExcelError, boolean, check, is_error, matrix, number, text
from .dates import serial_to_date
from .day_counts import weeknum
from .multiples import mround
from .one_number import _date_value, _mod, _power, _rounded, _trunc, _value, excel_int, whole
from .text_numbers import _MIXED_FRACTION, text_to_number


def _positive(fn: Callable[[float], float], allow_zero: bool = False) -> Callable[[Any], float]:
    def call(value: Any) -> float:
        x = _value(value)
        if x < 0 or (x == 0 and not allow_zero):
            raise ExcelError("#NUM!")
        return fn(x)

    return call


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


#: Windows-1252 as Windows reads it (its code page of Western Europe and the Americas, Excel for Windows's there): the
#: five bytes it leaves undefined (129, 141, 143, 144, 157) are the C1 controls of the same numbers
_WINDOWS_1252 = [bytes([n]).decode("cp1252", errors="ignore") or chr(n) for n in range(256)]
_CODES = {character: n for n, character in enumerate(_WINDOWS_1252)}
#: the engine's "not implemented" error (the cell is listed; :mod:`..refused_cases` says why)
_NOT_COMPUTED = "NImpl"


def windows_1252_code(character: str) -> int | None:
    """The number of ``character`` in Windows-1252 (Excel for Windows's CODE on a Western machine), None outside it.

    >>> windows_1252_code("€"), windows_1252_code("é"), windows_1252_code("Ω")
    (128, 233, None)
    """
    return _CODES.get(character)


def _code(value: Any, unicode: bool = False) -> float:
    """CODE (the character's number in Windows-1252, as Excel for Windows) or UNICODE of the first character.

    A character outside Windows-1252 is not computed (H509's finding 07): its CODE is the number of the code page of
    the computer opening the file (63, "?", on a Western Windows; 217 for "Ω" on a Greek one), not its Unicode number.

    >>> _code("€uro"), _code(chr(129)), _code("Ω", unicode=True)
    (128.0, 129.0, 937.0)
    """
    check(value)
    first = text(value)[:1]
    if not first:
        raise ExcelError("#VALUE!")
    if unicode:
        return float(ord(first))
    code = windows_1252_code(first)
    if code is None:
        raise ExcelError(_NOT_COMPUTED)
    return float(code)


def _char(value: Any) -> str:
    """CHAR: the character of a number 1..255 in Windows-1252 (129 is U+0081, as Windows reads the byte, where the
    engine gave U+FFFD)."""
    n = math.trunc(_value(value))
    if not 1 <= n <= 255:
        raise ExcelError("#VALUE!")
    return _WINDOWS_1252[n]


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


#: NUMBERVALUE's decimal separator not given: the locale's (en-US's "." here, a decimal-comma Excel's ",")
_LOCALE_SEPARATOR: Any = object()


def numbervalue(value: Any, decimal: Any = _LOCALE_SEPARATOR, group: Any = ",") -> float:
    """NUMBERVALUE(text, [decimal_separator], [group_separator]): blanks and spaces ignored, group separators
    before the decimal one left out, each trailing % a division by 100; anything else #VALUE!. Without its
    separators (``decimal`` not given: the locale's, en-US's ``.`` and ``,`` here) a text only a decimal-comma Excel
    reads as a number (``1.2.3``: 123 there) is not computed (:func:`..numbervalue_signs.decimal_comma_value`)."""
    check(value)
    if decimal is _LOCALE_SEPARATOR:
        try:
            return numbervalue(value, ".", group)
        except ExcelError as error:
            from ..numbervalue_signs import decimal_comma_value  # noqa: PLC0415  (a text read as no number only)

            if error.code == "#VALUE!" and decimal_comma_value(value) is not None:
                raise ExcelError(_NOT_COMPUTED) from None
            raise
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
        from ..numbervalue_signs import currency_sign  # noqa: PLC0415  (a text read as no number only)

        # a currency sign (€1.200,50): what Excel reads is not documented, the cell listed (.numbervalue_signs)
        raise ExcelError("NImpl" if currency_sign(text(value)) else "#VALUE!")
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
    "NUMBERVALUE": (numbervalue, 1, 3),
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
