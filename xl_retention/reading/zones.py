"""Time zone abbreviations in timestamps ("2026-01-31 20:00:00 PST", "Sat Jan 31 20:00:00 EST 2026").

An abbreviation is no UTC offset: "CST" is US Central time, China's or Cuba's, "IST" India's, Ireland's or
Israel's. The rule, as for offsets (:mod:`.dates`): **without** ``--timezone`` a timestamp's month is its date as
written, so the abbreviation changes nothing and is dropped. **With** ``--timezone`` the time is converted, which
needs its offset: the zones of the e-mail standard (RFC 5322, section 4.3: ``UT``, ``GMT``, ``EST``/``EDT`` -5/-4,
``CST``/``CDT`` -6/-5, ``MST``/``MDT`` -7/-6, ``PST``/``PDT`` -8/-7, which is how ``CST`` is read: US Central) and
a few abbreviations with one meaning in practice (:data:`OFFSETS`: ``CET``, ``CEST``, ``JST``, ``AEST``, ...) are
converted from that offset; ``IST``, ``BST`` and ``AST`` (:data:`AMBIGUOUS`) are refused naming their rows.
A timestamp with an offset too (Go's "2026-01-31 20:00:00 -0800 PST") is converted by its offset.
"""

from __future__ import annotations

import re

import numpy as np

__all__ = ["AMBIGUOUS", "OFFSETS", "split_zones"]

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
