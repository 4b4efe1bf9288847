"""Edit a workbook package in place: a few cells, rows and ranges, every other byte kept.

openpyxl rebuilds a whole workbook on save and drops what it does not model (charts it did
not draw, images, slicers, some comments' layout, ...). The importer writes only input cells,
so it edits the package at the byte level instead, as the cached-value writer does
(:mod:`xl_retention.recalculation.xlsx_values`): :class:`Package` holds the zip entries,
:class:`SheetXml` the ``<sheetData>`` of one sheet as rows of cell elements. Rows the edit
does not touch keep their bytes; touched rows are re-serialized cell by cell, each untouched
cell element kept as it was. Every other zip entry (other sheets, styles, comments, drawings,
charts, ``vbaProject.bin``, ...) is copied unchanged, in the same order and with the same
compression, and the result replaces the file atomically (:func:`~xl_retention._files.atomic_output`).

Ranges follow grown tables with :func:`extend_refs`: a reference to a sheet whose last row
(or column) was the table's last is stretched to the new last, as Excel stretches a range
when rows are inserted inside it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import math
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import column_index_from_string, get_column_letter

from .._files import atomic_output, check_not_open
from ..recalculation.chart_hidden import hides_unlisted_rows
from ..recalculation.excel_numbers import number_text
from ..recalculation.signatures import unsign, unsigned_line
from ..recalculation.xlsx_values import _entry_info, _sheet_parts
from .formula_text import (  # noqa: F401 (re-exported: the workbook modules read them as inplace's)
    _AREA,
    _ATTRS,
    _PREFIX,
    _TEXT,
    _unquote,
    areas_outside_text,
    escape,
    extend_in_xml,
    extend_refs,
    extend_sqrefs,
    formula_key,
    other_workbook,
    unescape,
)

_SHEET_DATA = re.compile(rb"<(" + _PREFIX + rb")sheetData(" + _ATTRS + rb")\s*(/?)>")
_ROW = re.compile(rb"<(?P<p>" + _PREFIX + rb")row(?P<attrs>" + _ATTRS + rb")\s*(?:/>|>(?P<body>.*?)</(?P=p)row\s*>)",
                  re.S)  # fmt: skip
_ROW_OPEN = re.compile(rb"<(?P<p>" + _PREFIX + rb")row(?P<attrs>" + _ATTRS + rb")\s*(?P<closed>/?)>")
_TAG_END = re.compile(rb"\s*>")
_BLANK = re.compile(rb"\s*")


def _row_spans(xml: bytes, start: int, end: int) -> Iterator[tuple[int | None, int, bytes]]:
    """(start, end, attributes) of each ``<row>`` element in ``xml[start:end]`` in turn, as :data:`_ROW` matches
    them, found by ``bytes.find`` (a lazy regex body was most of a large sheet's parse: H195's request 2); then
    ``(None, end, b"")`` where something else than a row or blanks follows the last one.

    >>> list(_row_spans(b'<row r="1"><c/></row> <row r="2"/>x', 0, 35))
    [(0, 21, b' r="1"'), (22, 34, b' r="2"'), (None, 34, b'')]
    """
    position = start
    while True:
        at = _BLANK.match(xml, position, end).end()
        if at >= end:
            return
        opening = _ROW_OPEN.match(xml, at, end)
        if opening is None:
            yield None, position, b""
            return
        if opening.group("closed"):
            yield at, opening.end(), opening.group("attrs")
            position = opening.end()
            continue
        closing, search = b"</" + opening.group("p") + b"row", opening.end()
        while True:
            found = xml.find(closing, search, end)
            tail = _TAG_END.match(xml, found + len(closing), end) if found >= 0 else None
            if found < 0 or tail is not None:
                break
            search = found + 1
        if tail is None:  # not closed inside sheetData
            yield None, position, b""
            return
        yield at, tail.end(), opening.group("attrs")
        position = tail.end()


_CELL = re.compile(rb"<(?P<p>" + _PREFIX + rb")c(?P<attrs>" + _ATTRS + rb")\s*(?:/>|>(?P<body>.*?)</(?P=p)c\s*>)",
                   re.S)  # fmt: skip
_ATTR = re.compile(rb"\s+([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_REF = re.compile(r"^([A-Z]{1,3})([1-9][0-9]*)$")
# the master cell of a shared formula (t="shared" with a ref) or an array formula over several cells
_SPREAD_FORMULA = re.compile(rb"<(?:[\w.\-]+:)?f\b(?=[^>]*\bref=\"[A-Z]+[0-9]+:)[^>]*>")
#: a cell's attributes starting with its reference as Excel writes it (upper case, no blanks): the column's letters
_PLAIN_REF = re.compile(rb' r="([A-Z]{1,3})[1-9][0-9]*"')
_COLUMNS: dict[bytes, int] = {}  # letters -> column number, as column_index_from_string gives it


def _column_number(letters: bytes) -> int:
    """``b"AB"`` -> 28, kept in :data:`_COLUMNS` (at most 18,278 entries: every one to three letters)."""
    number = _COLUMNS[letters] = column_index_from_string(letters.decode())
    return number


_CONTENT = re.compile(rb"<(?:" + _PREFIX + rb")(?:v|f|is)\b")

#: a reference with an optional sheet: Sheet!$A$1:$B$2, 'Sheet two'!A1, A1:B2 (group 1: the sheet, quoted or not)


class LayoutError(ValueError):
    """The workbook's layout is not what an edit expects (a cell is in the way, markup unknown)."""


