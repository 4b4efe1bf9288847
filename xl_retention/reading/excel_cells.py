"""A workbook's cells as the user sees them: numbers in a zero-padding format, and formulas never calculated.

Split from :mod:`.files` (which reads a sheet with these): :func:`as_shown` gives a whole number in a format such as
``00000`` as the text it shows (``00042``); :func:`refuse_uncalculated` refuses a sheet whose formulas hold
XlsxWriter's placeholder 0, or no value at all (openpyxl), in a workbook that asks to be calculated on open.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from .errors import DataError

__all__ = ["ZERO_PADDED", "as_shown", "format_currency", "refuse_uncalculated", "with_currency"]


#: a cell with a formula (not an empty ``<c r="C2"/>`` right before one: its ``/>`` ends it)
_FORMULA_CELL = re.compile(
    rb'<c\s(?:[^>]*?\s)?r="([A-Z]+)([0-9]+)"[^>]*(?<!/)>((?:(?!</c>).)*?<f[ >/](?:(?!</c>).)*?)</c>', re.S
)
#: the stored value, with its attributes (``xml:space="preserve"``, as Excel writes a text with spaces at an end)
_STORED = re.compile(rb"<v(?:\s[^>]*)?>([^<]*)</v>")
_ON_LOAD = re.compile(rb'<(?:\w+:)?calcPr\b[^>]*\bfullCalcOnLoad="(?:1|true)"')


def refuse_uncalculated(path: Path, member: str | None, sheet: str, rows: list[list[Any]]) -> None:
    """A workbook whose formulas' values are not in the file: refused, naming the columns (each by its header in
    ``rows``, the sheet's values from A1, :func:`_column_name`), the first cells and how to calculate them
    (``xl-retention recalc``, or Excel). Two kinds: in a workbook that asks to be calculated on open
    (``fullCalcOnLoad``, as its XML says: openpyxl reads a workbook without it, as Excel saves them, as asking too),
    a sheet whose formula cells all hold 0 (or nothing), as XlsxWriter (pandas' .xlsx writer)
    stores them, leaving the computing to Excel; and in any workbook, formula cells that store no value at all, as
    openpyxl, Apache POI or R's openxlsx write them (a script that wrote ``=D2*E2``; Excel and LibreOffice store every
    formula's value), which would be read as blanks ("missing values")."""
    if member is None:
        return
    from ..recalculation.package import with_references  # the recalculation, imported when a workbook is read

    try:
        with zipfile.ZipFile(path) as archive:
            xml = with_references(archive.read(member.lstrip("/")))  # a cell's optional r: ECMA-376 18.3.1.4
            book = archive.read("xl/workbook.xml") if "xl/workbook.xml" in archive.namelist() else b""
    except (KeyError, OSError, zipfile.BadZipFile):
        return
    on_load = _ON_LOAD.search(book) is not None
    cells = _FORMULA_CELL.findall(xml) if b"<f" in xml else []
    if not cells:
        return
    stored = [_STORED.search(body) for _, _, body in cells]
    asks = ", and the workbook asks Excel to calculate them when it opens" if on_load else ""
    zeros = on_load and not any(m is not None and m.group(1).strip() not in (b"", b"0") for m in stored)
    if zeros and any(m is not None and m.group(1).strip() == b"0" for m in stored):
        what = f"hold 0 or nothing{asks}: written by XlsxWriter or pandas?"
    else:  # calculated, but maybe not every cell: those that store no value were never calculated
        cells = [cell for cell, m in zip(cells, stored, strict=True) if m is None]
        what = f"hold no value{asks}: written by a script (openpyxl)?"
    if not cells:
        return  # every formula holds a computed value: the workbook was calculated
    from openpyxl.utils import column_index_from_string

    names: list[str] = []
    header = _header_row(rows)
    if header is not None:  # only a totals row's or a row's below the table's end: that row is what to remove
        at = {(int(r), column_index_from_string(c.decode()) - 1) for c, r, _ in cells}
        _refuse_end_rows(path.name, sheet, rows, header, at)
    for letters in dict.fromkeys(c.decode() for c, _, _ in cells):
        index, top = column_index_from_string(letters) - 1, min(int(r) for c, r, _ in cells if c.decode() == letters)
        names.append(_column_name(rows, header, index, top, letters))
    shown = ", ".join(f"{c.decode()}{r.decode()}" for c, r, _ in cells[:5])
    more = f" and {len(cells) - 5} more" if len(cells) > 5 else ""
    word = "column" if len(names) == 1 else "columns"
    raise DataError(
        f"{path.name}: the formulas of sheet {sheet!r} ({word} {', '.join(names)}) were never calculated (cells "
        f"{shown}{more} {what}): calculate them with 'xl-retention recalc {path.name}' and import the "
        f"{path.stem}.recalc{path.suffix} it writes, or open it in Excel and save it, or write the values instead of "
        "formulas",
        source=path.name,
    )


#: A formula's cell never calculated, as :func:`_refuse_end_rows` reads its row: filled, not a number nor a label.
_UNCALCULATED = object()


def _refuse_end_rows(
    source: str, sheet: str, rows: list[list[Any]], header: int, formulas: set[tuple[int, int]]
) -> None:
    """Refuse, as the import would once they are calculated, the rows of the formulas never calculated (``formulas``)
    where each is in a row the import refuses anyway, so that the first answer names what
    to remove instead of asking for a calculation (H427's finding 03: a 'Total' row's ``=SUM(D4:D23)`` below an
    empty row was "never calculated", then "an empty row inside the table", then "a summary row"):

    * the export's summary block (:func:`~.summaries.refuse_summary_rows`): from the first of the table's last
      :data:`~.summaries.LAST_ROWS` rows whose first filled cell says total (:data:`~.summaries.SUMMARY`: 'Total',
      'Grand total', 'Summe') to its end, or such a row right below the header; the label's row holding nothing
      but numbers beside it (a row with a date or a text is a customer's, refused as never calculated). It is named
      as the import names it; an empty row above it needs no deleting (the sheet's empty rows at its end are not
      read);
    * rows below an empty row inside the table: that empty row is refused (:func:`~.excel_sheets.refuse_empty_rows`).

    A formula in any other data row is left to the "never calculated" refusal. ``header``: the 0-based index in
    ``rows`` (the sheet's values from A1) of the header row; ``formulas``: the cells never calculated, each as its
    1-based row and 0-based column (a row of them alone is no empty row).

    >>> rows = [["id", "mrr"], ["a", 5], ["b", 7], [None, None], ["Total", None]]
    >>> _refuse_end_rows("s.xlsx", "S", rows, 0, {(5, 1)})
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: s.xlsx, column 'id': a summary row of the export (its totals, not data) \
in row 5 of sheet 'S': 'Total': remove it
    >>> _refuse_end_rows("s.xlsx", "S", rows, 0, {(2, 1), (5, 1)})  # a data row's formula too: "never calculated"
    """
    from .errors import Source, bad_rows
    from .excel_sheets import _blank, refuse_empty_rows
    from .summaries import LAST_ROWS, SUMMARY

    top = header + 2  # the sheet's row of data[0]
    width = max([len(r) for r in rows] + [c + 1 for _, c in formulas])
    data = [list(r) + [None] * (width - len(r)) for r in rows[header + 1 :]]
    data += [[None] * width for _ in range(max(r for r, _ in formulas) - top + 1 - len(data))]
    for r, c in formulas:  # a formula's cell is filled, whatever it holds (None, XlsxWriter's 0)
        if r >= top:
            data[r - top][c] = _UNCALCULATED
    while data and all(_blank(v) for v in data[-1]):
        data.pop()
    at = {r - top for r, _ in formulas}
    if not data or min(at) < 0:
        return

    def label(i: int) -> int | None:  # the position of row i's total label, with only numbers beside it
        cells = data[i]
        first = next((j for j, v in enumerate(cells) if not _blank(v)), None)
        if first is None or not isinstance(cells[first], str) or SUMMARY.match(cells[first]) is None:
            return None
        others = [v for j, v in enumerate(cells) if j != first and not _blank(v) and v is not _UNCALCULATED]
        return first if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in others) else None

    start = next((i for i in range(max(len(data) - LAST_ROWS, 0), len(data)) if label(i) is not None), None)
    block = range(start, len(data)) if start is not None else range(1 if label(0) is not None else 0)
    if at <= set(block):
        row = block[0]
        column = label(row) or 0  # (the block's first row has its label)
        name = rows[header][column] if column < len(rows[header]) else None
        if _blank(name):
            from openpyxl.utils import get_column_letter

            name = get_column_letter(column + 1)
        problem = "a summary row of the export (its totals, not data)"
        values = {row: data[row][column]}  # (a text: the label)
        raise bad_rows(Source(source, sheet, header + 1), str(name).strip(), problem, [row], values, advice="remove it")
    empty = next((i for i, r in enumerate(data) if all(_blank(v) for v in r)), None)
    if empty is not None and min(at) > empty:
        refuse_empty_rows(source, sheet, top, data)


