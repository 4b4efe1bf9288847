"""NPV as Microsoft documents it: values typed into the formula are counted, those in a reference or array only when
they are numbers.

Microsoft's WorksheetFunction.Npv page (and ECMA-376's NPV): "Arguments that are numbers, empty cells, logical values,
or text representations of numbers are counted; arguments that are error values or text that cannot be translated
into numbers are ignored. If an argument is an array or reference, only numbers in that array or reference are
counted." The engine gave #VALUE! for ``NPV(0.1,1,"2")`` (Excel 2.5620) and for an array constant holding text
(``NPV(0.1,{1,"2",3})``: Excel 3.3884, the text left out), and #VALUE! for a rate that is numeric text in a cell
(read as a number, as PMT's and RATE's are in :mod:`.financial`).

The engine passes a one-cell reference as its value, so the rewrite (:func:`.typed.typed_argument`) marks the values
typed into the formula: an argument that certainly gives a value, not a reference (``"2"``, ``TRUE``, ``1=1``,
``TRIM(A1)``), becomes ``_XLR.NPVVALUE(...)`` (:func:`npv_value`): a number, a logical as 1 or 0, numeric text its
number. Text that reads as no number is listed (#NIMPL!): the page says it is ignored, the engine said #VALUE!, and
no workbook saved by Excel settles it. Anything else (a cell, a range, an array) counts its numbers only.
"""

from __future__ import annotations

from typing import Any

from ._core import FUNCTIONS, ExcelError, check, excel_function, matrix, numbers
from .text import text_to_number
from .typed import NPV_VALUE

__all__ = ["NPV_VALUE", "npv", "npv_value"]

_NOT_COMPUTED = "NImpl"  # the engine's kind of #NIMPL!: the cell is listed


def _scalar(value: Any) -> Any:
    """A one-value array as its value; a larger array is left to be listed (NPV's rate is one number)."""
    if isinstance(value, list):
        cells = matrix(value)
        if len(cells) != 1 or len(cells[0]) != 1:
            raise ExcelError(_NOT_COMPUTED)
        return cells[0][0]
    return value


def _rate(value: Any) -> float:
    """NPV's rate as Excel reads a number: blank 0, a logical 1 or 0, numeric text (also "10%") its number."""
    value = check(_scalar(value))
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        value = text_to_number(value)
        if isinstance(value, str):
            raise ExcelError("#VALUE!")
    return float(value)


@excel_function(NPV_VALUE, 1, 1)
def npv_value(value: Any) -> Any:
    """A value typed into NPV's values: a logical as 1 or 0, numeric text its number (text reading as no number is
    listed); an array passed on as it is (its numbers only are counted).

    >>> npv_value(True), npv_value("2"), npv_value(" 10% "), npv_value([[1.0, "2"]])
    (1.0, 2.0, 0.1, [[1.0, '2']])
    """
    check(value)
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        number = text_to_number(value)
        if isinstance(number, str):
            raise ExcelError(_NOT_COMPUTED)
        return float(number)
    return value


# a cell listed for it names NPV, the function the user wrote (as .wraps._refusal names its own)
FUNCTIONS[NPV_VALUE].call.__name__ = FUNCTIONS[NPV_VALUE].call.__qualname__ = "excel_NPV"


@excel_function("NPV", 2, None)
def npv(rate: Any, *values: Any) -> float:
    """NPV(rate, value1, [value2], ...): ``sum(v_i / (1 + rate)^i)`` over the numbers of the values in order (a
    value typed into the formula comes marked as a number by :func:`npv_value`); errors pass on.

    >>> round(npv(0.1, -10000.0, 3000.0, 4200.0, 6800.0), 6), round(npv("10%", 1.0, [[True, 2.0]], "x"), 6)
    (1188.443412, 2.561983)
    """
    discount = _rate(rate)
    flows: list[float] = []
    for value in values:
        if isinstance(value, list):
            flows.extend(numbers(value))
            continue
        check(value)  # a one-cell reference arrives as its value: counted only when a number
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            flows.append(float(value))
    if discount == -1.0:
        raise ExcelError("#NUM!")  # the engine's answer, kept
    return sum(flow / (1.0 + discount) ** k for k, flow in enumerate(flows, 1))