def attribute(attrs: bytes, name: bytes) -> bytes | None:
    """The value of attribute ``name`` in an element's attribute bytes, or None."""
    for match in _ATTR.finditer(attrs):
        if match.group(1) == name:
            return match.group(2) if match.group(2) is not None else match.group(3)
    return None


def _without(attrs: bytes, *names: bytes) -> bytes:
    return _ATTR.sub(lambda m: b"" if m.group(1) in names else m.group(0), attrs)


def split_ref(ref: str) -> tuple[int, int]:
    """``"C12"`` -> (12, 3): row and column numbers."""
    match = _REF.match(ref)
    if match is None:
        raise ValueError(f"invalid cell reference {ref!r}")
    return int(match.group(2)), column_index_from_string(match.group(1))


def has_content(element: bytes) -> bool:
    """Whether a ``<c>`` element holds a value, formula or inline text (not only a style)."""
    return _CONTENT.search(element) is not None


def excel_serial(day: dt.date, date1904: bool = False) -> int:
    """The serial number Excel stores for ``day`` (1900 or 1904 date system)."""
    epoch = dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)
    return (day - epoch).days


_UNSURE = object()
_OPEN = b'<c r="'
_ODD_REF = re.compile(rb'<c r="(?![A-Za-z]{1,3}[1-9][0-9]*")')  # a reference the split would refuse (ValueError)
_PREFIXED = re.compile(rb"<[A-Za-z_][\w.\-]*:c[\s/>]")


def _lone_cell(raw: bytes, letter: bytes) -> bytes | None | object:
    """The ``<c>`` element of column ``letter`` (one letter) in a row's XML ``raw``, as :meth:`SheetXml._cells` gives
    it, found without splitting the row into its cells; :data:`_UNSURE` where that is not sure (the row is split
    then). Sure where every ``<c`` of the row opens a cell with its reference first (``<c r="``, as Excel writes it:
    no cell without one, whose column would follow the one before; none with a namespace prefix), every reference
    is one the split reads, at most one starts with the letter (either case: no second cell of the column, no
    ``AB3`` taken for ``A``) and that one is the row's first cell (no cell before it left open to take it in). A
    tracker's Month cell (column A) is read so in each month row (inserted_rows reads it in every monthly sheet)."""
    upper, lower = _OPEN + letter, _OPEN + letter.lower()
    first = raw.find(b"<c")
    if first >= 0 and not raw.startswith(upper, first):  # not the row's first cell (a later column): split
        return _UNSURE
    if raw.count(b"<c") != raw.count(_OPEN) or _ODD_REF.search(raw) is not None or _PREFIXED.search(raw):
        return _UNSURE
    seen = raw.count(upper) + raw.count(lower)
    if seen > 1 or (seen == 1 and lower in raw):
        return _UNSURE
    row = _ROW.fullmatch(raw)
    if row is None or row.group("body") is None:  # the split finds no cell
        return None if seen == 0 else _UNSURE
    if seen == 0:
        return None
    body = row.group("body")
    at = body.find(upper)
    if at < 0 or body.find(_OPEN) != at:
        return _UNSURE
    cell = _CELL.match(body, at)
    plain = _PLAIN_REF.match(cell.group("attrs")) if cell is not None else None
    return cell.group(0) if cell is not None and plain is not None and plain.group(1) == letter else _UNSURE