def _header_row(rows: list[list[Any]]) -> int | None:
    """The 0-based index in ``rows`` of the sheet's header row, as the import finds it (after a title block:
    :func:`~.excel_sheets._table_of`); None for a sheet of blank rows."""
    from .excel_sheets import _table_of  # which imports this module

    width = max((len(r) for r in rows), default=0)
    padded = [list(r) + [None] * (width - len(r)) for r in rows]
    while padded and all(v is None or (isinstance(v, str) and not v.strip()) for v in padded[-1]):
        padded.pop()
    if not padded:
        return None
    return _table_of(padded)[1]


def _column_name(rows: list[list[Any]], header: int | None, index: int, top: int, letters: str) -> str:
    """The name of column ``index`` (``letters``) whose first formula is in sheet row ``top`` (1-based): its header
    (``rows[header]``) where the formula is below it; else the text right above the formula (a formula in a title
    block); else the column's letters. Never a data cell above the formula (``'99 USD'`` above a totals row's
    ``=SUM(E2:E73)``, H395's finding 02).

    >>> rows = [["id", "price"], ["a", "99 USD"], ["Total", None]]
    >>> _column_name(rows, 0, 1, 3, "B"), _column_name(rows, 0, 1, 2, "B"), _column_name([[None]], None, 1, 2, "B")
    ("'price'", "'price'", 'B')
    """
    if header is not None and header < top - 1:
        name = rows[header][index] if index < len(rows[header]) else None
        if name is not None and str(name).strip():
            return repr(str(name).strip())
        return letters
    above = [row[index] for row in rows[: top - 1] if index < len(row) and isinstance(row[index], str)]
    return repr(above[-1]) if above else letters


