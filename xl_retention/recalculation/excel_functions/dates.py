"""Date functions whose argument checks differ in the engine: DATE, EDATE, EOMONTH, YEARFRAC, HOUR, MINUTE, SECOND,
TIME (a negative total time is #NUM!, the engine wraps it into the day), TIMEVALUE (a date in the text is ignored,
where the engine said #VALUE!).

DATE gives #NUM! for a date before 0 January 1900 or after 31 December 9999 (the engine returns
such serial numbers, or dates Excel cannot show).

Excel refuses a logical where a date or a number of months is expected (``EDATE(366, FALSE)`` is
#VALUE!, where the engine reads FALSE as 0), and YEARFRAC checks its ``basis`` before its dates
(``YEARFRAC(#DIV/0!, 200, -1)`` is #NUM!). HOUR, MINUTE and SECOND read a time typed as
text (``HOUR("1:23")`` = 1, ``HOUR("12:59:59 AM")`` = 0), which the engine refuses. Dates are
serial numbers of the 1900 date system
(serial 60 is Excel's fictitious 29 February 1900); in a workbook that uses the 1904 date system
:func:`in_1904` moves their date arguments and results (a date before 1 January 1904 is #NUM!).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

from ._core import EACH, ExcelError, check, excel_function, number

_EPOCH = dt.date(1899, 12, 30)
_MAX_SERIAL = 2958465  # 31 December 9999


def serial_to_date(serial: float) -> dt.date:
    """An Excel serial number (1900 system, truncated) as a date; serial 60 reads as 1 March 1900."""
    whole = int(serial)
    if whole < 0 or whole > _MAX_SERIAL:
        raise ExcelError("#NUM!")
    return _EPOCH + dt.timedelta(days=whole + 1 if whole < 61 else whole)


def date_to_serial(day: dt.date) -> float:
    """A date as Excel's serial number (1900 system)."""
    serial = (day - _EPOCH).days
    return float(serial - 1 if serial <= 60 else serial)


def _no_logical(value: Any) -> float:
    """A date or count argument: a logical is #VALUE!, errors pass on, a date typed as text is read as Excel
    reads it ("2024-01-31", "1/31/2024"), else Excel's number."""
    from .text_numbers import text_to_number

    check(value)
    if isinstance(value, bool):
        raise ExcelError("#VALUE!")
    if isinstance(value, str):
        value = text_to_number(value)
    return number(value)


def _shifted(start: Any, months: Any) -> tuple[int, int, int]:
    """(year, month, day) of ``start`` moved by whole ``months`` in Excel's calendar (serial 60 is 29 February 1900,
    serial 0 the 0th of January 1900); #NUM! before 1900 or after 9999."""
    from .day_counts import ymd

    serial, count = _no_logical(start), _no_logical(months)
    if serial < 0 or serial > _MAX_SERIAL:
        raise ExcelError("#NUM!")
    year, month, day = ymd(int(serial))
    total = year * 12 + month - 1 + int(count)
    year, month = divmod(total, 12)
    if year < 1900 or year > 9999:
        raise ExcelError("#NUM!")
    return year, month + 1, day


def _month_days(year: int, month: int) -> int:
    """Days of a month in Excel's calendar, where February 1900 has 29."""
    return 29 if (year, month) == (1900, 2) else calendar.monthrange(year, month)[1]


@excel_function("EDATE", 2, 2)
def edate(start: Any, months: Any) -> float:
    """EDATE(start_date, months): the same day ``months`` later (clamped to the month's end), in Excel's calendar.

    >>> edate(366, 1), edate(366, 1.9), edate(29, 1), edate(60, 1)  # 29 Jan 1900 -> Excel's 29 Feb 1900 (60)
    (397.0, 397.0, 60.0, 89.0)
    """
    year, month, day = _shifted(start, months)
    result = float(_month_start(year, month) + min(day, _month_days(year, month)) - 1)
    if result < 0 or result > _MAX_SERIAL:
        raise ExcelError("#NUM!")
    return result


