"""Dates given as arguments (a table's ``start``/``end`` month, ``rfm_summary``'s ``observation_end``), read with the
day/month order of the data they go with.

``"01/12/2014"`` is 1 December to a user whose orders are written day-first and 12 January to pandas, which reads
it month-first whatever the orders say: an observation end before every order, an empty table, no error. So a date
argument written with its day and month as numbers (``dd/mm/yyyy`` or ``mm/dd/yyyy``, any of ``/ . -``) is read as
:func:`~.dates.parse_dates` reads a column: with ``dayfirst``/``date_format`` when given, else as the data's own
dates prove (``14/03/2014`` among them: day-first), else by itself when one order only makes a date
(``13/12/2014``); when none tells, it is refused naming the argument. Other arguments (``"2024-03"``,
``"2014-12-01"``, a Timestamp, a Period) are left as they are.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import numpy as np
import pandas as pd

from ..errors import RetentionInputError
from .dates import DateOptions, parse_dates
from .errors import DataError

__all__ = ["date_argument", "end_argument", "month_argument"]

#: A date whose day and month are numbers, in either order: '01/12/2014', '1.12.14', '12-01-2014 10:00'.
_DAY_AND_MONTH = re.compile(r"^\s*\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:[\sT]|$)")


def date_argument(value: Any, name: str, options: DateOptions | None = None, data: pd.Series | None = None) -> Any:
    """``value`` as a Timestamp when it is text with its day and month as numbers (see the module docstring), read
    with ``options`` or with the dates of ``data`` (the column it goes with, as given); else ``value`` unchanged.

    >>> date_argument("01/12/2014", "end", DateOptions(dayfirst=True)), date_argument("2024-03", "end")
    (Timestamp('2014-12-01 00:00:00'), '2024-03')
    >>> date_argument("01/12/2014", "end", data=pd.Series(["08/03/2014", "14/03/2014"]))  # the data: day-first
    Timestamp('2014-12-01 00:00:00')
    """
    if not isinstance(value, str) or not _DAY_AND_MONTH.match(value):
        return value
    try:
        return pd.Timestamp(parse_dates(pd.Series([value]), name, name, options)[0])
    except DataError as error:
        problem = error
    if data is not None and (options is None or (options.dayfirst is None and options.date_format is None)):
        texts = pd.Series([value, *pd.unique(data.dropna().astype(str).str.strip())])
        try:  # one format for the argument and the data: the data's dates tell the order
            return pd.Timestamp(parse_dates(texts, name, name, options)[0])
        except DataError:
            pass
    if "day-first or month-first" in str(problem):
        message = (
            f"{name} {value!r} could be day-first or month-first: write it as YYYY-MM-DD, or say the order "
            f"(dayfirst=True or False, or date_format; options=ReadOptions(dayfirst=...) for the tables)"
        )
    else:
        message = f"{name} {value!r} is not a date as the data's dates are written: {problem}"
    raise RetentionInputError(message, name, value)


def month_argument(value: Any, name: str, options: Any = None) -> Any:
    """A month bound (``start``/``end``) as :func:`date_argument` reads it (its month, a Period), or as given.
    ``options``: a :class:`~.ReadOptions` or None.

    >>> from xl_retention.reading import ReadOptions
    >>> month_argument("01/02/2025", "start", ReadOptions(dayfirst=True)), month_argument("2025-02", "start")
    (Period('2025-02', 'M'), '2025-02')
    """
    dates = dataclasses.replace(options.dates(), timezone=None) if options is not None else None  # a label
    found = date_argument(value, name, dates)
    return found.to_period("M") if found is not value else value


#: the periods finer than a day pandas infers from a text (a time given): the day is named
_DAY_OR_FINER = ("D", "h", "H", "min", "T", "s", "S", "ms", "L", "us", "U", "ns", "N")


def end_argument(value: Any, name: str, options: DateOptions | None = None, data: pd.Series | None = None) -> Any:
    """The last day observed that an end argument (``rfm_summary``'s ``observation_end``) names, a Timestamp; None
    where it is left out (None, or a blank: NaN, NaT, ``pd.NA``, ``""``, as a blank cell gives it). A month, quarter
    or year (``"2024-03"``, ``"March 2024"``, ``"2024"``, a ``Period``, a numpy ``datetime64`` of unit M or Y) is its
    last day, all of it observed (H545's finding 02: ``"2024-03"`` read as 1 March left out the orders of 2 to 31
    March); the one holding today (the current month) is observed through today, as the default end is (H553's
    finding 09); a day written with its day and month as numbers is read as :func:`date_argument` reads it.

    Raises:
        RetentionInputError: a number (``20240331``, Unix seconds, an Excel serial: pandas reads any number as
            nanoseconds since 1970), a logical, or a text that is no date, naming ``name`` and the value.

    >>> end_argument("2024-03", "end"), end_argument(pd.Period("2024Q1"), "end"), end_argument(float("nan"), "end")
    (Timestamp('2024-03-31 00:00:00'), Timestamp('2024-03-31 00:00:00'), None)
    >>> end_argument("2024-03-15", "end"), end_argument("01/12/2014", "end", DateOptions(dayfirst=True))
    (Timestamp('2024-03-15 00:00:00'), Timestamp('2014-12-01 00:00:00'))
    """
    import numbers  # noqa: PLC0415

    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)) or (isinstance(value, str) and value == ""):
        return None  # pd.NA, np.datetime64('NaT'), a numpy NaN too (H553's finding 01)
    if isinstance(value, np.datetime64) and np.datetime_data(value.dtype)[0] in ("M", "Y"):
        value = pd.Period(str(value), freq=np.datetime_data(value.dtype)[0])  # a month or a year, not its first day
    if isinstance(value, bool | numbers.Number) and not isinstance(value, pd.Timestamp):
        what = "a logical" if isinstance(value, bool) else "a number"
        raise RetentionInputError(
            f"{name} {value!r} is {what}, not a date: give the last day observed as a date ('2024-03-31', a Timestamp) "
            "or a month ('2024-03': its last day)",
            name,
            value,
        )
    if isinstance(value, pd.Period):
        return _observed_end(value)
    if isinstance(value, str):
        found = date_argument(value, name, options, data)
        if found is not value:
            return found
        try:
            period = pd.Period(value.strip())
        except (ValueError, TypeError, OverflowError):
            period = None
        if period is None or period is pd.NaT:
            raise RetentionInputError(f"{name} {value!r} is not a date (write it as YYYY-MM-DD)", name, value)
        if not period.freqstr.startswith(_DAY_OR_FINER):  # a month, quarter or year: its last day
            return _observed_end(period)
    try:
        return pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError) as error:
        raise RetentionInputError(f"{name} {value!r} is not a date: {error}", name, value) from None


def _observed_end(period: pd.Period) -> pd.Timestamp:
    """The last day of ``period`` observed: its last day, or today where it holds today (the current month: its
    days after today are not observed yet); a period wholly after today keeps its last day (refused by the caller)."""
    end = period.end_time.normalize()
    today = pd.Timestamp.today().normalize()
    return today if period.start_time <= today < end else end
