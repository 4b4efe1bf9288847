"""Date columns: one format for the whole column, never one per row.

A text column is parsed with a single format, found by pandas' ``guess_datetime_format``
(dateutil's parser) on the column's values and checked against every value:

* ISO 8601 (``2024-03-05``, ``2024-03-05 10:02``, ``2024-03-05T10:02:00-04:00``,
  ``20240305``, ``2024-03``) is one family, read by pandas' ISO 8601 parser;
* other layouts (``05/03/2024``, ``05.03.2024``, ``5 Mar 2024``, ...) are guessed both
  ways, day first and month first. Where only one way reads every value (a day above 12
  in any row proves day-first), it is the column's format. Where both read every value
  and give different dates, the column is ambiguous: :class:`~.errors.DataError`, resolved
  by ``dayfirst`` (``--dayfirst`` / ``--monthfirst``) or ``date_format`` (``--date-format``,
  a ``strftime`` format). A value that the column's format does not read is refused,
  naming its row: a column never mixes conventions.

Numbers: 8-digit whole numbers are ``YYYYMMDD`` (ERP and SAS exports); any other number is
refused, in a CSV file and in an Excel workbook alike: a workbook's cells formatted as dates come
as dates (in the workbook's date system, 1900 or 1904), and a number in a cell that is not
formatted as a date is what Excel shows, a number (``202601``, a month ``1``, a year ``2026``),
never a serial date; so is a year alone written as text (``"2026"``, which ISO 8601 would read as 1 January).
Timestamps with a UTC offset keep the date as written (``2025-03-31T23:30:00-04:00`` is 31 March) unless
``timezone`` names a zone to convert them to. Timestamps without an offset are wall times as written, except in a column
whose name says UTC or GMT (Stripe's "Created (UTC)", Typeform's "Submit Date (UTC)"): with ``timezone``
their times of day are UTC, converted to it (dates without a time stay as they are). Booleans are refused,
and so are dates before 1900 (Excel has none; ``1899-12-30`` is what an empty date cell exports as).

Texts are read with one format by :mod:`.text_dates`; :mod:`.zone_names` tells the zone a column's name says and
converts its times.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ._distinct import factorize
from .errors import ColumnValues, DataError, advice_apart, bad_rows, options_said
from .file_zones import note_file_zone
from .gmt_offsets import gmt_offsets
from .month_hints import number_month_hint
from .naive_times import check_naive_times, unconverted_note
from .notes import note
from .text_dates import OFFSET, Unread, apply_format, epoch_zeros, parse_texts, unix_time_hint
from .zone_names import converted_zone, from_column_zone, from_utc, has_time
from .zone_names import says_utc as says_utc  # importable from here, as before
from .zones import AMBIGUOUS, from_named_zones, split_named_zones, split_zones

__all__ = ["DateOptions", "loose_datetimes", "parse_dates"]


def loose_datetimes(values: Any) -> Any:
    """``values`` read one by one as timestamps (pandas' ``format="mixed"``, NaT where one is no date; a Series for a
    Series), for the checks that only ask whether a cell is a date or which of two comes first (a payment date, a
    phase's start).
    Timestamps with two UTC offsets (an export spanning a daylight-saving change: ``-0500`` beside ``-0400``) are
    read as the instants they are (in UTC), where pandas refuses them with its own message naming no column.

    >>> [str(t) for t in loose_datetimes(["2026-03-05 10:00:00 -0500", "2026-03-20 10:00:00 -0400", "x"])]
    ['2026-03-05 15:00:00+00:00', '2026-03-20 14:00:00+00:00', 'NaT']
    >>> [str(t) for t in loose_datetimes(["2026-03-05", "2026-03-20 10:00"])]
    ['2026-03-05 00:00:00', '2026-03-20 10:00:00']
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return pd.to_datetime(values, errors="coerce", format="mixed")
        except ValueError:  # "Mixed timezones detected": the instants, in UTC
            return pd.to_datetime(values, errors="coerce", format="mixed", utc=True)


_FIRST_DAY = np.datetime64("1900-01-01", "us")


@dataclass(frozen=True)
class DateOptions:
    """How to read date columns.

    Attributes:
        dayfirst: True: ``03/04/2025`` is 3 April; False: 4 March; None (default): from the
            column, which must then prove it (a day above 12 in some row).
        date_format: a ``strftime`` format every value of every date column must match
            (e.g. ``"%d.%m.%Y"``); it wins over ``dayfirst``.
        date_formats: formats for the columns of one input each, by its source (the file's name, as
            ``parse_dates`` is given it): ``{"orders.csv": "%d.%m.%Y"}``; they win over ``date_format``.
        timezone: an IANA zone (``"Europe/Paris"``); timestamps with a UTC offset are
            converted to it before their month is taken, and so are times without an offset in a
            column whose name says UTC or GMT ("Created (UTC)"). None: the date as written.
        column_zones: the zone a column's times without an offset are in, by its name, where the file says it
            apart from the name (Qualtrics' import id row: ``{"RecordedDate": "America/Denver"}``); converted to
            ``timezone`` as a zone the name says.
    """

    dayfirst: bool | None = None
    date_format: str | None = None
    timezone: str | None = None
    date_formats: Mapping[str, str] | None = None
    column_zones: Mapping[str, str] | None = None

    def __post_init__(self) -> None:
        _check_kinds(self)
        for fmt in (self.date_formats or {}).values():
            DateOptions(date_format=fmt)  # each checked as the plain one

        if self.timezone is not None:
            try:
                pd.Timestamp("2024-01-01", tz=self.timezone)
            except Exception:  # pytz / zoneinfo raise different errors for an unknown zone
                raise DataError(
                    f"unknown time zone {self.timezone!r} (use an IANA name such as Europe/Paris)"
                ) from None
        if self.date_format is not None and "%" not in self.date_format:
            raise DataError(f"a date format uses strftime codes such as %d/%m/%Y, got {self.date_format!r}")
        fmt = (self.date_format or "").replace("%%", "")
        if fmt and fmt != "ISO8601" and not any(c in fmt for c in ("%m", "%b", "%B", "%j", "%U", "%W", "%V")):
            raise DataError(  # every date would be put in January
                f"the date format {self.date_format!r} (--date-format) has no month (%m, %b or %B; or %j, a day of "
                f"the year): a month cannot be read from it"
            )


def _given(value: Any) -> str:
    """A value of the wrong kind as a refusal names it: ``the text 'no'``, ``1 (an int)``."""
    if isinstance(value, str):
        return f"the text {value!r}"
    kind = type(value).__name__
    return f"{value!r} ({'an' if kind[0] in 'aeiou' else 'a'} {kind})"


def _check_kinds(options: DateOptions) -> None:
    """Refuses a field of ``options`` of the wrong kind, naming it, the kinds it takes and the value: ``dayfirst="no"``
    (a setting read from a config file or the environment as text) would otherwise be read as true, or let the dates
    be refused as not day-first.

    >>> DateOptions(dayfirst="no")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: dayfirst must be True, False or None, got the text 'no'
    """
    if options.dayfirst is not None and not isinstance(options.dayfirst, (bool, np.bool_)):
        raise DataError(f"dayfirst must be True, False or None, got {_given(options.dayfirst)}")
    for name in ("date_format", "timezone"):
        value = getattr(options, name)
        if value is not None and not isinstance(value, str):
            raise DataError(f"{name} must be a text or None, got {_given(value)}")
    for name in ("date_formats", "column_zones"):
        value = getattr(options, name)
        if value is None:
            continue
        if not isinstance(value, Mapping):
            raise DataError(f"{name} must be a dict of texts by name (or None), got {_given(value)}")
        for column, text in value.items():
            if not isinstance(text, str):
                raise DataError(f"{name}[{column!r}] must be a text, got {_given(text)}")


def _zone_of(column: str, options: DateOptions, source: str) -> Any:
    """The zone of the column's times without an offset where ``--timezone`` converts: the one its name says
    (:func:`~.zone_names.converted_zone`), else the file's (``options.column_zones``: Qualtrics' import ids), with a
    note; None where none is said. A zone the file gives that is no IANA zone is refused, naming it."""
    zone = converted_zone(column, options.timezone, source)
    given = (options.column_zones or {}).get(column)
    if zone is not None or given is None or options.timezone is None:
        return zone
    try:
        zoneinfo.ZoneInfo(given)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise DataError(
            options_said(
                f"{source}, column {column!r}: the file's import id row says its times are in {given!r}, no known "
                f"time zone, so --timezone {options.timezone} cannot convert them: import without --timezone (a "
                "timestamp's month is then its date as written)"
            ),
            source=source,
            column=column,
        ) from None
    note(f"{source}, column {column!r}: times of {given}, as the file's import id row says, converted to "
         f"--timezone {options.timezone}")  # fmt: skip
    return given


_AMBIGUOUS_ZONE = (
    "time zone abbreviations of several zones ({zone}: {zones}), so --timezone cannot convert them: write the "
    "times with their UTC offset (+05:30), or import without --timezone (a timestamp's month is then its date as "
    "written)"
)


def _numeric_dates(
    numbers: np.ndarray, epoch: str | None, date_format: str | None = None, column: str = ""
) -> tuple[np.ndarray, np.ndarray, str]:
    """Numbers (finite float64) to dates: YYYYMMDD, or whole numbers in the ``--date-format`` given (``202601`` with
    ``%Y%m``). (dates, unread mask, why); ``epoch`` (not None: the numbers are cells of a workbook not formatted as
    dates; None: a typed table's, Parquet or a DataFrame) only words the refusal, which names ``--date-format '%Y%m'``
    for numbers that read as YYYYMM, and Unix timestamps as a CSV file's are named (with the way to convert them
    there: an Excel formula for a workbook's cells, DuckDB or pandas for ``column`` of a typed table)."""
    whole = numbers == np.floor(numbers)
    yyyymmdd = whole & (numbers >= 10000101) & (numbers <= 99991231)
    out = np.full(numbers.size, np.datetime64("NaT"), dtype="datetime64[us]")
    if yyyymmdd.all():
        text = pd.Series(numbers.astype(np.int64).astype(str))
        out = pd.to_datetime(text, format="%Y%m%d", errors="coerce").to_numpy().astype("datetime64[us]")
        return out, np.isnat(out), "numbers that are not YYYYMMDD dates"
    if date_format is not None and whole.all():  # 202601 typed as a number, read with --date-format '%Y%m'
        out = apply_format(np.array([str(int(n)) for n in numbers], dtype=object), date_format, None)
        return out, np.isnat(out), f"numbers that do not match the date format {date_format!r}"
    zeros = epoch_zeros(_number_texts(numbers[numbers != 0]).tolist() + ["0"], None if epoch else column)
    if zeros is not None and (numbers == 0).any():  # 0 beside Unix timestamps: named, its rows (H574)
        return out, numbers == 0, zeros[1]
    hint = number_month_hint(numbers) or unix_time_hint(_number_texts(numbers), None if epoch else column)
    if hint:
        return out, np.ones(numbers.size, dtype=bool), "numbers where dates belong" + hint
    if epoch is not None:  # Excel shows these cells as numbers: a serial date is a cell formatted as a date
        why = "numbers where dates belong (cells not formatted as dates, which Excel shows as numbers: use date cells, "
        return out, np.ones(numbers.size, dtype=bool), why + "YYYY-MM text or YYYYMMDD)"
    return out, np.ones(numbers.size, dtype=bool), "numbers where dates belong (use dates, YYYY-MM or YYYYMMDD)"


def _number_texts(numbers: np.ndarray) -> np.ndarray:
    """The distinct values of ``numbers`` in order of first appearance, as a CSV file would write them: a whole number
    without its ``.0`` (``1767610800``), another as Python writes it (``1767610800.5``); none when one is too large
    to be a timestamp."""
    distinct = pd.unique(numbers)
    if not (np.abs(distinct) < 1e17).all():
        return np.zeros(0, dtype=str)
    whole = distinct == np.floor(distinct)
    return np.where(whole, distinct.astype(np.int64).astype(str), distinct.astype(str))


def _format_of(options: DateOptions, source: str) -> str | None:
    """The ``--date-format`` of ``source``'s date columns (its own, or every file's), if one was given."""
    return (options.date_formats or {}).get(source) or options.date_format


def _is_datetime(value: Any) -> bool:
    return isinstance(value, (dt.date, np.datetime64))


def parse_dates(
    series: pd.Series,
    source: str,
    column: str,
    options: DateOptions | None = None,
    *,
    excel_epoch: str | None = None,
    allow_blank: bool = False,
) -> np.ndarray:
    """A column of dates as naive ``datetime64[us]`` (NaT for blank cells, when ``allow_blank``).

    ``series`` holds text, dates, Periods (their first day), numbers (``YYYYMMDD``) or a mix
    of them (cells of a workbook: ``excel_epoch`` is then its date system, ``"1900"`` or
    ``"1904"``, and words the refusal of other numbers: cells not formatted as dates); text is
    parsed with one format for the column (see the module's docstring and :class:`DateOptions`).

    Raises :class:`DataError` naming ``source``, ``column``, the rows and their values for
    values that are not dates in the column's format, booleans, blanks (unless
    ``allow_blank``) and dates before 1900; and for a column whose day/month order cannot
    be told.

    >>> parse_dates(pd.Series(["05/02/2024", "13/02/2024"]), "o.csv", "date").astype(str).tolist()
    ['2024-02-05T00:00:00.000000', '2024-02-13T00:00:00.000000']
    """
    options = options or DateOptions()
    dtype = series.dtype
    raw = ColumnValues(series)  # for errors: no array of the whole column
    if isinstance(dtype, pd.PeriodDtype):
        values = series.dt.start_time.to_numpy().astype("datetime64[us]")
    elif isinstance(dtype, pd.DatetimeTZDtype):
        if options.timezone is not None:
            series = series.dt.tz_convert(options.timezone)
        values = series.dt.tz_localize(None).to_numpy().astype("datetime64[us]")
        if options.timezone is None:  # a Parquet file's zone: its months, said (.file_zones)
            note_file_zone(source, column, str(dtype.tz), values)
    elif pd.api.types.is_datetime64_dtype(dtype):
        values = series.to_numpy().astype("datetime64[us]")
        zone = _zone_of(column, options, source)  # 'Created (UTC)', 'Started At (PST)' (.zone_names)
        if zone is not None and has_time(values).any():  # timestamps of the zone the name says
            values = from_column_zone(values, zone, str(options.timezone), column, source)
        elif options.timezone is not None and has_time(values).any():  # none converted (reading.naive_times)
            note(unconverted_note(source, column, options.timezone))
    elif pd.api.types.is_bool_dtype(dtype):
        raise bad_rows(source, column, "TRUE/FALSE where dates belong", np.arange(len(series)), raw)
    elif pd.api.types.is_numeric_dtype(dtype):
        numbers = series.to_numpy(dtype=np.float64, na_value=np.nan)
        present = ~np.isnan(numbers)
        values = np.full(len(series), np.datetime64("NaT"), dtype="datetime64[us]")
        got, unread, why = _numeric_dates(numbers[present], excel_epoch, _format_of(options, source), column)
        if unread.any():
            problem, advice = advice_apart(options_said(why))  # what to do after the rows (reading.errors)
            raise bad_rows(source, column, problem, np.flatnonzero(present)[unread], raw, advice=advice)
        values[present] = got
    else:
        if allow_blank:
            series = _zeros_blank(series, source, column)
        values = _parse_mixed(series, options, excel_epoch, source, column)
    blank = np.isnat(values)
    if blank.any() and not allow_blank:
        raise bad_rows(source, column, "missing dates", np.flatnonzero(blank))
    early = values < _FIRST_DAY
    if early.any():
        problem = "dates before 1900 (Excel has none; 1899-12-30 is what an empty Excel date exports as)"
        raise bad_rows(source, column, problem, np.flatnonzero(early), raw)
    placeholders = epoch_placeholders(values)
    if placeholders.size:
        raise bad_rows(source, column, EPOCH_PROBLEM, placeholders, raw, advice=PLACEHOLDER_ADVICE)
    placeholders = epoch_placeholders(values, ZERO_DAY)  # SQL Server's 1900-01-01 for a missing datetime
    if placeholders.size:
        raise bad_rows(source, column, ZERO_DAY_PROBLEM, placeholders, raw, advice=PLACEHOLDER_ADVICE)
    return values


def _zeros_blank(series: pd.Series, source: str, column: str) -> pd.Series:
    """``series`` with its cells of the text ``0`` blank, where its other filled cells are dates (a column that may be
    blank: an end, a trial's end): WooCommerce Subscriptions' export writes ``0`` for a date not set (an active
    subscription's ``end_date``, ``trial_end_date``), never a day; said in a note. Beside other numbers (Excel's
    date serials) it is left as it is.

    >>> _zeros_blank(pd.Series(["2026-03-10 10:00:00", "0", None], dtype=object), "w.csv", "end_date").tolist()
    ['2026-03-10 10:00:00', None, None]
    """
    texts = series.map(lambda v: v.strip() if isinstance(v, str) else None)
    zero = (texts == "0").to_numpy(dtype=bool)
    if not zero.any():
        return series
    others = texts[~zero & texts.notna().to_numpy(dtype=bool)]
    if others.str.fullmatch(r"\d+").any():  # other numbers beside it (Excel's serials): not a placeholder
        return series
    count = int(zero.sum())
    note(f"{source}, column {column!r}: {count} cell{'s' if count != 1 else ''} of 0 read as no date (WooCommerce "
         "writes 0 for a date not set)")  # fmt: skip
    return series.mask(zero, None)


#: The Unix epoch, 1970-01-01 00:00:00: what a database or an API exports for a missing timestamp (time 0).
EPOCH = np.datetime64("1970-01-01T00:00:00", "us")
#: The refusal of :func:`epoch_placeholders`.
EPOCH_PROBLEM = (
    "dates at the Unix epoch, 1970-01-01 00:00:00, with no other date within a year (a missing date exported as time 0)"
)
#: What to do about :data:`EPOCH_PROBLEM` and :data:`ZERO_DAY_PROBLEM`, after their rows and values.
PLACEHOLDER_ADVICE = "leave it blank, or give the real date"


#: 1900-01-01 00:00:00: SQL Server's datetime 0 (a missing date cast to datetime, or a blank column's default) and
#: Excel's day 1: what such an export writes for a missing date.
ZERO_DAY = np.datetime64("1900-01-01T00:00:00", "us")
#: The refusal of :func:`epoch_placeholders` of :data:`ZERO_DAY`.
ZERO_DAY_PROBLEM = (
    "dates of 1900-01-01 00:00:00, with no other date within a year (a missing date exported as 0, SQL Server's and "
    "Excel's first day)"
)


def epoch_placeholders(values: np.ndarray, epoch_value: np.datetime64 = EPOCH) -> np.ndarray:
    """Positions of the dates that are exactly the Unix epoch (:data:`EPOCH`, midnight; or ``epoch_value``,
    :data:`ZERO_DAY`) where no other date of the column is within a year after it: a missing timestamp exported as 0,
    never a customer's first order in 1970 (a table that truly starts then has other dates of 1970).

    >>> d = np.array(["1970-01-01", "2025-01-05", "NaT"], dtype="datetime64[us]")
    >>> epoch_placeholders(d).tolist(), epoch_placeholders(np.append(d, np.datetime64("1970-03-01", "us"))).tolist()
    ([0], [])
    """
    epoch = values == epoch_value
    if not epoch.any():
        return np.zeros(0, dtype=np.int64)
    others = values[~epoch & ~np.isnat(values)]
    if others.size and others.min() < epoch_value + np.timedelta64(365, "D"):
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(epoch)


def _parse_mixed(
    series: pd.Series, options: DateOptions, excel_epoch: str | None, source: str, column: str
) -> np.ndarray:
    """An object or text column (cells of any type): each kind of value by its rule, text with one format."""
    codes, uniques = factorize(series)
    out = np.full(len(uniques) + 1, np.datetime64("NaT"), dtype="datetime64[us]")  # the last one for code -1
    bad = np.zeros(len(uniques), dtype=bool)
    why = ""
    kinds = np.array([_kind(v) for v in uniques], dtype=object)
    zone = _zone_of(column, options, source)  # times without an offset: of the zone the name says
    utc = zone is not None
    if (kinds == "bool").any():
        bad |= kinds == "bool"
        why = "TRUE/FALSE where dates belong"
    dated = np.flatnonzero(kinds == "date")
    stamps = [pd.Timestamp(v.start_time if isinstance(v, pd.Period) else v) for v in uniques[dated]]
    # timestamps in a column that says UTC: every one converted, midnight too, as a typed column's are (a column of
    # dates alone, with no time of day, is left as it is)
    timed = utc and any(s.tzinfo is None and s != s.normalize() for s in stamps)
    for i, stamp in zip(dated, stamps, strict=True):
        if stamp.tzinfo is not None:
            stamp = (stamp.tz_convert(options.timezone) if options.timezone else stamp).tz_localize(None)
        elif timed:  # a date cell's time in a column that says UTC
            stamp = stamp.tz_localize(zone, ambiguous=True, nonexistent="shift_forward")
            stamp = stamp.tz_convert(options.timezone).tz_localize(None)
        out[i] = np.datetime64(stamp.to_datetime64(), "us")
    numbers = np.flatnonzero(kinds == "number")
    if numbers.size and not bad.any():
        got, unread, why_numbers = _numeric_dates(uniques[numbers].astype(np.float64), excel_epoch,
                                                  _format_of(options, source), column)  # fmt: skip
        out[numbers] = got
        if unread.any():
            bad[numbers[unread]] = True
            why = why_numbers
    texts = np.flatnonzero(kinds == "text")
    filled, written, zoned = texts[:0], np.zeros(0, dtype=object), np.zeros(0, dtype=bool)  # non-blank texts
    if texts.size and not bad.any():
        stripped = np.array([str(v).strip() for v in uniques[texts]], dtype=object)
        empty = stripped == ""  # blank: stays NaT
        filled = texts[~empty]
        if filled.size:
            plain = written = stripped[~empty]
            zoned = np.zeros(len(plain), dtype=bool)
            named = np.full(len(plain), "", dtype=object)  # zones' names: 'Europe/Berlin' (reading.zones)
            try:
                try:
                    out[filled], day_first = parse_texts(plain, options, source, column)
                except Unread:  # 'PST', 'CET' (reading.zones): looked for only where the texts do not read
                    # and Google Forms' 'GMT+1', an offset east of UTC (reading.gmt_offsets)
                    plain, named = split_named_zones(plain)  # 'America/Los_Angeles' (PayPal's TimeZone)
                    plain, minutes, zones = split_zones(gmt_offsets(plain))
                    zones = np.where(named != "", named, zones)
                    zoned = zones != ""
                    if not zoned.any() and np.array_equal(plain, written):
                        raise
                    unsure = np.isin(zones, list(AMBIGUOUS)) & (options.timezone is not None)
                    if unsure.any():
                        zone = zones[unsure][0]
                        raise Unread(unsure, _AMBIGUOUS_ZONE.format(zone=zone, zones=AMBIGUOUS[zone])) from None
                    out[filled], day_first = parse_texts(plain, options, source, column)
            except Unread as unread:
                bad[filled[unread.mask]] = True
                why = unread.why
            else:
                if zoned.any() and options.timezone is not None:  # wall times of their zone, converted
                    shift = zoned & np.array([not OFFSET.search(t) for t in plain], dtype=bool)  # an offset decides
                    by_name = shift & (named != "")  # 'Europe/Berlin': its offset on that date
                    if by_name.any():
                        out[filled[by_name]] = from_named_zones(out[filled[by_name]], named[by_name], options.timezone)
                    shift &= ~by_name
                    if shift.any():
                        wall = out[filled[shift]] - (minutes[shift] * 60_000_000).astype("timedelta64[us]")
                        out[filled[shift]] = from_utc(wall, str(options.timezone))
                if utc:  # times of day written without an offset, in a column that says UTC
                    naive = np.array([":" in t and not OFFSET.search(t) and not re.search(r"(?i)(utc|gmt)$", t)
                                      for t in plain], dtype=bool) & ~zoned  # fmt: skip
                    if naive.any():
                        out[filled[naive]] = from_column_zone(
                            out[filled[naive]], zone, str(options.timezone), column, source
                        )
                _refuse_swapped_cells(uniques, kinds, codes, day_first, plain, source, column, series)
    if (kinds == "other").any() and not bad.any():
        bad |= kinds == "other"
        why = "values that are not dates"
        if all(isinstance(v, dt.time) for v in uniques[kinds == "other"]):  # an Excel cell of 0, or a time alone
            why = ("times of day without a date (an Excel cell of a time alone; a 0 formatted as a date, shown as "
                   "00/01/1900, is no date: leave the cell empty where there is none)")  # fmt: skip
    if options.timezone is not None and not utc and not bad.any():  # offsets beside none (reading.naive_times)
        check_naive_times(uniques, kinds, filled, written, zoned, codes, series, source, column, options.timezone)
    if bad.any():
        rows = np.flatnonzero(bad[np.maximum(codes, 0)] & (codes >= 0))
        problem, advice = advice_apart(options_said(why))  # what to do after the rows (reading.errors)
        raise bad_rows(source, column, problem, rows, series.to_numpy(), advice=advice)
    return out[codes]  # one pass over the rows: blank texts and missing cells (code -1) are NaT


def _refuse_swapped_cells(
    uniques: np.ndarray, kinds: np.ndarray, codes: np.ndarray, day_first: bool | None, texts: np.ndarray,
    source: str, column: str, series: pd.Series,
) -> None:  # fmt: skip
    """Date cells beside text dates of one order (day-first or month-first), every cell with a day of 12 or less:
    the fingerprint of a CSV file opened in Excel with the other order (03/01/2026, 3 January, became a date cell of
    1 March; 15/01/2026 stayed text). The cells cannot be trusted: refused, naming their rows."""
    cells = [i for i in np.flatnonzero(kinds == "date") if not isinstance(uniques[i], pd.Period)]
    if day_first is None or not cells or any(pd.Timestamp(uniques[i]).day > 12 for i in cells):
        return
    way, other = ("day-first", "month-first") if day_first else ("month-first", "day-first")
    problem = (
        f"date cells (each day 12 or less) beside {way} text dates such as {str(texts[0])!r}, as Excel leaves "
        f"a {way} CSV file it opens {other} (03/01/2026 became {'1 March' if day_first else '3 January'})"
    )
    advice = "import the CSV file itself, or open it with its own date order (Data > From Text/CSV)"
    rows = np.flatnonzero(np.isin(codes, cells))
    raise bad_rows(source, column, problem, rows, series.to_numpy(), advice=advice)


def _kind(value: Any) -> str:
    if isinstance(value, (bool, np.bool_)):
        return "bool"
    if isinstance(value, str):
        return "text"
    if isinstance(value, pd.Period) or _is_datetime(value):
        return "date"
    if isinstance(value, (int, float, np.integer, np.floating)):
        return "number"
    return "other"