@dataclass
class _Row:
    attrs: bytes
    raw: bytes  # the original element, written back unchanged unless the row is edited
    cells: dict[int, bytes] | None = None  # column -> <c> element, parsed on first edit
    edited: bool = False


@dataclass
class SheetXml:
    """The cells of one sheet part, editable by reference; :meth:`to_bytes` writes the part back."""

    title: str
    head: bytes
    tail: bytes
    prefix: bytes
    rows: dict[int, _Row] = field(default_factory=dict)

    @classmethod
    def parse(cls, xml: bytes, title: str) -> SheetXml:
        """Split a sheet part into its rows; raises :class:`LayoutError` on markup it does not know."""
        if xml.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise LayoutError(f"sheet {title!r} is stored as UTF-16; only UTF-8 sheets can be edited")
        opening = _SHEET_DATA.search(xml)
        if opening is None:
            raise LayoutError(f"sheet {title!r} has no <sheetData>")
        prefix = opening.group(1)
        if opening.group(3):  # <sheetData/>: no rows
            head = xml[: opening.start()] + b"<" + prefix + b"sheetData" + opening.group(2) + b">"
            return cls(title, head, b"</" + prefix + b"sheetData>" + xml[opening.end() :], prefix)
        closing = re.compile(rb"</" + re.escape(prefix) + rb"sheetData\s*>").search(xml, opening.end())
        if closing is None:
            raise LayoutError(f"sheet {title!r}: <sheetData> is not closed")
        sheet = cls(title, xml[: opening.end()], xml[closing.start() :], prefix)
        position, number = opening.end(), 0
        for start, end, attrs in _row_spans(xml, opening.end(), closing.start()):
            if start is None:  # markup that is no row (or a row not closed) between the rows
                raise LayoutError(f"sheet {title!r}: unexpected markup in <sheetData> at byte {position}")
            r = attribute(attrs, b"r")
            number = int(r) if r is not None else number + 1
            sheet.rows[number] = _Row(attrs, xml[start:end])
            position = end
        return sheet

    # -- reading ------------------------------------------------------------------------------
    def _cells(self, number: int) -> dict[int, bytes]:
        row = self.rows[number]
        if row.cells is None:
            row.cells, column = {}, 0
            match = _ROW.fullmatch(row.raw)
            body = match.group("body") if match is not None else None
            for cell in _CELL.finditer(body or b""):
                attrs, element = cell.group("attrs", 0)
                plain = _PLAIN_REF.match(attrs)  # r="C12" first, as Excel writes it: attribute() finds that one
                if plain is not None:
                    column = _COLUMNS.get(plain.group(1)) or _column_number(plain.group(1))
                    row.cells[column] = element
                    continue
                r = attribute(attrs, b"r")
                if r is None:  # a cell without a reference: the next column; write it with one
                    column += 1
                    ref = f"{get_column_letter(column)}{number}".encode()
                    element = element.replace(b"c", b'c r="' + ref + b'"', 1)
                else:
                    column = split_ref(r.decode().upper())[1]
                row.cells[column] = element
        return row.cells

    def cell(self, ref: str) -> bytes | None:
        """The ``<c>`` element at ``ref``, or None."""
        number, column = split_ref(ref)
        if number not in self.rows:
            return None
        row = self.rows[number]
        if row.cells is None and column <= 26:  # one cell of a row not split yet (a tracker's Month column)
            found = _lone_cell(row.raw, chr(64 + column).encode())
            if found is not _UNSURE:
                return found  # type: ignore[return-value]
        return self._cells(number).get(column)

    def style(self, ref: str) -> bytes | None:
        """The style index (``s``) of the cell at ``ref``, or None."""
        element = self.cell(ref)
        if element is None:
            return None
        match = _CELL.match(element)
        return attribute(match.group("attrs"), b"s") if match else None

    def cells_in_rows(self, first: int, last: int) -> Iterator[tuple[str, bytes]]:
        """(reference, element) of every cell in rows ``first`` to ``last``."""
        for number in sorted(n for n in self.rows if first <= n <= last):
            for column, element in sorted(self._cells(number).items()):
                yield f"{get_column_letter(column)}{number}", element

    def cells_where(self, holds: Callable[[bytes], object]) -> Iterator[tuple[str, bytes]]:
        """(reference, element) of every cell in a row whose XML ``holds`` (``b"see " in raw``, a formula), and in
        every row edited in this run (its XML is not written yet); the caller may :meth:`put` the cell it is given."""
        for number in sorted(self.rows):
            if self.rows[number].edited or holds(self.rows[number].raw):
                yield from list(self.cells_in_rows(number, number))

    def row_attrs(self, number: int) -> bytes:
        """A row's attributes (height, style, ...) to copy to a new row: without its number, spans and ``hidden`` (a
        month the import adds is shown even where the user hid the last month's row, as Excel shows a row typed
        below a hidden one)."""
        return _without(self.rows[number].attrs, b"r", b"spans", b"hidden") if number in self.rows else b""

    # -- writing ------------------------------------------------------------------------------
    def put(self, ref: str, element: bytes | None, row_attrs: bytes = b"") -> None:
        """Set (or with None, remove) the cell at ``ref``; a new row takes ``row_attrs``, and ``hidden="1"`` on a
        sheet that hides the rows it does not list (``<sheetFormatPr zeroHeight="1">``, Excel's "hide every row
        below": the user hid that row; written without it, it would show), as recalc writes such a row.

        >>> xml = SheetXml.parse(b'<worksheet><sheetFormatPr zeroHeight="1"/><sheetData/></worksheet>', "Customers")
        >>> xml.put("A5", xml.element("A5", None, 4), row_attrs=b' ht="15"')
        >>> xml.to_bytes().split(b"<sheetData>")[1]
        b'<row r="5" ht="15" hidden="1"><c r="A5"><v>4</v></c></row></sheetData></worksheet>'
        """
        number, column = split_ref(ref)
        if number not in self.rows:
            if element is None:
                return
            if hides_unlisted_rows(self.head):
                row_attrs = _without(row_attrs, b"hidden") + b' hidden="1"'
            self.rows[number] = _Row(row_attrs, b"", cells={})
        cells = self._cells(number)
        if element is None:
            cells.pop(column, None)
        else:
            cells[column] = element
        self.rows[number].edited = True

    def element(self, ref: str, style: bytes | None, value: float | int | None = None, formula: str | None = None,
                type_: bytes | None = None, text: bytes | None = None) -> bytes:  # fmt: skip
        """A ``<c>`` element: a number, a formula (without its ``=``), a value of type ``type_``, or only a style."""
        p = self.prefix
        attrs = b' r="' + ref.encode() + b'"' + (b' s="' + style + b'"' if style is not None else b"")
        if type_ is not None:
            attrs += b' t="' + type_ + b'"'
        if formula is not None:
            body = b"<" + p + b"f>" + escape(formula).encode() + b"</" + p + b"f>"
        elif value is not None:
            body = b"<" + p + b"v>" + _number_text(value, f"{self.title}!{ref}") + b"</" + p + b"v>"
        elif text is not None:
            body = b"<" + p + b"v>" + text + b"</" + p + b"v>"
        else:
            return b"<" + p + b"c" + attrs + b"/>"
        return b"<" + p + b"c" + attrs + b">" + body + b"</" + p + b"c>"

    def text_element(self, ref: str, style: bytes | None, text: str) -> bytes:
        """A ``<c>`` element holding ``text`` inline (``t="inlineStr"``: no shared string to add), styled ``style``.

        >>> SheetXml.parse(b"<worksheet><sheetData/></worksheet>", "Dashboard").text_element("A1", b"3", "a & b")
        b'<c r="A1" s="3" t="inlineStr"><is><t>a &amp; b</t></is></c>'
        """
        p = self.prefix
        attrs = b' r="' + ref.encode() + b'"' + (b' s="' + style + b'"' if style is not None else b"")
        attrs += b' t="inlineStr"'
        body = b"<" + p + b"is><" + p + b"t>" + escape(text).encode() + b"</" + p + b"t></" + p + b"is>"
        return b"<" + p + b"c" + attrs + b">" + body + b"</" + p + b"c>"

    def set_value(self, ref: str, value: float | int | None) -> None:
        """Write a number (None: clear the value) into ``ref``, keeping the cell's style.

        Raises :class:`LayoutError` when ``ref`` holds the formula other cells share (Excel's shared or
        array formulas): replacing it would break those cells.
        """
        old = self.cell(ref)
        if old is not None and _SPREAD_FORMULA.search(old):
            raise LayoutError(
                f"{self.title}!{ref} holds a formula that other cells share (filled or array formula): import "
                "would break them; clear or retype those cells first"
            )
        self.put(ref, self.element(ref, self.style(ref), value))

    def to_bytes(self) -> bytes:
        p = self.prefix
        chunks = [self.head]
        for number in sorted(self.rows):
            row = self.rows[number]
            if not row.edited:
                chunks.append(row.raw)
                continue
            attrs = b' r="' + str(number).encode() + b'"' + _without(row.attrs, b"r", b"spans")
            cells = b"".join(element for _, element in sorted((row.cells or {}).items()))
            chunks.append(b"<" + p + b"row" + attrs + (b">" + cells + b"</" + p + b"row>" if cells else b"/>"))
        chunks.append(self.tail)
        return b"".join(chunks)


