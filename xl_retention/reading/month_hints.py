"""What a refusal of a date column says of values that are months (or quarters, weeks) in a layout no date parser
guesses: a BI tool's ``202601`` (YYYYMM), a statistics office's ``2026M01``, ``2026 Jan``; the ``--date-format`` that
reads them is named, never guessed (``201201`` is January 2012 as YYYYMM and 1 December 2020 as YYMMDD). Quarters
(``2026-Q1``) and ISO weeks (``2026-W05``) are no months: the refusal says so, and what to export instead.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable

import pandas as pd

__all__ = ["month_hint", "number_month_hint"]

#: (what the values look like, the formats that may read them) for months written without a day
_LAYOUTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])"), ("%Y%m",)),
    (re.compile(r"\d{4}M\d{1,2}"), ("%YM%m",)),
    (re.compile(r"\d{4}m\d{1,2}"), ("%Ym%m",)),
    (re.compile(r"\d{4} \d{1,2}"), ("%Y %m",)),
    (re.compile(r"\d{4}[ \-/.]?[A-Za-z]{3,9}\.?"), ()),  # 2026 Jan, 2026-Jan, 2026Jan: formats from the separator
    (re.compile(r"[A-Za-z]{3,9}\.?\d{4}"), ("%b%Y", "%B%Y")),
)
#: a month and a two-digit year ("01/26", "Jan '26"): or a day of a month with no year; said with "if"
_TWO_DIGIT_YEARS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:0?[1-9]|1[0-2])([/.\-])\d{2}"), "%m{sep}%y"),
    (re.compile(r"[A-Za-z]{3,9} '\d{2}"), "%b '%y"),
)
#: a period written as its first and last day ("2026-01-01 - 2026-01-31", a report's date range)
_DATE_RANGE = re.compile(r"(\S+)\s*(?:-|–|to|bis)\s*(\S+)")
_QUARTER = re.compile(r"(?i)(?:\d{4}[ \-/]?Q[1-4]|Q[1-4][ \-/]?\d{4}|\d{4}[ \-/]?[1-4]Q)")
_DATE_HOUR = re.compile(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])")
_WEEK = re.compile(r"(?i)\d{4}[ \-]?W\d{1,2}(?:-?[1-7])?")


def _fits(texts: list[str], fmt: str) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = pd.to_datetime(pd.Series(texts, dtype=object), format=fmt, errors="coerce")
    return not parsed.isna().any()


def _is_date(text: str) -> bool:
    """An ISO date (2026-01-31) or one with slashes or dots and a four-digit year (31/01/2026, 01.31.2026)."""
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}", text) is not None


def month_hint(values: Iterable[object]) -> str:
    """The hint for a refusal of ``values`` (a date column's distinct texts that no layout reads): the
    ``--date-format`` that reads them when they are all months of one layout, what they are instead when they are all
    quarters or weeks, else "".

    >>> month_hint(["202601", "202602"])
    " (months as YYYYMM? read them with --date-format '%Y%m')"
    >>> month_hint(["2026M01"])
    " (months written 2026M01? read them with --date-format '%YM%m')"
    >>> month_hint(["2026-Jan", "2026-Feb"])
    " (months written 2026-Jan? read them with --date-format '%Y-%b')"
    >>> month_hint(["2026-Q1", "2026-Q2"])
    ' (quarters, not months: the tables are monthly; export the data by month, or with dates)'
    >>> month_hint(["01/26", "12/25"])
    " (months with a two-digit year? read them with --date-format '%m/%y')"
    >>> month_hint(["2026-01-01 - 2026-01-31"])
    " (date ranges: export each row's date, or the first day of its period)"
    >>> month_hint(["202601", "2026-01-05"])
    ''
    >>> month_hint(["2024010510", "2024020523"])
    " (dates with an hour, YYYYMMDDHH, as Google Analytics' 'Date + hour'? read them with --date-format '%Y%m%d%H')"
    """
    texts = [str(v).strip() for v in values]
    if not texts:
        return ""
    if all(_QUARTER.fullmatch(t) for t in texts):
        return " (quarters, not months: the tables are monthly; export the data by month, or with dates)"
    if all(_WEEK.fullmatch(t) for t in texts):
        return " (ISO weeks, not months: the tables are monthly; export the data with dates, or by month)"
    for pattern, fmt in _TWO_DIGIT_YEARS:
        if all(pattern.fullmatch(t) for t in texts):
            found = pattern.fullmatch(texts[0])
            fmt = fmt.format(sep=found.group(1) if found is not None and pattern.groups else "")
            if _fits(texts, fmt):
                quoted = f'"{fmt}"' if "'" in fmt else f"'{fmt}'"  # as typed in a shell
                return f" (months with a two-digit year? read them with --date-format {quoted})"
    if all(_DATE_HOUR.fullmatch(t) for t in texts) and _fits(texts, "%Y%m%d%H"):  # GA4's dateHour, 2024010510
        return (" (dates with an hour, YYYYMMDDHH, as Google Analytics' 'Date + hour'? read them with --date-format "
                "'%Y%m%d%H')")  # fmt: skip
    ranges = [_DATE_RANGE.fullmatch(t) for t in texts]
    if all(m is not None and _is_date(m.group(1)) and _is_date(m.group(2)) for m in ranges):
        return " (date ranges: export each row's date, or the first day of its period)"
    for pattern, formats in _LAYOUTS:
        if not all(pattern.fullmatch(t) for t in texts):
            continue
        if not formats:  # a year, then a month's name: the separator of the first value, if every value has it
            sep = re.fullmatch(r"\d{4}([ \-/.]?)\D.*", texts[0]).group(1)  # type: ignore[union-attr]
            dot = "." if texts[0].endswith(".") else ""
            formats = (f"%Y{sep}%b{dot}", f"%Y{sep}%B{dot}")
        fitting = [f for f in formats if _fits(texts, f)]
        if fitting:
            what = "as YYYYMM" if fitting == ["%Y%m"] else f"written {texts[0]}"
            return f" (months {what}? read them with --date-format " + " or ".join(f"'{f}'" for f in fitting) + ")"
    return ""


def number_month_hint(numbers: Iterable[float]) -> str:
    """:func:`month_hint` of numbers (cells or a typed column holding ``202601``): the YYYYMM hint when every one is a
    whole number that reads so, else "".

    >>> number_month_hint([202601.0, 202612.0]), number_month_hint([202613.0]), number_month_hint([2026.5])
    (" (months as YYYYMM? read them with --date-format '%Y%m')", '', '')
    """
    numbers = list(numbers)
    if not numbers or not all(float(n).is_integer() for n in numbers):
        return ""
    return month_hint([str(int(n)) for n in numbers]) if all(99999 < n < 1000000 for n in numbers) else ""
