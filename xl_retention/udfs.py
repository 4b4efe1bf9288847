"""Excel functions for xlwings, generated from the registry.

Name this module under "UDF Modules" (``xl_retention.udfs``): classic xlwings (the
Excel add-in: Import Functions writes a VBA wrapper per function) and xlwings'
Office.js custom functions (xlwings Server, xlwings Lite) both read the functions
below. Each is a thin wrapper: xlwings hands it the cells (every argument as a 2-D
range, error cells as their code, e.g. ``"#N/A"``), :func:`xl_retention.cells.evaluate`
applies the Excel semantics over the core, and the result goes back with Excel
errors as their codes, which xlwings' Office.js path turns into real error values.

Classic xlwings (COM) hands a date-formatted cell over as a ``datetime`` (Range.Value; Office.js passes its serial,
as Excel's own functions read it): there each function also takes xlwings' reserved ``caller`` argument (the
calling cell, never a VBA argument) and turns such a date back into the serial of its workbook's date system
(Workbook.Date1904), :func:`excel_serial`.

On Office.js each function's help link (``helpUrl``, Excel's "More help on this function") is its section of the
formula reference on the project's address in the package's metadata (:mod:`xl_retention.help_urls`); none when the
package names no address.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import inspect
import sys
from collections.abc import Callable
from typing import Any

import xlwings as xw

from .cells import CellError, evaluate
from .help_urls import help_url, project_urls
from .registry import FUNCTIONS, ExcelFunction


def _no_pyodide_search() -> None:
    """Off Pyodide, xlwings' "is this Pyodide's JsNull?" answers False at once: xlwings' Office.js path (xlwings
    Server) asks it for every cell of every argument (``xlwings.utils.is_jsnull``, 0.37: ``from pyodide.ffi import
    JsNull``, False on ImportError), and the failed import searched the whole ``sys.path`` each time: =NPS(B:B) of
    200,000 rows took 97 s for 0.04 s of computing (H478's finding 01). The answer is xlwings' own (no module, no
    JsNull); nothing else of the process changes (``sys.modules`` and the import system are left alone: libraries
    that test ``"pyodide" in sys.modules`` still see no Pyodide, H480's 10). Under Pyodide (xlwings Lite), or where a
    ``pyodide`` package is installed, xlwings' function is kept."""
    if sys.platform == "emscripten" or importlib.util.find_spec("pyodide") is not None:
        return
    import xlwings.conversion.standard as standard  # noqa: PLC0415  (xlwings' own modules, imported by xlwings)
    import xlwings.utils as utils  # noqa: PLC0415

    def is_jsnull(value: object) -> bool:
        return False

    for module in (utils, standard):
        if callable(getattr(module, "is_jsnull", None)):
            module.is_jsnull = is_jsnull


_no_pyodide_search()


def _to_xlwings(value: Any) -> Any:
    if isinstance(value, CellError):
        return value.code
    if isinstance(value, list):
        return [[_to_xlwings(cell) for cell in row] for row in value]
    return value


_OLE_ZERO = dt.datetime(1899, 12, 30)  # day 0 of COM's dates (VT_DATE)
_DAY_ONE_1900 = dt.datetime(1900, 1, 1)  # serial 1 of the 1900 date system
_MARCH_1900 = dt.datetime(1900, 3, 1)  # serial 61: from here on a serial is COM's day count
_DAY_ZERO_1904 = dt.datetime(1904, 1, 1)  # serial 0 of the 1904 date system


def excel_serial(value: Any, date1904: bool) -> Any:
    """The serial number a date-formatted cell holds, from the date classic xlwings hands over (COM's Range.Value).

    1900 date system: from 1900-03-01 the serial is COM's day count since 1899-12-30; 1900-01-01 to 1900-02-28 are
    serials 1 to 59, one less (Excel counts a 29 February 1900 that COM's calendar has not: Microsoft KB 205719).
    1904 date system: days since 1904-01-01 (1,462 less than the 1900 serial). Any other value comes back as it
    is, and a date no cell of that system can hold (before 1900-01-01; before 1904-01-01) stays a date, refused as
    not a number (a time of day alone, day 0, is not told apart from such a date).

    >>> excel_serial(dt.datetime(1901, 6, 18), False), excel_serial(dt.datetime(1905, 6, 19, 12), True)
    (535.0, 535.5)
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    if not isinstance(value, dt.datetime):
        return value
    moment = value.replace(tzinfo=None)
    if date1904:
        if moment < _DAY_ZERO_1904:
            return value
        return (moment - _DAY_ZERO_1904) / dt.timedelta(days=1)
    if moment < _DAY_ONE_1900:
        return value
    days = (moment - _OLE_ZERO) / dt.timedelta(days=1)
    return days if moment >= _MARCH_1900 else days - 1.0


def _has_date(value: Any) -> bool:
    if isinstance(value, list | tuple):
        return any(_has_date(v) for v in value)
    return isinstance(value, dt.date)


def _serials(value: Any, date1904: bool) -> Any:
    if isinstance(value, list | tuple):
        return [_serials(v, date1904) for v in value]
    return excel_serial(value, date1904)


def _dates_as_serials(args: tuple[Any, ...], caller: Any) -> tuple[Any, ...]:
    """The arguments with COM's dates as their cells' serials, in the date system of ``caller``'s workbook (an
    xlwings Range; only asked when a date is there)."""
    if caller is None or not _has_date(args):
        return args
    date1904 = bool(caller.sheet.book.api.Date1904)  # Workbook.Date1904 (COM)
    return tuple(_serials(a, date1904) for a in args)


def _empty_cell(value: Any) -> bool:
    """Whether ``value`` is one empty cell as classic xlwings hands it over (``[[None]]``, ndim=2), which xlwings'
    Office.js route hands over as an omitted argument (its ``to_scalar``: a blank cell arrives as JavaScript's null).
    A formula's ``""`` is text, not an empty cell, on both.

    >>> _empty_cell([[None]]), _empty_cell([None]), _empty_cell([[""]]), _empty_cell([[None], [None]])
    (True, True, False, False)
    """
    while isinstance(value, list | tuple) and len(value) == 1:
        value = value[0]
    return value is None


def _blanks_omitted(function: ExcelFunction, args: tuple[Any, ...]) -> tuple[Any, ...]:
    """``args`` of classic xlwings with an optional argument that is one empty cell given as omitted, as the Office.js
    route and the embedded engine give it: ``REPEAT_PURCHASE_RATE(A2:A5, B1)`` with B1 empty read A2:A5 as order
    counts there (0.5) and was refused on the classic add-in ("total blank while other inputs are not"). Classic
    xlwings hands a formula's ``""`` over as an empty cell too (its ``_clean_value_data_element``), so there alone
    such a ``total`` is omitted as well, where the other two refuse it. Only classic: Office.js' ``[[None]]`` is a
    formula's ``""`` (its empty cell is None already)."""
    return tuple(
        None if position < len(function.args) and function.args[position].optional and _empty_cell(value) else value
        for position, value in enumerate(args)
    )


#: Excel's error numbers (XlCVError: Microsoft's page lists 2000 to 2045, newer type libraries 2046 to 2050), which COM
#: hands over as the VT_ERROR scode 0x800A0000 + number; classic xlwings turns only the first seven into their codes
_ERROR_NUMBERS = {
    2000: "#NULL!",
    2007: "#DIV/0!",
    2015: "#VALUE!",
    2023: "#REF!",
    2029: "#NAME?",
    2036: "#NUM!",
    2042: "#N/A",
    2043: "#GETTING_DATA",
    2045: "#SPILL!",
    2046: "#CONNECT!",
    2047: "#BLOCKED!",
    2048: "#UNKNOWN!",
    2049: "#FIELD!",
    2050: "#CALC!",
}
_FIRST_SCODE, _LAST_SCODE = 0x800A07D0 - 2**32, 0x800A0803 - 2**32  # Excel's 2000 to 2051 as COM's signed HRESULT


def com_error(value: Any) -> Any:
    """An error cell as classic xlwings hands over the ones it does not name (#SPILL!, #CALC!, #BUSY!, ...): the raw
    COM scode, an int (#SPILL! -2146826243), as its error code (one without a known code as a CellError naming its
    number), so it is an error input like the others (``#VALUE!``, the reason naming it), not a count; any other
    value as it is.

    >>> com_error(-2146826243), com_error(-2146826238), com_error(-2146826237), com_error(-2146826243.0), com_error(7)
    ('#SPILL!', '#CALC!', CellError(code='Excel error 2051', message=''), -2146826243.0, 7)
    """
    if type(value) is not int or not _FIRST_SCODE <= value <= _LAST_SCODE:
        return value
    number = value - _FIRST_SCODE + 2000
    return _ERROR_NUMBERS.get(number) or CellError(f"Excel error {number}")


def _com_errors(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [_com_errors(v) for v in value]
    return com_error(value)


def _classic() -> bool:
    """True where ``xw.func`` is classic xlwings' decorator (Windows' COM add-in), which fills ``caller``."""
    return getattr(xw.func, "__module__", "") == "xlwings.udfs"


def _make_udf(function: ExcelFunction, urls: dict[str, str]) -> Callable[..., Any]:
    classic = _classic()

    count = len(function.args)

    def udf(*args: Any, caller: Any = None) -> Any:
        if classic and len(args) > count:  # classic xlwings passes the calling Range in caller's place, the last
            args, caller = args[:count], args[count]
        if classic:
            args = _blanks_omitted(function, tuple(_com_errors(a) for a in args))
        return _to_xlwings(evaluate(function, *_dates_as_serials(args, caller)))

    udf.__name__ = udf.__qualname__ = function.name
    udf.__annotations__ = {}  # xlwings' decorators read type hints as converters (caller: Any is none)
    udf.__module__ = __name__
    udf.__doc__ = function.description
    udf.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(
                a.name,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                default=None if a.optional else inspect.Parameter.empty,
            )
            for a in function.args
        ]
        + ([inspect.Parameter("caller", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None)] if classic else [])
    )
    for a in reversed(function.args):
        udf = xw.arg(a.name, ndim=2, err_to_str=True, doc=a.doc)(udf)
    link = None if classic else help_url(function.name, urls)  # Office.js only (classic has no help link)
    return xw.func(help_url=link)(udf) if link else xw.func(udf)


_URLS = project_urls()  # read once for all the functions
for _function in FUNCTIONS:
    globals()[_function.name] = _make_udf(_function, _URLS)

__all__ = [f.name for f in FUNCTIONS]
