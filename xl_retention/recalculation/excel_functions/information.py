"""TYPE, ERROR.TYPE and HYPERLINK where the engine differs from Excel; Google Sheets' __xludf.DUMMYFUNCTION.

- ``TYPE(value)``: 1 a number (or a blank), 2 text, 4 a logical, 16 an error, 64 an array. An error is its answer,
  never passed on: ``IF(TYPE(A1)=16, ...)`` is how a sheet tests for one (the engine passed the error on).
- ``ERROR.TYPE(error)``: Excel's numbers, the newer errors included: #NULL! 1, #DIV/0! 2, #VALUE! 3, #REF! 4,
  #NAME? 5, #NUM! 6, #N/A 7, #GETTING_DATA 8, #SPILL! 9, #CONNECT! 10, #BLOCKED! 11, #UNKNOWN! 12, #FIELD! 13,
  #CALC! 14; anything else #N/A (the engine numbered #SPILL! 10 and #CALC! 11). A newer error value the engine holds
  as #CANCELLED! (:mod:`..newer_errors`) is the workbook's one such code; with several, or one without a number here
  (#PYTHON!, #BUSY!), the cell is listed (#NIMPL!).
- ``HYPERLINK(link_location, [friendly_name])``: the cell's value is friendly_name's as it is ("the jump text or
  numeric value that is displayed in the cell"): a number stays a number, TRUE a logical, an empty cell 0 (the engine
  made each text: ``=HYPERLINK("http://x",A3)+1`` was right, ``ISNUMBER(..)`` FALSE, and the cell held the text
  "2.5"); without friendly_name, link_location's text. An error in either is the result, link_location's first (the
  engine let friendly_name stand over an error link). LibreOffice gives the same (its TRUE is 1).

- ``_XLR.BOOKADDRESS(address, book)``: the engine's ``CELL("address", reference)`` of a reference on another sheet
  (``Other!$B$2``) with the workbook's name, as Excel gives it (``[book.xlsx]Other!$B$2``, quoted where the name or
  the sheet needs it: ``'[book.xlsx]My Sheet'!$C$3``); one on the formula's own sheet (``$B$2``) as it is
  (:mod:`..cell_filename` writes the call).

Source: Microsoft's TYPE, ERROR.TYPE and HYPERLINK function pages.

>>> _type(3.0), _type("a"), _type(True), _type({"type": "Error", "kind": "Div"}), _type([[1.0, 2.0]])
(1.0, 2.0, 4.0, 16.0, 64.0)
>>> _error_type({"type": "Error", "kind": "Spill"}), _error_type({"type": "Error", "kind": "#CALC!"})
(9.0, 14.0)
>>> _hyperlink("http://x", 2.5), _hyperlink("http://x", True), _hyperlink("http://x", None), _hyperlink("http://x")
(2.5, True, 0.0, 'http://x')
>>> _hyperlink({"type": "Error", "kind": "Div"}, 1.0), _hyperlink(5.0)
({'type': 'Error', 'kind': 'Div'}, '5')
>>> _book_address("Other!$B$2", "b.xlsx"), _book_address("'My Sheet'!$C$3", "b.xlsx"), _book_address("$B$2", "b.xlsx")
('[b.xlsx]Other!$B$2', "'[b.xlsx]My Sheet'!$C$3", '$B$2')
>>> _book_address("Other!$B$2", "my book.xlsx")
"'[my book.xlsx]Other'!$B$2"
"""

from __future__ import annotations

import re
from typing import Any

from ._core import (
    CARRIED,
    CARRIER,
    FUNCTIONS,
    ExcelError,
    Function,
    carried,
    engine_call,
    error_code,
    excel_function,
    is_error,
    not_computed,
    number_text,
)

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
        if not_computed(value):  # a listed call's: which error Excel gives there is not known (was #N/A)
            raise ExcelError("NImpl")
        code = carried(error_code(value))
        number = ERROR_NUMBERS.get(code)
        if number is not None:
            return number
        if code == CARRIER or code in CARRIED:  # a newer error of several, or without a known number: listed
            raise ExcelError("NImpl")
    raise ExcelError("#N/A")


#: ERROR.TYPE in a cell that reads one newer error value of several (:func:`..newer_errors.error_types`)
ERROR_TYPE_OF = "_XLR.ERRORTYPEOF"


@excel_function(ERROR_TYPE_OF, 2, 2)
def _error_type_of(code: Any, value: Any) -> float:
    """ERROR.TYPE(error_val) where the engine's #CANCELLED! is ``code`` (the one newer error value the cell reads).

    >>> cancelled, div = {"type": "Error", "kind": "Cancelled"}, {"type": "Error", "kind": "Div"}
    >>> _error_type_of("#FIELD!", cancelled), _error_type_of("#FIELD!", div)
    (13.0, 2.0)
    """
    value = _single(value)
    if is_error(value) and error_code(value) == CARRIER:
        number = ERROR_NUMBERS.get(str(code))
        if number is None:
            raise ExcelError("NImpl")
        return number
    return _error_type(value)


@excel_function("HYPERLINK", 1, 2)
def _hyperlink(link: Any, *friendly: Any) -> Any:
    """HYPERLINK(link_location, [friendly_name]): the value the cell shows (see the module docstring); an array in
    either argument is left to be listed (#NIMPL!: the engine's cannot be told right)."""
    link = _single(link)
    shown = _single(friendly[0]) if friendly else None
    if isinstance(link, list) or isinstance(shown, list):
        raise ExcelError("NImpl")
    if is_error(link):
        return link
    if friendly:
        return 0.0 if shown is None else shown  # an error too: the cell shows it
    if isinstance(link, bool):
        return "TRUE" if link else "FALSE"
    if isinstance(link, int | float):
        return number_text(float(link))
    return "" if link is None else link


@excel_function("__XLUDF.DUMMYFUNCTION", 0, None)
def _google_only(*_: Any) -> Any:
    """``__xludf.DUMMYFUNCTION("<formula>")``: what Google Sheets writes in an .xlsx for a formula of its own that
    Excel has no function for (SPLIT, GOOGLEFINANCE, a spill's other cells: ``"COMPUTED_VALUE"``), always inside
    ``IFERROR(.., <the value Google computed>)``. No such function exists in Excel: #NAME?, so IFERROR gives the value,
    as Excel opening the file does."""
    raise ExcelError("#NAME?")


#: the engine-level name of :func:`_book_address`
BOOK_ADDRESS = "_XLR.BOOKADDRESS"
#: a sheet or file name written without quotes in a reference
_UNQUOTED = re.compile(r"[A-Za-z_][\w.]*")


def _book_address(address: Any, book: Any) -> Any:
    """``address`` (the engine's ``CELL("address", ..)``) with ``[book]`` before the sheet it names, if it names one."""
    if not isinstance(address, str) or not isinstance(book, str) or "!" not in address:
        return address
    sheet, _, cell = address.rpartition("!")
    quoted = sheet.startswith("'") and sheet.endswith("'") and len(sheet) > 1
    name = sheet[1:-1].replace("''", "'") if quoted else sheet
    whole = f"[{book}]{name}"
    if quoted or _UNQUOTED.fullmatch(book) is None:
        whole = "'" + whole.replace("'", "''") + "'"
    return f"{whole}!{cell}"


FUNCTIONS[BOOK_ADDRESS] = Function(BOOK_ADDRESS, engine_call(_book_address), 2, 2)
