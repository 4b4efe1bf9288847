"""Store computed formula results as the cached values of an .xlsx/.xlsm package.

openpyxl cannot write a formula cell's cached value, so after the formula engine has
computed a workbook, :func:`write_cached_values` copies the original package and
rewrites, at the byte level, only the ``<c>`` elements of the formula cells it is
given: the ``<f>`` element stays exactly as it is, the ``<v>``/``<is>`` children and the
``t`` attribute are replaced. Every other byte of those sheet parts, and every other zip
entry (styles, charts, ``vbaProject.bin``, ``calcChain.xml``, ...), is copied unchanged,
in the same order and with the same compression type; ``workbook.xml`` loses only
openpyxl's ``fullCalcOnLoad`` flag, so that Excel shows the stored values on open.

The XML is not re-serialized with an XML library on purpose: that rewrites namespace
prefixes, which Excel rejects when they are listed in ``mc:Ignorable``.

Array formulas' other cells and spilled results (``members``) hold only a value; they are
set in place, or inserted (cell, and row if needed) where the sheet lacks them.

Values are stored as Excel stores them: a blank result as empty text (``t="str"``), an error
as ``t="e"``. LibreOffice (7.4, ``sc/source/filter/oox``) keeps a stored formula result only
when it is a number, or non-empty text; it recomputes blanks, errors and booleans on load, and
shows ``#NAME?`` where it lacks the function. Writing those in another form (an error as text)
would feed text into Excel's own recalculation, so a workbook meant for LibreOffice must make
its blank months blank by logic LibreOffice computes: ``IF(COUNT(B2:D2)=0,"",CRR(D2,C2,B2))``.
"""

from __future__ import annotations

import math
import numbers
import os
import re
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import repeat
from operator import is_
from typing import IO

import numpy as np

from .._files import atomic_output
from ..cells import CellError
from ..errors import EXCEL_ERRORS
from .chart_caches import CHART_PART, ChartValues, updated_caches
from .chart_hidden import HiddenCells
from .chart_labels import CellFormats
from .chart_series import ChartNames, chart_name_texts
from .chart_typed import TypedCells
from .excel_functions._core import CARRIED
from .excel_numbers import kept_text, number_text
from .package_parts import part_bytes
from .shape_links import drawing_sheets, linked_texts
from .xlsx_package import _ATTRS as _ATTRS
from .xlsx_package import _CALC_ID, _FULL_CALC_ON_LOAD, CURRENT_CALC_ID, full_calc_on_load, marked
from .xlsx_package import _PREFIX as _PREFIX
from .xlsx_package import _entry_info as _entry_info
from .xlsx_package import _local as _local
from .xlsx_package import _relationships as _relationships
from .xlsx_package import _resolve as _resolve
from .xlsx_package import _sheet_parts as _sheet_parts

__all__ = ["ERROR_CODES", "NO_VALUE", "Resized", "write_cached_values"]


@dataclass(frozen=True)
class Resized:
    """The value of a dynamic array's first cell whose spilled result now covers ``ref`` (e.g. ``"D2:D5"``):
    the ``ref`` attribute of its ``<f>`` is updated with the value, so that Excel knows the new spill range."""

    value: object
    ref: str


class _NoValue:
    def __repr__(self) -> str:
        return "NO_VALUE"


#: the value of a formula cell that has no current value: its stored value is removed (no ``<v>``), so that no reader
#: takes an old result, or a placeholder, for one (a blank result is ``None``: empty text, as Excel stores it)
NO_VALUE = _NoValue()

