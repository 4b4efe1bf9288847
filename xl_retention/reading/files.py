"""Files to tables: what kind of file it is, its CSV dialect and encoding, its sheet and header.

The kind of file is told by its content, not only its name: an OpenDocument file or an old
``.xls`` saved under an ``.xlsx`` name, an empty or damaged file, are refused with one line
naming the file and what it is. CSV text is decoded by its byte-order mark (UTF-8, UTF-16:
Excel's "Unicode Text" is UTF-16 LE and tab-separated), else as UTF-8, else Windows-1252 (or
MacRoman, Mac Excel's "CSV (Macintosh)", by the signs of misreading each shows, or refused when none tells:
:func:`~.codepages.single_byte_encoding`);
its separator is sniffed by the standard ``csv.Sniffer`` among ``, ; TAB |``. Every CSV
column is read as text: ids keep their leading zeros, and numbers and dates are parsed
column by column later (:mod:`.values`, :mod:`.dates`) with one rule per column.

Excel workbooks are read with openpyxl cell by cell, so a column keeps each cell's own type
(a real date, a number, a boolean, text); the workbook's date system (1900 or 1904) is kept
in ``df.attrs["excel_epoch"]`` (cells formatted as dates come as dates of that system; a number
in a date column is a cell not formatted as a date, refused as a CSV file's number is).
"""

from __future__ import annotations

import codecs
import csv
import mmap
import os
import re
import warnings
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .codepages import single_byte_encoding
from .csv_rows import refuse_later_sections, with_file_rows
from .errors import DataError
from .excel_cells import ZERO_PADDED, as_shown, refuse_uncalculated
from .headers import has_line_break, header_on_one_line, one_line_headers
from .hidden_rows import hidden_rows, refuse_hidden_rows
from .subheaders import without_subheaders

__all__ = ["INPUT_KINDS", "CsvDialect", "file_kind", "read_table", "sheets_for", "sniff_csv"]

_CSV = (".csv", ".tsv", ".txt")
_EXCEL = (".xlsx", ".xlsm")
_PARQUET = (".parquet", ".pq")
_SNIFF_BYTES = 1 << 16
_SEPARATORS = ",;\t|"


def file_kind(path: Path) -> str:
    """What ``path`` holds, by its first bytes: ``"xlsx"``, ``"xlsb"``, ``"ods"``, ``"xls"``, ``"parquet"``,
    ``"text"`` or ``"binary"`` (none of these; or UTF-16 text without a byte-order mark).

    Raises :class:`DataError` (naming the file) for an empty file and a zip that is not a workbook.
    """
    source = path.name
    with open(path, "rb") as handle:
        head = handle.read(8)
    if not head:
        raise DataError(f"{source} is empty (0 bytes)", source=source)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(path) as package:
                names = set(package.namelist())
                mimetype = package.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
        except (zipfile.BadZipFile, OSError, KeyError) as error:
            raise DataError(f"{source} is not a workbook (a damaged zip package): {error}", source=source) from None
        if "opendocument" in mimetype or "content.xml" in names:
            return "ods"
        if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
            return "xlsb" if "xl/workbook.bin" in names else "xlsx"
        raise DataError(f"{source} is not a workbook (a zip package without an Excel workbook inside)", source=source)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls"
    if head.startswith(b"PAR1"):
        return "parquet"
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "binary"  # or UTF-16/32 text without a byte-order mark: text only when its encoding is given
    return "text"


@dataclass(frozen=True)
class CsvDialect:
    """How a CSV file is written: its encoding, separator and quote character; ``skip_rows``: the comment lines
    (``#``, as Google Analytics writes them) and blank lines before the header."""

    encoding: str
    sep: str
    quotechar: str = '"'
    skip_rows: int = 0


