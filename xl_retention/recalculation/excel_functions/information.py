"""TYPE and ERROR.TYPE where the engine differs from Excel.

- ``TYPE(value)``: 1 a number (or a blank), 2 text, 4 a logical, 16 an error, 64 an array. An error is its answer,
  never passed on: ``IF(TYPE(A1)=16, ...)`` is how a sheet tests for one (the engine passed the error on).
- ``ERROR.TYPE(error)``: Excel's numbers, the newer errors included: #NULL! 1, #DIV/0! 2, #VALUE! 3, #REF! 4,
  #NAME? 5, #NUM! 6, #N/A 7, #GETTING_DATA 8, #SPILL! 9, #CONNECT! 10, #BLOCKED! 11, #UNKNOWN! 12, #FIELD! 13,
  #CALC! 14; anything else #N/A (the engine numbered #SPILL! 10 and #CALC! 11).

Source: Microsoft's TYPE and ERROR.TYPE function pages.

>>> _type(3.0), _type("a"), _type(True), _type({"type": "Error", "kind": "Div"}), _type([[1.0, 2.0]])
(1.0, 2.0, 4.0, 16.0, 64.0)
>>> _error_type({"type": "Error", "kind": "Spill"}), _error_type({"type": "Error", "kind": "#CALC!"})
(9.0, 14.0)
"""

from __future__ import annotations

from typing import Any

from ._core import ExcelError, error_code, excel_function, is_error

ERROR_NUMBERS = {
    "#NULL!": 1.0,
    "#DIV/0!": 2.0,
    "#VALUE!": 3.0,
    "#REF!": 4.0,
    "#NAME?": 5.0,
    "#NUM!": 6.0,
    "#N/A": 7.0,
    "#GETTING_DATA": 8.0,
    "#SPILL!": 9.0,
    "#CONNECT!": 10.0,
    "#BLOCKED!": 11.0,
    "#UNKNOWN!": 12.0,
    "#FIELD!": 13.0,
    "#CALC!": 14.0,
}


def _single(value: Any) -> Any:
    """A one-cell range as its value (the engine may hand a reference to one cell as a 1 x 1 array)."""
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], list) and len(value[0]) == 1:
        return value[0][0]
    return value


@excel_function("TYPE", 1, 1)
def _type(value: Any) -> float:
    """TYPE(value)."""
    value = _single(value)
    if isinstance(value, list):
        return 64.0
    if is_error(value):
        return 16.0
    if isinstance(value, bool):
        return 4.0
    if isinstance(value, str):
        return 2.0
    return 1.0


@excel_function("ERROR.TYPE", 1, 1)
def _error_type(value: Any) -> float:
    """ERROR.TYPE(error_val)."""
    value = _single(value)
    if is_error(value):
        number = ERROR_NUMBERS.get(error_code(value))
        if number is not None:
            return number
    raise ExcelError("#N/A")
