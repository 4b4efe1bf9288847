"""Day counts as Excel computes them: DAYS, DATEDIF, NETWORKDAYS, WORKDAY and WEEKNUM on serial numbers.

Excel's 1900 calendar has serial 1 = Sunday 1 January 1900 and a fictitious 29 February 1900 (serial 60).
Its day counts are differences of serial numbers and its weekdays a serial number modulo 7: DAYS "uses
EndDate-StartDate" (Microsoft's DAYS page), so ``DAYS(100,1)`` is 99 and a blank start date (serial 0)
gives the end date's serial; ``NETWORKDAYS(1,10)`` is 7 (Monday 2 January ... Tuesday 10 January 1900).
The engine went through real calendar dates, which lack serial 60 and make serial 1 a Monday.

A date given as text is read as Excel reads it (DAYS: "If either one of the date arguments is text,
that argument is treated as DATEVALUE(date_text)"): ``YEAR("2024-03-01")`` is 2024,
``NETWORKDAYS("2024-03-01","2024-03-10")`` 6. A logical is #VALUE!, a serial number below 0 or
past 31 December 9999 #NUM!. :func:`.register` leaves these to the engine in a 1904 workbook.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ._core import ExcelError, check, excel_function, is_error, matrix, number
from .dates import _month_start
from .multiples import UNSURE

_MAX_SERIAL = 2958465  # 31 December 9999
_EPOCH_ORDINAL = dt.date(1899, 12, 30).toordinal()


def date_serial(value: Any) -> int:
    """A date argument as Excel's whole serial number: text read as DATEVALUE reads it, blank 0, a logical #VALUE!.

    >>> date_serial("2024-03-01"), date_serial(45352.75), date_serial(None)
    (45352, 45352, 0)
    """
    from .text_numbers import text_to_number

    check(value)
    if isinstance(value, bool):
        raise ExcelError("#VALUE!")
    if isinstance(value, str):
        value = text_to_number(value)
        if isinstance(value, str) or value < 0:  # no date of Excel's calendar ("7/5/1800")
            raise ExcelError("#VALUE!")
    serial = number(value)
    if serial < 0 or serial >= _MAX_SERIAL + 1:
        raise ExcelError("#NUM!")
    return int(serial)


def ymd(serial: int) -> tuple[int, int, int]:
    """(year, month, day) of a serial number in Excel's calendar: 60 is 29 February 1900, 0 is 0 January 1900.

    >>> ymd(60), ymd(61), ymd(1), ymd(0)
    ((1900, 2, 29), (1900, 3, 1), (1900, 1, 1), (1900, 1, 0))
    """
    if serial >= 61:
        day = dt.date.fromordinal(_EPOCH_ORDINAL + serial)
        return day.year, day.month, day.day
    if serial == 60:
        return 1900, 2, 29
    if serial == 0:
        return 1900, 1, 0
    day = dt.date(1899, 12, 31) + dt.timedelta(days=serial)
    return day.year, day.month, day.day


def _weekday(serial: int) -> int:
    """0 for Sunday ... 6 for Saturday (serial 1 is a Sunday)."""
    return (serial - 1) % 7


@excel_function("DAYS", 2, 2)
def days(end: Any, start: Any) -> float:
    """DAYS(end_date, start_date): ``end_date - start_date`` in whole days.

    >>> days(100, 1), days(45716, None), days("2024-03-03", "2024-03-01")
    (99.0, 45716.0, 2.0)
    """
    return float(date_serial(end) - date_serial(start))


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return _month_start(year, month + 1) - _month_start(year, month)


@excel_function("DATEDIF", 3, 3)
def datedif(start: Any, end: Any, unit: Any) -> float:
    """DATEDIF(start_date, end_date, unit): whole years ("Y"), months ("M"), days ("D"), and the remainders "YM",
    "MD", "YD"; #NUM! when the start is after the end or the unit is none of these. A unit with spaces around it
    (``"m "``) is read without them, but whether Excel does is not known (Microsoft's DATEDIF page lists the six
    texts only, and no workbook saved by Excel here has one): the call is noted in :data:`.multiples.UNSURE` and the
    cell listed (:func:`..unsure_steps.unsure_step_cells`), keeping the value Excel stored.

    >>> datedif(40544, 40908, "M"), datedif(None, 45716, "d"), datedif(37043, 37483, "YD")
    (11.0, 45716.0, 75.0)
    >>> UNSURE.start(); datedif(40544, 40908, "m "), UNSURE.stop()
    (11.0, 'DATEDIF(40544, 40908, "m "): the unit "m " has spaces around it; whether Excel reads it as "M" or \
gives #NUM! is not known')
    """
    first, last = date_serial(start), date_serial(end)
    check(unit)
    kind = unit.strip().upper() if isinstance(unit, str) else None
    if first > last or kind not in ("Y", "M", "D", "YM", "MD", "YD"):
        raise ExcelError("#NUM!")
    if unit.upper() != kind:  # spaces around it
        shown = unit.replace('"', '""')
        UNSURE.note(
            f'DATEDIF({first}, {last}, "{shown}"): the unit "{shown}" has spaces around it; whether Excel reads it as '
            f'"{kind}" or gives #NUM! is not known'
        )
    if kind == "D":
        return float(last - first)
    (y1, m1, d1), (y2, m2, d2) = ymd(first), ymd(last)
    months = (y2 - y1) * 12 + (m2 - m1) - (1 if d2 < d1 else 0)
    if kind == "Y":
        return float(months // 12)
    if kind == "M":
        return float(months)
    if kind == "YM":
        return float(months % 12)
    if kind == "MD":
        if d2 >= d1:
            return float(d2 - d1)
        year, month = (y2, m2 - 1) if m2 > 1 else (y2 - 1, 12)
        return float(_days_in_month(year, month) - d1 + d2)
    # YD: the days from the start's month and day in the last year before the end
    year = y2 if (m1, d1) <= (m2, d2) else y2 - 1
    anniversary = _month_start(year, m1) + min(d1, _days_in_month(year, m1)) - 1
    return float(last - anniversary)


def _holidays(value: Any) -> frozenset[int]:
    """The holidays argument as whole serial numbers (errors pass on, blanks left out)."""
    if value is None:
        return frozenset()
    out = set()
    for row in matrix(value):
        for item in row:
            if is_error(item):
                check(item)
            if item is None or item == "":
                continue
            out.add(date_serial(item))
    return frozenset(out)


def _workdays_between(first: int, last: int) -> int:
    """Monday-to-Friday days from ``first`` to ``last`` inclusive (``first <= last``)."""
    span = last - first + 1
    weeks, rest = divmod(span, 7)
    count = weeks * 5
    start = _weekday(first)
    for k in range(rest):
        if (start + k) % 7 not in (0, 6):
            count += 1
    return count


@excel_function("NETWORKDAYS", 2, 3)
def networkdays(start: Any, end: Any, holidays: Any = None) -> float:
    """NETWORKDAYS(start_date, end_date, [holidays]): the working days (Monday to Friday, not a holiday) from start
    to end, both counted; negative when the end is before the start.

    >>> networkdays(1, 10), networkdays("2024-03-01", "2024-03-10"), networkdays(10, 1)
    (7.0, 6.0, -7.0)
    """
    first, last = date_serial(start), date_serial(end)
    off = _holidays(holidays)
    sign = 1
    if first > last:
        first, last, sign = last, first, -1
    count = _workdays_between(first, last)
    count -= sum(1 for day in off if first <= day <= last and _weekday(day) not in (0, 6))
    return float(sign * count)


@excel_function("WORKDAY", 2, 3)
def workday(start: Any, count: Any, holidays: Any = None) -> float:
    """WORKDAY(start_date, days, [holidays]): the working day ``days`` working days after (before) the start.

    >>> workday(1, 5), workday(61, -3), workday("2024-03-15", 1)
    (6.0, 58.0, 45369.0)
    """
    day = date_serial(start)
    check(count)
    if isinstance(count, bool):
        raise ExcelError("#VALUE!")
    steps = int(number(count))
    off = _holidays(holidays)
    step = 1 if steps > 0 else -1
    remaining = abs(steps)
    if not off and remaining > 10:  # whole weeks at once: 5 working days are 7 days
        weeks = (remaining - 5) // 5
        day += step * weeks * 7
        remaining -= weeks * 5
    while remaining:
        day += step
        if _weekday(day) not in (0, 6) and day not in off:
            remaining -= 1
        if day < 0 or day > _MAX_SERIAL:
            raise ExcelError("#NUM!")
    return float(day)


_WEEK_STARTS = {1: 0, 2: 1, 11: 1, 12: 2, 13: 3, 14: 4, 15: 5, 16: 6, 17: 0}


@excel_function("WEEKNUM", 1, 2)
def weeknum(value: Any, kind: Any = 1.0) -> float:
    """WEEKNUM(serial_number, [return_type]): the week of the year, week 1 holding 1 January (return_type 1 or
    17: weeks from Sunday, 2 or 11: Monday, 12-16: Tuesday-Saturday; 21: ISO 8601 weeks).

    >>> weeknum("2024-03-01"), weeknum(45352, 2), weeknum(45352, 21)
    (9.0, 9.0, 9.0)
    """
    serial = date_serial(value)
    check(kind)
    mode = 1 if kind is None else int(number(kind))
    if mode == 21:  # ISO 8601: the week of its Thursday, week 1 holding the year's first Thursday
        thursday = serial - (serial - 2) % 7 + 3
        if thursday < 1:
            return 52.0  # 1 January 1900 (a Sunday in Excel's calendar) ends 1899's last week
        return float((thursday - _month_start(ymd(thursday)[0], 1)) // 7 + 1)
    if mode not in _WEEK_STARTS:
        raise ExcelError("#NUM!")
    first = _month_start(ymd(serial)[0], 1)
    offset = (_weekday(first) - _WEEK_STARTS[mode]) % 7
    return float((serial - first + offset) // 7 + 1)


@excel_function("ISOWEEKNUM", 1, 1)
def isoweeknum(value: Any) -> float:
    """ISOWEEKNUM(date): the ISO 8601 week of the year (WEEKNUM's return_type 21), a date typed as text read as one
    as WEEKNUM reads it (the engine's own gave #VALUE! for "2024-03-15").

    >>> isoweeknum("2024-03-15"), isoweeknum(45366.0), isoweeknum(None)
    (11.0, 11.0, 52.0)
    """
    return weeknum(value, 21.0)


def _last_of_month(year: int, month: int, day: int) -> bool:
    return day == _days_in_month(year, month) if day > 0 else False


@excel_function("DAYS360", 2, 3)
def days360(start: Any, end: Any, european: Any = False) -> float:
    """DAYS360(start_date, end_date, [method]): days on a 360-day year (twelve 30-day months).

    US (NASD) method (FALSE, the default): a start on the 31st or on the last day of February counts as the 30th; an
    end on the 31st counts as the 30th when the start is (then) the 30th, else as the 1st of the next month.
    European method (TRUE): any 31st is the 30th. A later start gives a negative count (no swap).

    >>> days360("2024-02-29", "2024-12-31"), days360(45292, 45322), days360(45382, 45322, True)
    (300.0, 30.0, -60.0)
    """
    (y1, m1, d1), (y2, m2, d2) = ymd(date_serial(start)), ymd(date_serial(end))
    check(european)
    if isinstance(european, str):
        raise ExcelError("#VALUE!")
    if european is not None and number(european) != 0:
        d1, d2 = min(d1, 30), min(d2, 30)
    else:
        if d1 == 31 or (m1 == 2 and _last_of_month(y1, m1, d1)):
            d1 = 30
        if d2 == 31 and d1 == 30:
            d2 = 30
    return float((y2 - y1) * 360 + (m2 - m1) * 30 + d2 - d1)


#: NETWORKDAYS.INTL's and WORKDAY.INTL's weekend numbers -> the days off (0 Monday ... 6 Sunday)
_WEEKENDS = {1: {5, 6}, 2: {6, 0}, 3: {0, 1}, 4: {1, 2}, 5: {2, 3}, 6: {3, 4}, 7: {4, 5}}
_WEEKENDS.update({10 + k: {(k + 5) % 7} for k in range(1, 8)})  # 11 Sunday only ... 17 Saturday only


#: the weekend argument omitted (an empty one, ``NETWORKDAYS.INTL(a,b,,h)``, is made 1 by ..omitted_arguments)
_OMITTED = object()


def _weekend(value: Any, every_day: bool = False) -> frozenset[int]:
    """The weekend argument: omitted Saturday and Sunday; a number (1-7, 11-17; #NUM! otherwise, a blank cell too: 0)
    or seven 0/1 characters from Monday (1 a day off; #VALUE! otherwise, and for seven days off unless ``every_day``:
    NETWORKDAYS.INTL counts 0 days then).

    >>> sorted(_weekend(_OMITTED)), sorted(_weekend("0000011")), sorted(_weekend(11))
    ([5, 6], [5, 6], [6])
    """
    if value is _OMITTED:
        return frozenset({5, 6})
    check(value)
    if value is None:  # a blank cell given as the weekend is 0 in Excel: #NUM! (the argument omitted is 1)
        raise ExcelError("#NUM!")
    if isinstance(value, str):
        if len(value) != 7 or set(value) - {"0", "1"} or (value == "1111111" and not every_day):
            raise ExcelError("#VALUE!")
        return frozenset(k for k, flag in enumerate(value) if flag == "1")
    if isinstance(value, bool):
        raise ExcelError("#VALUE!")
    days = _WEEKENDS.get(int(number(value)))
    if days is None:
        raise ExcelError("#NUM!")
    return frozenset(days)


def _monday_first(serial: int) -> int:
    return (_weekday(serial) + 6) % 7


@excel_function("NETWORKDAYS.INTL", 2, 4)
def networkdays_intl(start: Any, end: Any, weekend: Any = _OMITTED, holidays: Any = None) -> float:
    """NETWORKDAYS.INTL(start_date, end_date, [weekend], [holidays]): the working days from start to end, both counted,
    with the given days off; negative when the end is before the start. Serial numbers are counted as Excel counts
    them (a blank start is serial 0).

    >>> networkdays_intl(45292, "2024-01-31", 1), networkdays_intl(None, 45306, "0000000"), networkdays_intl(10, 1)
    (23.0, 45307.0, -7.0)
    """
    first, last = date_serial(start), date_serial(end)
    off, free = _weekend(weekend, every_day=True), _holidays(holidays)
    sign = 1
    if first > last:
        first, last, sign = last, first, -1
    weeks, rest = divmod(last - first + 1, 7)
    count = weeks * (7 - len(off)) + sum(1 for k in range(rest) if _monday_first(first + k) not in off)
    count -= sum(1 for day in free if first <= day <= last and _monday_first(day) not in off)
    return float(sign * count)


@excel_function("WORKDAY.INTL", 2, 4)
def workday_intl(start: Any, count: Any, weekend: Any = _OMITTED, holidays: Any = None) -> float:
    """WORKDAY.INTL(start_date, days, [weekend], [holidays]): the working day ``days`` working days after (before) the
    start, with the given days off.

    >>> workday_intl("2024-01-05", 1, 1), workday_intl(45296, 1, 11), workday_intl(45296, -1, "0000011")
    (45299.0, 45297.0, 45295.0)
    """
    day = date_serial(start)
    check(count)
    if isinstance(count, bool):
        raise ExcelError("#VALUE!")
    steps = int(number(count))
    off, free = _weekend(weekend), _holidays(holidays)
    step = 1 if steps > 0 else -1
    remaining = abs(steps)
    per_week = 7 - len(off)
    if not free and remaining > 2 * per_week:  # whole weeks at once
        weeks = remaining // per_week - 1
        day += step * weeks * 7
        remaining -= weeks * per_week
    while remaining:
        day += step
        if day < 0 or day > _MAX_SERIAL:
            raise ExcelError("#NUM!")
        if _monday_first(day) not in off and day not in free:
            remaining -= 1
    return float(day)
