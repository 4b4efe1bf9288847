"""Text dates of a column read with one format: the format given (``--date-format``), or the one guessed.

:func:`parse_texts` reads a column's distinct texts (:func:`~.dates.parse_dates` gives them) with a single format:
the one ``--date-format`` gives, or one found by pandas' ``guess_datetime_format`` (dateutil's parser) on a sample of
them, both ways (day first and month first), checked against every value (see :mod:`.dates`). A value that format
does not read raises :class:`Unread`, the rows' mask and why (with a hint of what the texts likely are: two-digit
years, Excel's date numbers, Unix timestamps, a month's number, a foreign language's dates); a column both orders
read with different dates is refused as ambiguous.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .errors import DataError
from .foreign_dates import foreign_date_hint, with_cjk_meridiem, with_sep, without_ordinals
from .month_hints import month_hint
from .month_labels import english_month_labels
from .short_years import time_hint, two_digit_years, with_date_part

if TYPE_CHECKING:
    from .dates import DateOptions

__all__ = ["OFFSET", "Unread", "apply_format", "day_first", "parse_texts", "unix_time_hint"]

_GUESS_SAMPLE = 200
#: A UTC offset at a timestamp's end: "-04:00", "+0530", "Z".
OFFSET = re.compile(r"(?:[+-]\d{2}(?::?\d{2})?|Z)$")


def _year_then_day(fmt: str) -> bool:
    """A guessed year-day-month format (``%Y/%d/%m``): never meant, only ever a wrong guess."""
    return fmt.startswith("%Y") and "%d" in fmt and "%m" in fmt and fmt.index("%d") < fmt.index("%m")


def day_first(fmt: str) -> bool | None:
    """Whether ``fmt`` puts the day before the month; None when the order is not a choice: no day, or the year
    first (ISO 8601, ``%Y/%m/%d``: year-day-month is never meant), so that --dayfirst/--monthfirst leave it alone."""
    if fmt == "ISO8601" or fmt.startswith("%Y"):
        return None
    if "%d" in fmt and ("%m" in fmt or "%b" in fmt or "%B" in fmt):
        month = min(fmt.find(code) for code in ("%m", "%b", "%B") if code in fmt)
        return fmt.index("%d") < month
    return None


#: A number of one digit in a date or time ("Feb 2, 2026 9:04 PM"), which pandas' guess reads only as two ("09").
_ONE_DIGIT = re.compile(r"(?<![\d.:])(\d)(?=[:,]| [AP]M)")
_PM = re.compile(r"(?<=\d )PM\b|(?<=\d)PM\b", re.IGNORECASE)
#: An English month's name or abbreviation in capitals (Oracle's and SAP's DD-MON-YYYY: "05-JAN-2026"), which pandas'
#: format guess does not read (it reads "05-Jan-2026"; the format found, %b, reads either).
_CAPITAL_MONTH = re.compile(
    r"(?<![A-Za-z])(JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|"
    r"OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)(?![A-Za-z])"
)


def _guessable(text: str) -> str:
    """``text`` as pandas' format guess reads it, for the format alone: one-digit numbers written with two, and PM
    as AM (pandas 3.0's guess finds no format for "01/31/2026 11:04 PM", "Jan 31, 2026 9:04 AM": %I and %p alike).

    >>> _guessable("Jan 31, 2026 9:04 PM"), _guessable("05-JAN-2026 10:02")
    ('Jan 31, 2026 09:04 AM', '05-Jan-2026 10:02')
    """
    text = _CAPITAL_MONTH.sub(lambda m: m.group(0).capitalize(), text)
    return _PM.sub("AM", _ONE_DIGIT.sub(r"0\1", text))


def _candidates(texts: np.ndarray) -> list[str]:
    from pandas.tseries.api import guess_datetime_format

    step = max(1, len(texts) // _GUESS_SAMPLE)
    formats: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for text in texts[::step][:_GUESS_SAMPLE]:
            for dayfirst in (False, True):
                fmt = guess_datetime_format(text, dayfirst=dayfirst)
                if fmt is None and (padded := _guessable(text)) != text:
                    fmt = guess_datetime_format(padded, dayfirst=dayfirst)
                if fmt and fmt not in formats and not _year_then_day(fmt):
                    formats.append(fmt)
    # A layout with and without a time of day (05/02/2024 and 13/02/2024 10:00) is one layout: D||D T.
    timed = [f for f in formats if "%H" in f or "%I" in f]
    for day in [f for f in formats if f not in timed]:
        formats += [f"{day}||{f}" for f in timed if f.startswith(day + " ") or f.startswith(day + "T")]
    if any(f.startswith(("%Y-%m", "%Y%m%d")) for f in formats):
        formats.insert(0, "ISO8601")
    sample = [str(t) for t in texts[::step][:_GUESS_SAMPLE]]
    for pattern, layouts in _MONTH_LAYOUTS:  # a month and its 4-digit year: one month, no day to put first
        if sample and all(pattern.fullmatch(t) for t in sample):
            formats += [f for f in layouts if f not in formats]
    return formats


#: Months written with a four-digit year and no day ("Jan 2026", "January 2026", "01/2026", "2026/01"): each names
#: one month, read as its first day; tried when the column's values look so.
_MONTH_LAYOUTS = (
    (re.compile(r"[A-Za-z]{3,9}[ \-]\d{4}"), ("%b %Y", "%B %Y", "%b-%Y", "%B-%Y")),
    (re.compile(r"\d{1,2}[/.\-]\d{4}"), ("%m/%Y", "%m.%Y", "%m-%Y")),
    (re.compile(r"\d{4}[/.]\d{1,2}"), ("%Y/%m", "%Y.%m")),
)
#: A month name and two digits ("Jan-26"): January 2026, or 26 January? Not guessed; the refusal names the option.
_MONTH_TWO_DIGITS = re.compile(r"[A-Za-z]{3,9}[ \-']\d{2}")


def apply_format(texts: np.ndarray, fmt: str, timezone: str | None) -> np.ndarray:
    """``texts`` parsed with ``fmt`` as naive ``datetime64[us]`` wall times (NaT where they do not match)."""
    if "||" in fmt:  # a date layout, and the same with a time of day
        day, with_time = fmt.split("||")
        parsed = apply_format(texts, with_time, timezone)
        missing = np.isnat(parsed)
        if missing.any():
            parsed[missing] = apply_format(texts[missing], day, timezone)
        return parsed
    series = pd.Series(texts, dtype=object)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            parsed = pd.to_datetime(series, format=fmt, errors="coerce")
        except (ValueError, TypeError):  # mixed UTC offsets
            parsed = None
        if parsed is None or parsed.dtype == object:  # one offset (or none) at a time
            out = np.full(len(texts), np.datetime64("NaT"), dtype="datetime64[us]")
            offsets = series.map(lambda t: m.group(0) if (m := OFFSET.search(t)) else "")
            for _, group in series.groupby(offsets.to_numpy()):
                some = pd.to_datetime(group, format=fmt, errors="coerce")
                if isinstance(some.dtype, pd.DatetimeTZDtype):
                    some = (some.dt.tz_convert(timezone) if timezone is not None else some).dt.tz_localize(None)
                out[group.index.to_numpy()] = some.to_numpy().astype("datetime64[us]")
            return out
    if isinstance(parsed.dtype, pd.DatetimeTZDtype):
        if timezone is not None:
            parsed = parsed.dt.tz_convert(timezone)
        parsed = parsed.dt.tz_localize(None)
    return parsed.to_numpy().astype("datetime64[us]")


class Unread(Exception):
    """Values the column's format does not read: ``mask`` over the texts, ``why`` for the message."""

    def __init__(self, mask: np.ndarray, why: str) -> None:
        super().__init__(why)
        self.mask = mask
        self.why = why


#: A year alone ("2025"): a number in Excel, no date; read as 1 January by ISO 8601's and dateutil's parsers.
_YEAR = re.compile(r"\d{4}")


_AMBIGUOUS = (
    "could be day-first or month-first (every day is 12 or less, e.g. {example!r}); "
    "say which with --dayfirst, --monthfirst or --date-format FORMAT (Python: ReadOptions(dayfirst=...))"
)


def parse_texts(texts: np.ndarray, options: DateOptions, source: str, column: str) -> tuple[np.ndarray, bool | None]:
    """Distinct stripped non-empty texts to ``datetime64[us]``, all with one format; raises :class:`Unread`.
    Also whether that format is day-first (None: ISO 8601, no day, or the year first: no order to choose)."""
    own = (options.date_formats or {}).get(source)
    date_format = own or options.date_format
    texts = english_month_labels(texts, date_format)  # 'Juni 2026': a German Excel's month (reading.month_labels)
    if date_format is None:  # 'January 31st, 2024': the ordinal's suffix is no part of a format
        texts = with_sep(without_ordinals(texts, _GUESS_SAMPLE))  # 'Sept 2026': en-GB's September
        texts = with_cjk_meridiem(texts)  # '2026. 9. 1 오후 8:55:00': Google Sheets' Korean Timestamp
    if date_format in (None, "ISO8601"):  # ISO 8601 and dateutil read '2025' as 1 January 2025
        years = np.array([_YEAR.fullmatch(str(t)) is not None for t in texts], dtype=bool)
        if years.any():
            raise Unread(years, "years alone where dates belong (no month: use dates, YYYY-MM or YYYYMMDD)")
    if date_format is not None:  # a format with a time reads a value without one as its day (reading.short_years)
        parsed = apply_format(texts, with_date_part(date_format), options.timezone)
        if np.isnat(parsed).any():
            unread = texts[np.isnat(parsed)]
            hint = time_hint(unread, date_format, lambda t, f: apply_format(t, f, None))  # '1/5/24 10:00'
            raise Unread(np.isnat(parsed), f"dates that do not match the date format {date_format!r}{hint}")
        return parsed, day_first(date_format.split("||")[0])
    tried: list[tuple[str, np.ndarray]] = []
    for fmt in _candidates(texts):
        parsed = apply_format(texts, fmt, options.timezone)
        tried.append((fmt, parsed))
    full = [(fmt, parsed) for fmt, parsed in tried if not np.isnat(parsed).any()]
    if not full and (zeros := epoch_zeros(texts)) is not None:  # 0 beside Unix timestamps: no 1970 (H574)
        raise Unread(*zeros)
    if not full:
        if not tried:
            why = "dates that do not parse"
            if all(_MONTH_TWO_DIGITS.fullmatch(str(t)) for t in texts):
                example = str(texts[0])
                fmt = "%b-%y" if "-" in example else ("%b %y" if " " in example else "%b'%y")
                if not np.isnat(apply_format(texts, fmt, None)).any():  # 'mars-26': no format reads French names
                    why += f" (months with a two-digit year? read them with --date-format '{fmt}')"
            hints = two_digit_years(texts) + _serials(texts, str(source)) + month_hint(texts)  # 202601: '%Y%m'
            hints = hints or foreign_date_hint(texts)  # 2024年1月5日, 5. Januar 2024 (reading.foreign_dates)
            raise Unread(np.ones(len(texts), dtype=bool), why + hints)
        fmt, parsed = min(tried, key=lambda item: int(np.isnat(item[1]).sum()))
        unread = np.isnat(parsed)
        other = any((~np.isnat(p) & unread).any() for f, p in tried if f != fmt)
        if not other:  # '13. Oktober 2026' beside '2. November 2026' read: the German names' hint (H294's 05)
            raise Unread(
                unread, "dates that do not parse" + (two_digit_years(texts) or foreign_date_hint(texts[unread]))
            )
        shown = "ISO 8601, YYYY-MM-DD" if fmt == "ISO8601" else fmt.replace("||", " or ")
        raise Unread(unread, f"dates in another format than the rest of the column ({shown})")
    if options.dayfirst is not None:
        fitting = [(f, p) for f, p in full if day_first(f) in (options.dayfirst, None)]
        if not fitting:
            way = "day-first" if options.dayfirst else "month-first"
            wrong = [p for f, p in tried if day_first(f) == options.dayfirst]
            example = texts[int(np.flatnonzero(np.isnat(wrong[0]))[0])] if wrong else texts[0]
            raise DataError(f"{source}, column {column!r}: the dates are not {way} (e.g. {example!r})",
                            source=source, column=column)  # fmt: skip
        full = fitting
    distinct: list[tuple[str, np.ndarray]] = []
    for fmt, parsed in full:
        if not any(np.array_equal(parsed, other) for _, other in distinct):
            distinct.append((fmt, parsed))
    if len(distinct) > 1:
        differs = np.flatnonzero(distinct[0][1] != distinct[1][1])
        example = str(texts[int(differs[0])]) if differs.size else str(texts[0])
        raise DataError(f"{source}, column {column!r}: the dates " + _AMBIGUOUS.format(example=example),
                        source=source, column=column)  # fmt: skip
    return distinct[0][1], day_first(distinct[0][0].split("||")[0])


_SERIAL = re.compile(r"[1-9]\d{4}(?:\.\d+)?")
#: 2001-09-09 to 2033-05-18, in seconds (with a fraction: Python's time.time()), milliseconds or microseconds
_EPOCH = re.compile(r"1\d{9}(?:\.\d+)?|1\d{12}(?:\d{3})?")


def unix_time_hint(texts: Sequence[object], column: str | None = None) -> str:
    """What to say of values that are all Unix timestamps (``1704448800``, 10 digits, or 13 in milliseconds, 16 in
    microseconds: databases', APIs' and analytics tools' exports), "" for others: never read as dates (a number
    is not one), but named as what they likely are, with the way to convert them. ``column``: they are numbers of a
    typed table's column (Parquet, a DataFrame), converted with DuckDB or pandas; None: of a file opened in Excel
    (a CSV file, a workbook's cells), converted there by a formula.

    >>> unix_time_hint(["1767610800000"], "created")  # doctest: +NORMALIZE_WHITESPACE
    " (Unix timestamps in milliseconds? 1767610800000 is 2026-01-05 11:00:00 UTC: convert them to dates first, e.g.
    with DuckDB's epoch_ms(created) or pandas' pd.to_datetime(df['created'], unit='ms'))"
    """
    if not len(texts) or not all(_EPOCH.fullmatch(str(t)) for t in texts):  # Unix time: seconds since 1970 UTC
        return ""
    first = str(texts[0])
    whole = first.split(".")[0]
    scale = 10 ** (len(whole) - 10)  # 13 digits: milliseconds, 16: microseconds (BigQuery, PostgreSQL)
    when = str(np.datetime64(int(whole) // scale, "s")).replace("T", " ")
    unit = {1: "", 1000: " in milliseconds", 1000000: " in microseconds"}[scale]
    said = f" (Unix timestamps{unit}? {first} is {when} UTC: convert them to dates first, e.g. "
    if column is None:
        return said + f"in Excel =A2/{86400 * scale}+DATE(1970,1,1) formatted as a date)"
    name = column if re.fullmatch(r"[A-Za-z_]\w*", column) else '"' + column.replace('"', '""') + '"'
    duckdb = {1: "to_timestamp", 1000: "epoch_ms", 1000000: "make_timestamp"}[scale]
    pandas_unit = {1: "s", 1000: "ms", 1000000: "us"}[scale]
    return said + f"with DuckDB's {duckdb}({name}) or pandas' pd.to_datetime(df[{column!r}], unit='{pandas_unit}'))"


def epoch_zeros(texts: Sequence[object], column: str | None = None) -> tuple[np.ndarray, str] | None:
    """Where ``texts`` are Unix timestamps (:func:`unix_time_hint`) beside some ``0``: time 0, 1970-01-01 00:00:00
    UTC, which a database or an API writes for a missing date (and which took the timestamps' hint away, a 0 being
    none): the mask of the zeros and why they are refused, with the hint; None otherwise. ``column``: as for
    :func:`unix_time_hint`.

    >>> mask, why = epoch_zeros(["1767610800", "0"])
    >>> mask.tolist(), why  # doctest: +NORMALIZE_WHITESPACE
    ([False, True], 'time 0 (1970-01-01 00:00:00 UTC) beside Unix timestamps (1767610800 is 2026-01-05 11:00:00 UTC:
    a missing date exported as 0? leave it blank, and convert the timestamps to dates first, e.g. in Excel
    =A2/86400+DATE(1970,1,1) formatted as a date)')
    >>> epoch_zeros(["0", "0"]), epoch_zeros(["1767610800"]), epoch_zeros(["20260105", "0"])
    (None, None, None)
    """
    zeros = np.array([_ZERO.fullmatch(str(t).strip()) is not None for t in texts], dtype=bool)
    if not zeros.any() or zeros.all():
        return None
    hint = unix_time_hint([t for t, z in zip(texts, zeros, strict=True) if not z], column)
    if not hint:
        return None
    hint = hint.replace(" (Unix timestamps? ", " (", 1).replace(
        " UTC: convert them to dates first",
        " UTC: a missing date exported as 0? leave it blank, and convert the timestamps to dates first",
        1,
    )
    return zeros, "time 0 (1970-01-01 00:00:00 UTC) beside Unix timestamps" + hint


_ZERO = re.compile(r"0+(?:\.0*)?")


def _serials(texts: np.ndarray, source: str = "") -> str:
    """What to say of texts that are all Excel's date serial numbers (``45296``: days since 1899-12-30), which a CSV
    file saved from Excel holds where the column was not formatted as dates, or all Unix timestamps
    (:func:`unix_time_hint`): never read as dates (a number is not one), but named as what they likely are."""
    epoch = unix_time_hint(texts)
    if epoch:
        return epoch
    if not len(texts) or not all(_SERIAL.fullmatch(str(t)) for t in texts):
        return ""
    first = str(texts[0])
    day = (np.datetime64("1899-12-30") + np.timedelta64(int(float(first)), "D")).astype(str)
    if source.lower().endswith((".xlsx", ".xlsm", ".xls")):  # text cells of a workbook: formatting leaves them text
        return (
            f" (Excel's date numbers, stored as text? {first} is {day} in Excel: make the cells numbers (Data > "
            "Text to Columns > Finish) and format them as dates, or export it again from the source system)"
        )
    return (f" (Excel's date numbers? {first} is {day} in Excel: format the column as dates in Excel before saving "
            "the CSV file, or export it again from the source system)")  # fmt: skip
