"""Rows of an Excel sheet the user does not see: filtered out by an AutoFilter, hidden by hand or in a collapsed group.

A user who filters an export in Excel (cancelled orders filtered out, one plan shown) and imports the workbook expects
the rows shown, while the file holds every row: reading them all counts rows the user left out, reading only the
shown ones drops rows of a filter the user forgot. Which was meant cannot be told, so a sheet whose table has hidden
rows holding data is refused, naming the sheet and its rows (:func:`refuse_hidden_rows`): show them (clear the filter,
unhide the rows) and delete the rows to leave out, or copy the rows shown to a sheet of their own. Hidden rows
without any value (spacers) pass. The rows are those whose ``<row>`` element in the sheet's XML says ``hidden``
(Excel, LibreOffice and openpyxl write it so for a filter, a hidden row and a collapsed group alike); openpyxl's
read-only sheets do not read it, so the sheet's XML is read once more, its row elements only
(:mod:`xml.etree.ElementTree`'s ``iterparse``: no cell values are kept).
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError, iterparse

from .errors import DataError

__all__ = ["hidden_rows", "refuse_hidden_rows"]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_SHOWN_ROWS = 10


def hidden_rows(path: Path, member: str | None) -> set[int]:
    """The 1-based rows of the sheet stored at ``member`` (its path in the workbook's zip, as openpyxl's
    ``_worksheet_path``) marked hidden, as a set; empty when the member cannot be read (the sheet was read already:
    a damaged one is refused there).

    >>> import openpyxl, tempfile, os
    >>> book = openpyxl.Workbook()
    >>> book.active.append(["a"]); book.active.append([1]); book.active.append([2])
    >>> book.active.row_dimensions[3].hidden = True
    >>> path = os.path.join(tempfile.mkdtemp(), "h.xlsx"); book.save(path)
    >>> hidden_rows(Path(path), "xl/worksheets/sheet1.xml")
    {3}
    """
    if member is None:
        return set()
    found: set[int] = set()
    row = 0
    try:
        with zipfile.ZipFile(path) as archive:
            if not _mentions_hidden(archive, member.lstrip("/")):
                return found  # most sheets: no element says hidden, no parsing
            with archive.open(member.lstrip("/")) as xml:
                for _, element in iterparse(xml, events=("end",)):
                    if element.tag == _MAIN + "row":
                        number = element.get("r")
                        row = int(number) if number and number.isdigit() else row + 1  # 'r' may be left out
                        if element.get("hidden") in ("1", "true"):
                            found.add(row)
                        element.clear()  # its cells: not kept
                    elif element.tag == _MAIN + "sheetData":
                        break  # the rows are all read
    except (KeyError, OSError, zipfile.BadZipFile, ParseError, ValueError):
        return set()
    return found


def _mentions_hidden(archive: zipfile.ZipFile, member: str) -> bool:
    """Whether the member's bytes hold ``hidden=`` anywhere (read in chunks of 1 MiB, none kept)."""
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            if b"hidden=" in tail + chunk:
                return True
            tail = chunk[-8:]
    return False


def refuse_hidden_rows(
    source: str, sheet: str, hidden: set[int], first_data_row: int, rows: Sequence[Sequence[Any]]
) -> None:
    """Refuse the data rows of a sheet's table that are ``hidden`` (sheet rows, 1-based) and hold a value: ``rows`` are
    the table's data rows, the first of them the sheet's row ``first_data_row``.

    >>> refuse_hidden_rows("o.xlsx", "Orders", {3, 9}, 2, [["x", 10], ["x", 20], ["y", 5]])
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.xlsx: row 3 of sheet 'Orders' is hidden (filtered out or hidden in \
Excel) and holds data: whether it belongs in the import cannot be told; show the rows (clear the filter, unhide them) \
and delete the rows to leave out, or copy the rows shown to a sheet of their own
    >>> refuse_hidden_rows("o.xlsx", "Orders", {5}, 2, [["x", 10], ["x", 20], ["y", 5]])
    """
    if not hidden:
        return
    bad = [
        first_data_row + p
        for p, values in enumerate(rows)
        if first_data_row + p in hidden and any(v is not None and str(v).strip() != "" for v in values)
    ]
    if not bad:
        return
    shown = ", ".join(map(str, bad[:_SHOWN_ROWS]))
    shown += f" and {len(bad) - _SHOWN_ROWS} more" if len(bad) > _SHOWN_ROWS else ""
    one = len(bad) == 1
    which, verb, it, s = ("row", "is", "it", "s") if one else ("rows", "are", "they", "")
    raise DataError(
        f"{source}: {which} {shown} of sheet {sheet!r} {verb} hidden (filtered out or hidden in Excel) and hold{s} "
        f"data: whether {it} belong{s} in the import cannot be told; show the rows (clear the filter, unhide them) "
        f"and delete the rows to leave out, or copy the rows shown to a sheet of their own",
        source=source,
        rows=bad[:_SHOWN_ROWS],
        row_count=len(bad),
    )
