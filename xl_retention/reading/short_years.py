"""Dates with two-digit years: the ``--date-format`` a refusal names, with the time of day they are written with.

Two-digit years are never guessed (``01/05/24``: 2024? which is the day?); the refusal names the format that reads
them (:func:`two_digit_years`). Exports and CSV files saved by Excel write them with a time of day
(``1/5/24 10:00:00``, ``05.01.24 10:00``, ``1/5/24 3:30 PM``): the format named has that time too
(``'%m/%d/%y %H:%M:%S'``), so following the hint reads the file. A ``--date-format`` with a time of day reads the
values written without one as their day (:func:`with_date_part`), as ISO dates and timestamps are read together.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd

__all__ = ["time_hint", "two_digit_years", "with_date_part"]

#: A day, a month and a two-digit year ("01/15/26": Etsy; "05.01.26": German; "24-01-05": Swedish short dates, year
#: first), a time of day after it or not (group 5).
_TWO_DIGIT_YEAR = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{2})([ T].*)?")
#: A day, a month's name and a two-digit year ("4-Feb-26": Excel's d-mmm-yy), or the month's name first ("Feb-04-26");
#: a time of day after it or not (group 2).
_NAMED_MONTH_TWO_DIGIT_YEAR = (
    (re.compile(r"\d{1,2}([ \-./])[A-Za-z]{3,9}\.?\1\d{2}([ T].*)?"), "%d{sep}%b{sep}%y"),
    (re.compile(r"[A-Za-z]{3,9}\.?([ \-./])\d{1,2}\1\d{2}([ T].*)?"), "%b{sep}%d{sep}%y"),
)
#: A time of day after a date: its separator, hours, minutes, seconds, fraction, and AM/PM.
_TIME = re.compile(r"([ T]+)(\d{1,2}):(\d{2})(:\d{2})?(\.\d{1,6})?(?:(\s*)([AaPp][Mm]))?")


def _time_layout(tail: str | None) -> str | None:
    """The strftime layout of the time of day after a date ("" without one), None when it is no time of day.

    >>> [_time_layout(t) for t in (None, " 10:00:00", "T10:00", " 3:30 PM", " 10:00:00.250", " at noon")]
    ['', ' %H:%M:%S', 'T%H:%M', ' %I:%M %p', ' %H:%M:%S.%f', None]
    """
    if not tail:
        return ""
    match = _TIME.fullmatch(tail)
    if match is None:
        return None
    sep, _, _, seconds, fraction, space, half = match.groups()
    layout = sep + ("%I" if half else "%H") + ":%M" + (":%S" if seconds else "") + (".%f" if fraction else "")
    return layout + ((space or "") + "%p" if half else "")


def _time_of(tails: list[str | None]) -> str | None:
    """The one time layout of the values (the timed ones' where some have none: those read as their day), None when
    they are written with several or with something else."""
    layouts = {_time_layout(t) for t in tails}
    if None in layouts:
        return None
    timed = layouts - {""}
    return "" if not timed else (timed.pop() if len(timed) == 1 else None)


def _reads_all(texts: list[str], fmt: str) -> bool:
    """Whether ``fmt`` reads every one of ``texts`` (a hint never names a format that then refuses them).

    >>> _reads_all(["4-Feb-26"], "%d-%b-%y"), _reads_all(["03-mars-26"], "%d-%b-%y")
    (True, False)
    """
    parsed = pd.to_datetime(pd.Series(texts, dtype=object), format=fmt, errors="coerce")
    return not parsed.isna().any()


def two_digit_years(texts: np.ndarray) -> str:
    """The hint of a refusal of dates with two-digit years: the ``--date-format`` that reads them all, their time of
    day with it (every one that does, the year first among them, when several do), or "" when they are not all
    written so.

    >>> two_digit_years(np.array(["01/15/26", "02/03/26"], dtype=object))
    " (two-digit years: read them with --date-format '%m/%d/%y')"
    >>> two_digit_years(np.array(["05.01.26"], dtype=object))
    " (two-digit years: read them with --date-format '%d.%m.%y', '%m.%d.%y' or '%y.%m.%d': say which)"
    >>> two_digit_years(np.array(["24-01-05", "24-02-13"], dtype=object))
    " (two-digit years: read them with --date-format '%y-%m-%d' or '%d-%m-%y': say which)"
    >>> two_digit_years(np.array(["4-Feb-26", "26-May-26 14:05"], dtype=object))
    " (two-digit years: read them with --date-format '%d-%b-%y %H:%M')"
    >>> two_digit_years(np.array(["03-mars-26", "15-mai-26"], dtype=object))  # French month names: no format reads them
    ''
    >>> two_digit_years(np.array(["1/5/24 10:00:00", "1/20/24 3:30:00"], dtype=object))
    " (two-digit years: read them with --date-format '%m/%d/%y %H:%M:%S')"
    """
    strings = [str(t) for t in texts]
    for pattern, layout in _NAMED_MONTH_TWO_DIGIT_YEAR:
        named = [m for t in strings if (m := pattern.fullmatch(t))]
        if named and len(named) == len(strings) and len({m.group(1) for m in named}) == 1:
            time = _time_of([m.group(2) for m in named])
            if time is None:
                return ""
            day = layout.format(sep=named[0].group(1))
            days = [m.string[: m.start(2)] if m.group(2) else m.string for m in named]
            if not _reads_all(days, day):  # '03-mars-26': %b reads English month names only
                return ""
            fmt = day + time
            return f" (two-digit years: read them with --date-format '{fmt}')"
    found = [m for t in strings if (m := _TWO_DIGIT_YEAR.fullmatch(t))]
    if not found or len(found) != len(texts) or len({m.group(2) for m in found}) != 1:
        return ""
    time = _time_of([m.group(5) for m in found])
    if time is None:
        return ""
    sep = found[0].group(2)
    dates = pd.Series([sep.join(m.group(1, 3, 4)) for m in found], dtype=object)  # the time of day left out
    formats = [f"%d{sep}%m{sep}%y", f"%m{sep}%d{sep}%y"]  # the year first: 24-01-05 (Swedish), named first there
    formats.insert(0 if sep == "-" else 2, f"%y{sep}%m{sep}%d")
    fitting = [f + time for f in formats if not pd.to_datetime(dates, format=f, errors="coerce").isna().any()]
    if not fitting:
        return ""
    named = ", ".join(f"'{f}'" for f in fitting[:-1]) + (" or " if len(fitting) > 1 else "") + f"'{fitting[-1]}'"
    return " (two-digit years: read them with --date-format " + named + (": say which)" if len(fitting) > 1 else ")")


#: The separator before a format's time of day, and its first directive.
_TIME_START = re.compile(r"[ T]*%[HIp]")


def with_date_part(fmt: str) -> str:
    """A ``--date-format`` with a time of day as the internal "day || day and time" pair
    (:func:`~.text_dates.apply_format`): values written without a time are read as their day. A format without a
    time, or a pair, as it is.

    >>> with_date_part("%m/%d/%y %H:%M:%S"), with_date_part("%d.%m.%Y"), with_date_part("%H:%M")
    ('%m/%d/%y||%m/%d/%y %H:%M:%S', '%d.%m.%Y', '%H:%M')
    """
    match = _TIME_START.search(fmt)
    if "||" in fmt or match is None or not re.search(r"%[dmbByY]", fmt[: match.start()]):
        return fmt
    return f"{fmt[: match.start()]}||{fmt}"


#: A time of day at the end of a value, after its date.
_TIME_AT_END = re.compile(r"(?P<time>[ T]+\d{1,2}:\d{2}(?::\d{2})?(?:\.\d{1,6})?(?:\s*[AaPp][Mm])?)$")


def time_hint(texts: np.ndarray, fmt: str, parse: Callable[[np.ndarray, str], np.ndarray]) -> str:
    """The hint of a refusal of ``texts`` that do not match the date format ``fmt`` (no time of day in it) because
    they have one: the format with their time's layout, when their dates match ``fmt`` (``parse(texts, fmt)``: NaT
    where they do not); "" otherwise.

    >>> parse = lambda t, f: pd.to_datetime(pd.Series(t), format=f, errors="coerce").to_numpy()
    >>> time_hint(np.array(["1/5/24 10:00:00", "2/3/24 09:05:00"], dtype=object), "%m/%d/%y", parse)
    " (they have a time of day: read them with --date-format '%m/%d/%y %H:%M:%S')"
    """
    if _TIME_START.search(fmt) or "||" in fmt:
        return ""
    found = [_TIME_AT_END.search(str(t)) for t in texts]
    if not all(found):
        return ""
    days = np.array([str(t)[: m.start()] for t, m in zip(texts, found, strict=True)], dtype=object)
    time = _time_of([m.group("time") for m in found])
    if not time or np.isnat(parse(days, fmt)).any():
        return ""
    return f" (they have a time of day: read them with --date-format '{fmt}{time}')"
