"""The cells a formula or a condition reads, as a reason names them: ``Revenue!G3 (Churned MRR)``
(:mod:`.literal_reasons` and the reasons reading its cells).

>>> column_number("AB"), SINGLE.search("=B2+'My data'!C3").group(0)
(28, 'B2')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..sheet_names import SHEET

if TYPE_CHECKING:
    import formualizer as fz

__all__ = ["REF", "SINGLE", "cells_read", "column_number", "formula_at", "label"]

#: a cell as a formula writes it, its sheet named or not: (sheet as written, column letters, row)
REF = r"(?:(" + SHEET + r")!)?\$?([A-Za-z]{1,3})\$?(\d+)"
#: a single cell (not a range's end nor a function's name)
SINGLE = re.compile(r"(?<![\w.$!':])" + REF + r"(?![\w.(!:])")


def formula_at(workbook: fz.Workbook, sheet: str, row: int, column: int) -> bool:
    try:
        return bool(workbook.get_formula(sheet, row, column))
    except Exception:  # noqa: BLE001  (a cell the engine cannot read: taken as a formula, not named)
        return True


def cells_read(
    workbook: fz.Workbook, pattern: re.Pattern[str], text: str, sheet: str
) -> Iterator[tuple[re.Match[str], str, str, int, int, Any]]:
    """Each cell ``pattern`` finds in ``text`` (a formula or a condition; its groups: the sheet as written, the column
    letters and the row, or a second such three where the first are empty) as (match, sheet, letters, row, column,
    the value the engine holds there); a sheet the engine does not have is passed over (nothing to name)."""
    for match in pattern.finditer(text):
        quoted, letters, digits = match.group(1, 2, 3) if match.group(2) else match.group(4, 5, 6)
        where = quoted.strip("'").replace("''", "'") if quoted else sheet
        row, column = int(digits), column_number(letters)
        try:
            held = workbook.get_value(where, row, column)
        except Exception:  # noqa: BLE001  (a sheet the engine does not have: not named)
            continue
        yield match, where, letters, row, column, held


def label(workbook: fz.Workbook, sheet: str, row: int, column: int) -> str:
    """`` (Churned MRR)``: the header of a tracker's monthly sheet above the cell (row 1 holding one of the template's
    headers of that sheet), else nothing (row 1 of another sheet may hold data)."""
    from ..workbook.monthly import MONTHLY_SHEETS

    headers = next((spec.columns for spec in MONTHLY_SHEETS if spec.title == sheet), ())
    try:
        header = workbook.get_value(sheet, 1, column) if row > 1 and headers else None
    except Exception:  # noqa: BLE001
        return ""
    if isinstance(header, str) and any(c.header == header.strip() for c in headers):
        return f" ({header.strip()})"
    return ""


def column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number
