"""Text functions: TEXT, FIXED and DOLLAR (REGEXTEST is PCRE2's, in :mod:`.regex_texts`, imported here).
LEFT, RIGHT, MID, LEN, REPT, LOWER and UPPER are in :mod:`.text_slices`, CONCAT, CONCATENATE, TEXTJOIN and ``&`` in
:mod:`.joined_texts`, the reading of text as a number (:func:`text_to_number`, kept here among the names other modules
import) in :mod:`.text_numbers`.

TEXT applies Excel's number formats with :mod:`.number_format` (the engine's TEXT drops ``_)``
spaces, scientific and fraction formats, and placeholders around literals). The slicing
functions read their text as Excel does: TRUE as "TRUE" (the engine lowercases it in LEFT,
RIGHT and REPT) and a number with 15 significant digits (``LEFT(1/3, 20)`` is
"0.333333333333333", the engine gives 16); so do CONCAT, CONCATENATE and TEXTJOIN. A range as
the text argument of a slicing function gives one result per cell. FIXED and DOLLAR round as ROUND
does (``FIXED(1.005, 2)`` is "1.01"; the engine rounded the binary value to "1.00") and show at most
15 significant digits (``FIXED(2^70, 0)`` is "1,180,591,620,717,410,000,000").
"""

from __future__ import annotations

from typing import Any

from ._core import (
    FUNCTIONS,
    ExcelError,
    Function,
    boolean,
    broadcast,
    check,
    engine_call,
    excel_function,
    integer,
    number,
    text,
)
from .number_format import FormatNotSupported, format_value, round_decimal
from .regex_texts import regextest
from .text_numbers import text_to_number

__all__ = ["NOT_IMPLEMENTED", "dollar", "fixed", "regextest", "text_", "text_to_number"]


#: formualizer's error kind for "not implemented": the recalculation lists such a cell as unsupported
NOT_IMPLEMENTED = "NImpl"


@excel_function("TEXT", 2, 2)
def text_(value: Any, format_text: Any, date1904: bool = False) -> str:
    """TEXT(value, format_text): ``value`` shown with an Excel number format.

    Numbers and numeric text are formatted; TRUE/FALSE and other text pass through the text
    section (or unchanged); a format this implementation does not know (a condition such as
    ``[>100]``, month names of a locale other than English or German) is the engine's "not
    implemented" error, so that the cell is listed as unsupported (Excel's stored value kept), never
    given a wrong text. ``date1904``:
    the workbook's dates count from 1 January 1904 (registered so for 1904-system workbooks).

    >>> text_(0.1234, "0.0%"), text_(True, "0"), text_("12", "0.0")
    ('12.3%', 'TRUE', '12.0')
    """
    check(value)
    fmt = text(format_text)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if value is None:
        value = 0.0
    if isinstance(value, str):
        value = text_to_number(value)
    try:
        return format_value(value, fmt, date1904)
    except FormatNotSupported:  # not a guess: the cell is reported as one the engine cannot compute
        raise ExcelError(NOT_IMPLEMENTED) from None


def _amount(value: Any) -> float:
    """The number argument of FIXED and DOLLAR: numeric text as Excel reads it ("$1,000"), other text #VALUE!."""
    check(value)
    if isinstance(value, str):
        value = text_to_number(value)
        if isinstance(value, str):
            raise ExcelError("#VALUE!")
    return number(value)


def _places(decimals: Any) -> int:
    places = integer(decimals)
    if places > 127:
        raise ExcelError("#VALUE!")
    return places


def _rounded_text(value: float, places: int, commas: bool) -> tuple[bool, str]:
    """(negative, digits) of ``value`` rounded as ROUND rounds (15 significant digits, halves away from zero)."""
    rounded = round_decimal(value, max(places, -400))
    shown = f"{abs(rounded):{',' if commas else ''}.{max(places, 0)}f}"
    return rounded < 0, shown


def fixed(value: Any, decimals: Any = 2.0, no_commas: Any = False) -> str:
    """FIXED(number, [decimals], [no_commas]): the number rounded as ROUND rounds it, as text with thousands commas.

    At most 15 significant digits show (the rest are zeros); ``decimals`` below 0 rounds left of the
    point; above 127 is #VALUE!.

    >>> fixed(1.005, 2), fixed(2.0**70, 0), fixed(-1234.567, -1, True), fixed(-0.001)
    ('1.01', '1,180,591,620,717,410,000,000', '-1230', '0.00')
    """
    negative, shown = _rounded_text(_amount(value), _places(decimals), not boolean(no_commas))
    return ("-" if negative else "") + shown


def dollar(value: Any, decimals: Any = 2.0) -> str:
    """DOLLAR(number, [decimals]): as FIXED, in the currency format $#,##0.00_);($#,##0.00) (en-US).

    >>> dollar(1.005), dollar(-1234.567, -2)
    ('$1.01', '($1,200)')
    """
    negative, shown = _rounded_text(_amount(value), _places(decimals), True)
    return f"(${shown})" if negative else f"${shown}"


FUNCTIONS["FIXED"] = Function("FIXED", broadcast(engine_call(fixed)), 1, 3)
FUNCTIONS["DOLLAR"] = Function("DOLLAR", broadcast(engine_call(dollar)), 1, 2)