def _decode_sample(path: Path, encoding: str | None) -> tuple[str, str]:
    """(encoding, the first 64 KiB decoded) of a text file: the given encoding, else by BOM, UTF-8, Windows-1252."""
    with open(path, "rb") as handle:
        raw = handle.read(_SNIFF_BYTES)
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise DataError(f"unknown encoding {encoding!r} (e.g. utf-8, utf-16, cp1252, latin-1)") from None
        chosen = encoding
    elif raw.startswith(codecs.BOM_UTF8):
        chosen = "utf-8-sig"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        chosen = "utf-16"
    else:
        chosen = "utf-8"
    decoder = codecs.getincrementaldecoder(chosen)(errors="strict")
    try:
        text = decoder.decode(raw, final=len(raw) < _SNIFF_BYTES)
    except UnicodeDecodeError as error:
        if encoding is not None:
            raise DataError(
                f"{path.name} is not {encoding} text (byte {error.start}); give its encoding with --encoding",
                source=path.name,
            ) from None
        chosen = single_byte_encoding(raw, path.name)
        text = raw.decode(chosen, errors="replace")
    return chosen, text


#: How much of a file tells its code page when its first part was UTF-8 and a later line is not.
_FALLBACK_BYTES = 16 * 1024 * 1024
_SEP_LINE = re.compile(r'^"?sep=(.)"?,*;*$', re.IGNORECASE)


def sniff_csv(path: str | Path, *, sep: str | None = None, encoding: str | None = None) -> CsvDialect:
    """The encoding and separator of a CSV file (``sep`` / ``encoding`` given are taken as they are).

    The separator is sniffed by ``csv.Sniffer`` among comma, semicolon, tab and ``|``; when
    the sniffer cannot tell, the one most frequent in the header line is taken, and a file
    with none of them is one column.
    """
    path = Path(path)
    chosen, text = _decode_sample(path, encoding)
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    skip = next((i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")), 0)
    # leading '#' comment lines; but a first line such as '#,customer_id,date' right before as many fields is a header
    # (fields as the csv module splits them: a quoted answer's comma, "Fast, friendly", is not a separator)
    header = skip == 1 and any(_fields(lines[0], s) == _fields(lines[1], s) > 1 for s in _SEPARATORS)
    if header or not any(line.startswith("#") for line in lines[:skip]):
        skip = 0
    hint = _SEP_LINE.match(lines[skip].strip()) if len(lines) > skip else None
    if hint:  # Excel's own separator line ('sep=;', files written for Excel): skipped, its separator used
        skip += 1
        sep = sep or ("\t" if hint.group(1) == "\t" else hint.group(1))
    lines = header_on_one_line(lines[skip:])  # a header name on two lines (Alt+Enter in Excel): one header
    if sep is not None:
        sep = {"tab": "\t", "\\t": "\t", "semicolon": ";", "comma": ","}.get(sep.lower(), sep)
        if len(sep) != 1:
            raise DataError(f"a separator is one character (or tab), got {sep!r}")
        return CsvDialect(chosen, sep, skip_rows=skip)
    sample = "\n".join(lines[:50] if len(lines) > 1 else lines)
    quotechar = '"'
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=_SEPARATORS)
        found, quotechar = dialect.delimiter, dialect.quotechar or '"'
    except csv.Error:
        found = None
    header = lines[0] if lines else ""
    counts = {s: header.count(s) for s in _SEPARATORS}
    if found is None or counts.get(found, 0) == 0:
        best = max(counts, key=lambda s: counts[s])
        found = best if counts[best] else ","
    return CsvDialect(chosen, found, quotechar, skip)


def _fields(line: str, sep: str) -> int:
    """The number of fields of one CSV line split at ``sep`` with ``"`` quoting (``csv.reader``).

    >>> _fields('r1,9,"Fast, friendly",2026-03-04', ","), _fields("# exported 2026-03-04", ",")
    (4, 1)
    """
    return len(next(csv.reader([line], delimiter=sep), []))


def _first_line(path: Path) -> str:
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        return handle.readline()


def _header_names(path: Path, dialect: CsvDialect) -> list[str]:
    with open(path, encoding=dialect.encoding, errors="replace", newline="") as handle:
        for _ in range(dialect.skip_rows):
            handle.readline()
        reader = csv.reader(handle, delimiter=dialect.sep, quotechar=dialect.quotechar)
        return [name.lstrip("\ufeff") for name in next(reader, [])]


def _read_csv_arrow(path: Path, dialect: CsvDialect, width: int) -> pd.DataFrame | None:
    """A plain UTF-8 CSV read by pyarrow's multi-threaded reader, every column as text, blanks missing: the
    frame pandas' C parser gives (same values, same ``str`` dtype), or None when pyarrow cannot be sure of
    reading it the same way (any parse or decoding error: short or long rows, bytes that are not UTF-8, ...),
    so that the C parser reads it and its rules and errors apply.

    ``width``: the number of header names. Values may hold the quote character; a newline inside a
    quoted value is only allowed (slower) when the file has a quote character at all.
    """
    try:
        import pyarrow as pa
        import pyarrow.csv as pacsv
    except ImportError:
        return None
    quoted = _holds_byte(path, dialect.quotechar.encode())
    names = [f"f{i}" for i in range(width)]
    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(skip_rows=1 + dialect.skip_rows, column_names=names, use_threads=True),
            parse_options=pacsv.ParseOptions(
                delimiter=dialect.sep, quote_char=dialect.quotechar, newlines_in_values=quoted, ignore_empty_lines=True
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.large_string()),  # pandas' str dtype holds large_string
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, UnicodeDecodeError):
        return None
    if table.num_rows == 0:
        return None  # a header alone: the C parser's own result and messages
    columns = {i: table.column(i).to_pandas().astype(str) for i in range(width)}
    df = pd.DataFrame(columns)
    return df


