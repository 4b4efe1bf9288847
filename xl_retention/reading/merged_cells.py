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

__all__ = ["fill_merged_down", "merged_ranges", "refuse_two_level_header", "tall_header_rows"]

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


def _letters(column: int) -> str:
    """A 1-based column number as Excel's letters (1 -> A, 27 -> AA)."""
    text = ""
    while column:
        column, rest = divmod(column - 1, 26)
        text = chr(65 + rest) + text
    return text


def refuse_two_level_header(
    rows: list[list[Any]], ranges: list[tuple[int, int, int, int]], header_row: int, left: int, source: str,
    sheet: str,
) -> None:  # fmt: skip
    """Refuse a header on two rows: a header cell merged across columns (C1:D1 'Amount') over names in the row below
    ('Net', 'Tax'), the row's other cells blank, beside a column named in the header row itself (A1 'Customer'; where
    every column is under a group, the names' row is the header below a title, and is refused as that). Read with
    row 1 as the header, the names were a first data row ("missing customer ids in row 2") and the columns under the
    merged cell one named and one unnamed: which of them is the amount cannot be told. ``rows[0]``: the header, the
    sheet's 1-based row ``header_row``; ``left``: the 0-based sheet column of the table's first.

    >>> refuse_two_level_header([["id", "Amount", None], [None, "Net", "Tax"], ["a", 1, 2]], [(2, 1, 3, 1)], 1, 0,
    ...                         "o.xlsx", "Orders")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.xlsx: the header of sheet 'Orders' is on two rows (B1:C1 'Amount' \
merged over 'Net', 'Tax' in row 2): write one row of column names, one per column ('Amount Net', ...), and import again
    """
    from .errors import DataError

    if len(rows) < 2:
        return
    below = rows[1]
    across = [(a, b) for a, first, b, last in ranges if first == header_row == last and b > a]
    covered = {c - left - 1 for a, b in across for c in range(a, b + 1)}
    if not across or any(
        c not in covered and v is not None and str(v).strip() for c, v in enumerate(below)
    ):  # a cell beside them filled: a data row
        return
    if not any(c not in covered and v is not None and str(v).strip() for c, v in enumerate(rows[0])):
        return  # every column under a group: the names' row is the header, below a title (refused as such)
    for a, b in across:
        names = [below[c - left - 1] if 0 <= c - left - 1 < len(below) else None for c in range(a, b + 1)]
        if sum(isinstance(v, str) and bool(v.strip()) and not _number_like(v) for v in names) < 2:
            continue
        group = rows[0][a - left - 1]
        said = ", ".join(repr(str(v).strip()) for v in names if v is not None and str(v).strip())
        first = next(str(v).strip() for v in names if v is not None and str(v).strip())
        raise DataError(
            f"{source}: the header of sheet {sheet!r} is on two rows ({_letters(a)}{header_row}:{_letters(b)}"
            f"{header_row} {str(group).strip()!r} merged over {said} in row {header_row + 1}): write one row of column "
            f"names, one per column ('{str(group).strip()} {first}', ...), and import again",
            source=source,
        )


def _number_like(text: str) -> bool:
    return bool(re.fullmatch(r"[\s$€£%(),.\-+0-9]+", text))
