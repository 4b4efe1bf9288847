"""UTC offsets written after ``GMT`` or ``UTC`` ("2026/03/04 5:06:07 PM GMT+1": Google Forms' responses export).

Google Forms writes each response's time in the form owner's zone with its offset as ``GMT+1``, ``GMT-5`` or
``GMT+5:30`` (``GMT`` alone for 0); JavaScript's dates and other tools write ``GMT+0100`` or ``UTC+01:00``. These
are offsets east of UTC, as ISO 8601's ``+01:00`` (not the POSIX ``TZ`` convention, where ``GMT+1`` is west), so
they are read as such (:mod:`.dates`): the month of a response is its date as written, in its own zone, unless
``--timezone`` converts it. An offset that no zone has (more than 14 hours, minutes other than 00, 15, 30, 45) is
left as written, and its date does not parse: refused, naming the value.
"""

from __future__ import annotations

import re

import numpy as np

__all__ = ["gmt_offsets"]

#: ``GMT+1``, ``GMT -05``, ``UTC+5:30``, ``GMT+0100``, with JavaScript's zone name in parentheses after it.
_GMT = re.compile(
    r"(?<![A-Za-z])(?:GMT|UTC|UT)\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?(?![\d:])(?:\s*\([A-Za-z .'\-]+\))?\s*$"
)

#: ``GMT`` alone at the end: offset 0 (rewritten only in a column whose other texts have ``GMT+1``).
_ZERO = re.compile(r"(?<![A-Za-z])(?:GMT|UTC|UT)(?:\s*\([A-Za-z .'\-]+\))?\s*$")


def _offset(match: re.Match[str]) -> str | None:
    sign = "-" if match.group(1) in "-\u2212" else "+"
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if hours > 14 or minutes not in (0, 15, 30, 45):
        return None
    return f"{sign}{hours:02d}:{minutes:02d}"


def gmt_offsets(texts: np.ndarray) -> np.ndarray:
    """``texts`` (stripped date texts) with a trailing ``GMT+1`` written as ISO 8601's offset ``+01:00``; the same
    array when no text has one.

    >>> gmt_offsets(np.array(["2026/03/04 5:06:07 PM GMT+1", "2026/04/01 12:30:00 AM GMT+5:30"])).tolist()
    ['2026/03/04 5:06:07 PM +01:00', '2026/04/01 12:30:00 AM +05:30']
    >>> gmt_offsets(np.array(["2026-03-04 17:06:07 GMT-0500", "2026/03/04 GMT+99", "2026-01-04 17:06:07 GMT"])).tolist()
    ['2026-03-04 17:06:07 -05:00', '2026/03/04 GMT+99', '2026-01-04 17:06:07 +00:00']
    """
    if "GMT" not in "".join(map(str, texts)).upper().replace("UTC", "GMT"):  # one pass: most columns have none
        return texts
    out = np.array(texts, dtype=object, copy=True)
    changed = False
    for i, text in enumerate(texts):
        text = str(text)
        match = _GMT.search(text)
        offset = _offset(match) if match else None
        if offset is None:
            continue
        out[i] = f"{text[: match.start()].rstrip()} {offset}"
        changed = True
    if not changed:
        return texts
    for i, text in enumerate(texts):  # beside them, Google Forms' 'GMT' alone (London in winter) is +00:00
        if (match := _ZERO.search(str(text))) is not None:
            out[i] = f"{str(text)[: match.start()].rstrip()} +00:00"
    return out
