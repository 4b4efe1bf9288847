"""A time zone in a column of its own beside the date and its time (Square's "Date", "Time", "Time Zone").

Square's Transactions export writes ``01/31/2024``, ``23:30:00``, ``Pacific Time (US & Canada)`` in three columns;
other exports write ``Date, Time, TimeZone`` with IANA names (``America/Los_Angeles``) or abbreviations (``PST``).
Without ``--timezone`` a timestamp's month is its date as written, and these columns change nothing. With it
(:func:`zoned_dates`), the date, its time and its zone are read as one timestamp, converted as a zone written after
the time is (:mod:`.zones`): a zone's IANA name, an abbreviation of one meaning, or a Rails (ActiveSupport) name as
Square and other Ruby-built systems write them (:data:`RAILS_ZONES`: "Pacific Time (US & Canada)", "London",
"(GMT-08:00) Pacific Time (US & Canada)"), which is mapped to its IANA zone. A zone of none of those is refused,
naming the column, the rows and the values: silently taken as written, the option would be ignored.

The time column is the date's name with ``date`` as ``time`` ("Order Date" -> "Order Time") or ``Time``; the zone's
``Time Zone``, ``TimeZone``, ``tz`` or the date's name with ``date`` as ``time zone``. A date column that has its time
already is given its zone only.
"""

from __future__ import annotations

import re
import zoneinfo
from typing import Any

import numpy as np
import pandas as pd

from .errors import bad_rows, options_said

__all__ = ["RAILS_ZONES", "iana_zone", "zoned_dates"]

