"""What the formula engine does not read from an .xlsx/.xlsm package: read here, from the package's XML.

:func:`scan` returns, for the embedded engine's adapter (:mod:`.embedded`):

- each formula cell's kind (plain, array with the range it covers, Excel 365 dynamic array,
  What-If data table) and the value stored in the file (Excel's last answer);
- the Excel tables (``Sales`` over ``A1:B3`` with its column names), for structured references;
- the workbook's date system (1900 or 1904) and iterative-calculation settings (``calcPr``).

Sheet parts are read at the byte level (only the ``<c>`` elements that hold an ``<f>``), as
:mod:`.xlsx_values` writes them; small parts (workbook, tables, shared strings) with ElementTree.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from itertools import repeat
from xml.etree import ElementTree

from openpyxl.utils.cell import column_index_from_string, range_boundaries

from ..cells import CellError
from .defined_names import _REFERENCE, qualify
from .excel_functions.number_texts import shared_candidates, text_cells
from .xlsx_values import (
    _TOKEN,
    _attribute,
    _column,
    _letters,
    _local,
    _relationships,
    _resolve,
    _sheet_parts,
    _simple_layout,
)

__all__ = ["FormulaCell", "PackageInfo", "Table", "scan", "stored_values", "without_members"]

_F_ELEMENT = re.compile(
    rb"<(?:[A-Za-z_][\w.\-]*:)?f(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?:/>|>)"
)
_V_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?v(?:\s[^>]*)?>(?P<text>[^<]*)</(?:[A-Za-z_][\w.\-]*:)?v\s*>")
_INLINE_TEXT = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?t(?:\s[^>]*)?>(?P<text>[^<]*)</")
_NAMED_RANGE = re.compile(r"(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+")
_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


@dataclass
class FormulaCell:
    """A cell of the package that holds an ``<f>`` element."""

    kind: str  # "normal", "shared", "array", "dataTable"
    ref: str | None = None  # the range an array formula or data table covers, e.g. "B1:B3"
    dynamic: bool = False  # an Excel 365 dynamic array (cm attribute), not a Ctrl+Shift+Enter array
    empty: bool = False  # an empty <f/> (an array's member marked ca="1"), not a formula of its own
    cached: object = None  # the value stored in the file
    attrs: dict[str, str] = field(default_factory=dict)  # the <f> element's attributes
    text: str | None = None  # the formula as stored, without "=" (None: a shared formula's other cells, <f/>)


@dataclass
class Table:
    """An Excel table: ``name`` over ``ref`` (header row included when ``header_rows``)."""

    name: str
    sheet: str
    ref: str
    columns: list[str]
    header_rows: int = 1
    totals_rows: int = 0

    @property
    def bounds(self) -> tuple[int, int, int, int]:
        """(first column, first row, last column, last row), 1-based."""
        return range_boundaries(self.ref)


@dataclass
class PackageInfo:
    """What :func:`scan` found: ``formulas[sheet]["B2"]``, ``tables``, the date system and ``calcPr``."""

    formulas: dict[str, dict[str, FormulaCell]]
    tables: list[Table]
    date1904: bool = False
    iterate: bool = False
    iterate_count: int = 100
    iterate_delta: float = 0.001
    #: defined names that are one range: {"" (workbook) or sheet title: {name in lower case: "Sheet1!$A$1:$B$2"}}
    names: dict[str, dict[str, str]] = field(default_factory=dict)
    #: every defined name that is one reference (a cell too): ("" or its sheet's title, name in lower case, "S!$A$1")
    reference_names: list[tuple[str, str, str]] = field(default_factory=list)
    #: linked workbooks' names as formulas write them ("[1]!rate") -> the value the file holds for them ("0.25")
    external_names: dict[str, str] = field(default_factory=dict)
    #: value cells stored as ISO 8601 dates (t="d"), as the serial numbers Excel reads: {sheet: {(row, col): serial}}
    iso_dates: dict[str, dict[tuple[int, int], float]] = field(default_factory=dict)
    #: value cells holding an error the engine's reader refuses (#CALC!, #SPILL!, ...): {sheet: {(row, col): code}};
    #: the sheets with any such error, cached in a formula cell too, are in ``newer_errors_in``
    newer_errors: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)
    newer_errors_in: set[str] = field(default_factory=set)
    #: sheets whose formulas call Office.js custom functions as Excel saves them (``_xldudf_CRR(...)``)
    officejs_sheets: set[str] = field(default_factory=set)
    #: the workbook links other workbooks (``<externalReferences>``)
    linked: bool = False
    #: text cells holding a number the engine misreads in arithmetic ("1,234", "$1,200", "(50)"): {sheet: {(row, col)}}
    number_texts: dict[str, set[tuple[int, int]]] = field(default_factory=dict)


def _unescape(text: bytes) -> str:
    value = text.decode("utf-8")
    if "&" not in value:
        return value

    def entity(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("#x"):
            return chr(int(name[2:], 16))
        if name.startswith("#"):
            return chr(int(name[1:]))
        return _ENTITIES[name]

    return _ENTITY.sub(entity, value)


def _unescape_text(value: str) -> str:
    """:func:`_unescape` of text already decoded."""
    if "&#" not in value:
        return (
            value.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", '"')
            .replace("&apos;", "'")
            .replace("&amp;", "&")
        )
    return _unescape(value.encode())


def _attributes(attrs: bytes) -> dict[str, str]:
    out = {}
    for match in re.finditer(rb"\s+([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", attrs):
        value = match.group(2) if match.group(2) is not None else match.group(3)
        out[match.group(1).decode().rpartition(":")[2]] = _unescape(value)
    return out


def _cached(cell_type: bytes | None, body: bytes, shared: list[str] | None) -> object:
    value = _V_ELEMENT.search(body)
    if cell_type == b"inlineStr":
        texts = _INLINE_TEXT.findall(body)
        return "".join(_unescape(t) for t in texts) if texts else None
    if value is None:
        return None
    text = _unescape(value.group("text"))
    if cell_type == b"e":
        return CellError(text)
    if cell_type == b"str":
        return text
    if cell_type == b"b":
        return text.strip() in ("1", "true")
    if cell_type == b"s":
        index = int(text) if text.strip().isdigit() else -1
        return shared[index] if shared is not None and 0 <= index < len(shared) else None
    try:
        return float(text) if text.strip() else None
    except ValueError:
        return None


def _formula_cells(xml: bytes, shared: list[str] | None) -> dict[str, FormulaCell]:
    cells: dict[str, FormulaCell] = {}
    start = xml.find(b"<sheetData")
    if start == -1:
        return cells
    plain = _plain_formula_cells(xml, start, shared)
    if plain is not None:
        return plain
    found: list[tuple[bytes, re.Match[bytes]]] = []  # (cell reference, its <c> element)
    if _simple_layout(xml, b"", start, len(xml)):
        position = xml.find(b"<f", start)
        while position != -1:
            if xml[position + 2 : position + 3] in (b">", b" ", b"/"):
                match = _TOKEN.match(xml, xml.rfind(b"<c ", start, position))
                if match is not None and match.group("attrs") is not None:
                    found.append((_attribute(match.group("attrs"), b"r") or b"", match))
                    position = xml.find(b"<f", match.end())
                    continue
            position = xml.find(b"<f", position + 2)
    else:  # prefixed elements, comments, or cells without an r attribute: follow rows and columns
        row = column = 0
        for match in _TOKEN.finditer(xml, start):
            if match.group("row") is not None:
                number = _attribute(match.group("row"), b"r")
                row, column = (int(number) if number is not None and number.isdigit() else row + 1), 0
                continue
            if match.group("attrs") is None:
                continue
            ref = _attribute(match.group("attrs"), b"r")
            column = _column(ref) if ref is not None else column + 1
            if match.group("body") and b"<" in match.group("body"):
                found.append((ref or f"{_letters(column)}{row}".encode(), match))
    for ref, match in found:
        body = match.group("body") or b""
        formula = _F_ELEMENT.search(body)
        if formula is None or not ref:
            continue
        attrs = _attributes(formula.group("attrs"))
        closed = body[formula.end() - 2 : formula.end()] == b"/>"
        cell_attrs = match.group("attrs")
        content = body[formula.end() : body.find(b"<", formula.end())] if not closed else b""
        cells[ref.decode().upper()] = FormulaCell(
            kind=attrs.get("t", "normal"),
            ref=attrs.get("ref"),
            dynamic=_attribute(cell_attrs, b"cm") is not None,
            empty=closed and attrs.get("t") not in ("shared", "dataTable"),
            cached=_cached(_attribute(cell_attrs, b"t"), body[formula.end() :], shared),
            attrs=attrs,
            text=_unescape(content) if content else None,
        )
    return cells


# A formula cell as Excel and openpyxl write it: reference first, the formula, then at most a <v> (groups: the
# reference, the cell's other attributes, the <f> element's attributes, "/" for <f/>, the formula, the <v>).
_PLAIN_CELL = re.compile(
    rb'<c r="([A-Z]{1,3}[1-9][0-9]*)"((?:\s+[^\s=/>]+="[^"]*")*)\s*>'
    rb'<f((?:\s+[^\s=/>]+="[^"]*")*)\s*(?:(/)>|>([^<]*)</f>)(<v>[^<]*</v>|<v\s*/>)?</c>'
)


def _plain_formula_cells(xml: bytes, start: int, shared: list[str] | None) -> dict[str, FormulaCell] | None:
    """:func:`_formula_cells` in one pass of a regular expression when every formula cell is in the plain layout;
    None otherwise (comments, prefixes, inline strings, whitespace between elements...: the general path)."""
    end = xml.find(b"</sheetData", start)
    segment = xml[start : end if end != -1 else len(xml)]
    if b"<!" in segment:  # a comment or CDATA section
        return None
    starts = segment.count(b"<f")
    simple = _SIMPLE_CELL.findall(segment)  # openpyxl's layout: a style at most, a formula of its own, no type
    if simple and len(simple) == starts:
        refs, contents, values = zip(*simple, strict=True)
        return _bulk(refs, contents, values, shared)
    found = _PLAIN_CELL.findall(segment)
    if starts != len(found) and segment.count(b"<f>") + segment.count(b"<f ") + segment.count(b"<f/") != len(found):
        return None
    if not found:
        return {}
    refs, cell_attrs, f_attrs, closed, contents, values = zip(*found, strict=True)
    if not any(f_attrs) and not any(closed) and _STYLES.fullmatch(b"".join(cell_attrs)) is not None:
        return _bulk(refs, contents, values, shared)
    names, texts = _names_and_texts(refs, contents)
    cells: dict[str, FormulaCell] = {}
    for k, value in enumerate(values):
        attrs = _attributes(f_attrs[k]) if f_attrs[k] else {}
        kind = attrs.get("t", "normal")
        cell_type = _attribute(cell_attrs[k], b"t") if cell_attrs[k] else None
        cells[names[k]] = FormulaCell(
            kind=kind,
            ref=attrs.get("ref"),
            dynamic=b"cm" in cell_attrs[k] and _attribute(cell_attrs[k], b"cm") is not None,
            empty=bool(closed[k]) and kind not in ("shared", "dataTable"),
            cached=_cached(cell_type, value, shared) if cell_type is not None else _number(value, shared),
            attrs=attrs,
            text=texts[k],
        )
    return cells


def _names_and_texts(refs: tuple[bytes, ...], contents: tuple[bytes, ...]) -> tuple[list[str], list[str | None]]:
    """The references and formula texts, decoded in one pass each (XML text holds no NUL), unescaped."""
    names = b"\0".join(refs).decode().split("\0")
    joined = b"\0".join(contents).decode()
    texts: list[str] = joined.split("\0")
    if "&" in joined:
        texts = [_unescape_text(t) if "&" in t else t for t in texts]
    return names, [t or None for t in texts]


def _bulk(
    refs: tuple[bytes, ...], contents: tuple[bytes, ...], values: tuple[bytes, ...], shared: list[str] | None
) -> dict[str, FormulaCell]:
    """Formula cells of their own without a cached type (a number or nothing stored), built in bulk."""
    names, texts = _names_and_texts(refs, contents)
    if set(values) <= _NOTHING_STORED:
        cached: list[object] = [None] * len(names)
    else:
        cached = [_number(value, shared) for value in values]
    return dict(
        zip(
            names,
            map(FormulaCell, repeat("normal"), repeat(None), repeat(False), repeat(False), cached,
                map(dict, repeat(())), texts),
            strict=False,
        )
    )  # fmt: skip


_SIMPLE_CELL = re.compile(rb'<c r="([A-Z]{1,3}[1-9][0-9]*)"(?: s="[0-9]+")?><f>([^<]*)</f>(<v>[^<]*</v>|<v\s*/>)?</c>')
_STYLES = re.compile(rb'(?: s="[0-9]+")*')  # cells with at most a style: no type, no dynamic-array flag
_NOTHING_STORED = frozenset((b"", b"<v/>", b"<v />", b"<v></v>"))


def _number(value: bytes, shared: list[str] | None) -> object:
    """The value stored in a cell without a type: a number (the ``<v>`` element's text), None when none is."""
    if value[2:3] != b">":  # no <v>, or <v/>: nothing stored
        return None
    if b"&" not in value:  # <v>number</v>, as _cached reads it
        try:
            return float(value[3:-4]) if value[3:-4].strip() else None
        except ValueError:
            return None
    return _cached(None, value, shared)


def _shared_strings(package: zipfile.ZipFile) -> list[str] | None:
    names = {n.lower(): n for n in package.namelist()}
    entry = names.get("xl/sharedstrings.xml")
    if entry is None:
        return None
    strings = []
    for element in ElementTree.fromstring(package.read(entry)):
        if _local(element.tag) == "si":
            strings.append("".join(t.text or "" for t in element.iter() if _local(t.tag) == "t"))
    return strings


def _tables(package: zipfile.ZipFile, parts: dict[str, str | None]) -> list[Table]:
    names = {n.lower(): n for n in package.namelist()}
    tables = []
    for sheet, part in parts.items():
        if part is None:
            continue
        rels = names.get(posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels").lower())
        if rels is None:
            continue
        for rel in _relationships(package.read(rels)):
            if not rel.get("Type", "").endswith("/table") or rel.get("TargetMode") == "External":
                continue
            entry = names.get(_resolve(posixpath.dirname(part), rel.get("Target", "")).lower())
            if entry is None:
                continue
            root = ElementTree.fromstring(package.read(entry))
            columns = [c.get("name", "") for c in root.iter() if _local(c.tag) == "tableColumn"]
            tables.append(
                Table(
                    name=root.get("displayName") or root.get("name") or "",
                    sheet=sheet,
                    ref=root.get("ref", ""),
                    columns=columns,
                    header_rows=int(root.get("headerRowCount", "1")),
                    totals_rows=int(root.get("totalsRowCount", "0")) or (1 if root.get("totalsRowShown") == "1" else 0),
                )
            )
    return tables


_EXTERNAL_TARGET = re.compile(r"=?(?:'((?:[^']|'')+)'|([^'!\s]+))!\$?([A-Za-z]{1,3})\$?(\d+)")


def _external_names(package: zipfile.ZipFile, root: ElementTree.Element) -> dict[str, str]:
    """The workbook-level names of linked workbooks as formulas write them (``[1]!rate``, lower case) -> the value
    the file holds for them (``0.25``, a literal), as Excel uses them while the link is not updated. Only names
    of one cell whose value the link's copy holds; the others stay as they are (:mod:`.unsupported` keeps
    Excel's stored value for the cells that read them)."""
    names = {name.lower(): name for name in package.namelist()}
    rels_entry = names.get("xl/_rels/workbook.xml.rels")
    ids = [
        next((v for k, v in e.attrib.items() if k.startswith("{") and k.endswith("}id")), None)
        for e in root.iter()
        if e.tag.rpartition("}")[2] == "externalReference"
    ]
    if not ids or rels_entry is None:
        return {}
    targets = {rel.get("Id"): _resolve("xl", rel.get("Target", "")) for rel in _relationships(package.read(rels_entry))}
    out: dict[str, str] = {}
    for index, rel_id in enumerate(ids, start=1):
        part = names.get(targets.get(rel_id, "").lower()) if rel_id else None
        if part is None:
            continue
        book = ElementTree.fromstring(package.read(part))
        local = [
            e for e in book.iter() if e.tag.rpartition("}")[2] in ("sheetName", "definedName", "sheetData", "cell")
        ]
        sheets = [e.get("val") for e in local if e.tag.endswith("sheetName")]
        cached: dict[tuple[int, str], str] = {}
        for data in (e for e in local if e.tag.endswith("sheetData")):
            for cell in data.iter():
                if cell.tag.rpartition("}")[2] == "cell" and cell.get("r"):
                    value = next((v.text for v in cell if v.tag.rpartition("}")[2] == "v"), None)
                    if value is not None:
                        kind = cell.get("t", "n")
                        literal = (
                            '"' + value.replace('"', '""') + '"' if kind in ("str", "s", "inlineStr")
                            else ("TRUE" if value in ("1", "true") else "FALSE") if kind == "b"
                            else value if kind == "e" or _NUMBER_TEXT.fullmatch(value)
                            else None
                        )  # fmt: skip
                        if literal is not None:
                            cached[(int(data.get("sheetId", "-1")), cell.get("r").upper())] = literal
        for element in (e for e in local if e.tag.endswith("definedName")):
            match = _EXTERNAL_TARGET.fullmatch((element.get("refersTo") or "").strip())
            if element.get("sheetId") is not None or match is None or not element.get("name"):
                continue
            sheet = match[1].replace("''", "'") if match[1] else match[2]
            literal = cached.get((sheets.index(sheet), (match[3] + match[4]).upper())) if sheet in sheets else None
            if literal is not None:
                out[f"[{index}]!{element.get('name').lower()}"] = literal
    return out


_NUMBER_TEXT = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


_ISO_DATE_CELL = re.compile(rb'<c\b([^>]*\st="d"[^>]*)>(.*?)</c>', re.S)
_CELL_REF = re.compile(rb'\sr="([A-Z]{1,3})([0-9]+)"')
_V = re.compile(rb"<(?:\w+:)?v>([^<]+)</(?:\w+:)?v>")


def _iso_date_cells(xml: bytes, date1904: bool) -> dict[tuple[int, int], float]:
    """The value cells (no formula) stored as ISO 8601 dates (``t="d"``), as the serial numbers Excel reads them
    as (ECMA-376 Part 1, 18.18.11): the engine reads them as dates that COUNT, SUM and MAX skip.

    >>> _iso_date_cells(b'<c r="A1" t="d"><v>2024-03-01T12:00:00</v></c><c r="B2" t="d"><v>1900-01-01</v></c>', False)
    {(1, 1): 45352.5, (2, 2): 1.0}
    """
    out: dict[tuple[int, int], float] = {}
    epoch = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
    for match in _ISO_DATE_CELL.finditer(xml):
        attrs, body = match.groups()
        ref, value = _CELL_REF.search(attrs), _V.search(body)
        if ref is None or value is None or b"<f" in body:
            continue
        try:
            moment = dt.datetime.fromisoformat(value.group(1).decode().strip().replace("Z", "+00:00"))
        except ValueError:
            continue
        serial = (moment.replace(tzinfo=None) - epoch).total_seconds() / 86400
        if not date1904 and serial < 61:  # Excel's 1900 calendar counts a 29 February 1900 (serial 60)
            serial -= 1
        out[(int(ref.group(2)), column_index_from_string(ref.group(1).decode()))] = serial
    return out


def _flag(value: str | None) -> bool:
    return value is not None and value.strip().lower() in ("1", "true")


def scan(path: str) -> PackageInfo:
    """The formula cells, tables, date system and calculation settings of the package at ``path``."""
    with zipfile.ZipFile(path) as package:
        parts = _sheet_parts(package)
        info = PackageInfo(formulas={}, tables=_tables(package, parts))
        root = ElementTree.fromstring(package.read("xl/workbook.xml"))
        titles = [e.get("name") for e in root.iter() if _local(e.tag) == "sheet"]
        for element in root.iter():
            tag = _local(element.tag)
            if tag == "definedName" and element.get("name") and _REFERENCE.fullmatch((element.text or "").strip()):
                local = element.get("localSheetId")
                scope = titles[int(local)] if local is not None and local.isdigit() and int(local) < len(titles) else ""
                name = element.get("name").lower()
                # Excel's built-in names (_xlnm.Print_Area) are also read under their bare names (Print_Area)
                for key in (name, name[6:]) if name.startswith("_xlnm.") else (name,):
                    info.reference_names.append((scope or "", key, element.text.strip()))
                    if _NAMED_RANGE.fullmatch(element.text.strip()):
                        info.names.setdefault(scope or "", {})[key] = element.text.strip()
            if tag == "workbookPr":
                info.date1904 = _flag(element.get("date1904"))
            elif tag == "calcPr":
                info.iterate = _flag(element.get("iterate"))
                info.iterate_count = int(element.get("iterateCount", "100"))
                info.iterate_delta = float(element.get("iterateDelta", "0.001"))
        qualify(info.names)  # S!Name: sheet S's own name, from any sheet
        info.external_names = _external_names(package, root)  # [1]!Rate: a linked workbook's name's value held
        info.linked = any(e.tag.rpartition("}")[2] == "externalReference" for e in root.iter())
        shared: list[str] | None = None
        shared_read = False
        formatted: dict[int, float] | None = None  # shared strings that are formatted numbers (number_texts)
        for sheet, part in parts.items():
            if part is None:
                continue
            xml = package.read(part)
            if b't="s"' in xml or b"inlineStr" in xml:
                if formatted is None:
                    entry = {n.lower(): n for n in package.namelist()}.get("xl/sharedstrings.xml")
                    formatted = shared_candidates(package.read(entry)) if entry is not None else {}
                texts = text_cells(xml, formatted)
                if texts:
                    info.number_texts[sheet] = texts
            if not shared_read and b't="s"' in xml and b"<f" in xml:
                shared, shared_read = _shared_strings(package), True
            cells = _formula_cells(xml, shared)
            if cells:
                info.formulas[sheet] = cells
            if b't="d"' in xml:
                dates = _iso_date_cells(xml, info.date1904)
                if dates:
                    info.iso_dates[sheet] = dates
            if b"_xldudf_" in xml or b"_XLDUDF_" in xml:
                info.officejs_sheets.add(sheet)
            if b'"e"' in xml and _NEWER_ERROR.search(xml):
                info.newer_errors_in.add(sheet)
                values = {
                    (int(m[2]), column_index_from_string(m[1].decode())): m[3].decode()
                    for m in _NEWER_ERROR_VALUE.finditer(xml)
                }
                if values:
                    info.newer_errors[sheet] = values
    return info


def _covered(cells: dict[str, FormulaCell]) -> set[bytes]:
    """The cells of array formulas and data tables other than the first (data tables: all), as b"B2"."""
    out: set[bytes] = set()
    for ref, cell in cells.items():
        if cell.kind in ("array", "dataTable") and cell.ref:
            left, top, right, bottom = range_boundaries(cell.ref)
            for r in range(top, bottom + 1):
                for c in range(left, right + 1):
                    out.add(f"{_letters(c)}{r}".encode())
            if cell.kind == "array":
                out.discard(ref.encode())
        elif cell.empty:
            out.add(ref.encode())
    return out


#: an error value stored in a cell that is none of the seven classic ones (#CALC!, #SPILL!, #FIELD!, #BLOCKED!,
#: #GETTING_DATA, ...): the engine's reader refuses the whole workbook for one
_CLASSIC_ERRORS = rb"(?:#NULL!|#DIV/0!|#VALUE!|#REF!|#NAME\?|#NUM!|#N/A)"
_NEWER_ERROR = re.compile(rb"<(?:\w+:)?v>\s*(?!" + _CLASSIC_ERRORS + rb"\s*<)#[^<]*<")
_NEWER_ERROR_VALUE = re.compile(  # a value cell (no formula) holding one: (column, row, code)
    rb'<(?:\w+:)?c\s+r="([A-Z]{1,3})([0-9]+)"[^>]*\st="e"[^>]*>\s*<(?:\w+:)?v>\s*(?!'
    + _CLASSIC_ERRORS
    + rb"\s*<)(#[^<]*?)\s*</(?:\w+:)?v>\s*</(?:\w+:)?c>"
)


def without_members(path: str, info: PackageInfo) -> bytes | None:
    """The package as the engine should read it, or None when that is the package itself: the stored values of
    array members and data-table cells removed, and the cells holding an error value the engine's reader
    refuses (#CALC!, #SPILL!, ...) left out (value cells: :func:`.engine.load` puts the error back) or, in a
    formula cell, without their cached value.

    Excel stores an array formula once, in its first cell; the other cells hold only values, which
    the engine would read as cells blocking the array's result.
    """
    covered = {sheet: _covered(cells) for sheet, cells in info.formulas.items()}
    covered = {sheet: refs for sheet, refs in covered.items() if refs}
    if not covered and not info.newer_errors_in:
        return None
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as package, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        sheets = {part: sheet for sheet, part in _sheet_parts(package).items() if part}
        for entry in package.infolist():
            data = package.read(entry)
            sheet = sheets.get(entry.filename)
            refs = covered.get(sheet, set()) if sheet is not None else set()
            newer = sheet in info.newer_errors_in
            if refs or newer:
                chunks, last = [], 0
                for match in _TOKEN.finditer(data):
                    attrs = match.group("attrs")
                    if attrs is None:
                        continue
                    ref = _attribute(attrs, b"r")
                    body = match.group("body") or b""
                    if ref is not None and ref.upper() in refs:
                        chunks.append(data[last : match.start()])
                        last = match.end()
                    elif newer and _attribute(attrs, b"t") == b"e" and _NEWER_ERROR.search(body):
                        chunks.append(data[last : match.start()])
                        formula = _FORMULA_ELEMENT.search(body)
                        if formula is not None:  # the formula without its cached error
                            chunks.append(b"<" + match.group("p") + b"c" + _T_ATTRIBUTE.sub(b"", attrs) + b">")
                            chunks.append(formula.group(0) + match.group("tail"))
                        last = match.end()
                chunks.append(data[last:])
                data = b"".join(chunks)
            copy.writestr(entry.filename, data, compresslevel=1)
    return buffer.getvalue()


_FORMULA_ELEMENT = re.compile(rb"<(?P<p>(?:\w+:)?)f\b[^>]*?(?:/>|>.*?</(?P=p)f\s*>)", re.S)
_T_ATTRIBUTE = re.compile(rb"\s+t\s*=\s*(?:\"[^\"]*\"|'[^']*')")


def stored_values(path: str, wanted: dict[str, set[str]]) -> dict[str, dict[str, object]]:
    """The values the package stores in the cells ``wanted[sheet]`` (``{"G2", "G3"}``): ``{sheet: {"G2": 20.0}}``.

    For the members of an array formula whose first cell keeps its stored value (their values were removed
    before loading: :func:`without_members`). A cell the package stores no value for is left out.
    """
    out: dict[str, dict[str, object]] = {}
    with zipfile.ZipFile(path) as package:
        parts = _sheet_parts(package)
        shared: list[str] | None = None
        shared_read = False
        for sheet, refs in wanted.items():
            part = parts.get(sheet)
            if not part or not refs:
                continue
            xml = package.read(part)
            targets = {ref.upper().encode() for ref in refs}
            for match in _TOKEN.finditer(xml, max(xml.find(b"<sheetData"), 0)):
                attrs = match.group("attrs")
                ref = _attribute(attrs, b"r") if attrs is not None else None
                if ref is None or ref.upper() not in targets:
                    continue
                kind = _attribute(attrs, b"t")
                if kind == b"s" and not shared_read:
                    shared, shared_read = _shared_strings(package), True
                value = _cached(kind, match.group("body") or b"", shared)
                if value is not None:
                    out.setdefault(sheet, {})[ref.decode().upper()] = value
    return out
