"""A column of amounts whose numbers write two decimal conventions: ``1 234,56`` or ``1.234,56`` in an English export
of ``12.50``s, ``1,234.56`` among ``12,50``s.

Each such number reads as one value by its own marks (``1 234,56`` is 1234.56), but nothing says the column's others
are of the same convention: an amount pasted from a file of another language, or two exports appended, where the
column's numbers of the one convention may then be read by the other's (``1,234`` is 1234 in the one and 1.234 in
the other). A column is read only where its numbers are of one convention; otherwise the numbers of the convention
fewer rows write are refused, naming them (:func:`number_texts.parse_numbers`). Which convention a number writes is
told by the CLDR's rules, English's (decimal point, comma groups) and German's (decimal comma, point groups), read
strictly by Babel (``babel.numbers.parse_decimal(..., strict=True)``): one that only one of them reads is of that
one's decimal mark; ``1,234``, ``1.234``, ``7`` and ``1234`` (both read them) are of neither.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import numpy as np

__all__ = ["minority_mark", "own_mark"]

#: Locales of each decimal mark, whose grouping is the other mark (spaces and apostrophes are dropped before): English,
#: and India's English for its lakhs (``1,23,456.50``); German.
_LOCALES = {".": ("en", "en_IN"), ",": ("de",)}


def _reads(body: str, locale: str) -> bool:
    """Whether ``locale``'s rules read ``body`` strictly (its groups where they belong)."""
    from babel.numbers import NumberFormatError, parse_decimal  # on first use, as reading.minor_units

    try:
        parse_decimal(body, locale=locale, strict=True)
    except NumberFormatError:
        return False
    return True


@lru_cache(maxsize=65_536)
def own_mark(body: str) -> str | None:
    """The decimal mark (``","``, ``"."``) that alone reads ``body``, a number's digits and marks (sign, currency,
    spaces and apostrophes dropped); None where both marks read it (``1,234``, ``7``) or neither.

    >>> [own_mark(b) for b in ("12.50", "1234,56", "1.234,56", "1,234.56", "1.234.567", "1,23,456.50", "1,234",
    ...                        "1.234", "7")]
    ['.', ',', ',', '.', ',', '.', None, None, None]
    """
    marks = [mark for mark, locales in _LOCALES.items() if any(_reads(body, locale) for locale in locales)]
    return marks[0] if len(marks) == 1 else None


def minority_mark(marks: Mapping[int, str | None], codes: np.ndarray) -> str | None:
    """The decimal mark written by fewer rows where ``marks`` (each unique value's :func:`own_mark`, by its code in
    ``codes``, the column's) holds both; on a tie, the one first written later (the export appended); None where the
    column writes one convention.

    >>> minority_mark({0: ".", 1: ".", 2: ","}, np.array([0, 1, 2, 0]))
    ','
    >>> minority_mark({0: ",", 1: "."}, np.array([0, 1])), minority_mark({0: ",", 1: None}, np.array([0, 1]))
    ('.', None)
    """
    counts = np.bincount(codes[codes >= 0], minlength=max(marks, default=-1) + 1)
    rows = dict.fromkeys(_LOCALES, 0)
    first = dict.fromkeys(_LOCALES, len(codes))
    unique, at = np.unique(codes, return_index=True)  # each value's first row
    starts = dict(zip(unique.tolist(), at.tolist(), strict=True))
    for code, mark in marks.items():
        if mark is not None:
            rows[mark] += int(counts[code])
            first[mark] = min(first[mark], starts.get(code, len(codes)))
    if not all(rows.values()):
        return None
    return min(rows, key=lambda mark: (rows[mark], -first[mark]))
