"""Cells' places as the recalculation writes and reads them (split from :mod:`.kept`): :func:`_address` (row and
column -> ``B2``), :func:`_cells_of` (the places of a range's cells) and :func:`_split` (``'Sheet 4'!B2`` as the
engine writes a cell -> its sheet and reference)."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries

_LAST_ROW, _LAST_COLUMN = 1048576, 16384


def _cells_of(ref: str) -> list[tuple[int, int]]:
    left, top, right, bottom = range_boundaries(ref)
    return [(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)]


def _address(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


def _split(address: str) -> tuple[str, str]:
    """``"'Sheet 4'!B2"`` -> ``("Sheet 4", "B2")``."""
    sheet, _, ref = address.rpartition("!")
    if sheet.startswith("'") and sheet.endswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    return sheet, ref.replace("$", "").upper()
