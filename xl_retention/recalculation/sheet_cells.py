"""The cells of one sheet's XML that the formula engine does not report: read at the byte level.

For the package scan (:mod:`.package`): each formula cell (``<c>`` holding an ``<f>``) with its kind, its formula as
stored and the value stored in the file (Excel's last answer), read by a fast path for the plain cells Excel and
openpyxl write (one regular expression per cell) and a general one for the rest; and the value cells stored as ISO
8601 dates (``t="d"``). Read as :mod:`.xlsx_values` writes them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from itertools import repeat

from openpyxl.utils.cell import column_index_from_string

from ..cells import CellError
from .xlsx_values import _TOKEN, _attribute, _column, _letters, _simple_layout

__all__ = ["FormulaCell", "cached_value", "formula_cells", "iso_date_cells", "plain_formula_cells", "unescaped"]

_F_ELEMENT = re.compile(
    rb"<(?:[A-Za-z_][\w.\-]*:)?f(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?:/>|>)"
)
_V_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?v(?:\s[^>]*)?>(?P<text>[^<]*)</(?:[A-Za-z_][\w.\-]*:)?v\s*>")
_INLINE_TEXT = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?t(?:\s[^>]*)?>(?P<text>[^<]*)</")

_PHONETIC = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?rPh\b.*?</(?:[A-Za-z_][\w.\-]*:)?rPh\s*>", re.S)
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")  # ECMA-376 ST_Xstring: a character XML cannot hold


def _escaped_char(match: re.Match[str]) -> str:
    return chr(int(match.group(1), 16))


def unescaped(text: str) -> str:
    """``text`` (a string cell's or shared string's) with its ``_xHHHH_`` escapes decoded (ECMA-376 ST_Xstring: Excel
    writes a carriage return as ``_x000D_``); the one decoder of the package's strings (:mod:`.package` too).

    >>> unescaped("a_x000D_b"), unescaped("plain")
    ('a\\rb', 'plain')
    """
    return _ESCAPED.sub(_escaped_char, text) if "_x" in text else text


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


def cached_value(cell_type: bytes | None, body: bytes, shared: list[str] | None) -> object:
    """The value stored in a cell (``<v>``, or an inline string's ``<t>`` runs), read as Excel reads it: texts with
    their ``_xHHHH_`` escapes decoded (ECMA-376 ST_Xstring: Excel writes a carriage return as ``_x000D_``) and an
    inline string's phonetic runs (``<rPh>``) left out, as :mod:`.package` reads shared strings.

    >>> [ord(c) for c in cached_value(b"str", b"<v>a_x000D_b</v>", None)]
    [97, 13, 98]
    >>> cached_value(b"inlineStr", b"<is><t>x</t><rPh sb='0' eb='1'><t>Y</t></rPh></is>", None)
    'x'
    """
    value = _V_ELEMENT.search(body)
    if cell_type == b"inlineStr":
        if b"<rPh" in body or b":rPh" in body:
            body = _PHONETIC.sub(b"", body)
        texts = _INLINE_TEXT.findall(body)
        return unescaped("".join(_unescape(t) for t in texts)) if texts else None
    if value is None:
        return None
    text = _unescape(value.group("text"))
    if cell_type == b"e":
        return CellError(text)
    if cell_type == b"str":
        return unescaped(text)
    if cell_type == b"b":
        return text.strip() in ("1", "true")
    if cell_type == b"s":
        index = int(text) if text.strip().isdigit() else -1
        return shared[index] if shared is not None and 0 <= index < len(shared) else None
    try:
        return float(text) if text.strip() else None
    except ValueError:
        return None


def formula_cells(xml: bytes, shared: list[str] | None) -> dict[str, FormulaCell]:
    cells: dict[str, FormulaCell] = {}
    start = xml.find(b"<sheetData")
    if start == -1:
        return cells
    plain = plain_formula_cells(xml, start, shared)
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
            cached=cached_value(_attribute(cell_attrs, b"t"), body[formula.end() :], shared),
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


def plain_formula_cells(xml: bytes, start: int, shared: list[str] | None) -> dict[str, FormulaCell] | None:
    """:func:`formula_cells` in one pass of a regular expression when every formula cell is in the plain layout;
    None otherwise (comments, prefixes, inline strings, whitespace between elements...: the general path)."""
    end = xml.find(b"</sheetData", start)
    segment = xml[start : end if end != -1 else len(xml)]
    if b"!" in segment and b"<!" in segment:  # a comment or CDATA section (memchr for "!" first: 0.2 ms, not 4)
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
            cached=cached_value(cell_type, value, shared) if cell_type is not None else _number(value, shared),
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
    if b"&" not in value:  # <v>number</v>, as cached_value reads it
        try:
            return float(value[3:-4]) if value[3:-4].strip() else None
        except ValueError:
            return None
    return cached_value(None, value, shared)


_ISO_DATE_CELL = re.compile(rb'<c\b([^>]*\st="d"[^>]*)>(.*?)</c>', re.S)
_CELL_REF = re.compile(rb'\sr="([A-Z]{1,3})([0-9]+)"')
_V = re.compile(rb"<(?:\w+:)?v>([^<]+)</(?:\w+:)?v>")


def iso_date_cells(xml: bytes, date1904: bool) -> dict[tuple[int, int], float]:
    """The value cells (no formula) stored as ISO 8601 dates (``t="d"``), as the serial numbers Excel reads them
    as (ECMA-376 Part 1, 18.18.11): the engine reads them as dates that COUNT, SUM and MAX skip.

    >>> iso_date_cells(b'<c r="A1" t="d"><v>2024-03-01T12:00:00</v></c><c r="B2" t="d"><v>1900-01-01</v></c>', False)
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
