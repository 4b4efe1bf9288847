"""Amounts pasted as text among a workbook's number cells: 'Café Noir' 99.9 (a number cell in a currency format,
shown '99,90 €' by a German Excel) beside '1.250,00' and '99,90' typed or pasted as text.

A number cell has no decimal mark: the import writes it as its value ('€99.9', :func:`~.excel_cells.with_currency`),
which the column's decimal marks then took for a text with a decimal point, and the column was refused as "exports
of two languages appended" (H254 finding 08). In a workbook, a text that reads as a number under one decimal mark
only ('1.250,00' has both marks; '99,90' has two decimals after its comma) is read so, with a note; one that reads
under both with two values ('1.250') stays refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["own_marks", "workbook"]

_WORKBOOK = re.compile(r"(?i)\.(?:xlsx|xlsm|xls|xlsb|ods)\b")


def workbook(source: str) -> bool:
    """Whether ``source`` names a workbook (a file ending .xlsx, .xlsm, .xls, .xlsb or .ods).

    >>> workbook("mrr.xlsx"), workbook("mrr.csv")
    (True, False)
    """
    return bool(_WORKBOOK.search(str(source)))


def own_marks(texts: dict[int, str], bad: list[int], read: Callable[[str, str], float | None]) -> dict[int, float]:
    """The values of the texts ``bad`` (indices of ``texts``) that one decimal mark reads and the other does not, or
    both as one value (``read(text, mark)``: the text as a number under ``mark``, None where it is none); {} unless
    every one is so.

    >>> from xl_retention.reading.number_texts import _number_text
    >>> own_marks({0: "1.250,00", 1: "€99.9"}, [0], _number_text)
    {0: 1250.0}
    >>> own_marks({0: "1.250"}, [0], _number_text)
    {}
    """
    out: dict[int, float] = {}
    for i in bad:
        comma, point = read(texts[i], ","), read(texts[i], ".")
        values = {v for v in (comma, point) if v is not None}
        if len(values) != 1:
            return {}
        out[i] = values.pop()
    return out
