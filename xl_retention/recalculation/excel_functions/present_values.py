"""NPV's arguments as Microsoft documents them: values typed into the formula are counted, those of an array only when
they are numbers, and the rate is read as a number.

Microsoft's WorksheetFunction.Npv page (and ECMA-376's NPV): "Arguments that are numbers, empty cells, logical values,
or text representations of numbers are counted; arguments that are error values or text that cannot be translated
into numbers are ignored. If an argument is an array or reference, only numbers in that array or reference are
counted." The engine gave #VALUE! with status ok for ``NPV(0.1,1,"2")`` (Excel 2.5620), for an array constant holding
text (``NPV(0.1,{1,"2",3})``: 3.3884, the text left out) and for a rate that is numeric text in a cell (read as a
number, as PMT's and RATE's are in :mod:`.financial`).

The engine's NPV keeps computing (its sums match the Excel-saved values to the last bit, which a sum of our own did
not: pycel's npv.xlsx); the rewrite (:func:`.typed.typed_argument`) wraps the arguments it misreads:

* a value argument that certainly gives a value, not a reference (``"2"``, ``TRUE``, ``1=1``, ``TRIM(A1)``, an array
  constant): ``_XLR.NPVVALUE(...)`` (:func:`npv_value`): numeric text its number, a logical 1 or 0, an array its
  numbers only, in order. Text that reads as no number is listed (#NIMPL!): the page says it is ignored, the engine
  said #VALUE!, and no workbook saved by Excel settles it;
* the rate, when it is a cell or such a value: ``_XLR.NPVRATE(...)`` (:func:`npv_rate`): numeric text its number.

A cell or range among the values is left as it is: the engine already counts only its numbers.

The engine's SLN, SYD, DDB, EFFECT, NOMINAL, ISPMT, RRI, PDURATION, CUMIPMT, CUMPRINC, TBILL*, DOLLARDE, DOLLARFR,
ACCRINTM, PRICE and YIELD gave #VALUE! with status ok for numeric text in a cell given as a number (``SLN(A2,A3,A4)``
of "2400", "300", "10": Excel 210, reading it as it does ``=A2*1`` and as the engine's PMT, ROUND, DB do): such a
one-cell argument (or typed text) is read through ``_XLR.NUMBERARGUMENT`` (:func:`number_argument`).
"""

from __future__ import annotations

from typing import Any

from ._core import FUNCTIONS, ExcelError, check, excel_function, matrix
from .text_numbers import text_to_number
from .typed import NPV_RATE, NPV_VALUE, NUMBER_ARGUMENT, WHOLE_PERIOD

__all__ = ["number_argument", "npv_rate", "npv_value", "whole_period"]

_NOT_COMPUTED = "NImpl"  # the engine's kind of #NIMPL!: the cell is listed


@excel_function(NPV_VALUE, 1, 1)
def npv_value(value: Any) -> Any:
    """A value typed into NPV's values: numeric text its number (other text listed), a logical 1 or 0, an array its
    numbers only (one row; errors pass on; none at all listed).

    >>> npv_value(True), npv_value("2"), npv_value(" 10% "), npv_value([[1.0, "2"], [True, 3.0]])
    (1.0, 2.0, 0.1, [[1.0, 3.0]])
    """
    if isinstance(value, list):
        kept = []
        for row in matrix(value):
            for item in row:
                check(item)
                if isinstance(item, (int, float)) and not isinstance(item, bool):
                    kept.append(float(item))
        if not kept:
            raise ExcelError(_NOT_COMPUTED)
        return [kept]
    check(value)
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        number = text_to_number(value)
        if isinstance(number, str):
            raise ExcelError(_NOT_COMPUTED)
        return float(number)
    return value


@excel_function(NPV_RATE, 1, 1)
def npv_rate(value: Any) -> Any:
    """NPV's rate: numeric text (also "10%") its number, other text #VALUE!; anything else as it is.

    >>> npv_rate("10%"), npv_rate(" 2 "), npv_rate(0.1)
    (0.1, 2.0, 0.1)
    """
    if isinstance(value, str):
        number = text_to_number(value)
        if isinstance(number, str):
            raise ExcelError("#VALUE!")
        return float(number)
    return value


@excel_function(NUMBER_ARGUMENT, 1, 1)
def number_argument(value: Any) -> Any:
    """A one-cell argument of the engine's functions that refuse text (:data:`.typed.NUMBER_READERS`): numeric text
    (also "10%", "$1,000", a date) its number as Excel reads it; other text, numbers, blanks, errors, arrays unchanged.

    >>> number_argument("2400"), number_argument("10%"), number_argument("abc"), number_argument(None)
    (2400.0, 0.1, 'abc', None)
    """
    if isinstance(value, str):
        number = text_to_number(value)
        return value if isinstance(number, str) else float(number)
    return value


@excel_function(WHOLE_PERIOD, 1, 1)
def whole_period(value: Any) -> Any:
    """DDB's period (:func:`.typed.typed_argument`) read as :func:`number_argument` reads it, listed (#NIMPL!) when it
    is a number that is not whole: Microsoft's DDB page says only that the period uses the life's units, and no
    workbook saved by Excel settles whether Excel truncates it or depreciates part of a period (the engine took
    ``DDB(2400,300,10,1.5)`` as period 1, 480, with status ok). An array is checked element by element.

    >>> whole_period(2.0), whole_period("3"), whole_period("abc"), whole_period([[1.0, 2.0]])
    (2.0, 3.0, 'abc', [[1.0, 2.0]])
    >>> whole_period(1.5)
    Traceback (most recent call last):
    ...
    xl_retention.recalculation.excel_functions._core.ExcelError: NImpl
    """
    items = [item for row in matrix(value) for item in row] if isinstance(value, list) else [value]
    for item in items:
        read = number_argument(item)
        if isinstance(read, float) and not isinstance(read, bool) and not read.is_integer():
            raise ExcelError(_NOT_COMPUTED)
    return value if isinstance(value, list) else number_argument(value)


# a cell listed for them names NPV, the function the user wrote (as .wraps._refusal names its own)
for _name in (NPV_VALUE, NPV_RATE):
    FUNCTIONS[_name].call.__name__ = FUNCTIONS[_name].call.__qualname__ = "excel_NPV"
FUNCTIONS[WHOLE_PERIOD].call.__name__ = FUNCTIONS[WHOLE_PERIOD].call.__qualname__ = "excel_DDB"