@excel_function("EOMONTH", 2, 2)
def eomonth(start: Any, months: Any) -> float:
    """EOMONTH(start_date, months): the last day of the month ``months`` later, in Excel's calendar.

    >>> eomonth(366, 1), eomonth(32, 0), eomonth(0, 0)  # 31 Jan 1901; Excel's 29 Feb 1900; 31 Jan 1900
    (397.0, 60.0, 31.0)
    """
    year, month, _ = _shifted(start, months)
    result = float(_month_start(year, month) + _month_days(year, month) - 1)
    if result < 0 or result > _MAX_SERIAL:
        raise ExcelError("#NUM!")
    return result


def _basis(value: Any) -> int:
    check(value)
    if value is None:
        return 0
    if isinstance(value, bool):
        raise ExcelError("#VALUE!")
    basis = int(number(value))
    if basis not in range(5):
        raise ExcelError("#NUM!")
    return basis


def _last_of_february(day: dt.date) -> bool:
    return day.month == 2 and day.day == calendar.monthrange(day.year, 2)[1]


def actual_year(start: dt.date, end: dt.date) -> float:
    """Basis 1's days in a year from ``start`` to ``end`` (``start`` first), Excel's rule (MS-OI29500's notes on the
    basis argument): dates at most a year apart (the same year, or the next up to the same day) 366 where a
    29 February is in the period or both are in one leap year, else 365; further apart the average days of the years
    touched, first to last.

    >>> actual_year(dt.date(2018, 7, 1), dt.date(2019, 3, 1)), actual_year(dt.date(2019, 7, 1), dt.date(2020, 3, 1))
    (365.0, 366.0)
    >>> actual_year(dt.date(1990, 3, 4), dt.date(1993, 12, 31))  # 1990-1993: 1,461 days over 4 years
    365.25
    """
    if start.year == end.year or (
        end.year == start.year + 1 and (start.month, start.day) >= (end.month, end.day)
    ):  # at most one year apart
        if start.year == end.year:
            leap = calendar.isleap(start.year)
        else:  # a 29 February inside the period
            leap = (calendar.isleap(start.year) and (start.month, start.day) <= (2, 29)) or (
                calendar.isleap(end.year) and (end.month, end.day) >= (2, 29)
            )
        return 366.0 if leap else 365.0
    years = end.year - start.year + 1
    span = (dt.date(end.year + 1, 1, 1) - dt.date(start.year, 1, 1)).days
    return span / years


def _actual_actual(start: dt.date, end: dt.date) -> float:
    """Basis 1: days over the length of the year(s) the period touches (Excel's rule, :func:`actual_year`)."""
    return (end - start).days / actual_year(start, end)


@excel_function("YEARFRAC", 2, 3)
def yearfrac(start: Any, end: Any, basis: Any = 0.0) -> float:
    """YEARFRAC(start_date, end_date, [basis]): the fraction of a year between two dates.

    Basis 0 US 30/360 (NASD), 1 actual/actual, 2 actual/360, 3 actual/365, 4 European 30/360.

    >>> round(yearfrac(40909, 41120), 8), round(yearfrac(40909, 41120, 3), 8)  # Excel's example: 2012-01-01..07-30
    (0.58055556, 0.57808219)
    >>> round(yearfrac(45351, 45382), 6), round(yearfrac(44985, 45657), 6)  # 2024-02-29..03-31, 2023-02-28..2024-12-31
    (0.086111, 1.836111)
    """
    kind = _basis(basis)
    a, b = _no_logical(start), _no_logical(end)
    first, second = serial_to_date(a), serial_to_date(b)
    if first > second:
        first, second = second, first
    if kind == 1:
        return _actual_actual(first, second)
    if kind in (2, 3):  # serial numbers' difference, as Excel counts (a blank start is serial 0, 1900-02-29 a day)
        return abs(int(b) - int(a)) / (360.0 if kind == 2 else 365.0)
    d1, d2 = first.day, second.day
    if kind == 4:
        d1, d2 = min(d1, 30), min(d2, 30)
    elif d1 == 31:  # US (NASD) 30/360 as Excel applies it: one rule of a chain, tried in this order (Apache POI's
        d1, d2 = 30, min(d2, 30)  # YearFracCalculator.basis0, from Excel's own results; LibreOffice alike): a start on
    elif d1 == 30 and d2 == 31:  # February's last day beside an end on a 31st keeps the 31 (H509's finding 03:
        d2 = 30  # 2024-02-29..03-31 is 31/360, was 30/360)
    elif _last_of_february(first):
        d1, d2 = 30, (30 if _last_of_february(second) else d2)
    return ((second.year - first.year) * 360 + (second.month - first.month) * 30 + (d2 - d1)) / 360.0


