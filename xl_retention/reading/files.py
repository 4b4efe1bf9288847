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

CSV files are read by :mod:`.csv_files`, Excel sheets by :mod:`.excel_sheets`.

Excel workbooks are read with openpyxl cell by cell, so a column keeps each cell's own type
(a real date, a number, a boolean, text); the workbook's date system (1900 or 1904) is kept
in ``df.attrs["excel_epoch"]`` (cells formatted as dates come as dates of that system; a number
in a date column is a cell not formatted as a date, refused as a CSV file's number is).
"""

from __future__ import annotations

import codecs
import os
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from .arrow_paths import arrow_source
from .csv_files import CsvDialect, read_csv, sniff_csv
from .csv_rows import refuse_later_sections, with_file_rows, without_end_of_file_mark
from .errors import DataError
from .excel_sheets import read_excel
from .footer_rows import refuse_report_footer
from .headers import one_line_headers
from .subheaders import without_subheaders

__all__ = ["INPUT_KINDS", "CsvDialect", "file_kind", "read_table", "refuse_misnamed", "sheets_for", "sniff_csv"]

_CSV = (".csv", ".tsv", ".txt")
_EXCEL = (".xlsx", ".xlsm")
_PARQUET = (".parquet", ".pq")


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


_WHAT = {
    "ods": "an OpenDocument spreadsheet (LibreOffice/OpenOffice): save it as .xlsx",
    "xls": "an old Excel 97-2003 .xls workbook (or a password-protected file): save it as .xlsx",
    "xlsb": "a binary Excel workbook (.xlsb): save it as .xlsx",
}


def _codec_name(encoding: str) -> str:
    """Python's name of the codec ``encoding`` names (``UTF-16LE``, ``utf_16_le``: ``utf-16-le``), else itself."""
    import codecs

    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


_ORDER = {"utf-16-le": "little-endian (its NUL bytes second)", "utf-16-be": "big-endian (its NUL bytes first)"}


def _utf16_hint(path: Path) -> str:
    """The ``--encoding`` a binary file's first bytes point to as UTF-16 without a byte-order mark: a text's ASCII
    characters have their NUL byte second in little-endian (``a\\0``), first in big-endian (``\\0a``); both when
    its bytes do not say.

    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> for order in ("le", "be"):
    ...     _ = open(os.path.join(folder, order), "wb").write("id,date\\na,2024-01-05\\n".encode("utf-16-" + order))
    ...     print(_utf16_hint(Path(folder) / order))
    --encoding utf-16-le
    --encoding utf-16-be
    """
    with open(path, "rb") as handle:
        head = handle.read(4096)
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 4 * even and odd >= len(head) // 8:
        return "--encoding utf-16-le"
    if even > 4 * odd and even >= len(head) // 8:
        return "--encoding utf-16-be"
    return "--encoding utf-16-le (or utf-16-be)"


def refuse_misnamed(path: Path, suffix: str) -> None:
    """Refuse a file named as a spreadsheet that the import does not read (``.xls``, ``.ods``, ...) whose content is
    something else, naming what it is: a web page's table or a CSV file (many web shops and banks download their
    "Excel" exports so), or an .xlsx workbook; nothing for any other content.

    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> _ = open(os.path.join(folder, "o.xls"), "w").write("<html><table><tr><td>id</td></tr></table></html>")
    >>> refuse_misnamed(Path(folder) / "o.xls", ".xls")
    Traceback (most recent call last):
    ...
    xl_retention.reading.errors.DataError: o.xls is a web page (HTML) holding a table, not an Excel workbook, \
whatever its name (.xls) says: open it in Excel and save it as .xlsx, or export the data as CSV
    """
    source = path.name
    if not path.is_file() or path.stat().st_size == 0:
        return
    kind = file_kind(path)
    if kind == "xlsx":
        raise DataError(f"{source} is an Excel workbook (.xlsx), not what its name ({suffix}) says: rename it .xlsx",
                        source=source)  # fmt: skip
    if kind != "text":
        return
    with open(path, "rb") as handle:
        head = handle.read(4096).decode("utf-8", "replace").lstrip("\ufeff \t\r\n").lower()
    if "urn:schemas-microsoft-com:office:spreadsheet" in head:  # Excel's own XML format of 2003
        raise DataError(f"{source} is an XML Spreadsheet 2003 of Excel, not an .xlsx workbook: open it in Excel and "
                        "save it as .xlsx", source=source)  # fmt: skip
    if head.startswith(("<!doctype", "<html", "<table", "<?xml", "<meta", "<head", "<body", "<style")):
        raise DataError(
            f"{source} is a web page (HTML) holding a table, not an Excel workbook, whatever its name ({suffix}) says: "
            "open it in Excel and save it as .xlsx, or export the data as CSV",
            source=source,
        )
    raise DataError(f"{source} is a text (CSV) file, not what its name ({suffix}) says: rename it .csv",
                    source=source)  # fmt: skip


#: The old private name, kept until workbook.importer imports :func:`refuse_misnamed`.
_refuse_misnamed = refuse_misnamed


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
            refuse_misnamed(path, suffix)  # a web page or CSV file named .xls (a shop's or a bank's "Excel" export)
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
                f"; if it is UTF-16 text without a byte-order mark, give {_utf16_hint(path)}" if suffix in _CSV else ""
            )
            raise DataError(f"{source} is not a text, Parquet or Excel file (binary content){hint}", source=source)
        said = _utf16_hint(path).split()[1]  # UTF-16 in the other byte order: read as one line of CJK characters
        given = _codec_name(encoding)
        if given in ("utf-16-le", "utf-16-be") and said in ("utf-16-le", "utf-16-be") and said != given:
            raise DataError(f"{source} is UTF-16 {_ORDER[said]}, not {encoding}: give --encoding {said}",
                            source=source)  # fmt: skip
        kind = "text"  # e.g. UTF-16 without a byte-order mark, its encoding given
    if kind in _WHAT:
        raise DataError(f"{source} is {_WHAT[kind]}", source=source)
    expected = "xlsx" if suffix in _EXCEL else "parquet" if suffix in _PARQUET else "text"
    if kind != expected:
        names = {"xlsx": "an Excel workbook", "parquet": "a Parquet file", "text": "a text (CSV) file"}
        raise DataError(f"{source} is {names[kind]}, not what its name ({suffix}) says: rename it", source=source)
    try:
        if kind == "text":
            df = without_end_of_file_mark(path, with_file_rows(path, read_csv(path, sep, encoding)))  # Ctrl-Z
            refuse_later_sections(df, source)  # Google Analytics' next card: another table below the first
        elif kind == "parquet":
            try:
                with arrow_source(path) as parquet:  # a name that is not UTF-8: opened by Python
                    df = pd.read_parquet(parquet)
            except ImportError as error:
                raise ImportError(
                    f"reading {source} needs a Parquet engine: pip install pyarrow (or save the data as CSV)"
                ) from error
        else:
            df = read_excel(path, sheet)
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
        refuse_report_footer(df, source)  # Salesforce's report: its name, copyright, 'Generated By' (footer_rows)
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
