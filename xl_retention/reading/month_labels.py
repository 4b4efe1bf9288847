"""Month labels written with a month's name in another language than English and a year (a German Excel's
``MMMM JJJJ`` cells saved as CSV: "Juni 2026", "Okt. 2026", "März 2026"; French "juin 2026", Spanish "junio 2026"):
read as those months (H254 finding 07: refused as "dates that do not parse", naming no way to read them, and
``--date-format '%B %Y'`` reads English names only).

The names are the CLDR's (Babel's), wide and abbreviated, of German (and Austrian German's "Jänner"), French,
Spanish, Italian, Portuguese and Dutch, beside English's; a name that is two months in two of them would be dropped
(none is). Only a column whose every value is a month's name and a four-digit year, one name of another language
among them, is read so; dates with a day in another language are refused as before (:mod:`.foreign_dates`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

__all__ = ["english_month_labels"]

_LOCALES = ("en", "de", "de_AT", "fr", "es", "it", "pt", "nl")
#: A month's name (its abbreviation's dot allowed) and a four-digit year: 'Juni 2026', 'Okt. 2026', 'juin-2026'.
_LABEL = re.compile(r"\s*([^\W\d_]+)\.?(?:\s+|\s*-\s*)(\d{4})\s*")


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, int], frozenset[str]]:
    """Each month name's (lower case, without its dot) month, and the English ones."""
    from babel import Locale

    found: dict[str, set[int]] = {}
    english: set[str] = set()
    for code in _LOCALES:
        months = Locale.parse(code).months
        for context in ("format", "stand-alone"):
            for width in ("abbreviated", "wide"):
                for number, name in months[context][width].items():
                    spelled = name.lower().rstrip(".")
                    found.setdefault(spelled, set()).add(number)
                    if code == "en":
                        english.add(spelled)
    found.setdefault("mrz", set()).add(3)  # German Excel's March ('MMM': Mrz)
    names = {name: next(iter(months)) for name, months in found.items() if len(months) == 1}
    return names, frozenset(english | {"sept"})


_ENGLISH = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December")  # fmt: skip


def english_month_labels(texts: np.ndarray, date_format: str | None = None) -> np.ndarray:
    """``texts`` (a column's distinct date texts) written with English month names where every one is a month's
    name and a year and one name is of another language (see the module docstring); else ``texts`` itself. The
    names are written in full ('June 2026'), abbreviated where ``date_format`` reads abbreviations (``%b``).

    >>> english_month_labels(np.array(["Juni 2026", "Okt. 2026", "März 2026", "August 2026"], dtype=object)).tolist()
    ['June 2026', 'October 2026', 'March 2026', 'August 2026']
    >>> english_month_labels(np.array(["juin 2026", "déc. 2026"], dtype=object), "%b %Y").tolist()
    ['Jun 2026', 'Dec 2026']
    >>> english_month_labels(np.array(["June 2026", "2026-07"], dtype=object)).tolist()
    ['June 2026', '2026-07']
    """
    names, english = _names()
    matches = [_LABEL.fullmatch(str(t)) for t in texts]
    if not len(texts) or not all(m is not None and m.group(1).lower() in names for m in matches):
        return texts
    if all(m.group(1).lower() in english for m in matches if m is not None):
        return texts
    short = date_format is not None and "%b" in date_format and "%B" not in date_format
    out = []
    for m in matches:
        assert m is not None
        name = _ENGLISH[names[m.group(1).lower()] - 1]
        out.append(f"{name[:3] if short else name} {m.group(2)}")
    return np.array(out, dtype=object)
