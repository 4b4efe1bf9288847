"""Text values in a formula held within Excel's 255 characters.

Excel allows a text value of at most 255 characters inside a formula (Excel's specifications and limits; past it,
the file opens with "We found a problem with some content" and Excel removes the formula: ropensci/writexl#91). A
longer note is written as its parts joined with ``&``, which every spreadsheet shows as the same text.
"""

from __future__ import annotations

import re

__all__ = ["TEXT_LIMIT", "short_texts"]

#: the most characters of text a formula's text value may hold in Excel
TEXT_LIMIT = 255
# a sheet's quoted name ('...', skipped as it is) or a text value ("...", "" a quote in it)
_QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")


def _parts(text: str, limit: int) -> list[str]:
    """``text`` cut into parts of at most ``limit`` characters, each cut after a space where there is one."""
    parts = []
    while len(text) > limit:
        cut = text.rfind(" ", limit // 2, limit) + 1 or limit
        parts.append(text[:cut])
        text = text[cut:]
    return [*parts, text]


def short_texts(formula: str, limit: int = TEXT_LIMIT) -> str:
    """``formula`` with each text value longer than ``limit`` characters written as parts of at most ``limit``
    joined with ``&`` (in parentheses: the same one value wherever it stands); the rest as it is.

    >>> short_texts('=IF(A1,"' + "ab " * 3 + '","")', limit=4)
    '=IF(A1,("ab "&"ab "&"ab "),"")'
    """

    def split(found: re.Match[str]) -> str:
        quoted = found.group(0)
        text = quoted[1:-1].replace('""', '"')
        if quoted[0] == "'" or len(text) <= limit:
            return quoted
        return "(" + "&".join('"' + part.replace('"', '""') + '"' for part in _parts(text, limit)) + ")"

    return _QUOTED.sub(split, formula)