#: A number format that shows a whole number with leading zeros ("00000": 42 is shown 00042), as users format a column
#: of zero-padded ids typed as numbers.
ZERO_PADDED = re.compile(r"0{2,}")


def as_shown(cell: Any) -> Any:
    """A cell's value; a whole number in a zero-padding format (``00000``) as the text it shows (``00042``), since
    that is the id the user sees and the one the other rows hold as text."""
    value = getattr(cell, "value", None)
    fmt = getattr(cell, "number_format", None)
    if (isinstance(value, (int, float)) and not isinstance(value, bool) and fmt and ZERO_PADDED.fullmatch(fmt)
            and float(value).is_integer() and value >= 0):  # fmt: skip
        return str(int(value)).zfill(len(fmt))
    return value


#: Excel's currency in a number format: ``[$SIGN-LCID]`` (``[$$-1009]`` Canadian dollars, ``[$€-407]``) or ``[$CODE]``.
_BRACKETED = re.compile(r"\[\$([^\]\-]*)(?:-([0-9A-Fa-f]+))?\]")
#: The dollar of a ``[$$-LCID]`` format by its locale (LCID, hexadecimal, lower case): Excel's own currency formats.
_DOLLARS = {"409": "USD", "1009": "CAD", "c09": "AUD", "1409": "NZD", "4809": "SGD", "c04": "HKD", "80a": "MXN",
            "2c0a": "ARS", "340a": "CLP", "240a": "COP", "3409": "USD", "1c09": "ZAR"}  # fmt: skip
#: Other signs of several currencies, by the format's locale: the yen and the yuan, the kronor and kroner.
_OTHERS = {("¥", "411"): "JPY", ("¥", "804"): "CNY", ("kr", "41d"): "SEK", ("kr", "414"): "NOK", ("kr.", "406"): "DKK",
           ("kr", "406"): "DKK", ("kr", "40f"): "ISK"}  # fmt: skip
#: Signs a format may write as they are or quoted (``"$"#,##0.00``, ``#,##0.00 €``).
_SIGNS = ("€", "£", "¥", "₹", "₩", "₽", "₺", "₪", "₫", "฿", "₴", "₦", "₱", "$")


def format_currency(fmt: Any) -> str | None:
    """The currency a number format shows its numbers in: an ISO code (``[$CAD]``, or a dollar by its locale,
    ``[$$-1009]``), else the sign it writes (``$``, ``€``); None for a format without one.

    >>> [format_currency(f) for f in ('[$$-1009]#,##0.00', '[$$-409]#,##0.00', '"$"#,##0.00', '#,##0.00 [$EUR]',
    ...                                '[$-409]mmmm d, yyyy', '0.00', '#,##0.00 "€"', '[$¥-411]#,##0', '[$¥-804]#,##0')]
    ['CAD', 'USD', '$', 'EUR', None, None, '€', 'JPY', 'CNY']
    """
    if not isinstance(fmt, str):
        return None
    match = _BRACKETED.search(fmt)
    if match is not None and match.group(1).strip():
        sign, lcid = match.group(1).strip(), (match.group(2) or "").lower().lstrip("0")
        return _DOLLARS.get(lcid, sign) if sign == "$" else _OTHERS.get((sign, lcid), sign)
    text = _BRACKETED.sub("", fmt)
    return next((sign for sign in _SIGNS if sign in text), None)


def with_currency(cell: Any) -> Any:
    """A cell's value (:func:`as_shown`); a number in a currency format as a money text that names the currency
    (``100.0 CAD``, ``$120.0``), so that a column of amounts in two currencies is refused as a CSV file's is
    (:mod:`.currency`), not summed."""
    value = as_shown(cell)
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return value
    currency = format_currency(getattr(cell, "number_format", None))
    if currency is None:
        return value
    return f"{value!r} {currency}" if re.fullmatch(r"[A-Z]{3}", currency) else f"{currency}{value!r}"
