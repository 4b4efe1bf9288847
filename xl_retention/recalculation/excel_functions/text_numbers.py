"""Text Excel reads as a number (:func:`text_to_number`): numeric text ("$1,000", "1,234.5", "10%", "(1,000)"), a
date (ISO, or as typed in the US locale) with an optional time, a time, a whole number and a fraction ("99 16/32"). One
reader for VALUE, arithmetic on text, TEXT, FIXED and DOLLAR (:mod:`.text`) and the criteria and date functions.

Split from :mod:`.text` verbatim (which keeps ``text_to_number`` among its names).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ._core import plain_number

_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?: (.*))?")
_TIME = re.compile(r"(\d+):(\d+)(?::(\d+))?(\.\d*)?\s*(AM|PM)?", re.IGNORECASE)


#: an hour with AM or PM and no minutes ("9 AM"), and a time with a or p after a space ("8:00 a")
_HOUR_HALF = re.compile(r"(\d{1,2})\s*([AaPp][Mm])")
_ONE_LETTER = re.compile(r"(\d{1,2}:\d{1,2}(?::\d{1,2})?)\s+([AaPp])")
#: a month's name with its day glued on ("March1", "Sep1": Excel's =MONTH(A2&1) idiom), read as "March 1"
_GLUED_DAY = re.compile(
    r"(?i)(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)(\d{1,2})"
)


def _time_fraction(part: str, elapsed: bool = False) -> float | None:
    """A time typed as text as Excel reads it: h:m, h:m:s(.f), m:s.f (two parts with decimals); AM/PM.

    Excel's limits: hours to 23, minutes to 9999 in h:m and to 59 otherwise, seconds to 9999. ``elapsed`` (a time
    alone, no date before it): hours from 24 to 9999 too, as an elapsed time, where the minutes and seconds are
    below 60 ("37:30" is 1.5625, shown 37:30:00, as Excel reads it typed in a cell); "24:99" stays text (TEXT keeps
    it in the pycel corpus, Excel's own values).

    >>> _time_fraction("37:30", True), _time_fraction("37:30"), _time_fraction("24:99", True)
    (1.5625, None, None)
    >>> _time_fraction("100:00:00", True), _time_fraction("25:00:60", True), _time_fraction("10000:00", True)
    (4.166666666666667, None, None)
    >>> _time_fraction("9 AM"), _time_fraction("5PM"), _time_fraction("4:00 p"), _time_fraction("13 PM")
    (0.375, 0.7083333333333334, 0.6666666666666666, None)
    """
    part = part.strip()
    bare_hour = _HOUR_HALF.fullmatch(part)  # "9 AM", "5PM": the hour alone (Microsoft, "Enter a date or time")
    letter = None if bare_hour else _ONE_LETTER.fullmatch(part)  # "9:00 p": a or p after a space, as typed
    part = f"{bare_hour[1]}:00 {bare_hour[2]}" if bare_hour else f"{letter[1]} {letter[2]}M" if letter else part
    match = _TIME.fullmatch(part)
    if match is None:
        return None
    first, second, third, decimals, half = match.groups()
    fraction = float(decimals) if decimals and len(decimals) > 1 else 0.0
    a, b = int(first), int(second)
    hours = 9999 if elapsed and b <= 59 and (third is None or int(third) + fraction < 60) else 23
    if third is None and decimals and len(decimals) > 1:  # 23:59.5 is minutes and seconds
        if a > 59 or b > 9999:
            return None
        seconds = a * 60 + b + fraction
    elif third is None:  # hours and minutes
        if a > hours or b > 9999:
            return None
        seconds = a * 3600 + b * 60
    else:
        if a > hours or b > 59 or int(third) > 9999:
            return None
        seconds = a * 3600 + b * 60 + int(third) + fraction
    if half:
        hours = int(first)
        if hours > 12 or hours == 0:
            return None
        seconds += (12 if half.upper() == "PM" and hours != 12 else 0) * 3600 - (
            hours == 12 and half.upper() == "AM"
        ) * 43200
    return seconds / 86400


#: a number as typed in the US (en-US) locale: $ sign, thousands separators in groups of three, %, (negative)
_FORMATTED = re.compile(
    r"(?P<open>\()?\s*(?P<sign>[+-])?\s*\$?\s*(?P<sign2>[+-])?\s*"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)(?P<exponent>[eE][+-]?\d+)?"
    r"\s*(?P<percent>%)?\s*(?P<close>\))?"
)


#: a plain number: digits with an optional sign, decimal point and exponent (ASCII, as Excel types them)
_PLAIN = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)


def text_to_number(value: str) -> float | str:
    """Text Excel reads as a number: numeric text (also "$1,000", "1,234.5", "10%", "(1,000)"), a date
    (ISO yyyy-mm-dd, or as typed in the US locale: 1/31/2024, Jan 31, 2024, 31-Jan-2024) with an
    optional time, or a time; else the text itself.

    >>> text_to_number("12"), round(text_to_number("23:99"), 8), text_to_number("2024-01-01"), text_to_number("x")
    (12.0, 1.02708333, 45292.0, 'x')
    >>> text_to_number("1/31/2024"), text_to_number("Jan 31, 2024 12:00"), text_to_number("31/01/2024")
    (45322.0, 45322.5, '31/01/2024')
    >>> text_to_number("2/29/1900"), text_to_number("1900-02-29 12:00"), text_to_number("12/31/1899")
    (60.0, 60.5, '12/31/1899')
    >>> text_to_number("$1,000"), text_to_number("1,234.5"), text_to_number("(1,000)"), text_to_number("1,00")
    (1000.0, 1234.5, -1000.0, '1,00')
    >>> text_to_number("1_000"), text_to_number("nan"), text_to_number("inf"), text_to_number("1E400")
    ('1_000', 'nan', 'inf', '1E400')
    >>> text_to_number("March1") == text_to_number("March 1"), text_to_number("Sep1") == text_to_number("Sep 1")
    (True, True)

    Spaces (" ") around it are skipped, as Excel skips them; a tab, a line break or another space (a no-break space
    pasted from a web page) leaves it text, as Excel's arithmetic and VALUE read it (#VALUE!: CLEAN takes them off).

    >>> text_to_number(" 12 "), text_to_number("12\\t"), text_to_number("12\\n"), text_to_number("\\u00a012")
    (12.0, '12\\t', '12\\n', '\\xa012')
    """
    stripped = value.strip(" ")
    if not stripped or stripped != stripped.strip():  # "12\t": no number to Excel (H265's finding 01)
        return value
    glued = _GLUED_DAY.fullmatch(stripped)
    if glued is not None:  # "March1": the day of the current year, as "March 1"
        stripped = f"{glued[1]} {glued[2]}"
    if _PLAIN.fullmatch(stripped) is not None:  # Python's float() also reads "1_000", "nan", "inf": no Excel does
        number = plain_number(stripped)
        return value if number is None else number  # "1E400": too large to be a number, text to Excel
    formatted = _FORMATTED.fullmatch(stripped)
    if formatted is not None and bool(formatted["open"]) == bool(formatted["close"]):
        if not (formatted["sign"] and formatted["sign2"]) and not (formatted["open"] and formatted["sign"]):
            number = float(formatted["digits"].replace(",", "") + (formatted["exponent"] or ""))
            negative = bool(formatted["open"]) or "-" in (formatted["sign"] or "") + (formatted["sign2"] or "")
            return (-number if negative else number) / (100.0 if formatted["percent"] else 1.0)
    match = _DATE.fullmatch(stripped)
    if match:
        try:
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            day = _LEAP_DAY_1900 if (match[1], int(match[2]), int(match[3])) == ("1900", 2, 29) else None
        serial = None if day is None else _day_serial(day)
        if serial is None:
            return value
        if match[4]:
            time = _time_fraction(match[4])
            if time is None:
                return value
            serial += time
        return serial
    fraction = _MIXED_FRACTION.fullmatch(stripped)
    if fraction is not None:  # 99 16/32: a whole number and a fraction, as Excel reads a fraction typed in a cell
        return value if (number := mixed_fraction(fraction)) is None else number
    time = _time_fraction(stripped, elapsed=True)
    if time is not None:
        return time
    day, clock = _us_day(stripped), 0.0
    if day is None and " " in stripped:  # a date followed by a time: "1/31/2024 12:00"
        for cut in (2, 1):
            head, _, tail = stripped.rpartition(" ") if cut == 1 else _split_last(stripped, 2)
            moment = _time_fraction(tail) if head else None
            if moment is not None and (day := _us_day(head)) is not None:
                clock = moment
                break
    serial = None if day is None else _day_serial(day)
    if serial is None:
        return value
    return serial + clock


#: a whole number, a space and a fraction less than 1 ("99 16/32", "-1 1/4", "0 1/2"): Excel's way to type a
#: fraction (Microsoft, "Enter a fraction": 0 1/2); a fraction alone ("1/2") is a date, one of 1 or more ("1 3/2")
#: is left as text (#VALUE!, not said which Excel reads it)
_MIXED_FRACTION = re.compile(r"(?P<sign>[+-])?(?P<whole>\d{1,15})\s+(?P<numerator>\d{1,15})/(?P<denominator>\d{1,15})")


def mixed_fraction(match: re.Match[str]) -> float | None:
    """The number of a :data:`_MIXED_FRACTION` match; None where the fraction is not less than 1.

    >>> [mixed_fraction(_MIXED_FRACTION.fullmatch(t)) for t in ("99 16/32", "-1 1/4", "+0 1/2", "1 3/2", "1 1/0")]
    [99.5, -1.25, 0.5, None, None]
    """
    numerator, denominator = int(match["numerator"]), int(match["denominator"])
    if not numerator < denominator:
        return None
    number = int(match["whole"]) + numerator / denominator
    return -number if match["sign"] == "-" else number


#: Excel's 29 February 1900 (serial 60, a day that was not: Lotus 1-2-3's leap year), stood for by a day Python has
_LEAP_DAY_1900 = dt.date(1904, 2, 29)


def _us_day(text_: str) -> dt.date | None:
    """:func:`_us_date`, and Excel's 29 February 1900 typed in any of its forms ("2/29/1900", "29-Feb-1900") as
    :data:`_LEAP_DAY_1900`, which :func:`_day_serial` makes 60."""
    day = _us_date(text_)
    if day is None and "1900" in text_ and text_.count("1900") == 1:
        return _LEAP_DAY_1900 if _us_date(text_.replace("1900", "1904")) == _LEAP_DAY_1900 else None
    return day


def _day_serial(day: dt.date) -> float | None:
    """Excel's 1900-system serial of a day: 1 January 1900 is 1, and from 1 March 1900 one more for Excel's
    29 February 1900 (a day that was not); None before 1900, a date Excel does not read (its text stays text).

    >>> _day_serial(dt.date(1900, 1, 1)), _day_serial(dt.date(1900, 2, 28)), _day_serial(dt.date(1900, 3, 1))
    (1.0, 59.0, 61.0)
    >>> _day_serial(dt.date(1899, 12, 31)) is None, _day_serial(_LEAP_DAY_1900), _day_serial(dt.date(1904, 2, 29))
    (True, 60.0, 1521.0)
    """
    if day is _LEAP_DAY_1900:
        return 60.0
    if day.year < 1900:
        return None
    return float((day - dt.date(1899, 12, 31 if day < dt.date(1900, 3, 1) else 30)).days)


#: month and year alone ("Jan 2024", "January 2024", "Jan-2024", "1/2024"): the month's first day, as Excel reads it
_US_DATES = ("%m/%d/%Y", "%m/%d/%y", "%Y/%m/%d", "%b %d, %Y", "%B %d, %Y", "%d-%b-%Y", "%d-%b-%y", "%d %b %Y",
             "%d %B %Y", "%d-%B-%Y", "%b %Y", "%B %Y", "%b-%Y", "%B-%Y", "%m/%Y")  # fmt: skip


def _us_date(text_: str) -> dt.date | None:
    """A date as Excel reads typed text in the US (en-US) locale, or None. A two-digit year is 2000-2029 for 00-29 and
    1930-1999 for 30-99 (Microsoft's "How Excel works with two-digit year numbers": cutoff year 2029), where Python's
    %y reads 30-68 as 2030-2068.

    >>> _us_date("1/1/30"), _us_date("1/1/29"), _us_date("2/29/32")
    (datetime.date(1930, 1, 1), datetime.date(2029, 1, 1), datetime.date(1932, 2, 29))
    """
    for pattern in _US_DATES:
        try:
            day = dt.datetime.strptime(text_, pattern).date()
        except ValueError:
            continue
        if "%y" in pattern and day.year >= 2030:
            day = day.replace(year=day.year - 100)
        return day
    if any(c.isdigit() for c in text_):  # "15-Jan", "1 March", "Jan 15", "1/15": the current year's (Excel's clock)
        year = dt.date.today().year
        month_digits = _month_digits(text_, year)
        if month_digits is not None:
            return month_digits
        for pattern in _US_DAYS:
            try:
                return dt.datetime.strptime(f"{text_} {year}", pattern + " %Y").date()
            except ValueError:
                continue
    return None


_MONTH_DIGITS = re.compile(r"([A-Za-z]{3,9})[ -](\d{1,2})")
_MONTHS = "january february march april may june july august september october november december".split()


def _month_digits(text_: str, year: int) -> dt.date | None:
    """A month's name and one or two digits ("Jan-24", "Dec 31", "Dec 32"), as Microsoft's KB 214327 says Excel reads
    them, in a cell or given to a date function: the digits are a day of the current ``year`` when the month has
    that day, else a year (two digits: 2000-2029 for 00-29, 1930-1999 for 30-99) and the month's first day.

    >>> _month_digits("Jan-24", 2026), _month_digits("Dec 32", 2026), _month_digits("February 29", 2026)
    (datetime.date(2026, 1, 24), datetime.date(1932, 12, 1), datetime.date(2029, 2, 1))
    >>> _month_digits("Jan-0", 2026), _month_digits("Foo-12", 2026), _month_digits("Jan-2024", 2026)
    (None, None, None)
    """
    match = _MONTH_DIGITS.fullmatch(text_)
    if match is None:
        return None
    name = match[1].lower()
    month = next((k for k, full in enumerate(_MONTHS, 1) if name in (full, full[:3])), 0)
    digits = int(match[2])
    if not month or not digits:
        return None  # not a month's name; "Jan-0": not in the KB's rule
    if 1 <= digits <= calendar.monthrange(year, month)[1]:
        return dt.date(year, month, digits)
    return dt.date(2000 + digits if digits <= 29 else 1900 + digits, month, 1)


#: a day and a month without a year: Excel takes the current year ("If the year portion of the date_text argument
#: is omitted, DATEVALUE uses the current year from your computer's built-in clock", Microsoft's DATEVALUE page)
_US_DAYS = ("%m/%d", "%d-%b", "%d-%B", "%d %b", "%d %B", "%b %d", "%B %d")


def _split_last(text_: str, count: int) -> tuple[str, str, str]:
    parts = text_.rsplit(" ", count)
    if len(parts) <= count:
        return "", "", text_
    return parts[0], " ", " ".join(parts[1:])