#: ActiveSupport::TimeZone's names (as Rails, Square and other Ruby-built systems write a zone) -> IANA zones.
RAILS_ZONES: dict[str, str] = {
    "International Date Line West": "Etc/GMT+12", "Midway Island": "Pacific/Midway",
    "American Samoa": "Pacific/Pago_Pago", "Hawaii": "Pacific/Honolulu", "Alaska": "America/Juneau",
    "Pacific Time (US & Canada)": "America/Los_Angeles", "Tijuana": "America/Tijuana",
    "Mountain Time (US & Canada)": "America/Denver", "Arizona": "America/Phoenix", "Chihuahua": "America/Chihuahua",
    "Mazatlan": "America/Mazatlan", "Central Time (US & Canada)": "America/Chicago", "Saskatchewan": "America/Regina",
    "Guadalajara": "America/Mexico_City", "Mexico City": "America/Mexico_City", "Monterrey": "America/Monterrey",
    "Central America": "America/Guatemala", "Eastern Time (US & Canada)": "America/New_York",
    "Indiana (East)": "America/Indiana/Indianapolis", "Bogota": "America/Bogota", "Lima": "America/Lima",
    "Quito": "America/Lima", "Atlantic Time (Canada)": "America/Halifax", "Caracas": "America/Caracas",
    "La Paz": "America/La_Paz", "Santiago": "America/Santiago", "Asuncion": "America/Asuncion",
    "Newfoundland": "America/St_Johns", "Brasilia": "America/Sao_Paulo",
    "Buenos Aires": "America/Argentina/Buenos_Aires", "Montevideo": "America/Montevideo",
    "Georgetown": "America/Guyana", "Puerto Rico": "America/Puerto_Rico", "Greenland": "America/Nuuk",
    "Mid-Atlantic": "Atlantic/South_Georgia", "Azores": "Atlantic/Azores", "Cape Verde Is.": "Atlantic/Cape_Verde",
    "Dublin": "Europe/Dublin", "Edinburgh": "Europe/London", "Lisbon": "Europe/Lisbon", "London": "Europe/London",
    "Casablanca": "Africa/Casablanca", "Monrovia": "Africa/Monrovia", "UTC": "Etc/UTC",
    "Belgrade": "Europe/Belgrade", "Bratislava": "Europe/Bratislava", "Budapest": "Europe/Budapest",
    "Ljubljana": "Europe/Ljubljana", "Prague": "Europe/Prague", "Sarajevo": "Europe/Sarajevo",
    "Skopje": "Europe/Skopje", "Warsaw": "Europe/Warsaw", "Zagreb": "Europe/Zagreb", "Brussels": "Europe/Brussels",
    "Copenhagen": "Europe/Copenhagen", "Madrid": "Europe/Madrid", "Paris": "Europe/Paris",
    "Amsterdam": "Europe/Amsterdam", "Berlin": "Europe/Berlin", "Bern": "Europe/Zurich", "Zurich": "Europe/Zurich",
    "Rome": "Europe/Rome", "Stockholm": "Europe/Stockholm", "Vienna": "Europe/Vienna",
    "West Central Africa": "Africa/Algiers", "Bucharest": "Europe/Bucharest", "Cairo": "Africa/Cairo",
    "Helsinki": "Europe/Helsinki", "Kyiv": "Europe/Kyiv", "Kyev": "Europe/Kyiv", "Riga": "Europe/Riga",
    "Sofia": "Europe/Sofia", "Tallinn": "Europe/Tallinn", "Vilnius": "Europe/Vilnius", "Athens": "Europe/Athens",
    "Istanbul": "Europe/Istanbul", "Minsk": "Europe/Minsk", "Jerusalem": "Asia/Jerusalem", "Harare": "Africa/Harare",
    "Pretoria": "Africa/Johannesburg", "Kaliningrad": "Europe/Kaliningrad", "Moscow": "Europe/Moscow",
    "St. Petersburg": "Europe/Moscow", "Volgograd": "Europe/Volgograd", "Samara": "Europe/Samara",
    "Kuwait": "Asia/Kuwait", "Riyadh": "Asia/Riyadh", "Nairobi": "Africa/Nairobi", "Baghdad": "Asia/Baghdad",
    "Tehran": "Asia/Tehran", "Abu Dhabi": "Asia/Muscat", "Muscat": "Asia/Muscat", "Baku": "Asia/Baku",
    "Tbilisi": "Asia/Tbilisi", "Yerevan": "Asia/Yerevan", "Kabul": "Asia/Kabul", "Ekaterinburg": "Asia/Yekaterinburg",
    "Islamabad": "Asia/Karachi", "Karachi": "Asia/Karachi", "Tashkent": "Asia/Tashkent", "Chennai": "Asia/Kolkata",
    "Kolkata": "Asia/Kolkata", "Mumbai": "Asia/Kolkata", "New Delhi": "Asia/Kolkata", "Kathmandu": "Asia/Kathmandu",
    "Dhaka": "Asia/Dhaka", "Sri Jayawardenepura": "Asia/Colombo", "Almaty": "Asia/Almaty", "Astana": "Asia/Almaty",
    "Novosibirsk": "Asia/Novosibirsk", "Rangoon": "Asia/Yangon", "Bangkok": "Asia/Bangkok", "Hanoi": "Asia/Bangkok",
    "Jakarta": "Asia/Jakarta", "Krasnoyarsk": "Asia/Krasnoyarsk", "Beijing": "Asia/Shanghai",
    "Chongqing": "Asia/Chongqing", "Hong Kong": "Asia/Hong_Kong", "Urumqi": "Asia/Urumqi",
    "Kuala Lumpur": "Asia/Kuala_Lumpur", "Singapore": "Asia/Singapore", "Taipei": "Asia/Taipei",
    "Perth": "Australia/Perth", "Irkutsk": "Asia/Irkutsk", "Ulaanbaatar": "Asia/Ulaanbaatar", "Seoul": "Asia/Seoul",
    "Osaka": "Asia/Tokyo", "Sapporo": "Asia/Tokyo", "Tokyo": "Asia/Tokyo", "Yakutsk": "Asia/Yakutsk",
    "Darwin": "Australia/Darwin", "Adelaide": "Australia/Adelaide", "Canberra": "Australia/Sydney",
    "Melbourne": "Australia/Melbourne", "Sydney": "Australia/Sydney", "Brisbane": "Australia/Brisbane",
    "Hobart": "Australia/Hobart", "Vladivostok": "Asia/Vladivostok", "Guam": "Pacific/Guam",
    "Port Moresby": "Pacific/Port_Moresby", "Magadan": "Asia/Magadan", "Srednekolymsk": "Asia/Srednekolymsk",
    "Solomon Is.": "Pacific/Guadalcanal", "New Caledonia": "Pacific/Noumea", "Fiji": "Pacific/Fiji",
    "Kamchatka": "Asia/Kamchatka", "Marshall Is.": "Pacific/Majuro", "Auckland": "Pacific/Auckland",
    "Wellington": "Pacific/Auckland", "Nuku'alofa": "Pacific/Tongatapu", "Tokelau Is.": "Pacific/Fakaofo",
    "Chatham Is.": "Pacific/Chatham", "Samoa": "Pacific/Apia",
}  # fmt: skip
_RAILS = {name.lower(): zone for name, zone in RAILS_ZONES.items()}
#: Rails' select lists write the offset before the name: "(GMT-08:00) Pacific Time (US & Canada)".
_OFFSET_PREFIX = re.compile(r"^\((?:GMT|UTC)[+\-\u2212]\d{1,2}:?\d{2}\)\s*", re.IGNORECASE)
_ZONE_NAMES = ("time_zone", "timezone", "tz", "zone", "time_zone_name", "timezone_name")
UNKNOWN_PROBLEM = (
    "time zones that are no known zone (--timezone converts each time from its zone: write an IANA name such as "
    "America/Los_Angeles, or import without --timezone to read the dates as written)"
)


