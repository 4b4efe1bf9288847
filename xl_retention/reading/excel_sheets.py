"""Excel sheets to tables: the sheet, the table on it (below a margin or a title block) and its header.

Workbooks are read with openpyxl cell by cell, so a column keeps each cell's own type (a real date, a number, a
boolean, text); the workbook's date system (1900 or 1904) is kept in ``df.attrs["excel_epoch"]`` (cells formatted as
dates come as dates of that system; a number in a date column is a cell not formatted as a date, refused as a CSV
file's number is). Rows hidden in the sheet, an empty row inside the table and several sheets of one table are
refused, naming them (:func:`read_excel`).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd

from .errors import DataError
from .excel_cells import ZERO_PADDED, as_shown, format_currency, refuse_uncalculated, with_currency
from .hidden_rows import hidden_rows, refuse_hidden_rows
from .merged_cells import fill_merged_down, merged_ranges, refuse_two_level_header, tall_header_rows
from .notes import note

__all__ = ["read_excel", "refuse_empty_rows", "refuse_sheets_alike"]


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _table_of(rows: list[list[Any]]) -> tuple[list[list[Any]], int]:
    """The table of a sheet whose rows are ``rows`` (equally long, the last one not blank): without the leading
    rows and columns that are entirely empty (a report with a margin: header in B2), and without a title block
    above the table: leading rows of one filled cell each ('Subscriptions report', 'Exported 2025-03-01')
    followed by an empty row, when the row after the empty ones has two cells or more (a header), up to five rows
    of two cells each ('Report', 'Q3') followed by an empty row and a header of three names or more, or followed
    right away by a row of two texts or more, none repeated (a title merged across, then the header). Nothing else
    is dropped: a first row that is not such a title is the header. Also returns the 0-based index in
    ``rows`` of the header row (the table's first row).
    """
    filled = [sum(not _blank(v) for v in r) for r in rows]
    first = next(i for i, n in enumerate(filled) if n)
    gap = next((i for i in range(first, len(rows)) if not filled[i]), None)
    if gap is not None and all(n <= 1 for n in filled[first:gap]):
        after = next(i for i in range(gap, len(rows)) if filled[i])  # the last row is not blank
        if filled[after] >= 2:
            first = after
    elif gap is not None and gap - first <= 5 and all(n <= 2 for n in filled[first:gap]):
        # a title block of two cells a row ('Report', 'Q3'; 'Exported', a date), an empty row, then a header of
        # more names than any of its rows: title rows, skipped as one-cell titles are (never 'an empty row inside')
        after = next(i for i in range(gap, len(rows)) if filled[i])
        if filled[after] >= 3 and _names(rows[after]):
            first = after
    else:  # a title right above the header ('Subscriptions export - March 2026' merged across, then the header)
        below = next((i for i in range(first, len(rows)) if filled[i] != 1), None)
        texts = below is not None and all(isinstance(v, str) for i in range(first, below) for v in rows[i] if v)
        if below is not None and below > first and filled[below] >= 2 and texts and _names(rows[below]):
            first = below
    rows = rows[first:]
    left = min(next(j for j, v in enumerate(r) if not _blank(v)) for r in rows if any(not _blank(v) for v in r))
    return [r[left:] for r in rows], first


def refuse_empty_rows(source: str, sheet: str, top: int, rows: list[list[Any]]) -> None:
    """Refuse a sheet's table (its data ``rows``, the first in the sheet's row ``top``) with an empty row between its
    header and its last row, naming the rows: each would be read as a row of blanks (a customer without an id), and
    what is below an empty row may be another table or notes.

    >>> refuse_empty_rows("subs.xlsx", "Subs", 2, [["A", 50], [None, " "], ["B", 100]])
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: subs.xlsx: an empty row inside the table on sheet 'Subs', in row 3: delete \
it (if what is below it is not the table's, move that to a sheet of its own)
    """
    empty = [top + i for i, row in enumerate(rows) if all(_blank(v) for v in row)]
    if empty:
        _refuse_footer_below(source, sheet, top, rows, empty[0])  # Salesforce's: an empty row, then its footer
        shown = ", ".join(map(str, empty[:5])) + (f" and {len(empty) - 5} more" if len(empty) > 5 else "")
        what = "an empty row" if len(empty) == 1 else "empty rows"
        raise DataError(
            f"{source}: {what} inside the table on sheet {sheet!r}, in {'row' if len(empty) == 1 else 'rows'} "
            f"{shown}: delete {'it' if len(empty) == 1 else 'them'} (if what is below "
            f"{'it' if len(empty) == 1 else 'them'} is not the table's, move that to a sheet of its own)",
            source=source,
            column=None,
            rows=empty[:5],
        )


def _refuse_footer_below(source: str, sheet: str, top: int, rows: list[list[Any]], empty: int) -> None:
    """Refuse the rows from the empty row ``empty`` (the sheet's row) on as a report's footer where every filled
    row below it is one first cell and one of them a footer's (:data:`~.footer_rows.FOOTER`: Salesforce's
    "Confidential Information - Do Not Distribute", "Copyright (c) ..."), naming them as one range.

    >>> _refuse_footer_below("r.xlsx", "R", 2, [["A", 5], [None, None], ["Copyright (c) 2026 x", None]], 3)
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: r.xlsx: rows 3-4 of sheet 'R' are the report's footer below the table \
(an empty row, then 'Copyright (c) 2026 x'), no data: export the report without its footer, or delete those rows
    """
    from .footer_rows import FOOTER

    lines = [r for r in rows[empty - top :] if not all(_blank(v) for v in r)]
    if not lines or any(_blank(r[0]) or sum(not _blank(v) for v in r) != 1 for r in lines):
        return
    said = next((str(r[0]).strip() for r in lines if FOOTER.search(str(r[0]).strip())), None)
    if said is None:
        return
    raise DataError(
        f"{source}: rows {empty}-{top + len(rows) - 1} of sheet {sheet!r} are the report's footer below the table "
        f"(an empty row, then {said[:60]!r}), no data: export the report without its footer, or delete those rows",
        source=source,
        column=None,
    )


def _names(row: list[Any]) -> bool:
    """Whether ``row`` reads as a header: every filled cell a text, none repeated."""
    cells = [v.strip() for v in row if isinstance(v, str) and v.strip()]
    return len(cells) == sum(not _blank(v) for v in row) and len(set(cells)) == len(cells)


def _header_keys(rows: Any) -> tuple[str, ...] | None:
    """The column names (as :func:`~.columns.key` spells them, sorted) of the table on a sheet (its rows, or the sheet
    itself: its first 30 rows are read), found as :func:`_table_of` finds it; None for a sheet without two names."""
    from .columns import key

    if not isinstance(rows, list):
        if not hasattr(rows, "iter_rows"):  # a chart sheet
            return None
        rows = [list(r) for r in rows.iter_rows(max_row=30, values_only=True)]
    rows = rows[:30]
    while rows and all(_blank(v) for v in rows[-1]):
        rows.pop()
    if not rows:
        return None
    width = max(len(r) for r in rows)
    table, _ = _table_of([list(r) + [None] * (width - len(r)) for r in rows])
    names = sorted(key(h) for h in table[0] if not _blank(h))
    return tuple(names) if len(names) >= 2 else None


#: The namespace of ISO/IEC 29500 Strict workbooks (Excel's "Strict Open XML Spreadsheet" save type).
_STRICT = b"http://purl.oclc.org/ooxml/spreadsheetml/main"


def _refuse_strict(path: Path) -> None:
    """Refuse a workbook saved as Strict Open XML, which openpyxl reads as a workbook of no sheet (the import said
    'no worksheet, only chart sheets ()'), naming the save type that reads."""
    try:
        with zipfile.ZipFile(path) as package:
            head = package.read("xl/workbook.xml")[:2048] if "xl/workbook.xml" in package.namelist() else b""
    except (zipfile.BadZipFile, OSError, KeyError):
        return  # told apart when it is read
    if _STRICT in head:
        raise DataError(
            f"{path.name} is saved as a Strict Open XML Spreadsheet, which the import cannot read: open it in Excel "
            "and save it as an Excel Workbook (.xlsx; File > Save As > Excel Workbook)",
            source=path.name,
        )


def read_excel(path: Path, sheet: str | int | None) -> pd.DataFrame:
    from .._workbooks import open_read_only

    source = path.name
    _refuse_strict(path)
    try:
        book = open_read_only(path, data_only=True)  # its sheets' stored dimensions reset: every cell read
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise DataError(f"{source} is not a workbook or is damaged: {error}", source=source) from None
    try:
        names = book.sheetnames
        if isinstance(sheet, str):
            if sheet not in names:
                raise DataError(f"{source}: no sheet {sheet!r}; sheets: {', '.join(map(repr, names))}", source=source)
            sheet_name = sheet
        elif isinstance(sheet, int):
            if not 0 <= sheet < len(names):
                raise DataError(f"{source}: no sheet number {sheet} (it has {len(names)})", source=source)
            sheet_name = names[sheet]
        else:  # the first sheet the user sees: a hidden one (an old copy, a lookup table) is never taken unasked,
            # nor a chart sheet (a report's chart moved to a tab of its own): it holds no table
            tables = [n for n in names if hasattr(book[n], "iter_rows")]
            shown = [n for n in tables if getattr(book[n], "sheet_state", "visible") == "visible"]
            if not tables:
                raise DataError(f"{source}: no worksheet, only chart sheets ({', '.join(map(repr, names))})",
                                source=source)  # fmt: skip
            sheet_name = (shown or tables)[0]
        sheet_rows = book[sheet_name]
        if not hasattr(sheet_rows, "iter_rows"):  # --sheet naming a chart sheet
            others = [n for n in names if hasattr(book[n], "iter_rows")]
            raise DataError(
                f"{source}: sheet {sheet_name!r} is a chart sheet, it holds no table"
                + (f"; worksheets: {', '.join(map(repr, others))} (chosen with --sheet)" if others else ""),
                source=source,
            )
        formats = list(getattr(book, "_number_formats", ()))
        if any(format_currency(f) for f in formats):  # amounts formatted in a currency: '100.0 CAD' (excel_cells)
            rows = [[with_currency(cell) for cell in row] for row in sheet_rows.iter_rows()]
        elif any(ZERO_PADDED.fullmatch(str(f)) for f in formats):
            rows = [[as_shown(cell) for cell in row] for row in sheet_rows.iter_rows()]  # 42 shown as 00042
        else:
            rows = [list(row) for row in sheet_rows.iter_rows(values_only=True)]
        refuse_uncalculated(path, getattr(sheet_rows, "_worksheet_path", None), sheet_name, rows)  # values not there
        epoch = "1904" if book.epoch.year == 1904 else "1900"
        member = getattr(sheet_rows, "_worksheet_path", None)  # its rows hidden: read from its XML (hidden_rows)
        first = _header_keys(rows) if sheet is None else None
        others = {n: _header_keys(book[n]) for n in names if n != sheet_name} if first is not None else {}
        alike = [n for n, keys in others.items() if keys == first]
        hidden = {n for n in others if getattr(book[n], "sheet_state", "visible") != "visible"}  # an old copy
    finally:
        book.close()
    while rows and all(v is None or (isinstance(v, str) and not v.strip()) for v in rows[-1]):
        rows.pop()
    if not rows:
        raise DataError(f"{source}: sheet {sheet_name!r} is empty (no header row)", source=source)
    width = max(len(r) for r in rows)
    rows, first = _table_of([r + [None] * (width - len(r)) for r in rows])
    left = width - len(rows[0])  # the empty columns before the table (its first column's 0-based index)
    ranges = merged_ranges(path, member)
    tall = tall_header_rows(rows, ranges, first + 1, left)  # header cells merged down over rows 1-2 (merged_cells)
    if not tall:
        refuse_two_level_header(rows, ranges, first + 1, left, source, sheet_name)  # 'Amount' over 'Net', 'Tax'
    rows, first = [rows[0], *rows[1 + tall :]], first + tall  # first: the header's last row
    merged = fill_merged_down(rows, ranges, first + 1, left)  # Merge & Center (merged_cells)
    if merged:
        more = f" and {len(merged) - 3} more" if len(merged) > 3 else ""
        note(f"{source}, sheet {sheet_name!r}: cells merged down ({', '.join(merged[:3])}{more}) read as Excel shows "
             "them, their value on each row of the range")  # fmt: skip
    width = len(rows[0])
    header = rows[0]
    while width and header[width - 1] is None and all(r[width - 1] is None for r in rows):
        width -= 1
    header = ["" if h is None else str(h) for h in header[:width]]
    if alike:  # the table goes on over several sheets (monthly tabs, an export split at Excel's row limit), or the
        # first is a summary of it: reading the first alone would leave rows out
        others = ", ".join(repr(n) for n in alike)
        raise DataError(
            f"{source}: sheets {sheet_name!r} and {others} hold tables with the same columns, and only one sheet is "
            f"read: say which with --sheet NAME (in Python: read_table(path, sheet=NAME)), or put the rows on one "
            f"sheet",
            source=source,
        )
    refuse_hidden_rows(source, sheet_name, hidden_rows(path, member), first + 2, [r[:width] for r in rows[1:]])
    refuse_empty_rows(source, sheet_name, first + 2, [r[:width] for r in rows[1:]])
    df = pd.DataFrame([r[:width] for r in rows[1:]], columns=range(width), dtype=object)
    df.columns = header
    df.attrs["excel_epoch"] = epoch
    df.attrs["sheet"] = sheet_name
    df.attrs["sheets"] = list(names)
    df.attrs["header_row"] = first + 1  # the sheet's 1-based row of the header (rows are read from row 1)
    df.attrs["first_column"] = left
    df.attrs["other_sheets"] = {n: k for n, k in others.items() if k is not None and n not in hidden}  # (below)
    return df


def refuse_sheets_alike(df: pd.DataFrame, read: list[str], source: str) -> None:
    """Refuse a table read from a workbook's first sheet (no sheet given) when another sheet's table has every column
    of ``read`` (the file's names of the columns the import reads: an id and a date at least), in any order or
    case, beside columns of its own: the table goes on over several sheets, one a month or a quarter, a later one
    with a column more ('Notes'), and reading the first alone would leave the others' rows out (tables of the very
    same columns are refused by :func:`read_excel`). A hidden sheet (an old copy) is not looked at.

    >>> df = pd.DataFrame(columns=["customer_id", "month", "mrr"])
    >>> df.attrs.update(sheet="Jan 2024", other_sheets={"Feb 2024": ("customer_id", "month", "mrr", "notes")})
    >>> refuse_sheets_alike(df, ["customer_id", "month", "mrr"], "subs.xlsx")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: subs.xlsx: sheet 'Feb 2024' also holds a table with the columns read \
('customer_id', 'month', 'mrr'), and only sheet 'Jan 2024' is read: say which with --sheet NAME (in Python: \
read_table(path, sheet=NAME)), or put the rows on one sheet
    """
    from .columns import key

    wanted = {key(name) for name in read}
    others = df.attrs.get("other_sheets") or {}
    alike = [name for name, keys in others.items() if wanted <= set(keys)]
    if not alike or len(wanted) < 2:
        _refuse_refund_sheets(df, wanted, others, source)
        _note_other_tables(df, wanted, others, source)
        return
    sheets = ("sheet " if len(alike) == 1 else "sheets ") + ", ".join(map(repr, alike))
    raise DataError(
        f"{source}: {sheets} also hold{'s' if len(alike) == 1 else ''} a table with the columns read "
        f"({', '.join(map(repr, read))}), and only sheet {df.attrs.get('sheet')!r} is read: say which with --sheet "
        f"NAME (in Python: read_table(path, sheet=NAME)), or put the rows on one sheet",
        source=source,
    )


#: Beginnings of the words of a sheet's name or columns that say refunds, returns, cancellations or credit notes (in
#: English, German, French, Spanish, Italian, Dutch, Portuguese): rows that take orders or MRR back.
_TAKEN_BACK = re.compile(
    r"(?i)(?:^|[^a-zà-ÿ])(?:refund|return(?!ing)|retour|r[üu]cksend|r[üu]ckgabe|erstatt|rembours|reembols|rimbors|devolu|"
    r"devoluc|storn|cancel|annul|k[üu]ndig|chargeback|charge[\s_-]*back|credit[\s_-]*note|gutschrift|avoir|"
    r"abono|nota[\s_-]*de[\s_-]*cr[ée]dito|creditnota|terugbetal|reso\b|churn)"
)


def _refuse_refund_sheets(df: pd.DataFrame, wanted: set[str], others: dict[str, Any], source: str) -> None:
    """Refuse a workbook's first sheet read unasked when another visible sheet's table shares a column read (the
    customer's) and its sheet's name or a column of it says refunds, returns, cancellations or credit notes
    ("Returns": Customer, Return Date, Refund): those rows take orders back, and reading the first sheet alone counts
    them in full (H36 finding 06)."""
    for name, keys in others.items():
        if not keys or not wanted & set(keys):
            continue
        said = [w for w in (name, *keys) if _TAKEN_BACK.search(str(w).replace("_", " "))]
        if said:
            raise DataError(
                f"{source}: sheet {name!r} (columns {', '.join(keys)}) holds refunds, returns or cancellations "
                f"({said[0]!r}) beside sheet {df.attrs.get('sheet')!r}, which alone is read: they would be left "
                f"out; put them on the sheet read (a refund as a row of a negative amount, or a refunded amount "
                f"column), or say the sheet to read with --sheet NAME",
                source=source,
            )


def _note_other_tables(df: pd.DataFrame, wanted: set[str], others: dict[str, Any], source: str) -> None:
    """A note naming the visible sheets whose tables share a column read and are not read (the first sheet is)."""
    from .notes import note

    shared = [name for name, keys in others.items() if keys and wanted & set(keys)]
    if shared:
        note(f"{source}: read sheet {df.attrs.get('sheet')!r}; sheet{'s' if len(shared) > 1 else ''} "
             f"{', '.join(map(repr, shared))} with a column of it {'were' if len(shared) > 1 else 'was'} not read "
             f"(--sheet NAME to choose)")  # fmt: skip
