"""CSV files to tables: their encoding, separator and quoting, read as text column by column.

CSV text is decoded by its byte-order mark (UTF-8, UTF-16: Excel's "Unicode Text" is UTF-16 LE and tab-separated),
else as UTF-8, else Windows-1252 (or MacRoman, Mac Excel's "CSV (Macintosh)", by the signs of misreading each shows,
or refused when none tells: :func:`~.codepages.single_byte_encoding`; UTF-8 lines and lines of a code page, two
exports appended, each line in its own: :mod:`.mixed_encodings`); its separator is sniffed by the standard
``csv.Sniffer`` among ``, ; TAB |`` (:func:`sniff_csv`). Every column is read as text (:func:`read_csv`): ids keep
their leading zeros, and numbers and dates are parsed column by column later (:mod:`.values`, :mod:`.dates`).
"""

from __future__ import annotations

import codecs
import csv
import mmap
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .arrow_paths import arrow_source
from .codepages import single_byte_encoding
from .errors import DataError
from .headers import has_line_break, header_on_one_line
from .mixed_encodings import two_encodings
from .title_rows import refuse_title_lines

__all__ = ["CsvDialect", "read_csv", "sniff_csv"]

_SNIFF_BYTES = 1 << 16
_SEPARATORS = ",;\t|"


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
            found = codecs.lookup(encoding).name
        except LookupError:
            raise DataError(f"unknown encoding {encoding!r} (e.g. utf-8, utf-16, cp1252, latin-1)") from None
        page = {"cp1252": "cp1252", "mac-roman": "mac_roman", "cp850": "cp850", "iso8859-1": "latin_1"}.get(found)
        chosen = (page and _two_encodings(path, page)) or encoding  # a code page given: its lines, and UTF-8 ones
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
        chosen = _two_encodings(path) or single_byte_encoding(raw, path.name)
        text = raw.decode(chosen, errors="replace")
    return chosen, text


def _two_encodings(path: Path, given: str | None = None) -> str | None:
    """The codec reading each line of the file in its own encoding when its lines are of two, UTF-8 and a single-byte
    code page (``given``, or told by its lines: two exports appended, :func:`~.mixed_encodings.two_encodings`); None
    when the file is of one."""
    with open(path, "rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            return None
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return two_encodings(data, path.name, given)


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
    return CsvDialect(chosen, _splitting_names(lines[:50], found, quotechar), quotechar, skip)


def _splitting_names(lines: list[str], found: str, quotechar: str) -> str:
    """``found``, or another separator that its header names hold (a ';' file whose one name has a comma,
    'Betrag (EUR, brutto)', and whose rows have one decimal comma each: split at commas, every line has two fields)
    when that one splits every line into as many fields, more than ``found`` does.

    >>> _splitting_names(["Kunde;Datum;Betrag (EUR, brutto)", "a;05.01.2024;100,50", "b;10.01.2024;50,25"], ",", '"')
    ';'
    >>> _splitting_names(["id,note", "1,a;b", "2,c;d"], ",", '"')
    ','
    """
    lines = [line for line in lines if line.strip()]
    if not lines:
        return found
    names = next(csv.reader([lines[0]], delimiter=found, quotechar=quotechar), [])
    for other in _SEPARATORS:
        if other == found or not any(other in name for name in names):
            continue
        widths = {len(next(csv.reader([line], delimiter=other, quotechar=quotechar), [])) for line in lines}
        if len(widths) == 1 and widths.pop() > len(names):
            return other
    return found


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
        with arrow_source(path) as source:
            table = pacsv.read_csv(
                source,
                read_options=pacsv.ReadOptions(skip_rows=1 + dialect.skip_rows, column_names=names, use_threads=True),
                parse_options=pacsv.ParseOptions(
                    delimiter=dialect.sep,
                    quote_char=dialect.quotechar,
                    newlines_in_values=quoted,
                    ignore_empty_lines=True,
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


def read_csv(path: Path, sep: str | None, encoding: str | None) -> pd.DataFrame:
    dialect = sniff_csv(path, sep=sep, encoding=encoding)
    _, sample = _decode_sample(path, dialect.encoding)  # a title above the header: refused naming both (title_rows)
    lines = sample.lstrip("\ufeff").splitlines()[dialect.skip_rows : dialect.skip_rows + 21]
    refuse_title_lines(lines, dialect.sep, dialect.quotechar, dialect.skip_rows, path.name)
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
    if dialect.encoding in ("cp1252", "mac_roman", "cp850") or dialect.encoding.startswith("utf_8_lines_or_"):
        options["encoding_errors"] = "replace"
    try:
        df = pd.read_csv(path, **options)
    except UnicodeDecodeError:
        if encoding is not None:
            raise DataError(
                f"{path.name} is not {encoding} text; give its encoding with --encoding", source=path.name
            ) from None
        chosen = _two_encodings(path)  # UTF-8 lines and lines of a code page: each line in its own
        if chosen is None:
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
