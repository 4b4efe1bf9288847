"""The text a chart caches for a label cell (``c:strCache``, each level of a ``c:multiLvlStrCache``): the cell's value
as it shows, as Excel and LibreOffice write it.

A label formula giving a number (``=YEAR(A2)``, ``=DATE(2026,2,1)`` formatted ``mmm-yy``) is cached as the number in
its cell's format (``2026``, ``Feb-26``, ``33.3%``), a logical as ``TRUE``/``FALSE``, an error as its code
(``#N/A``), and a blank result is no point (LibreOffice 7.4 writes these so when it saves a recalculated workbook);
before, such a point kept its old label (H260 task 3). :class:`CellFormats` reads the cells' number formats from the
workbook, once per sheet and only when a label needs one.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from ..cells import CellError
from .excel_functions.number_format import format_value

__all__ = ["CellFormats", "LabelNotShown", "label_text"]


class CellFormats:
    """The number format of each cell of a workbook (``formats("data", "B2")``: the sheet's title in lower case),
    read with openpyxl in read-only mode when a sheet's first format is asked for; ``General`` for a cell of no
    other format, a sheet the workbook does not have, or a workbook openpyxl cannot read."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._path = path
        self._sheets: dict[str, dict[str, str]] | None = None
        self._titles: dict[str, str] = {}
        self.date1904 = False

    def __call__(self, sheet: str, cell: str) -> str:
        if self._sheets is None:
            self._sheets = {}
            self._open()
        own = self._sheets.get(sheet)
        if own is None:
            own = self._sheets[sheet] = self._read(sheet)
        return own.get(cell, "General")

    def _open(self) -> None:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904  # noqa: PLC0415

        from .._workbooks import open_read_only  # only for a chart label that needs a format

        try:
            book = open_read_only(self._path)
        except Exception:  # noqa: BLE001  (a package openpyxl cannot read: General everywhere)
            self._book = None
            return
        self._book = book
        self.date1904 = book.epoch == CALENDAR_MAC_1904
        self._titles = {title.lower(): title for title in book.sheetnames}

    def _read(self, sheet: str) -> dict[str, str]:
        title = self._titles.get(sheet)
        if self._book is None or title is None:
            return {}
        found: dict[str, str] = {}
        try:
            worksheet = self._book[title]
            if not hasattr(worksheet, "iter_rows"):  # a chart sheet
                return {}
            for row in worksheet.iter_rows():
                for cell in row:
                    code = getattr(cell, "number_format", "General")
                    if code and code != "General" and getattr(cell, "coordinate", None):
                        found[cell.coordinate] = code
        except Exception:  # noqa: BLE001  (a sheet openpyxl cannot read: General)
            return found
        return found


class LabelNotShown(ValueError):
    """A number whose cell's format the engine cannot show as Excel does (the computer's long date ``[$-F800]``, a
    language's codes ``TT.MM.JJJJ``): its message says the format and why."""


def label_text(value: object, code: Callable[[], str], date1904: bool = False) -> str | None:
    """The text a label cell holding ``value`` shows (``code``: its number format, asked only for a number); None for
    a blank result (no point).

    Raises:
        LabelNotShown: a number in a format TEXT cannot apply faithfully (H543's finding 10: the computer's long date
            ``[$-F800]dddd, mmmm dd, yyyy`` was shown as the serial 46027, in General).

    >>> label_text(45689.0, lambda: "mmm-yy"), label_text(1 / 3, lambda: "0.0%"), label_text(2026, lambda: "General")
    ('Feb-25', '33.3%', '2026')
    >>> label_text(True, lambda: "General"), label_text(CellError("#N/A"), lambda: "General"), label_text(None, str)
    ('TRUE', '#N/A', None)
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, CellError):
        return value.code
    if isinstance(value, int | float):
        shown = code()
        try:
            return format_value(float(value), shown, date1904)
        except Exception as error:  # noqa: BLE001  (a format TEXT does not read: said, never the number in General)
            raise LabelNotShown(f"its cell's format {shown!r} is not shown as Excel shows it ({error})") from None
    return str(value)