def _clock(value: Any) -> tuple[int, int, int]:
    """(hour, minute, second) of a serial number or a time typed as text, rounded to the second."""
    from .text_numbers import text_to_number

    check(value)
    if isinstance(value, str):
        value = text_to_number(value)
        if isinstance(value, str):
            raise ExcelError("#VALUE!")
    serial = number(value)
    if serial < 0:
        raise ExcelError("#NUM!")
    seconds = int((serial - math.floor(serial)) * 86400 + 0.5) % 86400
    return seconds // 3600, seconds % 3600 // 60, seconds % 60


@excel_function("HOUR", 1, 1)
def hour(value: Any) -> float:
    """HOUR(serial_number).

    >>> hour("1:23"), hour("12:59:59 AM"), hour(0.75)
    (1.0, 0.0, 18.0)
    """
    return float(_clock(value)[0])


@excel_function("MINUTE", 1, 1)
def minute(value: Any) -> float:
    """MINUTE(serial_number)."""
    return float(_clock(value)[1])


@excel_function("SECOND", 1, 1)
def second(value: Any) -> float:
    """SECOND(serial_number)."""
    return float(_clock(value)[2])


@excel_function("TIMEVALUE", 1, 1)
def timevalue(value: Any) -> float:
    """TIMEVALUE(time_text): the fraction of a day of a time typed as text; a date in the text is ignored
    (Microsoft: "Date information in time_text is ignored"). A number, a logical, a blank or text that is no
    time is #VALUE!; the time is read to the millisecond (the date's serial number would cost digits).

    >>> round(timevalue("22-Aug-2011 6:35 AM"), 12), timevalue("2024-01-15 12:00"), timevalue("1/15/2024 18:00")
    (0.274305555556, 0.5, 0.75)
    """
    from .text_numbers import _MIXED_FRACTION, text_to_number

    check(value)
    if not isinstance(value, str) or _PLAIN_TEXT_NUMBER.fullmatch(value) or _MIXED_FRACTION.fullmatch(value.strip()):
        raise ExcelError("#VALUE!")  # "1 1/2": a number, no time
    parsed = text_to_number(value)
    if isinstance(parsed, str) or parsed < 0:
        raise ExcelError("#VALUE!")
    return round((parsed - math.floor(parsed)) * 86400, 3) % 86400 / 86400


#: text of a plain number ("0.5", "12"), which TIMEVALUE refuses
_PLAIN_TEXT_NUMBER = re.compile(r"\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?%?\s*")


_TIME_PART_MAX = 32767  # Excel's TIME reads each part as a number from 0 to 32767


@excel_function("TIME", 3, 3)
def time(hours: Any, minutes: Any, seconds: Any) -> float:
    """TIME(hour, minute, second): the fraction of a day, wrapping at 24 hours; a negative total time is #NUM!.

    Each part is truncated to a whole number; a part above 32767 is #NUM! (Excel's documented range, also
    ECMA-376's: ``TIME(0,0,86400)`` is #NUM!, not 0); parts below 0 are allowed while the total time is not
    negative (``TIME(1,-30,0)`` is 0:30), as in Excel.

    >>> time(12, 0, 0), time(27, 0, 0), time(0, 750, 0) == time(12, 30, 0), time(24, 0, 0), time(1, -30, 0)
    (0.5, 0.125, True, 0.0, 0.020833333333333332)
    """
    parts = [int(number(part)) for part in (hours, minutes, seconds)]
    if any(part > _TIME_PART_MAX for part in parts):
        raise ExcelError("#NUM!")
    total = parts[0] * 3600 + parts[1] * 60 + parts[2]
    if total < 0:
        raise ExcelError("#NUM!")
    return (total % 86400) / 86400


def _month_start(year: int, month: int) -> int:
    """Excel's serial number of the first day of a month (the 1900 system, with its 29 February 1900)."""
    if (year, month) >= (1900, 3):
        return (dt.date(year, month, 1) - _EPOCH).days
    if year == 1900:
        return 1 if month == 1 else 32
    return (dt.date(year, month, 1) - dt.date(1899, 12, 31)).days