#: Excel error codes that may be stored as a cached value (``t="e"``).
ERROR_CODES = frozenset(EXCEL_ERRORS)
# --- byte-level XML patterns (the sheet parts are UTF-8) -------------------------------------------------------------
_ATTR = re.compile(rb"\s+([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_T_ATTR = re.compile(rb"\s+t\s*=\s*(?:\"[^\"]*\"|'[^']*')")
_SHEET_DATA = re.compile(rb"<(" + _PREFIX + rb")sheetData" + _ATTRS + rb"\s*(/?)>")
# Inside <sheetData>: comments and CDATA (skipped), <row> start tags, and whole <c> elements.
_TOKEN = re.compile(
    rb"<!--.*?-->"
    rb"|<!\[CDATA\[.*?\]\]>"
    rb"|<" + _PREFIX + rb"row(?P<row>" + _ATTRS + rb")\s*/?>"
    rb"|<(?P<p>" + _PREFIX + rb")c(?P<attrs>" + _ATTRS + rb")(?P<mid>\s*)"
    rb"(?:/>|>(?P<body>[^<]*(?:<(?!/(?P=p)c\s*>)[^<]*)*)(?P<tail></(?P=p)c\s*>))",
    re.S,
)
_FORMULA = re.compile(rb"<(?P<p>" + _PREFIX + rb")f" + _ATTRS + rb"\s*(?:/>|>.*?</(?P=p)f\s*>)", re.S)
_VALUE_OR_INLINE = re.compile(
    rb"<(?P<p>" + _PREFIX + rb")(?P<n>v|is)" + _ATTRS + rb"\s*(?:/>|>.*?</(?P=p)(?P=n)\s*>)", re.S
)
_EMPTY_V = re.compile(rb"<" + _PREFIX + rb"v\s*/>")
_XML_ENCODING = re.compile(rb"^(?:\xef\xbb\xbf)?<\?xml[^>]*?\sencoding\s*=\s*[\"']([^\"']+)[\"']")

_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]+)")
_CANONICAL_REF = re.compile(r"[A-Z]{1,3}[1-9][0-9]*")
_CANONICAL_RANGE = re.compile(r"[A-Z]{1,3}[1-9][0-9]*(?::[A-Z]{1,3}[1-9][0-9]*)?")
_REF_ATTR = re.compile(rb"(\sref\s*=\s*[\"'])([^\"']*)([\"'])")
_CELL_REF = re.compile(rb"([A-Za-z]{1,3})([0-9]+)")

