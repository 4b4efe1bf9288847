"""Months of a snapshots export: every month between the first and the last has rows, and none is after the current
month (the refusals of :func:`~xl_retention.reading.prepare` for ``snapshots``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .errors import DataError, bad_rows

__all__ = [
    "EVERY_MONTH_OBSERVED",
    "OBSERVED_THROUGH",
    "TIMES_PROBLEM",
    "refuse_future_months",
    "refuse_missing_months",
    "refuse_times",
    "zoned_months",
]

#: A snapshots file's month column holding times of day: one row per event, not per customer and month.
TIMES_PROBLEM = (
    "a month column with times of day: one row per customer and month (a snapshot) has a month or a date there, "
    "a time of day says one row per event (a payments or orders export goes in with --orders; subscriptions with "
    "their start and end dates: --columns start=NAME,end=NAME)"
)


def refuse_times(months: np.ndarray, values: Any, source: str, column: str) -> None:
    """Refuse a snapshots file whose ``months`` (``datetime64``, from the column ``column`` whose values as written
    are ``values``) hold a time of day other than midnight: Stripe's payments export mapped as snapshots
    (``month='Created (UTC)'``) would count each payment as a month's MRR.

    >>> refuse_times(np.array(["2026-01-01", "2026-02-01T00:00"], dtype="datetime64[us]"), None, "s.csv", "month")
    >>> refuse_times(np.array(["2026-01-05T10:00"], dtype="datetime64[us]"), ["2026-01-05 10:00"], "p.csv", "Created")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: p.csv, column 'Created': a month column with times of day: one row per \