@excel_function("DATE", 3, 3)
def date(year: Any, month: Any, day: Any) -> float:
    """DATE(year, month, day): months and days past their range carry over; a year below 1900 adds 1900.

    >>> date(2024, 1, 1), date(1900, 2, 29), date(1900, 1, 0), date(2023, 14, 1), date(2024, 3, 0)
    (45292.0, 60.0, 0.0, 45323.0, 45351.0)
    """
    y, m, d = int(number(year)), int(number(month)), int(number(day))
    if y < 0 or y >= 10000:
        raise ExcelError("#NUM!")
    if y < 1900:
        y += 1900
    months = y * 12 + (m - 1)
    y, m = divmod(months, 12)
    if y < 1899 or y > 9999:
        raise ExcelError("#NUM!")
    serial = _month_start(y, m + 1) + d - 1
    if serial < 0 or serial > _MAX_SERIAL:
        raise ExcelError("#NUM!")
    return float(serial)


#: 1 January 1904, serial 0 of the 1904 date system, in the 1900 system
SHIFT_1904 = 1462

#: date functions of this package in a 1904 workbook: name -> (argument positions that are dates, whether the
#: result is a date); text dates are read by the functions themselves (as 1900 serials), numbers are shifted
DATES_1904: dict[str, tuple[frozenset[int], bool]] = {
    "DATE": (frozenset(), True),
    "EDATE": (frozenset({0}), True),
    "EOMONTH": (frozenset({0}), True),
    "WORKDAY": (frozenset({0, 2}), True),
    "WORKDAY.INTL": (frozenset({0, 3}), True),
    "COUPPCD": (frozenset({0, 1}), True),
    "COUPNCD": (frozenset({0, 1}), True),
    "DATEVALUE": (frozenset(), True),
    **dict.fromkeys(("YEAR", "MONTH", "DAY", "WEEKDAY", "WEEKNUM", "ISOWEEKNUM"), (frozenset({0}), False)),
    **dict.fromkeys(
        ("YEARFRAC", "DAYS", "DATEDIF", "DAYS360", "NETWORKDAYS", "COUPNUM", "COUPDAYS", "COUPDAYBS", "COUPDAYSNC"),
        (frozenset({0, 1}), False),
    ),
    "NETWORKDAYS.INTL": (frozenset({0, 1, 3}), False),
}


def _shifted_numbers(value: Any, by: int) -> Any:
    """``value`` (an engine value: a number, a list of lists of them, text, an error) with each number moved ``by``
    days; text, logicals, blanks and errors as they are."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return value + by
    if isinstance(value, list | tuple):
        return [_shifted_numbers(v, by) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, str):  # a numpy array
        return _shifted_numbers(value.tolist(), by)
    return value


def _back_to_1904(value: Any) -> Any:
    """A 1900-system date result in the 1904 system: before 1 January 1904 is #NUM! (Microsoft KB 180158)."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return value - SHIFT_1904 if value >= SHIFT_1904 else {"type": "Error", "kind": "#NUM!"}
    if isinstance(value, list | tuple):
        return [_back_to_1904(v) for v in value]
    return value


def in_1904(name: str, call: Callable[..., Any]) -> Callable[..., Any] | None:
    """The engine call ``call`` of date function ``name`` (1900 serials) for a 1904 workbook: its date arguments'
    numbers moved to the 1900 system and its date result back (``DATE(1902,8,12)`` is #NUM!, ``DATE(4,3,31)``
    90, ``YEAR("2024-01-15")`` 2024); None for a function not in :data:`DATES_1904` (left to the engine)."""
    bare = name.removeprefix(EACH)
    if bare not in DATES_1904:
        return None
    positions, gives_date = DATES_1904[bare]

    def shifted(*args: Any) -> Any:
        moved = [_shifted_numbers(a, SHIFT_1904) if k in positions else a for k, a in enumerate(args)]
        result = call(*moved)
        if bare == "DATEVALUE" and isinstance(result, float) and result < SHIFT_1904:
            return {"type": "Error", "kind": "#VALUE!"}  # a text date before 1904 is out of DATEVALUE's range
        return _back_to_1904(result) if gives_date else result

    return shifted