# Text escaping: XML specials, CR (which XML parsers would turn into LF), characters XML 1.0 cannot hold (written
# as Excel's _xHHHH_ escape) and literal _xHHHH_ sequences (whose underscore Excel escapes as _x005F_).
_TEXT_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[&<>\"\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "_": "_x005F_"}


def write_cached_values(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    values: Mapping[str, Mapping[str, object]],
    members: Mapping[str, Mapping[str, object]] | None = None,
    check: Callable[[], None] | None = None,
    complete: bool = True,
    mark: bytes | None = None,
    chart_areas: Mapping[tuple[str, str], str] | None = None,
    stale_charts: list[str] | None = None,
) -> int:
    """Copy the package `source` to `target`, storing values[sheet_title][cell_ref] (e.g. values["Customers"]["F3"])
    as the cached value of that formula cell. Returns the number of cells written.

    `complete`: every formula cell now holds its current value, so Excel may show the stored values on open
    (openpyxl's ``fullCalcOnLoad`` is dropped). When False (cells left without a current value), the workbook
    is marked ``fullCalcOnLoad="1"`` instead, so that Excel computes them when it opens the file. `mark`: a line
    added to the zip archive's comment (invisible to Excel, dropped when a program saves the file again), replacing
    any line of the source's that starts as it does.

    `members` are the other cells of array formulas and spilled results (``members["Data"]["E2"]``):
    they hold only a value, which replaces the cell's stored value, and a cell or row missing
    from the sheet is inserted in its place (the ``<dimension>`` grows to cover it). `check` is
    called just before `target` is replaced (it may raise to keep the old `target`).

    The charts' cached points of the cells written are set to their values (:mod:`.chart_caches`), a series over a
    defined name read through the workbook's names and `chart_areas` (the areas the engine computed for names defined
    by a formula: :attr:`.engine_results.Computed.chart_areas`); `stale_charts` gets the references of series whose
    points could not be brought up to date.

    Values: int/float (NaN and infinities become ``#NUM!``), bool, str (text), None (a blank result, stored as
    empty text) or a :class:`~xl_retention.cells.CellError`. Requested cells without an ``<f>`` are skipped and
    not counted. `target` is written atomically and may be `source` itself.

    Raises:
        ValueError: a sheet title in `values` is not in the workbook, or a cell reference is invalid.
        TypeError: a value of an unsupported type.
    """
    source_path = os.fspath(source)
    # the source is closed before the replace, so an in-place write works on every platform
    with atomic_output(target) as stream, zipfile.ZipFile(source_path) as package:
        requests = _requests(package, values, source_path, checked=False)  # references checked as the sheet is read
        spilled = _requests(package, members or {}, source_path)
        for part, (title, _cells) in spilled.items():
            requests.setdefault(part, (title, {}))
        names = ChartNames(chart_name_texts(package), chart_areas)
        charts = ChartValues(
            values,
            members,
            formats=CellFormats(source_path),
            hidden=HiddenCells(source_path),
            names=names,
            typed=TypedCells(source_path),
        )
        # the charts' cached points of these cells, made as read (.chart_caches); a label's number format read only
        # when one needs it (.chart_labels), a sheet's hidden rows when a chart reads it (.chart_hidden)
        written = _copy_package(package, stream, requests, spilled, complete, mark, charts)
        if stale_charts is not None:
            stale_charts += charts.stale
        if check is not None:
            check()
    return written


# --- package structure ------------------------------------------------------------------------------------------------


def _requests(
    package: zipfile.ZipFile, values: Mapping[str, Mapping[str, object]], source: str, checked: bool = True
) -> dict[str, tuple[str, Mapping[str, object] | dict[bytes, object]]]:
    """Zip entry name of each requested sheet part -> (sheet title, {canonical cell ref: value}); with
    ``checked=False`` the cells as given (:func:`_rewrite_sheet` checks their references)."""
    if not values:
        return {}
    parts = _sheet_parts(package)
    requests: dict[str, tuple[str, dict[bytes, object]]] = {}
    for title, cells in values.items():
        if title not in parts:
            raise ValueError(
                f"sheet {title!r} is not in workbook {source!r} (its sheets: {', '.join(map(repr, parts))})"
            )
        if parts[title] is None:
            raise ValueError(f"the part of sheet {title!r} is missing from workbook {source!r}")
        requests[parts[title]] = (title, _canonical_refs(title, cells) if checked else cells)
    return requests


def _copy_package(
    package: zipfile.ZipFile,
    stream: IO[bytes],
    requests: dict[str, tuple[str, dict[bytes, object]]],
    spilled: dict[str, tuple[str, dict[bytes, object]]] | None = None,
    complete: bool = True,
    mark: bytes | None = None,
    charts: Mapping[str, dict[str, object]] | None = None,
) -> int:
    written = 0
    drawings = drawing_sheets(package) if charts else {}  # {drawing part: its sheet's title}
    with zipfile.ZipFile(stream, "w") as copy:
        for info in package.infolist():
            data = part_bytes(package, info)  # (decompressed once: .package_parts)
            if info.filename in requests:
                title, cells = requests[info.filename]
                data, count = _rewrite_sheet(data, title, cells)
                written += count
                if spilled and info.filename in spilled:
                    from .xlsx_members import write_members

                    data, count = write_members(data, title, spilled[info.filename][1])
                    written += count
            elif charts and CHART_PART.fullmatch(info.filename):
                data = updated_caches(data, charts)
            elif charts and drawings and info.filename in drawings:  # a text box linked to a cell (.shape_links)
                data = linked_texts(data, drawings[info.filename], charts)
            elif info.filename == "xl/workbook.xml":
                if complete:
                    data = _FULL_CALC_ON_LOAD.sub(b"", data)
                    data = _CALC_ID.sub(lambda m: m[1] + max(m[2], CURRENT_CALC_ID, key=int) + m[3], data)
                else:
                    data = full_calc_on_load(data)
            # rewritten sheets compress fast (level 1: a few percent larger, several times quicker)
            copy.writestr(_entry_info(info), data, compresslevel=1 if info.filename in requests else None)
        copy.comment = package.comment if mark is None else marked(package.comment, mark)
    return written


# --- sheet XML ----------------------------------------------------------------------------------------------------


def _rewrite_sheet(xml: bytes, title: str, cells: dict[bytes, object] | Mapping[str, object]) -> tuple[bytes, int]:
    """The sheet part with the requested formula cells' cached values replaced, and the number of cells written.

    ``cells``: {b"F3": value} by canonical reference, or the caller's {"F3": value}, whose references are
    checked here: at no cost when each one is a formula cell of a plain sheet (it equals the sheet's own
    reference), else by :func:`_canonical_refs`, which raises for an invalid one.
    """
    if not cells:
        return xml, 0
    plain_only = not any(map(is_, cells.values(), repeat(NO_VALUE)))  # the plain paths store a value in every cell
    if not isinstance(next(iter(cells)), bytes):
        opening = _SHEET_DATA.search(xml)
        if plain_only and opening is not None and not opening.group(1) and not opening.group(2):
            _check_encoding(xml, title)
            closing = re.compile(rb"</sheetData\s*>").search(xml, opening.end())
            end = closing.start() if closing is not None else len(xml)
            from .xlsx_plain import rewrite_plain_cells

            plain = rewrite_plain_cells(xml, title, cells, opening.end(), end)  # type: ignore[arg-type]
            if plain is not None:
                return plain
        cells = _canonical_refs(title, cells)
        if not cells:
            return xml, 0
    _check_encoding(xml, title)
    opening = _SHEET_DATA.search(xml)
    if opening is None or opening.group(2):  # no <sheetData> or an empty <sheetData/>
        return xml, 0
    closing = re.compile(rb"</" + re.escape(opening.group(1)) + rb"sheetData\s*>").search(xml, opening.end())
    end = closing.start() if closing is not None else len(xml)

    if plain_only and not opening.group(1):
        from .xlsx_plain import rewrite_plain_cells

        plain = rewrite_plain_cells(xml, title, cells, opening.end(), end)  # every formula cell in the plain layout
        if plain is not None:
            return plain
    if _simple_layout(xml, opening.group(1), opening.end(), end):
        return _rewrite_formula_cells(xml, title, cells, opening.end(), end)
    chunks: list[bytes] = []
    last = 0
    written = 0
    row = 0  # current row number, for cells without an r attribute
    previous_ref: bytes | None = None  # r of the previous cell in the row
    column = 0  # column of the previous cell in the row, valid when previous_ref is None
    for match in _TOKEN.finditer(xml, opening.end(), end):
        row_attrs, prefix, attrs, mid, body, tail = match.groups()
        if row_attrs is not None:
            r = _attribute(row_attrs, b"r")
            row = int(r) if r is not None and r.isdigit() else row + 1
            previous_ref, column = None, 0
            continue
        if attrs is None:  # a comment or CDATA section
            continue
        if attrs.startswith(b' r="'):  # the usual layout, parsed without a regex
            ref = attrs[4 : attrs.index(b'"', 4)]
        else:
            ref = _attribute(attrs, b"r")
        if ref is not None:
            previous_ref = ref = ref.upper()
        else:
            if previous_ref is not None:
                column, previous_ref = _column(previous_ref), None
            column += 1
            ref = _letters(column).encode() + str(row).encode()
        if body is None or ref not in cells:
            continue
        new_cell = _rewrite_cell(match, ref, cells[ref], title)
        if new_cell is None:  # not a formula cell: skipped
            continue
        chunks += (xml[last : match.start()], new_cell)
        last = match.end()
        written += 1
    if not written:
        return xml, 0
    chunks.append(xml[last:])
    return b"".join(chunks), written


def _rewrite_cell(match: re.Match[bytes], ref: bytes, value: object, title: str) -> bytes | None:
    """A ``<c>`` element (a ``_TOKEN`` match) with its cached value replaced; None if it has no formula."""
    _, prefix, attrs, mid, body, tail = match.groups()
    formula = _FORMULA.search(body)
    if formula is None:
        return None
    element = formula.group(0)
    if isinstance(value, Resized):
        if _REF_ATTR.search(element) is None or not _CANONICAL_RANGE.fullmatch(value.ref):
            raise ValueError(f"cell {ref.decode()} of sheet {title!r}: cannot set the array range {value.ref!r}")
        element = _REF_ATTR.sub(lambda m: m[1] + value.ref.encode() + m[3], element, 1)
        value = value.value
    cell_type, text = _cached(value, title, ref) if value is not NO_VALUE else (None, None)
    if cell_type is None and text is not None:  # a number: a stored text read back as it kept (Excel's 2.1)
        text = kept_text(body, float(value), text)  # type: ignore[arg-type]
    if cell_type is not None and b"t" in attrs and _attribute(attrs, b"t") == cell_type:
        new_attrs = attrs  # the type it had: the start tag as stored (Excel's t="e" before cm="1")
    else:
        new_attrs = _T_ATTR.sub(b"", attrs) if b"t" in attrs else attrs
        if cell_type is not None:
            new_attrs += b' t="' + cell_type + b'"'
    stored = b"" if text is None else value_tag(prefix, text) + text + b"</" + prefix + b"v>"
    if text == b"" and new_attrs is attrs and (empty := _EMPTY_V.search(body)) is not None:
        stored = empty.group(0)  # an empty text stored as <v/>, of the same type: kept so
    before, after = body[: formula.start()], body[formula.end() :]
    return b"".join(
        (
            b"<",
            prefix,
            b"c",
            new_attrs,
            mid,
            b">",
            _VALUE_OR_INLINE.sub(b"", before) if b"<" in before else before,
            element,
            stored,
            _VALUE_OR_INLINE.sub(b"", after) if b"<" in after else after,
            tail,
        )
    )


def _simple_layout(xml: bytes, prefix: bytes, start: int, end: int) -> bool:
    """Whether every cell starts ``<c r="`` with no namespace prefix, comment or CDATA (as Excel and openpyxl
    write them): then formula cells can be found from their ``<f`` alone."""
    if prefix:
        return False
    data = memoryview(xml)[start:end].tobytes()
    if b"<!--" in data or b"<![CDATA[" in data:
        return False
    return data.count(b"<c ") + data.count(b"<c>") + data.count(b"<c/") == data.count(b'<c r="')


def _rewrite_formula_cells(
    xml: bytes, title: str, cells: dict[bytes, object], start: int, end: int
) -> tuple[bytes, int]:
    """The fast path of :func:`_rewrite_sheet`: visit only the cells that hold an ``<f>``."""
    chunks: list[bytes] = []
    last = written = 0
    position = xml.find(b"<f", start, end)
    while position != -1:
        follower = xml[position + 2 : position + 3]
        if follower not in (b">", b" ", b"/"):
            position = xml.find(b"<f", position + 2, end)
            continue
        cell_start = xml.rfind(b"<c ", start, position)
        match = _TOKEN.match(xml, cell_start, end)
        if match is None or match.group("attrs") is None or match.end() < position:
            raise ValueError(f"sheet {title!r}: unexpected cell markup at byte {cell_start}")
        attrs = match.group("attrs")
        ref = attrs[4 : attrs.index(b'"', 4)].upper()
        if ref in cells:
            new_cell = _rewrite_cell(match, ref, cells[ref], title)
            if new_cell is not None:
                chunks += (xml[last:cell_start], new_cell)
                last = match.end()
                written += 1
        position = xml.find(b"<f", match.end(), end)
    if not written:
        return xml, 0
    chunks.append(xml[last:])
    return b"".join(chunks), written


def _check_encoding(xml: bytes, title: str) -> None:
    if xml.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError(f"the part of sheet {title!r} is UTF-16; only UTF-8 sheet parts are supported")
    declared = _XML_ENCODING.match(xml)
    if declared is not None and declared.group(1).lower().replace(b"-", b"") != b"utf8":
        raise ValueError(f"the part of sheet {title!r} is encoded in {declared.group(1).decode()}, not UTF-8")


def _attribute(attrs: bytes, name: bytes) -> bytes | None:
    for match in _ATTR.finditer(attrs):
        if match.group(1) == name:
            value = match.group(2)
            return value if value is not None else match.group(3)
    return None


def _column(ref: bytes) -> int:
    match = _CELL_REF.match(ref)
    if match is None:
        return 0
    number = 0
    for letter in match.group(1).decode().upper():
        number = number * 26 + ord(letter) - 64
    return number


def _letters(column: int) -> str:
    letters = ""
    while column > 0:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


_CANONICAL_REFS = re.compile(r"[A-Z]{1,3}[1-9][0-9]*(?:\n[A-Z]{1,3}[1-9][0-9]*)*")


def _canonical_refs(title: str, cells: Mapping[str, object]) -> dict[bytes, object]:
    """{"$f$3": v} -> {b"F3": v}; invalid or duplicate references raise ValueError."""
    keys = list(cells)
    if keys and set(map(type, keys)) == {str}:  # the usual case, every key already "F3": checked in one pass
        joined = "\n".join(keys)
        if _CANONICAL_REFS.fullmatch(joined) is not None:
            return dict(zip(joined.encode().split(b"\n"), cells.values(), strict=True))
    canonical: dict[bytes, object] = {}
    for ref, value in cells.items():
        if isinstance(ref, str) and _CANONICAL_REF.fullmatch(ref) is not None:  # fast path: already "F3"
            key = ref.encode()
            if key in canonical:
                raise ValueError(f"cell {ref} of sheet {title!r} is given twice")
            canonical[key] = value
            continue
        match = _REF.fullmatch(ref) if isinstance(ref, str) else None
        if match is None or int(match.group(2)) == 0:
            raise ValueError(f"invalid cell reference {ref!r} for sheet {title!r}")
        key = (match.group(1).upper() + str(int(match.group(2)))).encode()
        if key in canonical:
            raise ValueError(f"cell {key.decode()} of sheet {title!r} is given twice")
        canonical[key] = value
    return canonical


# --- values -----------------------------------------------------------------------------------------------------------


def _cached(value: object, title: str, ref: bytes) -> tuple[bytes | None, bytes]:
    """The cell's ``t`` attribute (None for a number) and the ``<v>`` text of a computed value."""
    if type(value) is float:  # fast path for the common case
        # as Excel writes it: 1000, not 1000.0; zero, and a negative zero (=-A1 with A1 0), as 0 (.excel_numbers)
        return (None, number_text(value).encode()) if math.isfinite(value) else (b"e", b"#NUM!")
    if isinstance(value, CellError):
        code = str(value)
        if code not in ERROR_CODES and code not in CARRIED:  # CARRIED: the workbook's own (#FIELD!, .newer_errors)
            raise ValueError(f"cell {ref.decode()} of sheet {title!r}: {code!r} is not an Excel error code")
        return b"e", code.encode()
    if value is None:
        return b"str", b""
    if isinstance(value, bool | np.bool_):
        return b"b", b"1" if value else b"0"
    if isinstance(value, str):
        return b"str", _TEXT_ESCAPE.sub(_escape_char, value).encode("utf-8")
    if isinstance(value, numbers.Integral) and abs(int(value)) <= 2**53:
        return None, str(int(value)).encode()
    if isinstance(value, numbers.Real):
        try:
            number = float(value)
        except OverflowError:
            return b"e", b"#NUM!"
        if not math.isfinite(number):
            return b"e", b"#NUM!"
        return None, number_text(number).encode()
    raise TypeError(f"cell {ref.decode()} of sheet {title!r}: unsupported value {value!r} ({type(value).__name__})")


_EDGE_SPACES = (b" ", b"\t", b"\n")


def value_tag(prefix: bytes, text: bytes) -> bytes:
    """The start tag of the ``<v>`` holding ``text`` (escaped): ``<v xml:space="preserve">`` when the text starts or
    ends with white space, as Excel writes it (xlcalculator's CONCAT.xlsx, saved by Excel); without it a reader may
    trim the text (LibreOffice shows a stored "  lead" as "lead").

    >>> value_tag(b"", b"x"), value_tag(b"x:", b"  lead"), value_tag(b"", b"a&#13;")
    (b'<v>', b'<x:v xml:space="preserve">', b'<v xml:space="preserve">')
    """
    if text and (
        text[:1] in _EDGE_SPACES or text[-1:] in _EDGE_SPACES or text.startswith(b"&#13;") or text.endswith(b"&#13;")
    ):
        return b"<" + prefix + b'v xml:space="preserve">'
    return b"<" + prefix + b"v>"


def _escape_char(match: re.Match[str]) -> str:
    char = match.group(0)
    return _ENTITIES.get(char) or f"_x{ord(char):04X}_"