def _holds_byte(path: Path, byte: bytes) -> bool:
    """Whether the file has ``byte`` anywhere (searched in the mapped file: no copy of it in memory)."""
    with open(path, "rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            return False
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view:
            return view.find(byte) >= 0


def _read_csv(path: Path, sep: str | None, encoding: str | None) -> pd.DataFrame:
    dialect = sniff_csv(path, sep=sep, encoding=encoding)
    if dialect.encoding == "utf-8":
        header = _header_names(path, dialect)
        first = _first_line(path)
        # a header name on two lines (Alt+Enter in Excel): Arrow's skipped rows are lines, the C parser reads it
        if header and first.strip() and "\ufeff" not in first and not any(map(has_line_break, header)):
            df = _read_csv_arrow(path, dialect, len(header))
            if df is not None:
                df.columns = header
                df.attrs["dialect"] = dialect
                return df
    options: dict[str, Any] = {
        "sep": dialect.sep,
        "quotechar": dialect.quotechar,
        "dtype": str,
        "keep_default_na": False,
        "na_values": [""],
        "encoding": dialect.encoding,
        "skiprows": dialect.skip_rows,
    }
    if dialect.encoding in ("cp1252", "mac_roman", "cp850"):
        options["encoding_errors"] = "replace"
    try:
        df = pd.read_csv(path, **options)
    except UnicodeDecodeError:
        if encoding is not None:
            raise DataError(
                f"{path.name} is not {encoding} text; give its encoding with --encoding", source=path.name
            ) from None
        with open(path, "rb") as handle:  # the sample was UTF-8, a later line is not: its code page by the file
            chosen = single_byte_encoding(handle.read(_FALLBACK_BYTES), path.name)
        options = {**options, "encoding": chosen, "encoding_errors": "replace"}
        df = pd.read_csv(path, **options)
        dialect = CsvDialect(chosen, dialect.sep, dialect.quotechar, dialect.skip_rows)
    if not isinstance(df.index, pd.RangeIndex):  # rows longer than the header: their first fields made an index
        df = _without_trailing_fields(path, df, options)
    header = _header_names(path, dialect)
    if len(header) == len(df.columns):
        df.columns = header  # the names as written: pandas renames a repeated name 'x' to 'x.1'
    df.attrs["dialect"] = dialect
    return df


def _without_trailing_fields(path: Path, df: pd.DataFrame, options: dict[str, Any]) -> pd.DataFrame:
    """Rows that end with a separator (one empty field more than the header: ``a,2025-01,10,``) read without
    that field; a row whose extra field is not empty is refused (a column name missing from the header)."""
    extra = df.index.nlevels
    tail = df.iloc[:, -extra:]
    filled = np.flatnonzero(tail.notna().any(axis=1).to_numpy())
    if filled.size:
        rows = ("row " if filled.size == 1 else "rows ") + ", ".join(str(int(r) + 2) for r in filled[:5])
        values = ", ".join(repr(str(v)) for v in tail.iloc[filled[0]].dropna())
        raise DataError(
            f"{path.name}: rows with {extra} field{'s' if extra > 1 else ''} more than the header's "
            f"{len(df.columns)} names, not empty in {rows} (counting the header as row 1): {values}; "
            f"is a column name missing from the header?",
            source=path.name,
        )
    with warnings.catch_warnings():  # "loss of data with index_col=False": only the empty fields are dropped
        warnings.simplefilter("ignore", pd.errors.ParserWarning)
        return pd.read_csv(path, **options, index_col=False)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _table_of(rows: list[list[Any]]) -> tuple[list[list[Any]], int]:
    """The table of a sheet whose rows are ``rows`` (equally long, the last one not blank): without the leading
    rows and columns that are entirely empty (a report with a margin: header in B2), and without a title block
    above the table: leading rows of one filled cell each ('Subscriptions report', 'Exported 2025-03-01')
    followed by an empty row, when the row after the empty ones has two cells or more (a header), or followed
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


def _read_excel(path: Path, sheet: str | int | None) -> pd.DataFrame:
    import openpyxl

    source = path.name
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
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
        else:  # the first sheet the user sees: a hidden one (an old copy, a lookup table) is never taken unasked
            shown = [n for n in names if getattr(book[n], "sheet_state", "visible") == "visible"]
            sheet_name = (shown or names)[0]
        sheet_rows = book[sheet_name]
        sheet_rows.reset_dimensions()  # a stored dimension can be wrong: read every row there is
        if any(ZERO_PADDED.fullmatch(str(f)) for f in getattr(book, "_number_formats", ())):
            rows = [[as_shown(cell) for cell in row] for row in sheet_rows.iter_rows()]  # 42 shown as 00042
        else:
            rows = [list(row) for row in sheet_rows.iter_rows(values_only=True)]
        refuse_uncalculated(path, getattr(sheet_rows, "_worksheet_path", None), sheet_name, rows)  # values not there
        epoch = "1904" if book.epoch.year == 1904 else "1900"
        member = getattr(sheet_rows, "_worksheet_path", None)  # its rows hidden: read from its XML (hidden_rows)
        first = _header_keys(rows) if sheet is None else None
        alike = [n for n in names if n != sheet_name and first is not None and _header_keys(book[n]) == first]
    finally:
        book.close()
    while rows and all(v is None or (isinstance(v, str) and not v.strip()) for v in rows[-1]):
        rows.pop()
    if not rows:
        raise DataError(f"{source}: sheet {sheet_name!r} is empty (no header row)", source=source)
    width = max(len(r) for r in rows)
    rows, first = _table_of([r + [None] * (width - len(r)) for r in rows])
    left = width - len(rows[0])  # the empty columns before the table (its first column's 0-based index)
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
    return df


_WHAT = {
    "ods": "an OpenDocument spreadsheet (LibreOffice/OpenOffice): save it as .xlsx",
    "xls": "an old Excel 97-2003 .xls workbook (or a password-protected file): save it as .xlsx",
    "xlsb": "a binary Excel workbook (.xlsb): save it as .xlsx",
}


def read_table(
    path: str | Path,
    sheet: str | int | None = None,
    *,
    sep: str | None = None,
    encoding: str | None = None,
) -> pd.DataFrame:
    """Read a CSV (``.csv``, ``.tsv``, ``.txt``), Parquet (``.parquet``, ``.pq``) or Excel (``.xlsx``, ``.xlsm``) file.

    ``sheet`` picks an Excel sheet by name or 0-based position (default: the first visible one: a hidden sheet is
    never taken unasked).
    CSV: ``sep`` and ``encoding`` override the sniffed ones (:func:`sniff_csv`); every
    column is text (blank cells are missing values). Excel: each cell keeps its type.
    Column names are kept as written, repeats included (so that a repeated name is
    refused when the column is used). Parquet needs pyarrow: without it this raises
    ``ImportError`` saying to install it.

    Raises :class:`DataError` naming the file for: an unknown suffix, a file whose
    content is not what its name says (an OpenDocument file named .xlsx, an old .xls,
    a damaged or empty file), a sheet given for a file that is not a workbook, an unknown
    sheet, and a file with a header but no data rows.

    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> _ = open(os.path.join(folder, "o.csv"), "w").write("customer_id;date;amount\\n0123;05/02/2024;12,50\\n")
    >>> read_table(os.path.join(folder, "o.csv")).iloc[0].tolist()
    ['0123', '05/02/2024', '12,50']
    """
    path = Path(path)
    source = path.name
    suffix = path.suffix.lower()
    if path.is_dir():  # a folder of exports: one file per input
        raise DataError(f"{path} is a folder, not a file: give one export file (.csv, .xlsx, ...)", source=source)
    if suffix not in (*_CSV, *_EXCEL, *_PARQUET):
        if suffix in (".ods", ".xls", ".xlsb", ".numbers"):
            what = {".ods": "ods", ".xls": "xls", ".xlsb": "xlsb"}.get(suffix)
            raise DataError(f"{source} is {_WHAT[what] if what else 'an Apple Numbers file: export it as .xlsx'}",
                            source=source)  # fmt: skip
        raise DataError(
            f"{source}: unsupported file type {suffix or '(none)'!r}; use .csv, .tsv, .txt, .parquet, .xlsx or .xlsm",
            source=source,
        )
    if sheet is not None and suffix not in _EXCEL:
        raise DataError(f"{source}: a sheet ({sheet!r}) was given but the file is not a workbook", source=source)
    kind = file_kind(path)
    if kind == "binary":
        if suffix not in _CSV or encoding is None:
            hint = (
                "; if it is UTF-16 text without a byte-order mark, give --encoding utf-16-le" if suffix in _CSV else ""
            )
            raise DataError(f"{source} is not a text, Parquet or Excel file (binary content){hint}", source=source)
        kind = "text"  # e.g. UTF-16 without a byte-order mark, its encoding given
    if kind in _WHAT:
        raise DataError(f"{source} is {_WHAT[kind]}", source=source)
    expected = "xlsx" if suffix in _EXCEL else "parquet" if suffix in _PARQUET else "text"
    if kind != expected:
        names = {"xlsx": "an Excel workbook", "parquet": "a Parquet file", "text": "a text (CSV) file"}
        raise DataError(f"{source} is {names[kind]}, not what its name ({suffix}) says: rename it", source=source)
    try:
        if kind == "text":
            df = with_file_rows(path, _read_csv(path, sep, encoding))
            refuse_later_sections(df, source)  # Google Analytics' next card: another table below the first
        elif kind == "parquet":
            try:
                df = pd.read_parquet(path)
            except ImportError as error:
                raise ImportError(
                    f"reading {source} needs a Parquet engine: pip install pyarrow (or save the data as CSV)"
                ) from error
        else:
            df = _read_excel(path, sheet)
    except pd.errors.EmptyDataError:
        raise DataError(f"{source} has no header row (the file is blank)", source=source) from None
    except (pd.errors.ParserError, zipfile.BadZipFile, OSError) as error:
        if isinstance(error, FileNotFoundError):
            raise
        reason = str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__
        fields = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", reason)
        if fields:  # pandas' tokenizer: a row with more fields than the header has names
            names, line, got = fields.groups()
            raise DataError(
                f"{source}: row {line} has {got} fields where the header has {names} names (counting the header as "
                f"row 1): a separator at the end of the row, or a value with the separator in it and no quotes around "
                f"it? remove the extra separator, or quote the value",
                source=source,
            ) from None
        raise DataError(f"{source}: cannot read the file: {reason}", source=source) from None
    except Exception as error:  # pyarrow's errors on a damaged Parquet file have no common base in pandas
        if type(error).__module__.startswith("pyarrow"):
            raise DataError(f"{source}: cannot read the Parquet file: {error}", source=source) from None
        raise
    df = one_line_headers(df)  # 'Customer\nID' (Alt+Enter in Excel) is the name 'Customer ID'
    if kind != "parquet":  # SurveyMonkey's and Qualtrics' header rows below the header are no answers
        df = without_subheaders(df)
    if len(df) == 0:
        sheets = df.attrs.get("sheets") or []
        where = ""
        if len(sheets) > 1:  # the first sheet of a workbook, say a title page: name the others
            others = ", ".join(repr(n) for n in sheets if n != df.attrs.get("sheet"))
            where = f" on sheet {df.attrs.get('sheet')!r} (other sheets: {others}, chosen with --sheet)"
        raise DataError(f"{source} has a header but no data rows{where}", source=source)
    df.attrs["source"] = source  # a sheet's table also keeps "sheet" and "header_row": refusals name sheet rows
    return df


INPUT_KINDS = ("subscriptions", "orders", "nps", "visits")


def sheets_for(
    sheet: str | Sequence[str] | Mapping[str, str] | None,
    inputs: Mapping[str, str | os.PathLike[str] | None],
) -> dict[str, str | None]:
    """The sheet to read from each input file, from ``--sheet`` values.

    ``inputs`` maps an input kind (``subscriptions``, ``orders``, ``nps``, ``visits``) to its
    file (None: not given). Each ``--sheet`` value is ``KIND=SHEET`` (that input's sheet) or
    a bare ``SHEET`` (every Excel input without a ``KIND=`` of its own; CSV and Parquet
    inputs are not touched). A mapping ``{kind: sheet}`` is taken as it is. Refused with
    :class:`DataError`: ``KIND=SHEET`` for an input not given or not a workbook, a bare
    sheet when no input is a workbook, and two sheets for one input.

    >>> sheets_for(["Answers"], {"nps": "survey.xlsx", "visits": "visits.csv", "orders": None})
    {'nps': 'Answers', 'visits': None}
    >>> sheets_for(["nps=Answers", "Data"], {"nps": "survey.xlsx", "orders": "orders.xlsx"})
    {'nps': 'Answers', 'orders': 'Data'}
    """
    given = {kind: Path(path) for kind, path in inputs.items() if path is not None}
    out: dict[str, str | None] = dict.fromkeys(given)
    if sheet is None:
        return out
    if isinstance(sheet, Mapping):
        pairs = [(kind, name) for kind, name in sheet.items()]
    else:
        values = [sheet] if isinstance(sheet, str) else list(sheet)
        pairs = []
        for value in values:
            kind, sep, name = value.partition("=")
            if sep and kind.strip().lower() in INPUT_KINDS:
                pairs.append((kind.strip().lower(), name.strip()))
            else:
                pairs.append((None, value))
    workbooks = [kind for kind, path in given.items() if path.suffix.lower() in _EXCEL]
    bare = [name for kind, name in pairs if kind is None]
    if len(bare) > 1:
        raise DataError(f"--sheet given twice without an input ({', '.join(map(repr, bare))}): use INPUT=SHEET")
    for kind, name in pairs:
        if kind is None:
            continue
        if kind not in given:
            raise DataError(f"--sheet {kind}={name}: no --{kind} file was given")
        if given[kind].suffix.lower() not in _EXCEL:
            raise DataError(f"--sheet {kind}={name}: {given[kind].name} is not a workbook (.xlsx, .xlsm)")
        if out[kind] is not None:
            raise DataError(f"--sheet: two sheets for {kind} ({out[kind]!r} and {name!r})")
        out[kind] = name
    if bare:
        if not workbooks:
            raise DataError(f"--sheet {bare[0]}: none of the inputs is a workbook (.xlsx, .xlsm)")
        for kind in workbooks:
            if out[kind] is None:
                out[kind] = bare[0]
    return out
