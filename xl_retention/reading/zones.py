"""Time zone abbreviations in timestamps ("2026-01-31 20:00:00 PST", "Sat Jan 31 20:00:00 EST 2026").

An abbreviation is no UTC offset: "CST" is US Central time, China's or Cuba's, "IST" India's, Ireland's or
Israel's. The rule, as for offsets (:mod:`.dates`): **without** ``--timezone`` a timestamp's month is its date as
written, so the abbreviation changes nothing and is dropped. **With** ``--timezone`` the time is converted, which
needs its offset: the zones of the e-mail standard (RFC 5322, section 4.3: ``UT``, ``GMT``, ``EST``/``EDT`` -5/-4,
``CST``/``CDT`` -6/-5, ``MST``/``MDT`` -7/-6, ``PST``/``PDT`` -8/-7, which is how ``CST`` is read: US Central) and
a few abbreviations with one meaning in practice (:data:`OFFSETS`: ``CET``, ``CEST``, ``JST``, ``AEST``, ...) are
converted from that offset; ``IST``, ``BST`` and ``AST`` (:data:`AMBIGUOUS`) are refused naming their rows.
A timestamp with an offset too (Go's "2026-01-31 20:00:00 -0800 PST") is converted by its offset.

A zone's own name after the time ("2026-01-31 23:30:00 America/Los_Angeles", as PayPal's activity download writes its
TimeZone column for some accounts: :func:`split_named_zones`) is read the same way: dropped without ``--timezone``,
and with it the wall time of that zone (its offset on that date, summer time or not) converted.
"""

from __future__ import annotations

import re
import zoneinfo

import numpy as np
import pandas as pd

__all__ = ["AMBIGUOUS", "OFFSETS", "from_named_zones", "split_named_zones", "split_zones"]

#: Abbreviation -> minutes east of UTC: RFC 5322's zones, then abbreviations of one meaning in practice.
OFFSETS: dict[str, int] = {
    "UT": 0, "UTC": 0, "GMT": 0,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
    "AKST": -540, "AKDT": -480, "HST": -600, "NST": -210, "NDT": -150, "ADT": -180,
    "WET": 0, "WEST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180, "MSK": 180,
    "JST": 540, "KST": 540, "HKT": 480, "SGT": 480, "AWST": 480, "ACST": 570, "ACDT": 630, "AEST": 600,
    "AEDT": 660, "NZST": 720, "NZDT": 780,
}  # fmt: skip
#: Abbreviations of several zones: read only where the date as written is taken (no --timezone).
AMBIGUOUS: dict[str, str] = {
    "IST": "India +05:30, Ireland +01:00 or Israel +02:00",
    "BST": "British Summer Time +01:00 or Bangladesh +06:00",
    "AST": "Atlantic -04:00 or Arabia +03:00",
}
_WORD = re.compile(
    r"(?<![A-Za-z])(" + "|".join(sorted([*OFFSETS, *AMBIGUOUS], key=len, reverse=True)) + r")(?![A-Za-z])"
)


def split_zones(texts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(texts without their zone abbreviation, minutes east of UTC, abbreviations)`` of stripped date texts.

    Shape: three arrays of ``len(texts)``; minutes are NaN where a text has no abbreviation or an ambiguous one
    (:data:`AMBIGUOUS`), abbreviations ``""`` where it has none. A text holding a time of day (``:``) and one
    abbreviation as a word of its own is split; others are returned as they are. No errors: the caller decides.

    >>> plain, minutes, names = split_zones(np.array(["2026-01-31 20:00:00 PST", "Sat Jan 31 20:00:00 IST 2026"]))
    >>> plain.tolist(), minutes.tolist(), names.tolist()
    (['2026-01-31 20:00:00', 'Sat Jan 31 20:00:00 2026'], [-480.0, nan], ['PST', 'IST'])
    """
    minutes = np.full(len(texts), np.nan)
    names = np.full(len(texts), "", dtype=object)
    if not _WORD.search("\n".join(map(str, texts))):  # one pass in C: most columns have none
        return np.asarray(texts, dtype=object), minutes, names
    plain = np.array(texts, dtype=object, copy=True)
    for i, text in enumerate(texts):
        text = str(text)
        found = _WORD.findall(text) if ":" in text else []
        if len(found) != 1:
            continue
        name = found[0]
        plain[i] = " ".join(_WORD.sub(" ", text).split())
        names[i] = name
        if name in OFFSETS:
            minutes[i] = OFFSETS[name]
    return plain, minutes, names


#: A zone's name at the end of a timestamp: ``Area/City`` (``America/Los_Angeles``, ``America/Argentina/Salta``,
#: ``Etc/GMT+5``), after a time of day.
_NAMED = re.compile(r"(?<=\s)([A-Z][A-Za-z]+(?:/[A-Za-z0-9_+\-]+)+)\s*$")


def _is_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def split_named_zones(texts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(texts without the zone name they end with, the names)`` of stripped date texts: a time of day (``:``) then
    a zone's IANA name (``Europe/Berlin``) known to the zone database; names ``""`` where a text has none. The same
    texts when none has one.

    >>> plain, names = split_named_zones(np.array(["01/31/2026 23:30:00 America/Los_Angeles", "2026-01-05 10:00 PST"]))
    >>> plain.tolist(), names.tolist()
    (['01/31/2026 23:30:00', '2026-01-05 10:00 PST'], ['America/Los_Angeles', ''])
    """
    names = np.full(len(texts), "", dtype=object)
    if "/" not in "".join(map(str, texts)):  # one pass: most columns have none
        return texts, names
    plain = np.array(texts, dtype=object, copy=True)
    known: dict[str, bool] = {}
    for i, text in enumerate(map(str, texts)):
        match = _NAMED.search(text)
        if match is None or ":" not in text[: match.start()]:
            continue
        name = match.group(1)
        if known.setdefault(name, _is_zone(name)):
            plain[i] = text[: match.start()].rstrip()
            names[i] = name
    return plain, names


def from_named_zones(wall: np.ndarray, names: np.ndarray, timezone: str) -> np.ndarray:
    """Naive wall times ``wall`` of the zones ``names`` (one per time) as naive wall times of ``timezone``. A time
    that a change to summer time skips is moved forward by the gap; one that the change back repeats is read as
    summer time (within the hour after 1 or 2 at night: never another month).

    >>> wall = np.array(["2026-01-31T23:30", "2026-07-31T23:30"], dtype="datetime64[us]")
    >>> from_named_zones(wall, np.array(["America/Los_Angeles", "Europe/Berlin"]), "UTC").astype(str).tolist()
    ['2026-02-01T07:30:00.000000', '2026-07-31T21:30:00.000000']
    """
    out = np.array(wall, dtype="datetime64[us]", copy=True)
    for name in dict.fromkeys(names.tolist()):
        mine = names == name
        index = pd.DatetimeIndex(out[mine]).tz_localize(
            name, ambiguous=np.ones(int(mine.sum()), dtype=bool), nonexistent="shift_forward"
        )
        out[mine] = index.tz_convert(timezone).tz_localize(None).to_numpy(dtype="datetime64[us]")
    return out
