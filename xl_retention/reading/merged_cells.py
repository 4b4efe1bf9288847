"""Cells merged down over a table's rows (Home > Merge & Center): a hand-kept sheet's customer merged over its months.

Excel shows a merged range's value over every cell of it, and stores it in its first cell only: read as stored, the
rows below were "missing customer ids" though the user sees the id there. A range merged down one column below the
header (:func:`merged_ranges`) is read as Excel shows it: its first cell's value on each of its rows
(:func:`fill_merged_down`), with a note naming the ranges. Ranges across columns are left as stored (which column a
value belongs to cannot be told). openpyxl's read-only sheets do not read merged ranges, so the sheet's XML is
searched for them (they follow its rows).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

__all__ = ["fill_merged_down", "merged_ranges", "tall_header_rows"]

_REF = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


def merged_ranges(path: Path, member: str | None) -> list[tuple[int, int, int, int]]:
    """The merged ranges of the sheet stored at ``member`` of the workbook ``path`` as (first column, first row,
    last column, last row), 1-based; none when it has none or cannot be read."""
    from openpyxl.utils.cell import range_boundaries

    if member is None:
        return []
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member.lstrip("/")) as xml:
            text = xml.read()
    except (KeyError, OSError, zipfile.BadZipFile):
        return []
    if b"mergeCell" not in text:
        return []
    found = [tuple(range_boundaries(ref.decode())) for ref in _REF.findall(text)]
    return sorted(found, key=lambda r: (r[1], r[0]))  # type: ignore[return-value]  # by row, as the sheet reads


def fill_merged_down(
    rows: list[list[Any]], ranges: list[tuple[int, int, int, int]], header_row: int, left: int
) -> list[str]:
    """Fill each range merged down one column below the header (``header_row``: its 1-based sheet row; ``left``: the
    0-based sheet column of the table's first) with its first cell's value, in ``rows`` (the table, its header
    first) in place; the ranges filled, as Excel names them.

    >>> rows = [["Customer", "MRR"], ["A", 1], [None, 2], ["B", 3]]
    >>> fill_merged_down(rows, [(1, 2, 1, 3)], 1, 0), [r[0] for r in rows]
    (['A2:A3'], ['Customer', 'A', 'A', 'B'])
    """
    from openpyxl.utils.cell import get_column_letter

    filled = []
    for first_col, first_row, last_col, last_row in ranges:
        column = first_col - 1 - left
        top = first_row - header_row
        if first_col != last_col or last_row <= first_row or top < 1 or not 0 <= column < len(rows[0]):
            continue
        value = rows[top][column] if top < len(rows) else None
        if value is None:
            continue
        for i in range(top + 1, min(last_row - header_row, len(rows) - 1) + 1):
            if rows[i][column] is None:
                rows[i][column] = value
        letter = get_column_letter(first_col)
        filled.append(f"{letter}{first_row}:{letter}{last_row}")
    return filled


def tall_header_rows(rows: list[list[Any]], ranges: list[tuple[int, int, int, int]], header_row: int, left: int) -> int:
    """How many rows right below the header (``rows[0]``, the sheet's 1-based row ``header_row``; ``left``: the
    0-based sheet column of the table's first) are the lower part of a header whose cells are merged down (a tall
    header: A1:A2, B1:B2, ...): rows empty in every column, each of them inside a range merged down from the header
    row over every named header cell. Excel shows one tall header there, no empty row.

    >>> rows = [["customer_id", "mrr"], [None, None], ["a", 100]]
    >>> tall_header_rows(rows, [(1, 1, 1, 2), (2, 1, 2, 2)], 1, 0), tall_header_rows(rows, [(1, 1, 1, 2)], 1, 0)
    (1, 0)
    """
    named = [c for c, value in enumerate(rows[0]) if value is not None and str(value).strip()]
    if not named or not ranges:
        return 0
    reach = []  # the last sheet row each named header cell's range merged down from the header covers
    for c in named:
        column = c + left + 1
        down = [last for first_col, first, last_col, last in ranges if first == header_row and first_col <= column
                <= last_col and last > first]  # fmt: skip
        if not down:
            return 0
        reach.append(max(down))
    bottom = min(reach) - header_row
    tall = 0
    while (
        tall < bottom
        and 1 + tall < len(rows)
        and all(v is None or (isinstance(v, str) and not v.strip()) for v in rows[1 + tall])
    ):
        tall += 1
    return tall
