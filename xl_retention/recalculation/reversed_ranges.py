"""Ranges written bottom-up or right-to-left (``A3:A1``, ``$B$3:$B$1``, ``B3:A1``), as Excel reads them: by their two
corners, top-left first (Excel shows ``=SUM(A3:A1)`` as ``=SUM(A1:A3)``). formualizer stops the whole workbook on
them (:mod:`.engine_failures`) and answers #NAME? for a defined name so written (:mod:`.defined_names`).

>>> normalized_ranges("=SUM(A3:A1)+AVERAGE($B$3:$B$1)+SUM(B3:A1)")
'=SUM(A1:A3)+AVERAGE($B$1:$B$3)+SUM(A1:B3)'
>>> normalized_ranges('=SUM(A1:A3)&"A3:A1"') is None, normalized_ranges("=S!$A$3:$A$1")
(True, '=S!$A$1:$A$3')
"""

from __future__ import annotations

import re

__all__ = ["normalized_ranges"]

_AREA = re.compile(r"(?<![\w.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+):(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])")


def _column(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _area(match: re.Match[str]) -> str:
    col_a, col_b = (match[1], match[2]), (match[5], match[6])
    row_a, row_b = (match[3], match[4]), (match[7], match[8])
    if _column(col_a[1]) > _column(col_b[1]):
        col_a, col_b = col_b, col_a
    if int(row_a[1]) > int(row_b[1]):
        row_a, row_b = row_b, row_a
    return "".join((*col_a, *row_a)) + ":" + "".join((*col_b, *row_b))


def normalized_ranges(formula: str) -> str | None:
    """``formula`` with each range written bottom-up or right-to-left given top-left first, or None when it has none
    (text literals are left as they are)."""
    if ":" not in formula:
        return None
    pieces = re.split(r'("(?:[^"]|"")*")', formula)
    changed = False
    for k in range(0, len(pieces), 2):
        new = _AREA.sub(_area, pieces[k])
        changed = changed or new != pieces[k]
        pieces[k] = new
    return "".join(pieces) if changed else None
