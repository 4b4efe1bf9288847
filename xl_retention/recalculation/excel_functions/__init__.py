"""Excel functions the embedded engine (formualizer 0.13) lacks or computes differently from Excel.

One module per family (:mod:`.dates`, :mod:`.engineering`, :mod:`.financial`, :mod:`.logical`,
:mod:`.lookup`, :mod:`.maths`, :mod:`.text`, :mod:`.statistical`); each function is checked against
values Excel itself computed. They are registered on a formualizer workbook by :func:`register`,
overriding the engine's built-in function of the same name where there is one.

>>> "VDB" in FUNCTIONS and "DEC2BIN" in FUNCTIONS
True
"""

from __future__ import annotations

from functools import partial
from typing import Any

from . import (  # noqa: F401  (each registers its functions)
    amortization,
    arithmetic,
    bonds,
    certain_probabilities,
    collation,
    complex_arithmetic,
    complex_functions,
    complex_texts,
    compounding,
    criteria,
    criteria_cells,
    criteria_date_texts,
    criteria_digits,
    criteria_formatted,
    criteria_long,
    criteria_rewrites,
    criteria_runtime,
    criteria_values,
    database_criteria,
    dates,
    day_counts,
    discounts,
    durations,
    elementwise,
    engineering,
    financial,
    formula_facts,
    frequency,
    information,
    joined_texts,
    logical,
    lookup,
    matched_errors,
    maths,
    number_texts,
    odd_periods,
    payments,
    present_values,
    r1c1,
    regex_texts,
    regression,
    shares,
    statistical,
    text,
    text_edit,
    text_slices,
    thai_texts,
    truncated,
    typed,
    url_texts,
    wraps,
)
from ._core import EACH, FUNCTIONS, ExcelError, Function, engine_call

__all__ = ["DATE_FUNCTIONS", "FUNCTIONS", "ExcelError", "Function", "register"]


#: functions that read dates as serial numbers of the 1900 date system
DATE_FUNCTIONS = frozenset(
    ("DATE", "EDATE", "EOMONTH", "YEARFRAC", "COUPPCD", "COUPNCD", "COUPNUM", "COUPDAYS", "COUPDAYBS", "COUPDAYSNC")
    + ("DAYS", "DATEDIF", "NETWORKDAYS", "WORKDAY", "WEEKNUM", "YEAR", "MONTH", "DAY", "WEEKDAY")
    + ("DAYS360", "NETWORKDAYS.INTL", "WORKDAY.INTL", "DATEVALUE", "ISOWEEKNUM")
)


def _date_in_1904(value: Any) -> Any:
    """A text date (``"2024-01-15"``) as the 1904 system's serial number (43844), an array element by element; a date
    before 1904 is #VALUE!; anything else unchanged."""
    if isinstance(value, list):
        return [[_date_in_1904(item) for item in row] if isinstance(row, list) else _date_in_1904(row) for row in value]
    if isinstance(value, str):
        serial = typed.date_serial(value)
        if serial is not None:
            moved = serial - typed.EPOCH_1904
            return moved if moved >= 0 else {"type": "Error", "kind": "#VALUE!"}
    return value


def _criterion_in_1904(value: Any) -> Any:
    """A criterion made when the formula runs (``">="&F1`` of the text "2024-03-01", a cell holding ``>=2024-03-01``)
    with its date as the 1904 system's serial number, as :func:`.criteria_values.dated` reads a typed one; a one-cell
    range or an array element by element; anything else unchanged.

    >>> _criterion_in_1904(">=2024-03-01"), _criterion_in_1904([["2024-01-15"]]), _criterion_in_1904(">=5")
    ('>=43890', [['43844']], '>=5')
    """
    if isinstance(value, list):
        return [
            [_criterion_in_1904(v) for v in row] if isinstance(row, list) else _criterion_in_1904(row) for row in value
        ]
    return criteria_values.dated(value, 0.0) if isinstance(value, str) else value


def _criteria_in_1904(call: Any) -> Any:
    """``call`` (a function of one criterion) reading a date text criterion in the 1904 date system."""

    def moved(value: Any) -> Any:
        return call(_criterion_in_1904(value))

    return moved


def _dates_in_1904(call: Any) -> Any:
    """``call`` (a function of one value reading text as a number) reading text dates in the 1904 date system.

    >>> _dates_in_1904(lambda v: v)([["2024-01-15", "x", 5.0]])
    [[43844.0, 'x', 5.0]]
    """

    def moved(value: Any) -> Any:
        return call(_date_in_1904(value))

    return moved


def register(workbook: Any, date1904: bool = False) -> None:
    """Register every function of this package on a formualizer ``workbook`` (before its first evaluation).

    ``date1904``: the workbook uses the 1904 date system; the date functions (:data:`DATE_FUNCTIONS`),
    which read 1900-system serial numbers, then get their date arguments and results moved by
    :func:`.dates.in_1904` (those it does not know are left to the engine, and their element-by-element
    forms, :mod:`.elementwise`, not registered), TEXT formats dates from 1 January 1904, and VALUE and the typed
    arguments of aggregates (``_XLR.TYPED``) read a text date as the 1904 serial number, as do the criteria made when
    the formula runs (``">="&F1``, a cell's ``>=2024-03-01``: ``_XLR.WIDENED``, ``_XLR.NUMBERED``), as
    :func:`.criteria_values.dated` reads a typed one.

    Each is registered under its name and under ``_xlfn.NAME``, the name Excel writes into the file
    for functions newer than Excel 2007 (``_xlfn.REGEXTEST``), which formualizer looks up as written.
    """
    functions = dict(FUNCTIONS)
    if date1904:
        for name in DATE_FUNCTIONS | {EACH + name for name in DATE_FUNCTIONS | elementwise.DATE_READING}:
            function = functions.pop(name, None)  # left to the engine, but those dates.in_1904 moves (H9)
            shifted = dates.in_1904(name, function.call) if function is not None else None
            if function is not None and shifted is not None:
                functions[name] = Function(name, shifted, function.min_args, function.max_args)
        functions["TEXT"] = Function(  # TEXT("2024-03-01","dd mmm yyyy"): the text's date, not 4 years on
            "TEXT", engine_call(lambda value, fmt: text.text_(_date_in_1904(value), fmt, True)), 2, 2
        )
        for name in (criteria_digits.WIDENED, criteria_values.NUMBERED):  # ">="&F1, a criterion in a cell: as DATED
            function = functions[name]
            functions[name] = Function(name, _criteria_in_1904(function.call), function.min_args, function.max_args)
        for name in criteria.EACH_CRITERIA:  # COUNTIF(A:A,A2:A9) over text dates: read as 1904 serials
            function = functions[name]
            functions[name] = Function(name, partial(function.call, shift=dates.SHIFT_1904), function.min_args,
                                       function.max_args)  # fmt: skip
        for name in (
            typed.TYPED,
            typed.VALUE,
            number_texts.NUMBER,
            present_values.NPV_VALUE,
        ):  # VALUE(A1) of "2024-01-15": the 1904 serial
            function = functions.get(name)
            if function is not None:
                functions[name] = Function(name, _dates_in_1904(function.call), function.min_args, function.max_args)
    for function in [*functions.values(), *elementwise.package_forms(functions)]:
        for name in (function.name, f"_xlfn.{function.name}"):
            workbook.register_function(
                name, function.call, min_args=function.min_args, max_args=function.max_args, allow_override_builtin=True
            )
