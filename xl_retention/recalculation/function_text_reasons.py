"""Why FIND, SEARCH or a function reading a date is #VALUE!: the text found nothing in, or the text that is no date.

``=FIND("z",A1)`` of A1 'Product' is #VALUE! in Excel (Microsoft's FIND page: "If find_text does not appear in
within_text, FIND and FINDB return the #VALUE! error value"), ``=EDATE("Pro",1)`` and ``=YEAR("2026-13-01")`` too
(a start date Excel reads as no date: its DATEVALUE rule); the engine kept only the code, so recalc listed the cell
with an empty reason (H559's task 2). :func:`function_text_reasons` reads the call's arguments as the function does
(typed in, one cell's value, or what its expression gives: :func:`.call_reasons.argument_value`) and names the cause
where the call is the cell's (:func:`.call_reasons.name_call`): ``FIND: "z" is not in the text 'Product' in S!A1``,
``EDATE: its start date 'Pro' (typed in) is a text Excel reads as no date``.

>>> _found_nothing("FIND", "z", "", "Product", " in S!A1", 1.0)
"FIND: 'z' is not in the text 'Product' in S!A1"
>>> _found_nothing("SEARCH", "-", " in S!B2", "Basic", "", 3.0)
"SEARCH: '-' in S!B2 is not in the text 'Basic' (typed in) from its character 3"
>>> _found_nothing("FIND", "a", "", "abc", "", 5.0)
"FIND: its start 5 is past the end of the text 'abc' (typed in, 3 characters)"
>>> _no_date("YEAR", 0, "2026-13-01", "")
"YEAR: its date '2026-13-01' (typed in) is a text Excel reads as no date or number"
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .call_reasons import Call, argument_value, name_call, unexplained_calls
from .excel_functions._core import ExcelError, is_error, number_text, text
from .excel_functions.text_numbers import text_to_number

if TYPE_CHECKING:
    import formualizer as fz

    from .embedded import Computed
    from .formula_texts import FormulaTexts

__all__ = ["function_text_reasons"]

#: the #VALUE! cells looked at (each costs an evaluation or a few)
MAX_LOOKED_AT = 100
_FIND = re.compile(r"(?i)(?<![\w.])(FINDB?|SEARCHB?)\(")
#: the functions reading a date (or a time) in an argument, by their positions there and what each is
_DATES: dict[str, dict[int, str]] = {
    "EDATE": {0: "start date"},
    "EOMONTH": {0: "start date"},
    "YEAR": {0: "date"},
    "MONTH": {0: "date"},
    "DAY": {0: "date"},
    "WEEKDAY": {0: "date"},
    "WEEKNUM": {0: "date"},
    "ISOWEEKNUM": {0: "date"},
    "HOUR": {0: "time"},
    "MINUTE": {0: "time"},
    "SECOND": {0: "time"},
    "DATEVALUE": {0: "date text"},
    "TIMEVALUE": {0: "time text"},
    "DAYS": {0: "end date", 1: "start date"},
    "DATEDIF": {0: "start date", 1: "end date"},
    "YEARFRAC": {0: "start date", 1: "end date"},
    "NETWORKDAYS": {0: "start date", 1: "end date"},
    "WORKDAY": {0: "start date"},
}
_DATED = re.compile(r"(?i)(?<![\w.])(?:_xlfn\.)?(" + "|".join(sorted(_DATES, key=len, reverse=True)) + r")\(")


def function_text_reasons(workbook: fz.Workbook, formulas: dict[str, FormulaTexts], result: Computed) -> int:
    """Give each #VALUE! cell without a reason whose FIND or SEARCH finds nothing, or whose date function reads a
    text that is no date, that reason; returns how many got one."""
    named = 0
    for call in unexplained_calls(formulas, result, _FIND, MAX_LOOKED_AT):
        reason = _find_reason(workbook, call)
        if reason is not None and name_call(workbook, result, call, reason, ("0", "1")):  # LEFT(A1,FIND(..)-1)
            named += 1
    for call in unexplained_calls(formulas, result, _DATED, MAX_LOOKED_AT):
        reason = _date_reason(workbook, call)
        if reason is not None and name_call(workbook, result, call, reason):
            named += 1
    return named


def _read(workbook: fz.Workbook, call: Call, k: int) -> tuple[str, Any] | None:
    """(where, value) of the call's argument ``k``; None where it is a range, an error or not read."""
    where, value = argument_value(workbook, call.sheet, call.place, call.arguments[k])
    if value is None and not call.arguments[k].strip():
        return None
    if isinstance(value, (list, dict)) or is_error(value):
        return None
    return where, value


def _find_reason(workbook: fz.Workbook, call: Call) -> str | None:
    """Why FIND or SEARCH of ``call`` is #VALUE! (its text not found, or its start outside the text), or None."""
    if not 2 <= len(call.arguments) <= 3:
        return None
    read = [_read(workbook, call, k) for k in range(len(call.arguments))]
    if any(r is None for r in read):
        return None
    try:
        wanted, within = text(read[0][1]), text(read[1][1])  # type: ignore[index]
    except ExcelError:
        return None
    start = read[2][1] if len(read) > 2 else 1.0  # type: ignore[index]
    if isinstance(start, str):
        start = text_to_number(start)
    if isinstance(start, bool) or not isinstance(start, int | float):
        return None
    name = call.match.group(1).upper()
    return _found_nothing(name, wanted, read[0][0], within, read[1][0], float(start))  # type: ignore[index]


def _shown(where: str) -> str:
    return where or " (typed in)"


def _found_nothing(name: str, wanted: str, wanted_at: str, within: str, within_at: str, start: float) -> str:
    """FIND's or SEARCH's reason: ``wanted`` (from ``wanted_at``) not in ``within`` (from ``within_at``) from
    character ``start``, or ``start`` outside ``within``."""
    if start < 1 or int(start) > len(within) + 1:
        size = f"{len(within)} characters"
        where = f"{within_at}, {size}" if within_at else f" (typed in, {size})"
        side = "before the start" if start < 1 else "past the end"
        return f"{name}: its start {number_text(start)} is {side} of the text {within!r}{where}"
    later = f" from its character {number_text(int(start))}" if int(start) > 1 else ""
    return f"{name}: {wanted!r}{wanted_at} is not in the text {within!r}{_shown(within_at)}{later}"


def _date_reason(workbook: fz.Workbook, call: Call) -> str | None:
    """Why the date function of ``call`` is #VALUE! (a date argument a text Excel reads as no date), or None."""
    name = call.match.group(1).upper()
    for k in _DATES[name]:
        if k >= len(call.arguments):
            continue
        read = _read(workbook, call, k)
        if read is not None and isinstance(read[1], str) and isinstance(text_to_number(read[1]), str):
            return _no_date(name, k, read[1], read[0])
    return None


def _no_date(name: str, k: int, value: str, where: str) -> str:
    """The reason of a date function ``name`` whose argument ``k`` is the text ``value`` (from ``where``)."""
    return f"{name}: its {_DATES[name][k]} {value!r}{_shown(where)} is a text Excel reads as no date or number"