def iana_zone(value: Any) -> str | None:
    """The IANA zone (or abbreviation :mod:`.zones` reads) a zone column's value names, None when it names none.

    >>> [iana_zone(v) for v in ("Pacific Time (US & Canada)", "(GMT+01:00) Berlin", "Europe/Paris", "PST", "Mars")]
    ['America/Los_Angeles', 'Europe/Berlin', 'Europe/Paris', 'PST', None]
    """
    from .zones import AMBIGUOUS, OFFSETS

    text = _OFFSET_PREFIX.sub("", str(value).strip())
    if text.upper() in OFFSETS or text.upper() in AMBIGUOUS:
        return text.upper()  # an abbreviation: read (or refused, if ambiguous) by reading.zones
    if text.lower() in _RAILS:
        return _RAILS[text.lower()]
    if "/" in text:
        try:
            zoneinfo.ZoneInfo(text)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None
        return text
    return None


def _beside(columns: list[str], date: str) -> tuple[str | None, str | None]:
    """The time and zone columns beside the date column ``date`` (see the module docstring)."""
    from .names import key

    keys = {key(c): c for c in reversed(columns)}
    mine = key(date)
    stem = mine.replace("date", "time") if "date" in mine else None
    time = next((keys[k] for k in (stem, "time", "time_of_day") if k and k in keys and keys[k] != date), None)
    zones = [mine.replace("date", z) for z in ("time_zone", "timezone")] if "date" in mine else []
    zone = next((keys[k] for k in (*zones, *_ZONE_NAMES) if k in keys and keys[k] != date), None)
    return time, zone


def _text(series: pd.Series) -> pd.Series:
    """Each value as stripped text, "" where blank (on the distinct values: :func:`~._distinct.stripped_text`)."""
    from ._distinct import stripped_text

    return pd.Series(stripped_text(series), index=series.index, dtype=object)


def zoned_dates(df: pd.DataFrame, series: pd.Series, column: str, source: str) -> pd.Series:
    """``series`` (the date column ``column`` of ``df``) with its time column and its zone (as :func:`iana_zone`
    names it) written after each date, when ``df`` has a zone column beside it; ``series`` itself otherwise.
    Values of the zone column that name no zone are refused, naming the rows (a blank zone: the date as written).

    >>> frame = pd.DataFrame({"Date": ["01/31/2024", "02/01/2024"], "Time": ["23:30:00", ""],
    ...                       "Time Zone": ["Pacific Time (US & Canada)", "Berlin"]})
    >>> zoned_dates(frame, frame["Date"], "Date", "sq.csv").tolist()
    ['01/31/2024 23:30:00 America/Los_Angeles', '02/01/2024']
    """
    from ._distinct import factorize

    columns = list(map(str, df.columns))
    time, zone = _beside(columns, column)
    if zone is None:
        return series
    zones = df.iloc[:, columns.index(zone)]
    codes, distinct = factorize(zones)
    named = [iana_zone(v) if str(v).strip() else "" for v in distinct]
    unknown = np.array([n is None for n in named] + [False])[codes]
    if unknown.any():
        raise bad_rows(source, zone, options_said(UNKNOWN_PROBLEM), np.flatnonzero(unknown), zones.to_numpy())
    said = pd.Series(np.array([n or "" for n in named] + [""], dtype=object)[codes], index=series.index)
    when = _text(series)
    if time is not None:  # a date without its time: the time column's (one with its time keeps it)
        times = pd.Series(_text(df.iloc[:, columns.index(time)]).to_numpy(), index=series.index)
        when = when.where(when.str.contains(":", regex=False), (when + " " + times).str.strip())
    timed = when.str.contains(":", regex=False)  # a day without a time stays a day: nothing to convert
    return when.where((said == "") | ~timed, when + " " + said)
