"""Engineering functions: number-base conversions (DEC2BIN ... HEX2OCT) as Excel computes them.

Excel's rules (its documentation, checked against Excel-saved workbooks):

* A binary, octal or hexadecimal number has at most 10 digits; with 10 digits the first one's
  high bit is the sign (two's complement): ``BIN2DEC("1111111111")`` = -1.
* A negative result is written with 10 digits in two's complement and ``places`` is ignored:
  ``DEC2BIN(-511, 4)`` = ``"1000000001"``.
* Otherwise ``places`` (truncated) pads with zeros; fewer places than digits is ``#NUM!``, and
  so are places below 1 or above 10 whatever the number (checked first).
* A number outside the target's range (-512..511 for binary, -2^29..2^29-1 octal,
  -2^39..2^39-1 hexadecimal) is ``#NUM!``; a non-numeric decimal ``#VALUE!``; an invalid digit
  ``#NUM!``.
"""

from __future__ import annotations

from typing import Any

from ._core import ExcelError, check, excel_function, integer, number

_BASES = {"BIN": 2, "OCT": 8, "DEC": 10, "HEX": 16}
_DIGITS = "0123456789ABCDEF"


def _source_digits(value: Any) -> str:
    """The digits of a binary/octal/hexadecimal argument (a number is read as its digits)."""
    check(value)
    if value is None:
        return "0"
    if isinstance(value, bool):
        raise ExcelError("#VALUE!")
    if isinstance(value, float):
        if not value.is_integer():
            raise ExcelError("#NUM!")
        return str(int(value))
    return str(value).strip().upper()


def parse(value: Any, base: int) -> int:
    """A binary (2), octal (8) or hexadecimal (16) argument as an integer (10 digits: two's complement).

    >>> parse("1111111111", 2), parse("FFFFFFFF5B", 16), parse(101, 2)
    (-1, -165, 5)
    """
    digits = _source_digits(value) or "0"
    if len(digits) > 10 or any(d not in _DIGITS[:base] for d in digits):
        raise ExcelError("#NUM!")
    result = int(digits, base)
    if len(digits) == 10 and result >= base**10 // 2:
        result -= base**10
    return result


def decimal(value: Any) -> int:
    """A decimal argument (DEC2...): a number truncated toward zero; booleans and other text are #VALUE!."""
    check(value)
    if isinstance(value, bool):
        raise ExcelError("#VALUE!")
    return integer(value)


def _places(places: Any) -> int | None:
    """The ``places`` argument: None when not given (or a blank cell), else a whole number 1..10 (#NUM!)."""
    if places is None:
        return None
    check(places)
    if isinstance(places, bool):
        raise ExcelError("#VALUE!")
    width = integer(places)
    if width < 1 or width > 10:
        raise ExcelError("#NUM!")
    return width


def format_base(value: int, base: int, places: int | None = None) -> str:
    """``value`` in ``base`` (2, 8 or 16) as Excel writes it, padded to ``places`` (1..10).

    >>> format_base(-511, 2, 4), format_base(5, 2, 8), format_base(255, 16)
    ('1000000001', '00000101', 'FF')
    """
    limit = base**10 // 2
    if not -limit <= value < limit:
        raise ExcelError("#NUM!")
    if value < 0:
        value += base**10
        places = None  # two's complement always has 10 digits
    digits = ""
    while True:
        value, rest = divmod(value, base)
        digits = _DIGITS[rest] + digits
        if not value:
            break
    if places is not None:
        if places < len(digits):
            raise ExcelError("#NUM!")
        digits = digits.rjust(places, "0")
    return digits


def _converter(source: str, target: str):
    def convert(value: Any, places: Any = None) -> Any:
        width = _places(places)  # Excel checks places first, even for a negative number that ignores it
        n = decimal(value) if source == "DEC" else parse(value, _BASES[source])
        if target == "DEC":
            return float(n)
        return format_base(n, _BASES[target], width)

    convert.__doc__ = f"{source}2{target}(number[, places]): see the module docstring."
    return convert


for _source in _BASES:
    for _target in _BASES:
        if _source != _target:
            excel_function(f"{_source}2{_target}", 1, 1 if _target == "DEC" else 2)(_converter(_source, _target))


@excel_function("CONVERT", 3, 3)
def convert(value: Any, from_unit: Any, to_unit: Any) -> float:
    """CONVERT(number, from_unit, to_unit): see :mod:`.units`; unknown or incompatible units are #N/A."""
    from .units import convert_units

    x = number(value)
    return convert_units(x, str(check(from_unit)), str(check(to_unit)))
