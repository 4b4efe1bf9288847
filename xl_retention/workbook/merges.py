"""Merged cells of the user's below a monthly sheet's last month, when an import adds months there.

Growing (:mod:`.growth`) writes the new months into the rows under the last month, where only empty cells may be
(a cell holding something refuses, naming it). A merged range there holds nothing in its covered cells, yet it would
hide the new months' figures under its first cell (Excel and LibreOffice show only that one): :func:`check_merges`
refuses it, naming the range. The one exception is a note two rows below the last month (where earlier templates
put the sheet's note, and growing moves it down below the new months): a merged range whose first cell is that note
moves down with it (:func:`move_note_merges`), and so does one whose first cell holds something in a column of the
template (a Total row's label: the rows below the months move down, :mod:`.rows_below`).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter

from . import inplace as ip
from .template import MONTH

if TYPE_CHECKING:
    import pandas as pd

    from .found import FoundSheet

_MERGE = re.compile(
    rb"(<(?:[A-Za-z_][\w.\-]*:)?mergeCell\b[^>]*?\sref\s*=\s*\")([A-Z]{1,3}[0-9]+)(?::([A-Z]{1,3}[0-9]+))?(\")"
)


def _areas(tail: bytes) -> list[tuple[re.Match[bytes], int, int, int, int]]:
    """Every merged range of a sheet part's tail: (match, first row, first column, last row, last column)."""
    out = []
    for match in _MERGE.finditer(tail):
        r1, c1 = ip.split_ref(match.group(2).decode())
        r2, c2 = ip.split_ref(match.group(3).decode()) if match.group(3) else (r1, c1)
        out.append((match, min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
    return out


def _note(sheet: FoundSheet) -> tuple[int, int]:
    """(row, column) of the cell growing moves down: two rows below the last month, in the Month column."""
    return sheet.last_row + 2, sheet.column(MONTH.key)


def check_merges(package: ip.Package, sheets: dict[str, FoundSheet], added: list[pd.Period]) -> None:
    """Refuse, naming it, a merged range over the template's columns in the rows the months ``added`` take (the new
    month rows and the two below them), other than one starting at the note growing moves."""
    for sheet in sheets.values():
        xml = package.sheet(sheet.spec.title)
        first, last = sheet.last_row + 1, sheet.last_row + len(added) + 2
        written = set(sheet.columns.values())
        for _match, r1, c1, r2, c2 in _areas(xml.tail):
            if r2 < first or r1 > last or not any(c1 <= column <= c2 for column in written):
                continue
            if (r1, c1) == _note(sheet):
                continue
            corner = xml.cell(f"{get_column_letter(c1)}{r1}")
            if r1 > sheet.last_row and c1 in written and corner is not None and ip.has_content(corner):
                continue  # a labelled row under the months (a Total): it moves down below the new ones with its merges
            area = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
            months = (
                f"month {added[0]} (row {first}"
                if len(added) == 1
                else (f"months {added[0]} to {added[-1]} (rows {first} to {first + len(added) - 1}")
            )
            raise ip.LayoutError(
                f"{sheet.spec.title}!{area} is a merged range in the way of the new {months}; it would hide their "
                "figures): unmerge or move it and import again"
            )


def move_note_merges(package: ip.Package, sheets: dict[str, FoundSheet], added: list[pd.Period]) -> None:
    """Move a merged range starting at the note two rows below the last month down by ``len(added)`` rows, with the
    note growing moved (call it after :func:`~.growth.grow`)."""

    def move(match: re.Match[bytes], note: tuple[int, int]) -> bytes:
        r1, c1 = ip.split_ref(match.group(2).decode())
        if (r1, c1) != note:
            return match.group(0)
        r2, c2 = ip.split_ref(match.group(3).decode()) if match.group(3) else (r1, c1)
        ref = f"{get_column_letter(c1)}{r1 + len(added)}"
        if match.group(3):
            ref += f":{get_column_letter(c2)}{r2 + len(added)}"
        return match.group(1) + ref.encode() + match.group(4)

    for sheet in sheets.values():
        xml = package.sheet(sheet.spec.title)
        note = _note(sheet)
        xml.tail = _MERGE.sub(functools.partial(move, note=note), xml.tail)


__all__ = ["check_merges", "move_note_merges"]