customer and month (a snapshot) has a month or a date there, a time of day says one row per event (a payments or \
orders export goes in with --orders; subscriptions with their start and end dates: --columns start=NAME,end=NAME) \
in row 2 (counting the header as row 1): '2026-01-05 10:00'
    """
    months = np.asarray(months, dtype="datetime64[us]")
    timed = ~np.isnat(months) & (months != months.astype("datetime64[D]"))
    if timed.any():
        raise bad_rows(source, column, TIMES_PROBLEM, np.flatnonzero(timed), values)


#: Zones a month column of instants may be the midnights of, tried (on its first rows) to name the one to give with
#: ``--timezone`` when none was: one of each group of offsets is enough (Europe/Paris's are Europe/Berlin's).
_ZONES = ("Europe/Berlin", "Europe/London", "Europe/Helsinki", "Europe/Moscow", "America/New_York",
          "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Sao_Paulo",
          "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Asia/Dubai", "Australia/Sydney",
          "Pacific/Auckland")  # fmt: skip


def zoned_months(
    months: np.ndarray, converted: Callable[..., np.ndarray], timezone: str | None, source: str, column: str,
    values: Any = None,
) -> np.ndarray:  # fmt: skip
    """A snapshots file's ``months`` as written (a month is a label, never converted), unless some hold a time of
    day, ``--timezone`` names a zone and ``converted(zone)`` (the column read as instants converted to it; ``zone,
    rows``: its first rows) holds none: UTC instants of the zone's midnights (``2026-07-31T22:00:00Z`` is 1 August at
    00:00 in Europe/Berlin: a warehouse's ``date_trunc('month', ...)`` in a Berlin session, exported as a TIMESTAMP
    WITH TIME ZONE) are then the zone's months, with a note; otherwise :func:`refuse_times` refuses them as it did.
    Without ``--timezone``, instants that are midnights in a zone of :data:`_ZONES` are refused naming it and the
    option (``values``: the column as written, for the refusal), not as one row per event (H178 finding 01).

    >>> written = np.array(["2026-07-31T22:00"], dtype="datetime64[us]")
    >>> berlin = lambda zone, rows=None: np.array(["2026-08-01T00:00"], dtype="datetime64[us]")
    >>> zoned_months(written, berlin, "Europe/Berlin", "s.csv", "month").astype(str).tolist()
    ['2026-08-01T00:00:00.000000']
    >>> zoned_months(written, berlin, None, "s.csv", "month", ["2026-07-31T22:00:00Z"])
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.csv, column 'month': a month column of instants at midnight in \
Europe/Berlin (or another zone of its UTC offsets), read as written with times of day in row 2 (counting the \
header as row 1): '2026-07-31T22:00:00Z': read them as that zone's months: --timezone Europe/Berlin
    """
    from .notes import collected, note
    from .zone_names import has_time

    timed = has_time(np.asarray(months, dtype="datetime64[us]"))
    if not timed.any():
        return months
    if timezone is None:  # midnights of a zone? name it and the option (else refuse_times refuses them, below)
        head = min(len(months), 1000)
        for zone in _ZONES:
            try:
                with collected():  # a zone tried, not asked for: its reading's notes are dropped
                    zoned = np.asarray(converted(zone, head), dtype="datetime64[us]")
            except DataError:
                return months
            if len(zoned) == head and not has_time(zoned).any():
                problem = (
                    f"a month column of instants at midnight in {zone} (or another zone of its UTC offsets), read "
                    "as written with times of day"
                )
                advice = f"read them as that zone's months: --timezone {zone}"
                raise bad_rows(source, column, problem, np.flatnonzero(timed), values, advice=advice)
        return months
    try:
        zoned = np.asarray(converted(timezone), dtype="datetime64[us]")
    except DataError:
        return months
    if has_time(zoned).any() or len(zoned) != len(months):
        return months
    note(
        f"{source}: the months of {column!r} are instants at midnight in {timezone} (their times of day as written "
        f"are another zone's): read as {timezone}'s months, as --timezone asks"
    )
    return zoned


#: ``df.attrs`` key of a snapshots table whose every month between its first and last was observed, rows or
#: not (snapshots made from intervals; a segment's rows): a month without rows is then a month of zeros.
EVERY_MONTH_OBSERVED = "every_month_observed"
#: a frame's attribute: the month ordinal its snapshots are observed through (snapshots_from_intervals' ``through``),
#: months after its rows up to it being months without active customers
OBSERVED_THROUGH = "observed_through"


def refuse_missing_months(dates: np.ndarray, source: str, column: str) -> None:
    """A month with no row at all between months with rows, in a snapshots export, is almost surely a missing
    export (every customer would show as lost in it and back the month after): refused, naming the months."""
    months = np.asarray(dates).astype("datetime64[M]").astype(np.int64)
    if months.size == 0:
        return
    low = int(months.min())
    seen = np.bincount(months - low)
    gaps = np.flatnonzero(seen == 0) + low
    if gaps.size:
        word, shown = _named_months(gaps)
        raise DataError(
            f"{source}, column {column!r}: no rows at all for the {word} {shown}, between months with rows: "
            f"a month's export is missing (every customer would show as lost, then back); add it, or, if no "
            f"customer was active then, a row with MRR 0 for that month",
            source=source,
            column=column,
        )


def _named_months(months: np.ndarray) -> tuple[str, str]:
    """("month" or "months", the first six as YYYY-MM and how many more) of numpy month ordinals."""
    named = [str(np.datetime64(int(m), "M")) for m in months]
    shown = ", ".join(named[:6]) + (f" and {len(named) - 6} more" if len(named) > 6 else "")
    return ("months" if len(named) > 1 else "month"), shown


def refuse_future_months(
    dates: np.ndarray, source: str, column: str, today: Any = None, hint: str = "a forecast or a scheduled renewal?"
) -> None:
    """Snapshots, orders, visits or answers of months after the current month (``today``'s, default the run's) have
    not happened yet: refused, naming those months (the tables of intervals stop at the current month too)."""
    from ..tables.subscriptions import current_month  # the tables import this module

    months = np.unique(np.asarray(dates).astype("datetime64[M]").astype(np.int64))
    now = current_month(today)  # a pandas month ordinal counts from 1970-01, as numpy's datetime64[M] does
    later = months[months > now]
    if later.size:
        word, shown = _named_months(later)
        raise DataError(
            f"{source}, column {column!r}: rows for the {word} {shown}, after the current month "
            f"({np.datetime64(now, 'M')}): a month that has not happened yet is not counted; remove those rows "
            f"({hint})",
            source=source,
            column=column,
        )