def _number_text(value: float | int, cell: str = "a cell") -> bytes:
    """A number's ``<v>`` text as recalc writes it and Excel stores it (one writer:
    :func:`..recalculation.excel_numbers.number_text`): ``1000`` (openpyxl reads an int), ``19.989999999999998``,
    ``1.2500000000000001E-2``; each reads back as the same double. A number no cell can hold (NaN, an infinity, an
    integer beyond the doubles) is refused, naming ``cell``.

    >>> _number_text(1000), _number_text(1000.0), _number_text(19.99), _number_text(1 / 80), _number_text(-0.0)
    (b'1000', b'1000', b'19.989999999999998', b'1.2500000000000001E-2', b'0')
    >>> _number_text(float("nan"), "Revenue!C4")
    Traceback (most recent call last):
    ...
    ValueError: Revenue!C4: nan is not a number a cell can hold (Excel's numbers are finite); nothing was written
    """
    if isinstance(value, bool):
        raise TypeError(f"{cell}: a cell number, got {value!r}")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise ValueError(
            f"{cell}: {value!r} is not a number a cell can hold (Excel's numbers are finite); nothing was written"
        )
    return number_text(number).encode()


class Package:
    """The zip entries of an .xlsx/.xlsm, with edited parts replaced on :meth:`save`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        raw = self.path.read_bytes()
        self.stamp = _stamp(self.path, raw)  # what tells, at save, that another program saved the file meanwhile
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            self.infos = package.infolist()
            self.data = {info.filename: package.read(info) for info in self.infos}
            self.comment = package.comment
            self.parts = _sheet_parts(package)
        self.original = dict(self.data)  # the parts as read: what tells an edit that changed nothing (stale.py)
        self.sheets: dict[str, SheetXml] = {}
        self.removed: set[str] = set()
        self.unsigned = False  # its digital signature removed at :meth:`save` (a part it signs changed)

    def sheet(self, title: str) -> SheetXml:
        """The editable cells of sheet ``title`` (parsed once)."""
        if title not in self.sheets:
            part = self.parts.get(title)
            if part is None:
                raise LayoutError(f"{self.path.name} has no sheet {title!r}")
            self.sheets[title] = SheetXml.parse(self.data[part], title)
        return self.sheets[title]

    def sheets_holding(self, holds: Callable[[bytes], object], skip: str | None = None) -> Iterator[SheetXml]:
        """Each worksheet but ``skip`` whose part ``holds`` (the text sought) or that was parsed already in this run
        (its edits may hold it), parsed; one of markup :class:`SheetXml` does not know is passed over. With
        :meth:`SheetXml.cells_where`, the walk over the formulas that follow a renamed or grown sheet."""
        for title, part in list(self.parts.items()):
            if part is None or part not in self.data or title == skip:
                continue
            if title not in self.sheets and not holds(self.data[part]):
                continue
            try:
                yield self.sheet(title)
            except LayoutError:
                continue

    def edit(self, name: str, change: Callable[[bytes], bytes]) -> None:
        """Replace entry ``name`` with ``change(its bytes)``."""
        self.data[name] = change(self.data[name])

    def names(self, pattern: str) -> list[str]:
        """Entry names matching a regular expression."""
        return [info.filename for info in self.infos if re.fullmatch(pattern, info.filename)]

    def sheet_part(self, title: str) -> str:
        part = self.parts.get(title)
        if part is None:
            raise LayoutError(f"{self.path.name} has no sheet {title!r}")
        return part

    def drop_calc_chain(self) -> None:
        """Remove ``calcChain.xml`` (Excel rebuilds it; a stale one makes Excel repair the file)."""
        chains = [name for name in self.data if name.lower().endswith("calcchain.xml")]
        if not chains:
            return
        self.removed.update(chains)
        for name in self.data:
            if name.endswith(".rels"):
                self.data[name] = re.sub(rb"<Relationship\b[^>]*calcChain[^>]*/>", b"", self.data[name])
        if "[Content_Types].xml" in self.data:
            self.data["[Content_Types].xml"] = re.sub(
                rb"<Override\b[^>]*calcChain[^>]*/>", b"", self.data["[Content_Types].xml"]
            )

    def flush(self) -> None:
        """Serialize the sheets edited through :meth:`sheet` into :attr:`data` (a later :meth:`sheet` parses anew)."""
        for title, sheet in self.sheets.items():
            self.data[self.sheet_part(title)] = sheet.to_bytes()
        self.sheets.clear()

    def save(self, not_open: bool = False) -> None:
        """Write the package back over its file, atomically.

        The file is replaced only if it is still the one read (its time, size and content): one another program
        saved meanwhile raises ``ValueError`` naming it, unchanged. ``not_open``: also refuse (``PermissionError``)
        when a spreadsheet program opened it meanwhile (its lock file beside it: its next save would undo this one).
        A digital signature over a part that changed is removed (as Excel removes it when it saves a changed
        workbook) and :attr:`unsigned` set: the caller's report says so (:meth:`signature_lines`).
        """
        self.flush()
        parts = {name: data for name, data in self.data.items() if name not in self.removed}
        dropped = unsign(self.original, parts)  # a signature over changed parts: invalid in Excel, so removed
        if dropped:
            self.data.update(parts)
            self.removed |= dropped
            self.unsigned = True
        with atomic_output(self.path) as stream:
            with zipfile.ZipFile(stream, "w") as copy:
                for info in self.infos:
                    if info.filename not in self.removed:
                        copy.writestr(_entry_info(info), self.data[info.filename])
                copy.comment = self.comment
            if _stamp(self.path, self.path.read_bytes()) != self.stamp:
                raise ValueError(
                    f"{self.path.name} changed on disk while it was being written (saved by another program?): not "
                    "replaced; run the command again"
                )
            if not_open:
                check_not_open(self.path)

    def signature_lines(self, what: str) -> list[str]:
        """The report's line on a digital signature :meth:`save` removed (``what``: the change, "the new months"),
        or none."""
        return [unsigned_line(self.path.name, what)] if self.unsigned else []


def _stamp(path: Path, raw: bytes) -> tuple[int, int, str]:
    """(modification time in ns, size, SHA-256 of ``raw``, the file's bytes)."""
    info = path.stat()
    return info.st_mtime_ns, info.st_size, hashlib.sha256(raw).hexdigest()


def full_calc_on_load(workbook_xml: bytes) -> bytes:
    """``workbook.xml`` asking Excel to recalculate on open (the cached results are stale once inputs change)."""
    match = re.search(rb"<(" + _PREFIX + rb")calcPr(" + _ATTRS + rb")\s*(/?)>", workbook_xml)
    if match is not None:
        if attribute(match.group(2), b"fullCalcOnLoad") is not None:
            attrs = _without(match.group(2), b"fullCalcOnLoad") + b' fullCalcOnLoad="1"'
        else:
            attrs = match.group(2) + b' fullCalcOnLoad="1"'
        return workbook_xml[: match.start(2)] + attrs + workbook_xml[match.end(2) :]
    prefix = re.search(rb"<(" + _PREFIX + rb")workbook\b", workbook_xml)
    p = prefix.group(1) if prefix else b""
    for anchor in (b"</" + p + b"definedNames>", b"</" + p + b"sheets>"):
        at = workbook_xml.find(anchor)
        if at != -1:
            at += len(anchor)
            return workbook_xml[:at] + b"<" + p + b'calcPr fullCalcOnLoad="1"/>' + workbook_xml[at:]
    return workbook_xml


__all__ = [
    "LayoutError",
    "Package",
    "SheetXml",
    "attribute",
    "excel_serial",
    "extend_in_xml",
    "extend_refs",
    "extend_sqrefs",
    "full_calc_on_load",
    "has_content",
    "other_workbook",
    "split_ref",
]
