"""The time zone a column's name says its times are in: "Created (UTC)", "Started At (PST)", "Created
(America/Los_Angeles)", "Created (GMT-8)", "Start (UTC-08:00)", ``created_at_pst``.

With ``--timezone`` a timestamp written without an offset is a wall time as written, except in a column whose name
says its zone (:func:`column_zone`): then it is a time of that zone, converted. UTC and GMT alone say UTC; an offset
after them (``UTC-08:00``, ``GMT+5:30``, east of UTC as ISO 8601's) that offset; a zone's IANA name in brackets its
zone (its offset on each date); an abbreviation of one meaning (:data:`~.zones.OFFSETS`: ``PST`` -8, ``CET`` +1) in
brackets or as the name's last word its offset. An abbreviation of several zones (``IST``: India, Ireland or
Israel) is refused where ``--timezone`` is given, naming the column (:func:`ambiguous_zone`, :func:`converted_zone`).
The times are converted by :func:`from_zone` (:func:`from_utc` for UTC) to ``--timezone``'s wall times.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Any

import numpy as np
import pandas as pd

from .errors import DataError, options_said

__all__ = [
    "ambiguous_zone",
    "column_zone",
    "converted_zone",
    "from_column_zone",
    "from_utc",
    "from_zone",
    "has_time",
    "says_utc",
]

#: UTC or GMT and an offset: "UTC-08:00", "GMT+5:30", "GMT-8", "UTC+9".
_OFFSET = re.compile(r"(?<![A-Za-z])(?:UTC|GMT)\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)", re.IGNORECASE)
_BRACKETED = re.compile(r"[(\[]([^()\[\]]+)[)\]]")


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[^A-Za-z]+", name) if w]


def _named(name: str) -> str | None:
    """The zone abbreviation or IANA name the column's name ends with or holds in brackets, None without one."""
    from .zones import AMBIGUOUS, OFFSETS

    for inside in _BRACKETED.findall(name):
        text = inside.strip()
        if "/" in text:
            try:
                zoneinfo.ZoneInfo(text)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                continue
            return text
        if text.upper() in OFFSETS or text.upper() in AMBIGUOUS:
            return text.upper()
    words = _words(name)
    last = words[-1].upper() if len(words) > 1 else ""
    return last if len(last) >= 3 and (last in OFFSETS or last in AMBIGUOUS) else None


def column_zone(column: Any) -> Any:
    """The zone the name of ``column`` says (a ``datetime.timezone`` of a fixed offset, or an IANA name, "UTC"), None
    when it says none; an ambiguous abbreviation is returned as it is (:func:`ambiguous_zone` tells).

    >>> [str(column_zone(c)) for c in ("Created (UTC)", "Started At (PST)", "Created (America/Los_Angeles)",
    ...  "Created (GMT-8)", "Start (UTC+05:30)", "created_at_pst", "created_at", "Paid (IST)", "Estimate")]
    ['UTC', 'UTC-08:00', 'America/Los_Angeles', 'UTC-08:00', 'UTC+05:30', 'UTC-08:00', 'None', 'IST', 'None']
    """
    from .zones import AMBIGUOUS, OFFSETS

    name = str(column)
    offset = _OFFSET.search(name)
    if offset is not None:
        sign = -1 if offset.group(1) in "-\u2212" else 1
        minutes = int(offset.group(2)) * 60 + int(offset.group(3) or 0)
        return dt.timezone(dt.timedelta(minutes=sign * minutes))
    named = _named(name)
    if named is not None and named in OFFSETS and named not in ("UTC", "GMT", "UT"):
        return dt.timezone(dt.timedelta(minutes=OFFSETS[named]))
    if named is not None and (named in AMBIGUOUS or "/" in named):
        return named
    if {"utc", "gmt"} & {w.lower() for w in _words(name)}:
        return "UTC"
    return None


def ambiguous_zone(zone: Any) -> str | None:
    """Where ``zone`` (:func:`column_zone`'s) is an abbreviation of several zones, the zones it may be.

    >>> ambiguous_zone("IST"), ambiguous_zone("UTC")
    ('India +05:30, Ireland +01:00 or Israel +02:00', None)
    """
    from .zones import AMBIGUOUS

    return AMBIGUOUS.get(zone) if isinstance(zone, str) else None


def says_utc(column: Any) -> bool:
    """Whether a column's name says its times are UTC ("Created (UTC)", ``created_utc``, "Date (GMT)").

    >>> says_utc("Created (UTC)"), says_utc("Submit Date (UTC)"), says_utc("created_at")
    (True, True, False)
    """
    return bool({"utc", "gmt"} & set(re.split(r"[^a-z0-9]+", str(column).lower())))


def has_time(values: np.ndarray) -> np.ndarray:
    """Whether each datetime64 value has a time of day (not midnight)."""
    return ~np.isnat(values) & (values != values.astype("datetime64[D]"))


def from_utc(values: np.ndarray, timezone: str) -> np.ndarray:
    """Naive UTC wall times as naive wall times of ``timezone``."""
    index = pd.DatetimeIndex(values).tz_localize("UTC").tz_convert(timezone).tz_localize(None)
    return index.to_numpy().astype("datetime64[us]")


def from_zone(values: np.ndarray, zone: Any, timezone: str) -> np.ndarray:
    """Naive wall times of ``zone`` (a column's, :func:`column_zone`) as naive wall times of
    ``timezone``; a time a change to summer time skips moves forward, one the change back repeats is summer time."""
    if zone == "UTC":
        return from_utc(values, timezone)
    index = pd.DatetimeIndex(values).tz_localize(
        zone, ambiguous=np.ones(len(values), dtype=bool), nonexistent="shift_forward"
    )
    return index.tz_convert(timezone).tz_localize(None).to_numpy().astype("datetime64[us]")


def converted_zone(column: str, timezone: str | None, source: str) -> Any:
    """The zone the column's name says (:func:`column_zone`) where ``timezone`` (``--timezone``) converts, else None;
    :class:`~.errors.DataError` for an abbreviation of several zones ('Paid (IST)').

    >>> str(converted_zone("Created (UTC-08:00)", "Europe/Paris", "s.csv")), converted_zone("Created", "UTC", "s.csv")
    ('UTC-08:00', None)
    """
    if timezone is None:
        return None
    zone = column_zone(column)
    zones = ambiguous_zone(zone)
    if zones is not None:
        raise DataError(
            options_said(
                f"{source}, column {column!r}: its name says the times are {zone}, an abbreviation of several zones "
                f"({zones}), so --timezone cannot convert them: name the zone in the header ('Created (Asia/Kolkata)'"
                ", 'Created (UTC+05:30)'), or import without --timezone (a timestamp's month is then its date as "
                "written)"
            ),
            source=source,
            column=column,
        )
    return zone


#: the standard time's abbreviation of a zone that keeps summer time, and that zone: a header "Started At (PST)" is
#: read as UTC-8 all year (the abbreviation's meaning), though many US exports write Pacific wall times under it
STANDARD_OF_SUMMER_ZONES = {
    "PST": "America/Los_Angeles",
    "MST": "America/Denver",
    "CST": "America/Chicago",
    "EST": "America/New_York",
    "AKST": "America/Anchorage",
}


def from_column_zone(values: np.ndarray, zone: Any, timezone: str, column: Any, source: str) -> np.ndarray:
    """:func:`from_zone` of a column whose name says ``zone``; where the name says the standard time of a zone that
    keeps summer time ("Started At (PST)") and reading its times as that zone's wall times (PDT in summer) would put
    a row in another month of ``timezone``, :class:`~.errors.DataError` naming the column and a time: the header
    cannot tell which was meant (H350's finding 07: 2026-07-31 23:30 "PST" is 2026-08-01 00:30 in Los Angeles, but
    2026-07-31 23:30 if the export wrote Pacific wall times).

    >>> from_column_zone(np.array(["2026-01-31T23:30"], dtype="datetime64[us]"), column_zone("At (PST)"),
    ...                  "America/Los_Angeles", "At (PST)", "s.csv")
    array(['2026-01-31T23:30:00.000000'], dtype='datetime64[us]')
    """
    out = from_zone(values, zone, timezone)
    words = _named(str(column))
    summer_zone = STANDARD_OF_SUMMER_ZONES.get(words or "")
    if summer_zone is None or not isinstance(zone, dt.timezone):
        return out
    wall = from_zone(values, summer_zone, timezone)
    moved = ~np.isnat(out) & (out.astype("datetime64[M]") != wall.astype("datetime64[M]"))
    if moved.any():
        first = int(np.flatnonzero(moved)[0])
        fixed = str(zone)  # datetime.timezone's name: 'UTC-08:00'
        written = str(values[first].astype("datetime64[m]")).replace("T", " ")
        raise DataError(
            f"{source}, column {column!r}: its name says {words} ({fixed} all year), but {int(moved.sum())} "
            f"time(s) fall in another month if they are {summer_zone}'s wall times (summer time included), "
            f"as many exports write under {words}: {written} is "
            f"{str(out[first].astype('datetime64[m]')).replace('T', ' ')} or "
            f"{str(wall[first].astype('datetime64[m]')).replace('T', ' ')} in --timezone {timezone}; rename the "
            f"column to say which ('{_bare(column)} ({summer_zone})' for wall times, '{_bare(column)} ({fixed})' for a "
            "fixed offset)",
            source=source,
            column=str(column),
        )
    return out


def _bare(column: Any) -> str:
    """The column's name without its bracketed zone: "Started At (PST)" -> "Started At"."""
    return _BRACKETED.sub("", str(column)).strip() or str(column)
